import { defineVendor } from '../definition';
import { definePack } from '../../policy/schema';
import { zhEnPlaceholder } from './text';
import { dummyShopPages } from './pages';

const cite = { source: 'https://dummy.example/terms', clause: '第 1 条' };

export const dummyShop = defineVendor({
  id: 'dummy-shop',
  pages: dummyShopPages,
  policy: definePack({
    id: 'dummy-shop',
    name: zhEnPlaceholder('示例商店', 'Dummy Shop'),
    lastChecked: '2026-12-01',
    covers: zhEnPlaceholder('示例商店的订阅', 'Dummy Shop subscriptions'),
    rules: [{ id: 'after', outcome: 'not-eligible', refund: null, claimWith: 'vendor', summary: zhEnPlaceholder('不退。', 'No refund.'), citations: [cite] }],
  }),
  ticket: {
    vendor: 'dummy-shop',
    channel: 'email',
    url: null,
    category: { refund: [], difference: [], compensation: [], review: [] },
    fields: { subject: 'subject', description: 'body' },
    defaultProduct: zhEnPlaceholder('示例订阅', 'Dummy subscription'),
    company: null,
    citations: [cite],
  },
  flags: { vendor: 'dummy-shop', advice: {} },
  sla: [],
});
