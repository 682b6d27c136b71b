import { defineVendorPages } from '../define-pages';

// Exmail's own URLs from FACTS.md; its checkout URL is not confirmed, so purchase
// pages are recognised on the product page, the purchase path and, inside the
// admin console, by what the screen says (购买/续费 + 订单/支付).
export const tencentExmailPages = defineVendorPages({
  vendor: 'tencent-exmail',
  name: { 'zh-CN': '腾讯企业邮箱', en: 'Tencent Exmail' },
  summary: {
    'zh-CN': '开通后原则上不退款；未激活、故障超 72 小时、误购或重复支付、代理商书面承诺可协商。',
    en: 'No refund once activated, in principle; not activated, outages over 72 h, wrong or duplicate orders and a reseller’s written promise are worth a request.',
  },
  hosts: ['exmail.qq.com', 'cloud.tencent.com', 'buy.cloud.tencent.com'],
  rules: [
    // Exmail product and purchase page on cloud.tencent.com
    {
      kind: 'checkout',
      hosts: ['cloud.tencent.com'],
      path: /^\/product\/exmail(\/|$)/,
    },
    // Exmail purchase flow on the Tencent Cloud checkout
    {
      kind: 'checkout',
      hosts: ['buy.cloud.tencent.com'],
      path: /^\/exmail(\/|$)/,
    },
    // Purchase, renewal and upgrade screens inside the admin console
    {
      kind: 'checkout',
      hosts: ['exmail.qq.com'],
      path: /^\/cgi-bin\/bizmail/,
      text: /确认订单|立即支付|提交订单/,
    },
    // Admin console (bizmail, bizmail_account …)
    {
      kind: 'console',
      hosts: ['exmail.qq.com'],
      path: /^\/cgi-bin\/bizmail/,
    },
    // Login and webmail pages, including their error and timeout states (outage evidence)
    {
      kind: 'webmail',
      hosts: ['exmail.qq.com'],
      path: /^\/(login(\/|$)|cgi-bin\/(frame_html|readmail|mail_list|today|compose|login))/,
    },
  ],
});
