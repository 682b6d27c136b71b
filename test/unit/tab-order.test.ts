import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { findTabOrder, readOrderBodies, SNAPSHOTS_READ, type SnapshotReader } from '../../lib/evidence/tab-order';
import { orderPayload } from '../../lib/evidence/testing/ledger';
import { openEvidenceStore, type EvidenceStore } from '../../platform/evidence-db';

// The lookup the worker answers `tab.order` with, run against the real store
// (as the worker wires it), so list order, vendor filter and bodies are the store's.

const T0 = new Date('2026-11-22T02:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const DETAIL = (id: string) => `http://console.cloud.tencent.com/expense/deal/detail?dealName=${id}`;
const LIST = 'https://console.cloud.tencent.com/expense/deal';

let counter = 0;
const opened: EvidenceStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

function setup() {
  const store = openEvidenceStore({ name: `tab-order-${++counter}` });
  opened.push(store);
  const calls: string[] = [];
  const reader: SnapshotReader = {
    listSnapshots: async (query) => {
      calls.push(`list ${JSON.stringify(query)}`);
      return store.list(query);
    },
    getBodies: async (ids) => {
      calls.push(`bodies ${ids.length}`);
      return { bodies: await store.bodies(ids) };
    },
  };
  const save = (minutes: number, id: string, status: string, url = DETAIL(id)) =>
    store.capture(
      orderPayload({ url, text: `订单号 ${id} 状态 ${status}`, fields: { orderId: id, status } }),
      null,
      at(minutes),
    );
  return { store, reader, calls, save };
}

describe('which saved order a tab shows', () => {
  it('is the newest snapshot saved from the tab’s address, with that order’s latest bodies, newest first', async () => {
    const { reader, save } = setup();
    await save(0, '20261118105822371604', '待支付');
    await save(1, '20261118105822371604', '已支付');
    await save(2, '20261120000000000001', '已支付'); // another order, another page
    const order = await findTabOrder(reader, { vendor: 'tencent-cloud', url: DETAIL('20261118105822371604') });
    expect(order.ref).toMatchObject({ vendor: 'tencent-cloud', orderId: '20261118105822371604', status: '已支付' });
    expect(order.bodies.map((b) => b.fields['status'])).toEqual(['已支付', '待支付']);
    expect(order.bodies.every((b) => b.fields['orderId'] === '20261118105822371604')).toBe(true);
  });

  it('reads at most SNAPSHOTS_READ bodies, from the list it already has (two queries in all)', async () => {
    const { reader, calls, save } = setup();
    for (let i = 0; i < SNAPSHOTS_READ + 3; i++) await save(i, '20261118105822371604', `状态${i}`);
    const order = await findTabOrder(reader, { vendor: 'tencent-cloud', url: DETAIL('20261118105822371604') });
    expect(order.bodies).toHaveLength(SNAPSHOTS_READ);
    expect(order.bodies[0]!.fields['status']).toBe(`状态${SNAPSHOTS_READ + 2}`);
    expect(calls).toEqual([expect.stringMatching(/^list .*"vendor":"tencent-cloud"/), `bodies ${SNAPSHOTS_READ}`]);
  });

  it('is none for a page nothing was saved from, a snapshot without an order number, or a tab that is no vendor page', async () => {
    const { reader, calls, save } = setup();
    await save(0, '20261118105822371604', '已支付');
    expect(await setupListSnapshot(save)).toMatchObject({ status: 'saved' });
    expect(await findTabOrder(reader, { vendor: 'tencent-cloud', url: DETAIL('20269999999999999999') })).toEqual({
      ref: null,
      bodies: [],
    });
    expect(await findTabOrder(reader, { vendor: 'tencent-cloud', url: LIST })).toEqual({ ref: null, bodies: [] });
    calls.length = 0;
    expect(await findTabOrder(reader, { vendor: null, url: LIST })).toEqual({ ref: null, bodies: [] });
    expect(await findTabOrder(reader, { vendor: 'tencent-cloud', url: null })).toEqual({ ref: null, bodies: [] });
    expect(calls).toEqual([]);
  });

  it('looks further back only when the newest few snapshots of the vendor are from other pages', async () => {
    const { reader, calls, save } = setup();
    await save(0, '20261118105822371604', '已支付');
    for (let i = 1; i <= 12; i++) await save(i, `2026112000000000${String(i).padStart(4, '0')}`, '已支付');
    const order = await findTabOrder(reader, { vendor: 'tencent-cloud', url: DETAIL('20261118105822371604') });
    expect(order.ref?.orderId).toBe('20261118105822371604');
    expect(calls).toEqual([
      expect.stringMatching(/"offset":0,"limit":10/),
      expect.stringMatching(/"offset":10,"limit":90/),
      'bodies 1',
    ]);
  });

  it('finds an order saved before the vendor’s newest hundred snapshots by the number the tab’s card read', async () => {
    const { store, reader, calls, save } = setup();
    await save(0, '20261118105822371604', '已支付');
    const later = Array.from({ length: 120 }, (_, i) => {
      const id = `2026112000000000${String(i).padStart(4, '0')}`;
      return orderPayload({ url: DETAIL(id), text: `订单号 ${id}`, fields: { orderId: id, status: '已支付' } });
    });
    await store.seed(later, at(10));
    const tab = { vendor: 'tencent-cloud', url: DETAIL('20261118105822371604') };
    // Without the number only the newest hundred are looked through.
    expect((await findTabOrder(reader, tab)).ref).toBeNull();
    calls.length = 0;
    const order = await findTabOrder(reader, { ...tab, orderId: '20261118105822371604' });
    expect(order.ref).toMatchObject({ orderId: '20261118105822371604', status: '已支付' });
    expect(order.bodies.map((b) => b.fields['orderId'])).toEqual(['20261118105822371604']);
    expect(calls).toEqual([
      expect.stringMatching(/"offset":0,"limit":10/),
      expect.stringMatching(/"offset":10,"limit":90/),
      expect.stringMatching(/"orderId":"20261118105822371604","exactOrder":true/),
      'bodies 1',
    ]);
  });

  it('reads an order picked by hand with its own query', async () => {
    const { reader, calls, save } = setup();
    await save(0, '20261118105822371604', '已支付');
    await save(1, '20261120000000000001', '已退款');
    const bodies = await readOrderBodies(reader, { vendor: 'tencent-cloud', orderId: '20261120000000000001' });
    expect(bodies.map((b) => b.fields['status'])).toEqual(['已退款']);
    expect(calls[0]).toMatch(/"orderId":"20261120000000000001","exactOrder":true/);
  });
});

/** A snapshot of the order list: a vendor page with no order number of its own. */
async function setupListSnapshot(
  save: (minutes: number, id: string, status: string, url?: string) => Promise<unknown>,
) {
  return save(5, '', '列表', LIST);
}
