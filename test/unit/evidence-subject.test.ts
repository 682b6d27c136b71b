import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { newestPerOrder, subjectKey, type SnapshotSummary } from '../../lib/evidence';
import { findTabOrder, type SnapshotReader } from '../../lib/evidence/tab-order';
import { orderPayload } from '../../lib/evidence/testing/ledger';
import { emptyOutageLog } from '../../lib/outages';
import { trackedDeadlines, type OrderRecord } from '../../lib/reminders';
import { openEvidenceStore, type EvidenceStore } from '../../platform/evidence-db';

// Issue 19: a forum page quoting a shop's order number became the newer version of the shop's real
// order (same generic subject key), and the order's refund reminder went with it.

const T0 = new Date('2026-11-22T02:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const ORDER = 'GS-2026-1001';
const SHOP_URL = `http://store.example.net/account/orders/${ORDER}`;
const FORUM_URL = 'http://bbs.example.net/thread-882134-1-1.html';

const shopOrder = (status: string) =>
  orderPayload({
    url: SHOP_URL,
    title: '订单详情 - 像素工坊官方商店',
    match: { vendor: 'generic-software', kind: 'order' },
    text: `订单详情 订单号 ${ORDER} 状态 ${status} 商品 Pixel Studio Pro 个人版 1年 实付金额 ¥199.00 支付时间 2026-11-20 10:02:11`,
    dom: `<html><body><h1>订单详情</h1><dl><dt>订单号</dt><dd>${ORDER}</dd><dt>状态</dt><dd>${status}</dd></dl></body></html>`,
    fields: {
      orderId: ORDER,
      status,
      product: 'Pixel Studio Pro 个人版',
      term: '1年',
      paidAt: '2026-11-20 10:02:11',
      amountPaid: 199,
    },
    source: 'manual',
  });

const forumPage = orderPayload({
  url: FORUM_URL,
  title: '求助：买的软件激活不了，能退吗？ - 示例论坛',
  match: { vendor: 'generic-software', kind: 'order' },
  text: `楼主：上周买的，订单号 ${ORDER}，客服三天没回。 2 楼：先截图留证据。`,
  dom: `<html><body><div class="post">订单号 ${ORDER}，客服三天没回</div></body></html>`,
  fields: { orderId: ORDER },
  source: 'manual',
});

let counter = 0;
const opened: EvidenceStore[] = [];
function store(name = `subject-${++counter}`) {
  const s = openEvidenceStore({ name });
  opened.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

async function everything(s: EvidenceStore): Promise<SnapshotSummary[]> {
  return (await s.list({ offset: 0, limit: 100 })).items;
}

/** The orders reminders are computed from, as the worker reads them (newest snapshot per order). */
async function reminderOrders(s: EvidenceStore): Promise<OrderRecord[]> {
  const out: OrderRecord[] = [];
  for (const item of newestPerOrder(await everything(s))) {
    const detail = await s.get(item.id);
    out.push({ vendor: item.vendor, orderId: item.orderId!, snapshotId: item.id, fields: detail!.body.fields });
  }
  return out;
}

describe('subjects of generic orders are keyed by site', () => {
  it('names the site in a generic order’s key, not in a shipped vendor’s', () => {
    expect(subjectKey('generic-software', SHOP_URL, { orderId: ORDER })).toBe(
      `order:generic-software@store.example.net:${ORDER}`,
    );
    expect(subjectKey('generic-software', 'https://WWW.Store.Example.net/x', { orderId: ORDER })).toBe(
      `order:generic-software@store.example.net:${ORDER}`,
    );
    expect(subjectKey('my-custom-pack', FORUM_URL, { orderId: 7 })).toBe('order:my-custom-pack@bbs.example.net:7');
    // Tencent Cloud's order is the same order on buy. and console.
    const tc = { orderId: '20261118105822371604' };
    expect(subjectKey('tencent-cloud', 'http://console.cloud.tencent.com/expense/deal', tc)).toBe(
      subjectKey('tencent-cloud', 'http://buy.cloud.tencent.com/cvm', tc),
    );
  });

  it('a forum page quoting the shop’s order number is not a version of the order: the order and its reminder stay', async () => {
    const s = store();
    const shop = await s.capture(shopOrder('已支付'), null, at(0));
    const forum = await s.capture(forumPage, null, at(10));
    expect(forum).toMatchObject({ status: 'saved' });

    // Reminders follow the shop's order, not the forum page that came later.
    const orders = await reminderOrders(s);
    const deadlines = trackedDeadlines({ orders, outageLog: emptyOutageLog, now: at(20).getTime() });
    expect(deadlines.filter((d) => d.orderId === ORDER).length).toBeGreaterThan(0);
    expect(orders.map((o) => o.snapshotId).sort()).toEqual([shop.id, forum.id].sort());
    expect((await s.get(forum.id))!.body.previousSnapshotId).toBeNull();

    // The shop's next version still links to the shop's own snapshot.
    const refunded = await s.capture(shopOrder('退款中'), null, at(30));
    expect((await s.get(refunded.id))!.body.previousSnapshotId).toBe(shop.id);
    expect(await s.verify()).toMatchObject({ ok: true, problems: [] });
  });

  it('finds an order saved under the old key (no site) from the same site only', async () => {
    const name = `subject-legacy-${++counter}`;
    const s = store(name);
    const shop = await s.capture(shopOrder('已支付'), null, at(0));
    const other = await s.capture(
      { ...shopOrder('已支付'), url: `http://shop.example.com/orders/${ORDER}` },
      null,
      at(1),
    );
    // As stored before this change: the record's index key had no site.
    const raw = await openDB(name);
    const tx = raw.transaction('snapshots', 'readwrite');
    for (const id of [shop.id, other.id]) {
      const record = await tx.store.get(id);
      await tx.store.put({ ...record, subjectKey: `order:generic-software:${ORDER}` });
    }
    await tx.done;
    raw.close();

    // The unchanged shop page is still a duplicate of its old snapshot; a change links to it, not to the other site's.
    expect(await s.capture(shopOrder('已支付'), null, at(2))).toEqual({ status: 'duplicate', id: shop.id });
    const next = await s.capture(shopOrder('退款中'), null, at(3));
    expect((await s.get(next.id))!.body.previousSnapshotId).toBe(shop.id);
    const forum = await s.capture(forumPage, null, at(4));
    expect((await s.get(forum.id))!.body.previousSnapshotId).toBeNull();
    expect(await s.verify()).toMatchObject({ ok: true, problems: [] });
  });

  it('the checker on the shop’s tab reads the shop’s order, not the forum page', async () => {
    const s = store();
    const shop = await s.capture(shopOrder('已支付'), null, at(0));
    const forum = await s.capture(forumPage, null, at(1));
    const reader: SnapshotReader = {
      listSnapshots: (query) => s.list(query),
      getBodies: async (ids) => ({ bodies: await s.bodies(ids) }),
    };
    const onShop = await findTabOrder(reader, { vendor: 'generic-software', url: SHOP_URL });
    expect(onShop.bodies.map((b) => b.id)).toEqual([shop.id]);
    const onForum = await findTabOrder(reader, { vendor: 'generic-software', url: FORUM_URL });
    expect(onForum.bodies.map((b) => b.id)).toEqual([forum.id]);
  });

  it('lists one order’s snapshots exactly, of a generic vendor too', async () => {
    const s = store();
    await s.capture(shopOrder('已支付'), null, at(0));
    await s.capture(forumPage, null, at(1));
    const listed = await s.list({ vendor: 'generic-software', orderId: ORDER, exactOrder: true, offset: 0, limit: 20 });
    expect(listed.items.map((i) => i.url).sort()).toEqual([FORUM_URL, SHOP_URL].sort());
  });
});
