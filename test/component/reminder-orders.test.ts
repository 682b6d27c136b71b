import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { orderPayload } from '../../lib/evidence/testing/ledger';
import { emptyOutageLog } from '../../lib/outages';
import { trackedDeadlines } from '../../lib/reminders';
import { openEvidenceStore, type EvidenceStore } from '../../platform/evidence-db';
import { storedOrders } from '../../platform/reminders';

// Issue 19: a forum page quoting a shop's order number took the order's place, and with it the
// order's refund reminder. The worker reads the orders its reminders come from with `storedOrders`.

const T0 = new Date('2026-11-22T02:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const ORDER = 'GS-2026-1001';

const generic = (url: string, title: string, text: string, fields: Record<string, string | number>) =>
  orderPayload({
    url,
    title,
    match: { vendor: 'generic-software', kind: 'order' },
    text,
    dom: `<html><body><p>${text}</p></body></html>`,
    fields,
    source: 'manual',
  });

const shop = generic(
  `http://store.example.net/account/orders/${ORDER}`,
  '订单详情 - 像素工坊官方商店',
  `订单号 ${ORDER} 状态 已支付 商品 Pixel Studio Pro 个人版 1年 支付时间 2026-11-20 10:02:11`,
  {
    orderId: ORDER,
    status: '已支付',
    product: 'Pixel Studio Pro 个人版',
    term: '1年',
    paidAt: '2026-11-20 10:02:11',
    amountPaid: 199,
  },
);
// The forum post even quotes a payment time of its own (another purchase, a day earlier).
const forum = generic(
  'http://bbs.example.net/thread-882134-1-1.html',
  '求助：买的软件激活不了，能退吗？ - 示例论坛',
  `楼主：订单号 ${ORDER}，支付时间 2026-11-19 08:00:00，客服三天没回。`,
  { orderId: ORDER, paidAt: '2026-11-19 08:00:00', product: 'Pixel Studio Pro', term: '1年' },
);

let counter = 0;
const opened: EvidenceStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

describe('the orders reminders are computed from', () => {
  it('keep the shop’s order and its deadlines when a forum page names the same number later', async () => {
    const store = openEvidenceStore({ name: `reminder-orders-${++counter}` });
    opened.push(store);
    const saved = await store.capture(shop, null, at(0));
    await store.capture(forum, null, at(10));

    const orders = await storedOrders(store);
    const ofShop = orders.find((o) => o.snapshotId === saved.id);
    expect(ofShop).toMatchObject({ vendor: 'generic-software', orderId: ORDER, site: 'store.example.net' });
    expect(orders.map((o) => o.site).sort()).toEqual(['bbs.example.net', 'store.example.net']);

    // Each order keeps its own deadlines: the forum's do not replace the shop's under the same number.
    const deadlines = trackedDeadlines({ orders, outageLog: emptyOutageLog, now: at(20).getTime() });
    const datesOf = (kind: string) =>
      deadlines
        .filter((d) => d.orderId === ORDER && d.kind === kind)
        .map((d) => d.date)
        .sort();
    expect(datesOf('service-expiry')).toEqual(['2027-11-19', '2027-11-20']);
    expect(new Set(datesOf('refund-window')).size).toBe(2);
  });
});
