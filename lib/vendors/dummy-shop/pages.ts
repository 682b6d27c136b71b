import { defineVendorPages } from '../define-pages';

export const dummyShopPages = defineVendorPages({
  vendor: 'dummy-shop',
  name: { 'zh-CN': '示例商店', en: 'Dummy Shop' },
  summary: { 'zh-CN': '购买后 3 天内可全额退款。', en: 'Full refund within 3 days of purchase.' },
  hosts: ['shop.dummy.example'],
  rules: [{ kind: 'checkout', hosts: ['shop.dummy.example'], path: /^\/buy(\/|$)/, description: 'Checkout' }],
});
