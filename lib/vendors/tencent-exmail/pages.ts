import { defineVendorPages } from '../define-pages';
import { tencentExmailName, tencentExmailSummary } from './words';

// Exmail's own URLs from FACTS.md; its checkout URL is not confirmed, so purchase
// pages are recognised on the product page, the purchase path and, inside the
// admin console, by what the screen says (购买/续费 + 订单/支付).
export const tencentExmailPages = defineVendorPages({
  vendor: 'tencent-exmail',
  name: tencentExmailName,
  summary: tencentExmailSummary,
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
