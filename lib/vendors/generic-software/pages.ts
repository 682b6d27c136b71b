import { defineVendorPages } from '../define-pages';
import { genericSoftwareName, genericSoftwareSummary } from './words';

/**
 * Generic software / SaaS / course checkouts. The pack has no hosts of its own:
 * it applies only on sites the user enabled or checked once, where the page's
 * text has to look like a checkout.
 */
// Actions only a checkout shows; words that also appear in articles about
// checkouts (支付方式, a bare "checkout" as in `git checkout`) are left out.
export const CHECKOUT_TEXT =
  /(立即购买|立即支付|确认订单|提交订单|去结算|确认支付|订单结算|Place (your )?order|Proceed to checkout|Pay now|Complete (your )?purchase|Buy now)/i;
// A price: a currency sign before an amount (not a shell variable like `$1`
// followed by more code), or an amount followed by 元 / a currency code.
export const PRICE_TEXT = /(¥|￥|RMB|CNY|US\$|€)\s?\d|\$\d+(\.\d{2})?(?![\w{])|\d+(\.\d{1,2})?\s?(元|CNY|USD)/;

export const genericSoftwarePages = defineVendorPages({
  vendor: 'generic-software',
  name: genericSoftwareName,
  summary: genericSoftwareSummary,
  hosts: [],
  rules: [],
  anySite: { kind: 'checkout', text: [CHECKOUT_TEXT, PRICE_TEXT] },
});
