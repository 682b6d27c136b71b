import { defineVendorPages } from '../define-pages';
import { tencentCloudName, tencentCloudSummary } from './words';

// URL shapes from FACTS.md "URLs and page kinds" (Tencent Cloud purchase, orders, tickets).
export const tencentCloudPages = defineVendorPages({
  vendor: 'tencent-cloud',
  name: tencentCloudName,
  summary: tencentCloudSummary,
  hosts: ['buy.cloud.tencent.com', 'console.cloud.tencent.com', 'cloud.tencent.com'],
  // FACTS.md, Tencent Cloud refunds: a term (1年, 3个月) is chosen only for 包年包月; 按量计费 has none.
  termMeansPrepaid: true,
  rules: [
    // Purchase flow, e.g. buy.cloud.tencent.com/cvm?tab=custom&step=1
    {
      kind: 'checkout',
      hosts: ['buy.cloud.tencent.com'],
    },
    // 费用中心 › 订单管理 (/expense/deal) and the older order list (/deal), with order details
    {
      kind: 'order',
      hosts: ['console.cloud.tencent.com'],
      path: /^\/(expense\/deal|deal)(\/|$)/,
    },
    // Ticket list, category chooser and ticket form (/workorder, /workorder/category, /workorder/create)
    {
      kind: 'ticket',
      hosts: ['console.cloud.tencent.com'],
      path: /^\/workorder(\/|$)/,
    },
    // Billing overview and product consoles where prepaid resources are listed
    {
      kind: 'console',
      hosts: ['console.cloud.tencent.com'],
      path: /^\/(expense|cvm|lighthouse|cos|domain|account)(\/|$)/,
    },
  ],
});
