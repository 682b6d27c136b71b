import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { listQuerySchema, verifyBundle } from '../../lib/evidence';
import { orderPayload } from '../../lib/evidence/testing/ledger';
import { openEvidenceStore, type EvidenceStore } from '../../entrypoints/background/evidence-store';

const T0 = new Date('2026-11-22T02:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
let counter = 0;
const opened: EvidenceStore[] = [];
function store(options: Parameters<typeof openEvidenceStore>[0] = {}) {
  const s = openEvidenceStore({ name: `test-evidence-${++counter}`, ...options });
  opened.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

const order = (n: number, status = '已支付') =>
  orderPayload({
    url: `http://console.cloud.tencent.com/expense/deal/detail?dealName=2026111810582237160${n}`,
    text: `订单号 2026111810582237160${n} 状态 ${status}`,
    fields: { orderId: `2026111810582237160${n}`, status },
  });

describe('the evidence store (IndexedDB)', () => {
  it('keeps one chain when many tabs capture at once', async () => {
    const s = store();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => s.capture(order(i % 10, `状态${i}`), null, at(i))));
    expect(results.every((r) => r.status === 'saved')).toBe(true);
    const seqs = results.map((r) => (r.status === 'saved' ? r.seq : 0)).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await s.verify()).toEqual({ ok: true, length: 12, problems: [] });
  });

  it('keeps one chain with two store instances writing the same database', async () => {
    const name = `shared-${++counter}`;
    const a = store({ name });
    const b = store({ name });
    await Promise.all([a.capture(order(1), null, at(0)), b.capture(order(2), null, at(0)), a.capture(order(3), null, at(1)), b.capture(order(4), null, at(1))]);
    expect(await a.verify()).toMatchObject({ ok: true, length: 4 });
  });

  it('dedupes an unchanged page and links a status change to the earlier snapshot', async () => {
    const s = store();
    const first = await s.capture(order(1), null, at(0));
    expect(await s.capture(order(1), null, at(1))).toEqual({ status: 'duplicate', id: 'snap-000001' });
    const second = await s.capture(order(1, '已退款'), null, at(2));
    expect(second).toMatchObject({ status: 'saved', id: 'snap-000002' });
    const detail = await s.get('snap-000002');
    expect(detail?.body.previousSnapshotId).toBe(first.id);
    expect(detail?.summary).toMatchObject({ orderId: '20261118105822371601', status: '已退款' });
  });

  it('stores redacted content only, with the page copy compressed', async () => {
    const s = store();
    const dom = '<form><input name="cardNumber" value="4111111111111111"><input name="cvv" value="123"><input type="password" value="Sup3r-Secret!"></form>';
    await s.capture(orderPayload({ dom, text: '卡号 4111111111111111 证件 11010519491231002X' }), new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), T0);
    const detail = await s.get('snap-000001');
    expect(detail?.text).not.toContain('4111111111111111');
    expect(detail?.text).not.toContain('11010519491231002X');
    expect(detail?.screenshot).toEqual(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]));
    const { zip } = await s.exportBundle(null, at(1), { name: 't', version: '0' }, 'en');
    const raw = new TextDecoder().decode(zip);
    for (const secret of ['4111111111111111', '11010519491231002X', 'Sup3r-Secret!', 'value="123"']) expect(raw).not.toContain(secret);
  });

  it('lists newest first, filtered and paged', async () => {
    const s = store();
    for (let i = 0; i < 5; i++) await s.capture(order(i), null, at(i * 24 * 60));
    await s.capture(orderPayload({ url: 'http://letsvpn.world/account/orders', match: { vendor: 'letsvpn', kind: 'order' }, fields: {}, text: '快连 订单' }), null, at(10));
    const page = await s.list(listQuerySchema.parse({ limit: 2 }));
    expect(page.total).toBe(6);
    expect(page.items.map((i) => i.id)).toEqual(['snap-000006', 'snap-000005']);
    expect((await s.list(listQuerySchema.parse({ offset: 4, limit: 2 }))).items.map((i) => i.id)).toEqual(['snap-000002', 'snap-000001']);
    expect((await s.list(listQuerySchema.parse({ vendor: 'letsvpn' }))).items.map((i) => i.id)).toEqual(['snap-000006']);
    expect((await s.list(listQuerySchema.parse({ orderId: '37160' + '3' }))).total).toBe(1);
    expect((await s.list(listQuerySchema.parse({ from: '2026-11-24', to: '2026-11-25' }))).total).toBe(2);
    expect((await s.list(listQuerySchema.parse({ search: '快连' }))).items.map((i) => i.id)).toEqual(['snap-000006']);
  });

  it('reads one exact order through its index, and stops at the first page when no total is wanted', async () => {
    const s = store();
    for (let i = 0; i < 6; i++) await s.capture(order(i), null, at(i));
    await s.capture(order(3, '已退款'), null, at(10));
    const exact = await s.list(listQuerySchema.parse({ vendor: 'tencent-cloud', orderId: '20261118105822371603', exactOrder: true }));
    expect(exact.total).toBe(2);
    expect(exact.items.map((i) => i.status)).toEqual(['已退款', '已支付']);
    // A part of a number is a search, not an exact order.
    expect((await s.list(listQuerySchema.parse({ vendor: 'tencent-cloud', orderId: '2026111810', exactOrder: true }))).total).toBe(0);
    expect((await s.list(listQuerySchema.parse({ vendor: 'tencent-cloud', orderId: '2026111810' }))).total).toBe(7);
    const firstPage = await s.list(listQuerySchema.parse({ vendor: 'tencent-cloud', countAll: false, limit: 2 }));
    expect(firstPage.items.map((i) => i.status)).toEqual(['已退款', '已支付']);
    expect(firstPage.total).toBe(2);
  });

  it('deletes content but keeps the chain verifiable, and chains notes', async () => {
    const s = store();
    await s.capture(order(1), null, at(0));
    await s.capture(order(2), null, at(1));
    expect(await s.addNote('snap-000001', '客服工单 #12345 已受理', at(2))).toMatchObject({ id: 'note-000003' });
    expect(await s.remove('snap-000002', at(3))).toBe(true);
    expect(await s.remove('snap-000002', at(4))).toBe(false);
    expect(await s.addNote('snap-000002', 'late', at(5))).toBeNull();
    expect(await s.get('snap-000002')).toBeNull();
    expect(await s.verify()).toEqual({ ok: true, length: 4, problems: [] });
    const { zip, count } = await s.exportBundle(null, at(6), { name: 't', version: '0' }, 'zh-CN');
    expect(count).toBe(1);
    const report = await verifyBundle(zip);
    expect(report).toMatchObject({ ok: true, chain: { length: 4, tombstones: 1, withContent: 1 } });
    expect(new TextDecoder().decode(zip)).not.toContain('20261118105822371602');
  });

  it('reports a full disk clearly and stores nothing partial', async () => {
    let fail = false;
    const s = store({
      beforeCommit: () => {
        if (fail) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    });
    await s.capture(order(1), null, at(0));
    fail = true;
    await expect(s.capture(order(2), new Uint8Array([1, 2, 3]), at(1))).rejects.toMatchObject({ reason: 'quota' });
    fail = false;
    expect((await s.list(listQuerySchema.parse({}))).total).toBe(1);
    expect(await s.verify()).toEqual({ ok: true, length: 1, problems: [] });
    expect(await s.capture(order(2), null, at(2))).toMatchObject({ status: 'saved', id: 'snap-000002' });
  });

  it('rejects an oversized or malformed capture with a reason', async () => {
    const s = store();
    await expect(s.capture(orderPayload({ dom: 'x'.repeat(5_000_001) }), null, T0)).rejects.toMatchObject({ reason: 'too-large' });
    await expect(s.capture({ url: 'x' }, null, T0)).rejects.toMatchObject({ reason: 'invalid' });
  });

  it('notices a record edited behind its back', async () => {
    const s = store({ name: 'tamper' });
    await s.capture(order(1), null, at(0));
    await s.close();
    const { openDB } = await import('idb');
    const raw = await openDB('tamper');
    const record = await raw.get('snapshots', 'snap-000001');
    record.body.fields.status = '未支付';
    await raw.put('snapshots', record);
    raw.close();
    expect((await store({ name: 'tamper' }).verify()).problems).toEqual(['snap-000001: record altered', 'snap-000001: fields altered']);
  });
});
