import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { orderPayload } from '../../lib/evidence/testing/ledger';
import { openEvidenceStore, type EvidenceStore } from '../../platform/evidence-db';

const T0 = new Date('2026-11-22T02:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const opened: EvidenceStore[] = [];
let counter = 0;
function store(name = `wipe-${++counter}`) {
  const s = openEvidenceStore({ name });
  opened.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});
const order = (n: number) =>
  orderPayload({
    url: `http://console.cloud.tencent.com/expense/deal/detail?dealName=1000${n}`,
    text: `订单号 1000${n}`,
    fields: { orderId: `1000${n}`, status: '已支付' },
  });

describe('wiping the evidence store (options: wipe all data)', () => {
  it('removes every snapshot, note and chain entry; the chain verifies and restarts from genesis', async () => {
    const s = store();
    const first = await s.capture(order(1), null, at(0));
    await s.capture(order(2), null, at(1));
    if (first.status !== 'saved') throw new Error('not saved');
    await s.addNote(first.id, '客服答复：三个工作日内处理', at(2));
    await s.remove(first.id, at(3));
    expect(await s.wipe()).toBe(1);
    expect(await s.list({ offset: 0, limit: 20 })).toEqual({ items: [], total: 0 });
    expect(await s.verify()).toEqual({ ok: true, length: 0, problems: [] });
    const again = await s.capture(order(3), null, at(4));
    expect(again).toMatchObject({ status: 'saved', seq: 1 });
    expect(await s.verify()).toEqual({ ok: true, length: 1, problems: [] });
  });

  it('captures racing a wipe from another store instance still leave one valid chain', async () => {
    const name = `wipe-shared-${++counter}`;
    const a = store(name);
    const b = store(name);
    await a.capture(order(1), null, at(0));
    await Promise.all([b.wipe(), a.capture(order(2), null, at(1)), a.capture(order(3), null, at(2))]);
    const check = await a.verify();
    expect(check.ok).toBe(true);
    expect((await a.list({ offset: 0, limit: 20 })).total).toBe(check.length);
  });
});
