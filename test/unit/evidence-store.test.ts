import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { listQuerySchema, matchesQuery, verifyBundle, type ListQuery } from '../../lib/evidence';
import { orderPayload, testSigner } from '../../lib/evidence/testing/ledger';

const signing = testSigner();
const signer = () => signing;
import { openEvidenceStore, SEARCH_PACK, type EvidenceStore } from '../../platform/evidence-db';

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

/** An order list of `length` rows: from about 1,000 rows on, its copy is large enough to be kept against its text. */
const orderList = (status: string, length: number) => {
  const rows = Array.from(
    { length },
    (_, i) =>
      `20${String((i * 2_654_435_761) % 4_294_967_291).padStart(10, '0')}${String((i * 40_503 + 17) % 99_991).padStart(8, '0')}\t云服务器 CVM\t${status}\t¥${((i * 37.13) % 50_000).toFixed(2)}`,
  );
  return orderPayload({
    text: `订单管理\n${rows.join('\n')}`,
    dom: `<table>${rows.map((r) => `<tr><td>${r.split('\t').join('</td><td>')}</td></tr>`).join('\n')}</table>`,
    fields: {},
  });
};

describe('the evidence store (IndexedDB)', () => {
  it('keeps one chain when many tabs capture at once', async () => {
    const s = store();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => s.capture(order(i % 10, `状态${i}`), null, at(i))),
    );
    expect(results.every((r) => r.status === 'saved')).toBe(true);
    const seqs = results.map((r) => (r.status === 'saved' ? r.seq : 0)).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await s.verify()).toEqual({ ok: true, length: 12, problems: [] });
  });

  it('keeps one chain with two store instances writing the same database', async () => {
    const name = `shared-${++counter}`;
    const a = store({ name });
    const b = store({ name });
    await Promise.all([
      a.capture(order(1), null, at(0)),
      b.capture(order(2), null, at(0)),
      a.capture(order(3), null, at(1)),
      b.capture(order(4), null, at(1)),
    ]);
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
    const dom =
      '<form><input name="cardNumber" value="4111111111111111"><input name="cvv" value="123"><input type="password" value="Sup3r-Secret!"></form>';
    await s.capture(
      orderPayload({ dom, text: '卡号 4111111111111111 证件 11010519491231002X' }),
      new Uint8Array([0xff, 0xd8, 0xff, 0xd9]),
      T0,
    );
    const detail = await s.get('snap-000001');
    expect(detail?.text).not.toContain('4111111111111111');
    expect(detail?.text).not.toContain('11010519491231002X');
    expect(detail?.screenshot).toEqual(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]));
    const { zip } = await s.exportBundle(null, at(1), { name: 't', version: '0' }, 'en', await signer());
    const raw = new TextDecoder().decode(zip);
    for (const secret of ['4111111111111111', '11010519491231002X', 'Sup3r-Secret!', 'value="123"'])
      expect(raw).not.toContain(secret);
  });

  it('lists newest first, filtered and paged', async () => {
    const s = store();
    for (let i = 0; i < 5; i++) await s.capture(order(i), null, at(i * 24 * 60));
    await s.capture(
      orderPayload({
        url: 'http://letsvpn.world/account/orders',
        match: { vendor: 'letsvpn', kind: 'order' },
        fields: {},
        text: '快连 订单',
      }),
      null,
      at(10),
    );
    const page = await s.list(listQuerySchema.parse({ limit: 2 }));
    expect(page.total).toBe(6);
    expect(page.items.map((i) => i.id)).toEqual(['snap-000006', 'snap-000005']);
    expect((await s.list(listQuerySchema.parse({ offset: 4, limit: 2 }))).items.map((i) => i.id)).toEqual([
      'snap-000002',
      'snap-000001',
    ]);
    expect((await s.list(listQuerySchema.parse({ vendor: 'letsvpn' }))).items.map((i) => i.id)).toEqual([
      'snap-000006',
    ]);
    expect((await s.list(listQuerySchema.parse({ orderId: '37160' + '3' }))).total).toBe(1);
    expect((await s.list(listQuerySchema.parse({ from: '2026-11-24', to: '2026-11-25' }))).total).toBe(2);
    expect((await s.list(listQuerySchema.parse({ search: '快连' }))).items.map((i) => i.id)).toEqual(['snap-000006']);
  });

  it('reads one exact order through its index, and stops at the first page when no total is wanted', async () => {
    const s = store();
    for (let i = 0; i < 6; i++) await s.capture(order(i), null, at(i));
    await s.capture(order(3, '已退款'), null, at(10));
    const exact = await s.list(
      listQuerySchema.parse({ vendor: 'tencent-cloud', orderId: '20261118105822371603', exactOrder: true }),
    );
    expect(exact.total).toBe(2);
    expect(exact.items.map((i) => i.status)).toEqual(['已退款', '已支付']);
    // A part of a number is a search, not an exact order.
    expect(
      (await s.list(listQuerySchema.parse({ vendor: 'tencent-cloud', orderId: '2026111810', exactOrder: true }))).total,
    ).toBe(0);
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
    const { zip, count } = await s.exportBundle(null, at(6), { name: 't', version: '0' }, 'zh-CN', await signer());
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
    await expect(s.capture(orderPayload({ dom: 'x'.repeat(5_000_001) }), null, T0)).rejects.toMatchObject({
      reason: 'too-large',
    });
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
    expect((await store({ name: 'tamper' }).verify()).problems).toEqual([
      'snap-000001: record altered',
      'snap-000001: fields altered',
    ]);
  });

  it('keeps page text deflated in a blob, not in the record, and gives text and page copy back as captured', async () => {
    const s = store({ name: 'text-at-rest' });
    const rows = Array.from({ length: 1200 }, (_, i) => [
      `20${String((i * 2_654_435_761) % 4_294_967_291).padStart(10, '0')}${String((i * 40_503 + 17) % 99_991).padStart(8, '0')}`,
      '云服务器 CVM',
      ((i * 37.13) % 50_000).toFixed(2),
      `2026-11-${String(1 + (i % 28)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}:22`,
    ]);
    const text = `订单管理\n${rows.map((r) => r.join('\t')).join('\n')}`;
    const dom = `<html><body><h1>订单管理</h1><table>${rows.map((r) => `<tr data-deal="${r[0]}"><td>${r.join('</td><td>')}</td></tr>`).join('\n')}</table></body></html>`;
    await s.capture(orderPayload({ text, dom, fields: {} }), null, T0);
    await s.capture(order(1), null, at(1));
    expect((await s.get('snap-000001'))?.text).toBe(text);
    expect(await s.verify()).toEqual({ ok: true, length: 2, problems: [] });
    const { zip } = await s.exportBundle(null, at(1), { name: 't', version: '0' }, 'zh-CN', await signer());
    expect(await verifyBundle(zip)).toMatchObject({ ok: true });
    await s.close();
    const { openDB } = await import('idb');
    const raw = await openDB('text-at-rest');
    const record = await raw.get('snapshots', 'snap-000001');
    const blob = await raw.get('blobs', ['snap-000001', 'text']);
    const domBlob = await raw.get('blobs', ['snap-000001', 'dom']);
    const smallDom = await raw.get('blobs', ['snap-000002', 'dom']);
    // Without its text, a page copy stored against it cannot be read: verification says so.
    await raw.delete('blobs', ['snap-000001', 'text']);
    raw.close();
    expect(record).not.toHaveProperty('text');
    expect(blob).toMatchObject({ encoding: 'deflate' });
    expect(blob.bytes.length).toBeLessThan(new TextEncoder().encode(text).length / 2);
    // A large page copy is stored against the text, a small one plainly deflated.
    expect(domBlob).toMatchObject({ encoding: 'delta' });
    expect(smallDom).toMatchObject({ encoding: 'deflate' });
    expect((await store({ name: 'text-at-rest' }).verify()).problems).toEqual([
      'snap-000001: text altered',
      'snap-000001: page copy unreadable',
    ]);
  });

  it('acknowledges a large page copy plainly deflated, then keeps it against its text, reading the same throughout', async () => {
    const s = store({ name: 'compact-later' });
    const rows = Array.from(
      { length: 1500 },
      (_, i) =>
        `20${String((i * 2_654_435_761) % 4_294_967_291).padStart(10, '0')}${String((i * 40_503 + 17) % 99_991).padStart(8, '0')}\t云服务器 CVM\t已支付\t¥${((i * 37.13) % 50_000).toFixed(2)}`,
    );
    const text = `订单管理\n${rows.join('\n')}`;
    const dom = `<html><body><table>${rows.map((r) => `<tr><td>${r.split('\t').join('</td><td>')}</td></tr>`).join('\n')}</table></body></html>`;
    const saved = await s.capture(orderPayload({ text, dom, fields: {} }), null, T0);
    expect(saved.status).toBe('saved');
    const { openDB } = await import('idb');
    const raw = await openDB('compact-later');
    const domBlob = () => raw.get('blobs', ['snap-000001', 'dom']);
    const acknowledged = await domBlob();
    expect(acknowledged).toMatchObject({ encoding: 'deflate' });
    // Either way the copy reads back to the bytes its hash was recorded for.
    expect(await s.verify()).toEqual({ ok: true, length: 1, problems: [] });
    await s.compacted();
    const atRest = await domBlob();
    raw.close();
    expect(atRest).toMatchObject({ encoding: 'delta' });
    expect(atRest.bytes.length).toBeLessThan(acknowledged.bytes.length);
    expect(await s.verify()).toEqual({ ok: true, length: 1, problems: [] });
    const { zip } = await s.exportBundle(null, at(1), { name: 't', version: '0' }, 'zh-CN', await signer());
    expect(await verifyBundle(zip)).toMatchObject({ ok: true });
  });

  it('leaves alone a page copy whose snapshot was replaced before the old copy was encoded', async () => {
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    const s = store({ name: 'compact-replaced', beforeCompaction: () => held });
    expect(await s.capture(orderList('已支付', 1500), null, T0)).toMatchObject({ status: 'saved', id: 'snap-000001' });
    // Emptied and refilled while the first copy waits to be encoded: the new snapshot (a small
    // page, kept plainly deflated) has the same id.
    await s.wipe();
    expect(await s.capture(orderList('已退款', 20), null, at(1))).toMatchObject({ status: 'saved', id: 'snap-000001' });
    release();
    await s.compacted();
    expect(await s.verify()).toEqual({ ok: true, length: 1, problems: [] });
    expect((await s.get('snap-000001'))?.text).toContain('已退款');
  });

  it('encodes, when the store next opens, the large copies a stopped worker left plainly deflated', async () => {
    const { openDB } = await import('idb');
    // A worker stopped after acknowledging its saves: the encodings it scheduled never run.
    const stopped = openEvidenceStore({
      name: 'compact-resumed',
      beforeCompaction: () => new Promise<void>(() => undefined),
    });
    const first = await stopped.capture(orderList('已支付', 1500), null, T0);
    const small = await stopped.capture(orderList('待支付', 20), null, at(1));
    const removed = await stopped.capture(orderList('已取消', 1500), null, at(2));
    const last = await stopped.capture(orderList('已退款', 1500), null, at(3));
    expect(await stopped.remove(removed.id, at(4))).toBe(true);
    const raw = await openDB('compact-resumed');
    const encodings = async () =>
      Promise.all([first, small, last].map(async (s) => (await raw.get('blobs', [s.id, 'dom']))?.encoding));
    const unencoded = async () => (await raw.get('meta', 'unencodedCopies'))?.value;
    expect(await encodings()).toEqual(['deflate', 'deflate', 'deflate']);
    // Only large copies are listed, in the transaction of their capture.
    expect(await unencoded()).toEqual(
      [first, removed, last].map((s) => ({ id: s.id, chainHash: s.status === 'saved' ? s.hash : '' })),
    );

    const resumed: [number, number][] = [];
    const next = store({ name: 'compact-resumed', onResume: (done, total) => resumed.push([done, total]) });
    expect(await next.verify()).toEqual({ ok: true, length: 5, problems: [] });
    await next.compacted();
    // The list names three copies (one since deleted): reported before the first and after each.
    expect(resumed).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(await encodings()).toEqual(['delta', 'deflate', 'delta']);
    expect(await unencoded()).toEqual([]);
    raw.close();
    expect(await next.verify()).toEqual({ ok: true, length: 5, problems: [] });
    expect((await next.get(last.id))?.text).toContain('已退款');
  });

  it('leaves a copy it cannot read to verification, and does not try it again', async () => {
    const stopped = openEvidenceStore({
      name: 'compact-unreadable',
      beforeCompaction: () => new Promise<void>(() => undefined),
    });
    const saved = await stopped.capture(orderList('已支付', 1500), null, T0);
    const { openDB } = await import('idb');
    const raw = await openDB('compact-unreadable');
    const blob = await raw.get('blobs', [saved.id, 'dom']);
    await raw.put('blobs', { ...blob, bytes: blob.bytes.map((b: number, i: number) => (i > 16 ? b ^ 0xff : b)) });
    const next = store({ name: 'compact-unreadable' });
    expect((await next.verify()).problems).toEqual([`${saved.id}: page copy unreadable`]);
    await next.compacted();
    expect(await raw.get('meta', 'unencodedCopies')).toMatchObject({ value: [] });
    expect((await raw.get('blobs', [saved.id, 'dom'])).encoding).toBe('deflate');
    raw.close();
  });

  it('forgets the copies still to be encoded when the store is wiped', async () => {
    const stopped = openEvidenceStore({
      name: 'compact-wiped',
      beforeCompaction: () => new Promise<void>(() => undefined),
    });
    await stopped.capture(orderList('已支付', 1500), null, T0);
    await stopped.wipe();
    const { openDB } = await import('idb');
    const raw = await openDB('compact-wiped');
    expect(await raw.get('meta', 'unencodedCopies')).toBeUndefined();
    expect(await raw.get('meta', 'schemaVersion')).toBeDefined();
    raw.close();
  });

  it('notices page text edited or lost behind its back', async () => {
    const s = store({ name: 'tamper-text' });
    await s.capture(order(1), null, at(0));
    await s.capture(order(2), null, at(1));
    await s.close();
    const { openDB } = await import('idb');
    const { deflateSync } = await import('fflate');
    const raw = await openDB('tamper-text');
    await raw.put('blobs', {
      snapshotId: 'snap-000001',
      name: 'text',
      encoding: 'deflate',
      bytes: deflateSync(new TextEncoder().encode('订单号 20261118105822371601 状态 已退款')),
    });
    await raw.delete('blobs', ['snap-000002', 'text']);
    raw.close();
    expect((await store({ name: 'tamper-text' }).verify()).problems).toEqual([
      'snap-000001: text altered',
      'snap-000002: text altered',
    ]);
  });

  it('answers from memory only while nothing changed, whichever worker wrote', async () => {
    const name = `two-workers-${++counter}`;
    const [a, b] = [store({ name }), store({ name })];
    await a.capture(order(1), null, at(0));
    expect((await a.list(listQuerySchema.parse({ search: '状态' }))).total).toBe(1);
    await b.capture(order(2), null, at(1));
    expect((await a.list(listQuerySchema.parse({ search: '状态' }))).total).toBe(2);
    await b.addNote('snap-000001', '电话回访 CALLBACK', at(2));
    expect((await a.list(listQuerySchema.parse({ search: 'callback' }))).items.map((i) => i.id)).toEqual([
      'snap-000001',
    ]);
    await b.remove('snap-000001', at(3));
    expect((await a.list(listQuerySchema.parse({ search: '状态' }))).items.map((i) => i.id)).toEqual(['snap-000002']);
    expect((await a.list(listQuerySchema.parse({}))).total).toBe(1);
    await b.wipe();
    expect(await a.list(listQuerySchema.parse({ search: '状态' }))).toEqual({ items: [], total: 0 });
    expect(await a.list(listQuerySchema.parse({}))).toEqual({ items: [], total: 0 });
  });

  it('reads bodies alone, in the order asked, skipping ids it does not hold', async () => {
    const s = store();
    await s.capture(order(1), null, at(0));
    await s.capture(order(2), null, at(1));
    const bodies = await s.bodies(['snap-000002', 'snap-000009', 'snap-000001']);
    expect(bodies.map((b) => [b.id, b.fields.orderId])).toEqual([
      ['snap-000002', (await s.get('snap-000002'))!.body.fields.orderId],
      ['snap-000001', (await s.get('snap-000001'))!.body.fields.orderId],
    ]);
  });

  it('extends what it holds in memory with its own capture instead of reading every entry again', async () => {
    const name = `own-capture-${++counter}`;
    const s = store({ name });
    await s.capture(order(1), null, at(0));
    expect((await s.list(listQuerySchema.parse({ search: '状态' }))).total).toBe(1);
    await s.capture(order(2), null, at(1));
    // The search records are emptied behind the store's back (the chain head stays): only the
    // copy in memory, extended by the capture, can still answer.
    const { openDB } = await import('idb');
    const raw = await openDB(name);
    await raw.clear('search');
    raw.close();
    expect((await s.list(listQuerySchema.parse({ search: '状态' }))).items.map((i) => i.id)).toEqual([
      'snap-000002',
      'snap-000001',
    ]);
  });

  it('keeps the search structure in step with captures, notes, deletions and a wipe', async () => {
    const s = store({ searchTextChars: 10 });
    const count = SEARCH_PACK * 2 + 3;
    for (let i = 0; i < count; i++) await s.capture(order(i, `状态${i}`), null, at(i));
    expect((await s.list(listQuerySchema.parse({ search: '状态5' }))).items.map((i) => i.id).sort()).toEqual(
      [
        'snap-000006',
        'snap-000051',
        'snap-000052',
        'snap-000053',
        'snap-000054',
        'snap-000055',
        'snap-000056',
        'snap-000057',
        'snap-000058',
        'snap-000059',
        'snap-000060',
      ].sort(),
    );
    // A note is searchable at once; a deleted snapshot is found no more, by text or by number.
    await s.addNote('snap-000040', '客服工单 TK-778899', at(100));
    expect(
      (await s.list(listQuerySchema.parse({ search: 'tk-778899' }))).items.map((i) => [i.id, i.noteCount]),
    ).toEqual([['snap-000040', 1]]);
    await s.remove('snap-000040', at(101));
    expect((await s.list(listQuerySchema.parse({ search: 'TK-778899' }))).total).toBe(0);
    expect((await s.list(listQuerySchema.parse({ orderId: '371603', search: '状态38' }))).total).toBe(1);
    // Paging past pack boundaries, newest first, with the right total.
    const ids: string[] = [];
    for (let offset = 0; offset < count; offset += 7)
      ids.push(...(await s.list(listQuerySchema.parse({ offset, limit: 7 }))).items.map((i) => i.id));
    expect(ids).toHaveLength(count - 1);
    expect(ids[0]).toBe(`snap-${String(count).padStart(6, '0')}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await s.list(listQuerySchema.parse({ vendor: 'tencent-cloud' }))).total).toBe(count - 1);
    expect(await s.verify()).toMatchObject({ ok: true, problems: [] });
    expect(await s.wipe()).toBe(count - 1);
    expect(await s.list(listQuerySchema.parse({ search: '状态' }))).toEqual({ items: [], total: 0 });
    expect(await s.capture(order(1), null, at(200))).toMatchObject({ status: 'saved', id: 'snap-000001' });
    expect((await s.list(listQuerySchema.parse({ search: '状态' }))).total).toBe(1);
  });
});

/**
 * The old way to answer a list: every snapshot read whole and passed through
 * `matchesQuery`, newest first. The search structure must answer the same.
 */
async function fullScan(s: EvidenceStore, ids: readonly string[], query: ListQuery) {
  const details = (await Promise.all(ids.map((id) => s.get(id)))).flatMap((d) => (d ? [d] : []));
  details.sort((a, b) => b.summary.seq - a.summary.seq);
  const hits = details.filter((d) =>
    matchesQuery({ body: d.body, text: d.text, notes: d.notes.map((n) => n.body.text) }, query),
  );
  const filtered = !!(query.vendor || query.orderId?.trim() || query.from || query.to || query.search?.trim());
  const exact = !!(query.exactOrder && query.vendor && query.orderId?.trim());
  const total =
    filtered && !exact && query.countAll === false ? Math.min(hits.length, query.offset + query.limit) : hits.length;
  return { items: hits.slice(query.offset, query.offset + query.limit).map((d) => d.summary), total };
}

describe('the search structure answers as the full scan did', () => {
  const letter = fc.constantFrom('a', 'A', 'b', 'B', '7', ' ', '订', '单', 'Σ', 'σ', 'İ', 'i');
  const str = (max: number) => fc.array(letter, { maxLength: max }).map((a) => a.join(''));
  // Notes use letters of their own too, so some searches can only be answered by a note.
  const noteText = fc
    .array(fc.constantFrom('x', 'X', 'y', 'a', '单'), { minLength: 1, maxLength: 5 })
    .map((a) => a.join(''));
  const needle = fc
    .array(fc.constantFrom('a', 'A', 'b', '7', ' ', '订', 'Σ', 'σ', 'i', 'İ', 'x', 'Y'), { maxLength: 4 })
    .map((a) => a.join(''));
  const action = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('capture' as const),
        vendor: fc.constantFrom('tencent-cloud', 'letsvpn'),
        order: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
        title: str(5),
        text: str(30),
        hours: fc.integer({ min: 0, max: 96 }),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('note' as const), target: fc.nat(), text: noteText }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), target: fc.nat() }) },
    // The text index takes in the snapshots saved so far (besides folding on its own every `textFoldAt`).
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('index' as const) }) },
  );
  const query = fc
    .record(
      {
        vendor: fc.constantFrom('tencent-cloud', 'letsvpn'),
        orderId: fc.constantFrom('2026', '71603', '00002', '2026111810582237160' + '3', ' 2026111810582237160' + '1 '),
        from: fc.constantFrom('2026-11-22', '2026-11-23', '2026-11-24'),
        to: fc.constantFrom('2026-11-22', '2026-11-23', '2026-11-25'),
        search: needle,
        exactOrder: fc.boolean(),
        countAll: fc.boolean(),
        offset: fc.integer({ min: 0, max: 6 }),
        limit: fc.integer({ min: 1, max: 5 }),
      },
      { requiredKeys: [] },
    )
    .map((q) => listQuerySchema.parse(q));

  it('for any history of captures, notes, deletions and text indexing and any query, with texts kept whole or cut (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(action, { minLength: 1, maxLength: 14 }),
        fc.array(query, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(3, 4000),
        fc.boolean(),
        fc.constantFrom(1, 2, 5, Infinity),
        async (actions, queries, textChars, searchCache, textFoldAt) => {
          const s = store({ searchTextChars: textChars, searchCache, textFoldAt });
          const live: string[] = [];
          for (const [i, a] of actions.entries()) {
            if (a.kind === 'index') await s.indexed();
            else if (a.kind === 'capture') {
              const orderId = a.order === null ? null : `2026111810582237160${a.order}`;
              const result = await s.capture(
                orderPayload({
                  url: `http://console.cloud.tencent.com/expense/deal/detail?dealName=${orderId ?? i}`,
                  match: { vendor: a.vendor, kind: 'order' },
                  title: a.title,
                  text: a.text,
                  fields: orderId ? { orderId, status: a.title } : {},
                }),
                null,
                at(a.hours * 60 + i),
              );
              if (result.status === 'saved') live.push(result.id);
            } else if (live.length) {
              const id = live[a.target % live.length]!;
              if (a.kind === 'note') await s.addNote(id, a.text, at(10_000 + i));
              else {
                await s.remove(id, at(10_000 + i));
                live.splice(live.indexOf(id), 1);
              }
            }
          }
          // Each query twice: once as it comes (read from the store or memory), once surely from memory;
          // then once more with every snapshot in the text index.
          // Needles from inside the page texts too: past the part an entry keeps when it is cut.
          const inside = actions.flatMap((a) =>
            a.kind === 'capture' ? [{ search: a.text.slice(4, 4 + (a.hours % 4)) }] : [],
          );
          const all = [{}, { search: 'X' }, { search: 'y', countAll: false, limit: 1 }, ...inside]
            .map((q) => listQuerySchema.parse(q))
            .concat(queries);
          const expected = await Promise.all(all.map((q) => fullScan(s, live, q)));
          for (const [i, q] of all.entries()) {
            expect(await s.list(q), JSON.stringify(q)).toEqual(expected[i]);
            expect(await s.list(q), JSON.stringify(q)).toEqual(expected[i]);
          }
          await s.indexed();
          for (const [i, q] of all.entries()) expect(await s.list(q), JSON.stringify(q)).toEqual(expected[i]);
          expect(await s.verify()).toMatchObject({ ok: true });
          await s.close();
        },
      ),
      { seed: 20261122, numRuns: 40 },
    );
  }, 120_000);
});

describe('the bulk path', () => {
  const many = (count: number) =>
    Array.from({ length: count }, (_, i) =>
      orderPayload({
        url: `http://console.cloud.tencent.com/expense/deal/detail?dealName=2025${String(i).padStart(16, '0')}`,
        text: `订单号 2025${String(i).padStart(16, '0')} 状态 已支付 工单 TK-${String(i).padStart(6, '0')}`,
        fields: { orderId: `2025${String(i).padStart(16, '0')}`, status: '已支付' },
      }),
    );

  it('seeds batches through the ledger: one chain, every snapshot indexed, repeats deduplicated', async () => {
    const s = store();
    await s.capture(many(1)[0], null, at(0));
    const payloads = [...many(600), many(3)[2]!];
    const results = await s.seed(payloads, at(1));
    // The first repeats the capture before it, the last repeats one of its own batch.
    expect(results.filter((r) => r.status === 'duplicate').map((r) => r.id)).toEqual(['snap-000001', 'snap-000003']);
    expect(results.filter((r) => r.status === 'saved')).toHaveLength(599);
    expect(await s.verify()).toEqual({ ok: true, length: 600, problems: [] });
    const newest = await s.list(listQuerySchema.parse({ limit: 1 }));
    expect(newest.total).toBe(600);
    expect((await s.list(listQuerySchema.parse({ search: 'TK-000321' }))).items.map((i) => i.orderId)).toEqual([
      '20250000000000000321',
    ]);
  }, 60_000);
});
