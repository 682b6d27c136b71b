import type { VendorPages } from '../types';

/**
 * Generic software / SaaS / course checkouts. The pack has no hosts of its own:
 * it applies only on sites the user enabled or checked once, where the page's
 * text has to look like a checkout.
 */
export const CHECKOUT_TEXT =
  /(立即购买|立即支付|确认订单|提交订单|去结算|确认支付|订单结算|支付方式|Place order|Checkout|Pay now|Complete purchase|Buy now)/i;
export const PRICE_TEXT = /(¥|￥|RMB|CNY|US\$|\$|€)\s?\d|\d+(\.\d{1,2})?\s?(元|CNY|USD)/;

export const genericSoftwarePages: VendorPages = {
  vendor: 'generic-software',
  hosts: [],
  rules: [],
};
