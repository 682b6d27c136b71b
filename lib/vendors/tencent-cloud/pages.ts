import type { VendorPages } from '../types';

// URL shapes from FACTS.md "URLs and page kinds" (Tencent Cloud purchase, orders, tickets).
export const tencentCloudPages: VendorPages = {
  vendor: 'tencent-cloud',
  hosts: ['buy.cloud.tencent.com', 'console.cloud.tencent.com', 'cloud.tencent.com'],
  // FACTS.md, Tencent Cloud refunds: a term (1年, 3个月) is chosen only for 包年包月; 按量计费 has none.
  termMeansPrepaid: true,
  rules: [
    {
      kind: 'checkout',
      hosts: ['buy.cloud.tencent.com'],
      description: 'Purchase flow, e.g. buy.cloud.tencent.com/cvm?tab=custom&step=1',
    },
    {
      kind: 'order',
      hosts: ['console.cloud.tencent.com'],
      path: /^\/(expense\/deal|deal)(\/|$)/,
      description: '费用中心 › 订单管理 (/expense/deal) and the older order list (/deal), with order details',
    },
    {
      kind: 'ticket',
      hosts: ['console.cloud.tencent.com'],
      path: /^\/workorder(\/|$)/,
      description: 'Ticket list, category chooser and ticket form (/workorder, /workorder/category, /workorder/create)',
    },
    {
      kind: 'console',
      hosts: ['console.cloud.tencent.com'],
      path: /^\/(expense|cvm|lighthouse|cos|domain|account)(\/|$)/,
      description: 'Billing overview and product consoles where prepaid resources are listed',
    },
  ],
};
