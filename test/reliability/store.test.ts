import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { entryGrams, EVIDENCE_SCHEMA_VERSION, listQuerySchema, verifyBundle } from '../../lib/evidence';
import { contentOf, orderPayload, testSigner } from '../../lib/evidence/testing/ledger';

const signing = testSigner();
const signer = () => signing;
import { translator } from '../../lib/i18n';
import { EVIDENCE_DB_VERSION, openEvidenceStore, SEARCH_PACK, type EvidenceStore } from '../../platform/evidence-db';
import { migrate } from '../../platform/evidence-db/migrations';
import type { EvidenceDb } from '../../platform/evidence-db/schema';
import { textOf } from '../../platform/evidence-db/blobs';
import { bitmapOf, GRAM_BLOCK, TEXT_INDEXED_THROUGH } from '../../platform/evidence-db/text-index';
import { openEvidenceStore as openVersion1Store } from './fixtures/evidence-store-v1';

/**
 * The evidence store under failure: a disk that fills up at any step of a
 * write, many writers at once, databases left by earlier versions. The
 * invariants: an acknowledged snapshot is there, a failed one left nothing,
 * and the chain stays one valid chain.
 */

const T0 = new Date('2026-11-22T02:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
let counter = 0;
const opened: EvidenceStore[] = [];
function store(name = `reliability-${++counter}`, options: Parameters<typeof openEvidenceStore>[0] = {}) {
  const s = openEvidenceStore({ name, ...options });
  opened.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

const orderId = (n: number) => `2026111810582237${String(n).padStart(4, '0')}`;
const order = (n: number, status = '已支付') =>
  orderPayload({
    url: `http://console.cloud.tencent.com/expense/deal/detail?dealName=${orderId(n)}`,
    text: `订单号 ${orderId(n)} 状态 ${status}`,
    fields: { orderId: orderId(n), status },
  });

/** Every record of the raw database, and what would make one half-written. */
async function integrity(name: string) {
  const db = await openDB(name);
  const [chain, snapshots, blobs, packs, kept, grams, through] = await Promise.all([
    db.getAll('chain'),
    db.getAll('snapshots'),
    db.getAll('blobs'),
    db.getAll('search'),
    db.get('meta', 'snapshotCount'),
    db.objectStoreNames.contains('grams') ? db.getAll('grams') : [],
    db.get('meta', TEXT_INDEXED_THROUGH),
  ]);
  db.close();
  const problems: string[] = [];
  // The text index (platform/evidence-db/text-index.ts) names every snapshot up to its position under each of its grams.
  const postings = new Map(grams.map((p) => [`${p.b}:${p.g}`, bitmapOf(p.p)]));
  for (const e of packs.flatMap((p) => p.entries)) {
    if (e.seq > (through?.value ?? 0)) continue;
    const text = blobs.find((b) => b.snapshotId === e.id && b.name === 'text');
    const [b, bit] = [Math.floor(e.seq / GRAM_BLOCK), e.seq % GRAM_BLOCK];
    const missing = [...entryGrams(e, e.whole ? undefined : textOf(text).toLowerCase())].filter(
      (g) => !((postings.get(`${b}:${g}`)?.[bit >> 3] ?? 0) & (1 << (bit & 7))),
    );
    if (missing.length) problems.push(`${e.id} missing from the text index under ${missing.length} grams`);
  }
  // The kept number of snapshots (platform/evidence-db/count.ts) is the number of records.
  if (kept?.value !== snapshots.length) problems.push(`kept count ${kept?.value} for ${snapshots.length} snapshots`);
  // The search structure holds exactly one entry per snapshot, in packs that do not overlap.
  const indexed = packs.flatMap((p) => p.entries.map((e: { seq: number; id: string }) => `${e.seq}:${e.id}`));
  expect(indexed.sort()).toEqual(snapshots.map((s) => `${s.seq}:${s.id}`).sort());
  for (const p of packs)
    if (p.entries.length > SEARCH_PACK || p.entries.some((e: { seq: number }) => e.seq < p.first))
      problems.push(`search pack ${p.first} malformed`);
  chain.forEach((e, i) => e.seq !== i + 1 && problems.push(`chain gap at ${i + 1}`));
  const bySeq = new Map(chain.map((e) => [e.seq, e]));
  const ids = new Set(snapshots.map((s) => s.id));
  for (const s of snapshots) {
    if (bySeq.get(s.seq)?.id !== s.id) problems.push(`${s.id} has no chain entry`);
    if (!blobs.some((b) => b.snapshotId === s.id && b.name === 'dom')) problems.push(`${s.id} has no page copy`);
    if (!blobs.some((b) => b.snapshotId === s.id && b.name === 'text')) problems.push(`${s.id} has no page text`);
    if ('text' in s) problems.push(`${s.id} keeps its text in the record`);
    if (s.body.parts.screenshot && !blobs.some((b) => b.snapshotId === s.id && b.name === 'screenshot'))
      problems.push(`${s.id} lost its screenshot`);
  }
  for (const b of blobs) if (!ids.has(b.snapshotId)) problems.push(`orphan ${b.name} of ${b.snapshotId}`);
  for (const e of chain)
    if (e.type === 'snapshot' && !ids.has(e.id) && !chain.some((t) => t.type === 'tombstone' && t.ref === e.id))
      problems.push(`${e.id} chained without content`);
  return { problems, chain: chain.length, snapshots: snapshots.length, blobs: blobs.length };
}

/**
 * Makes the transaction of the n-th object-store write (add/put) from now
 * abort with QuotaExceededError once that write went through — as Chromium
 * does when the disk fills: the requests succeed, the transaction does not.
 */
function quotaAtWrite(n: number) {
  type Store = { transaction: { _abort(name: string): void } };
  const proto = (
    globalThis as unknown as { IDBObjectStore: { prototype: Record<string, (...args: unknown[]) => IDBRequest> } }
  ).IDBObjectStore.prototype;
  const originals = { add: proto.add!, put: proto.put! };
  let writes = 0;
  for (const method of ['add', 'put'] as const) {
    proto[method] = function (this: Store, ...args: unknown[]) {
      const request = originals[method].apply(this, args);
      if (++writes === n) request.addEventListener('success', () => this.transaction._abort('QuotaExceededError'));
      return request;
    };
  }
  return () => Object.assign(proto, originals);
}

describe('a full disk at any step of a capture', () => {
  it('a full disk at commit: a quota message, nothing partial, and the next capture chains on', async () => {
    // A capture makes five writes (chain entry, record, page copy, page text, search pack), six with a
    // screenshot; the last one's success is where Chromium commits, and where a full disk shows.
    for (const [screenshot, writes] of [
      [true, 6],
      [false, 5],
    ] as const) {
      const name = `quota-commit-${writes}-${++counter}`;
      const s = store(name);
      await s.capture(order(1), new Uint8Array([0xff, 0xd8, 1, 0xff, 0xd9]), at(0));
      const restore = quotaAtWrite(writes);
      try {
        await expect(
          s.capture(order(2), screenshot ? new Uint8Array([0xff, 0xd8, 2, 0xff, 0xd9]) : null, at(1)),
        ).rejects.toMatchObject({ reason: 'quota' });
      } finally {
        restore();
      }
      expect(await integrity(name)).toEqual({ problems: [], chain: 1, snapshots: 1, blobs: 3 });
      expect((await s.list(listQuerySchema.parse({}))).total).toBe(1);
      expect(await s.verify()).toEqual({ ok: true, length: 1, problems: [] });
      expect(await s.capture(order(2), null, at(2))).toMatchObject({ status: 'saved', id: 'snap-000002' });
    }
  });

  it('a write failing at any step of a capture leaves nothing partial, and the next capture chains on', async () => {
    for (let step = 1; step <= 6; step++) {
      const name = `quota-${step}-${++counter}`;
      const s = store(name);
      await s.capture(order(1), new Uint8Array([0xff, 0xd8, 1, 0xff, 0xd9]), at(0));
      const restore = quotaAtWrite(step);
      try {
        // Before the last write the other requests are aborted too; the store reports a storage failure.
        await expect(
          s.capture(order(2), new Uint8Array([0xff, 0xd8, 2, 0xff, 0xd9]), at(1)),
          `write ${step}`,
        ).rejects.toMatchObject({ name: 'EvidenceStoreError' });
      } finally {
        restore();
      }
      expect(await integrity(name)).toEqual({ problems: [], chain: 1, snapshots: 1, blobs: 3 });
      expect(await s.verify()).toEqual({ ok: true, length: 1, problems: [] });
      expect(await s.capture(order(2), null, at(2))).toMatchObject({ status: 'saved', id: 'snap-000002' });
    }
  });

  it('a note or a deletion failing on a full disk changes nothing', async () => {
    const name = `quota-note-${++counter}`;
    const s = store(name);
    await s.capture(order(1), null, at(0));
    // A note writes the chain entry, then the record (then its search entry, through a cursor).
    let restore = quotaAtWrite(2);
    await expect(s.addNote('snap-000001', '工单已受理', at(1))).rejects.toMatchObject({ reason: 'quota' });
    restore();
    restore = quotaAtWrite(1);
    await expect(s.remove('snap-000001', at(2))).rejects.toMatchObject({ name: 'EvidenceStoreError' });
    restore();
    expect(await integrity(name)).toMatchObject({ problems: [], chain: 1, snapshots: 1 });
    expect((await s.get('snap-000001'))?.notes).toEqual([]);
  });

  it('the user is told in their language, with the way forward', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const message = translator(locale)('evidence.error.quota', { message: 'QuotaExceededError' });
      expect(message).not.toBe('evidence.error.quota');
      expect(message.length).toBeGreaterThan(10);
    }
  });
});

describe('many writers at once', () => {
  const plan = fc.array(fc.tuple(fc.nat(3), fc.nat(5), fc.constantFrom('已支付', '已退款', '退款中')), {
    minLength: 2,
    maxLength: 14,
  });

  it('captures from several tabs at once, in any interleaving, all land in one valid chain (property)', async () => {
    // Every tab sends to the one worker, which owns one store.
    await fc.assert(
      fc.asyncProperty(plan, async (captures) => {
        const name = `tabs-${++counter}`;
        const worker = store(name);
        const results = await Promise.allSettled(
          captures.map(([, n, status], i) => worker.capture(order(n, status), null, at(i))),
        );
        expect(results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []))).toEqual([]);
        const saved = results.flatMap((r) => (r.status === 'fulfilled' && r.value.status === 'saved' ? [r.value] : []));
        // Arrival order between tabs is not defined, but every state a tab showed is kept, and a
        // duplicate points at a stored snapshot of the same order.
        const wanted = new Map<string, Set<string>>();
        for (const [, n, status] of captures) wanted.set(orderId(n), (wanted.get(orderId(n)) ?? new Set()).add(status));
        const kept = new Map<string, Set<string>>();
        for (const r of results) {
          if (r.status !== 'fulfilled') continue;
          const detail = await worker.get(r.value.id);
          expect(detail, r.value.id).not.toBeNull();
          const id = String(detail!.body.fields.orderId);
          if (r.value.status === 'saved')
            kept.set(id, (kept.get(id) ?? new Set()).add(String(detail!.body.fields.status)));
        }
        expect(kept).toEqual(wanted);
        const check = await integrity(name);
        expect(check).toMatchObject({ problems: [], chain: saved.length, snapshots: saved.length });
        expect(saved.map((r) => r.seq).sort((a, b) => a - b)).toEqual(
          Array.from({ length: saved.length }, (_, i) => i + 1),
        );
        expect(await worker.verify()).toMatchObject({ ok: true, length: saved.length });
      }),
      { seed: 20261122, numRuns: 30 },
    );
  }, 120_000);

  it('several store instances on one database (two workers) never fork the chain or half-write (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 4 }), plan, async (writers, captures) => {
        const name = `writers-${++counter}`;
        const tabs = Array.from({ length: writers }, () => store(name));
        const results = await Promise.allSettled(
          captures.map(([tab, n, status], i) => tabs[tab % writers]!.capture(order(n, status), null, at(i))),
        );
        const saved = results.flatMap((r) => (r.status === 'fulfilled' && r.value.status === 'saved' ? [r.value] : []));
        // Under heavy contention a write may give up — with a clear error, never half-done.
        for (const r of results)
          if (r.status === 'rejected')
            expect(r.reason).toMatchObject({ name: 'EvidenceStoreError', reason: 'storage' });
        const check = await integrity(name);
        expect(check.problems).toEqual([]);
        expect(check.chain).toBe(saved.length);
        expect(saved.map((r) => r.seq).sort((a, b) => a - b)).toEqual(
          Array.from({ length: saved.length }, (_, i) => i + 1),
        );
        expect(await tabs[0]!.verify()).toMatchObject({ ok: true, length: saved.length });
        for (const r of saved) expect((await tabs[tabs.length - 1]!.get(r.id))?.body.id).toBe(r.id);
      }),
      { seed: 20261122, numRuns: 25 },
    );
  }, 120_000);
});

/** What a version 1 store holds after a few weeks of use: orders, a status change, a long page, notes, a deletion. */
async function fillVersion1(v1: ReturnType<typeof openVersion1Store>): Promise<number> {
  await v1.capture(order(1), new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), at(0));
  for (let i = 2; i <= 6; i++) await v1.capture(order(i), null, at(i * 24 * 60));
  await v1.capture(order(2, '已退款'), null, at(8 * 24 * 60));
  // An order list longer than the search structure keeps as text, with a needle at its end.
  const rows = Array.from(
    { length: 400 },
    (_, i) => `${orderId(100 + i)}\t云服务器 CVM\t新购\t已支付\t¥${(i * 13.7).toFixed(2)}`,
  ).join('\n');
  await v1.capture(
    orderPayload({
      url: 'http://console.cloud.tencent.com/expense/deal/all',
      title: '订单管理 - 费用中心',
      fields: {},
      text: `订单管理\n${rows}\n合计 Σ 退款说明 REFUND-Tail-7731`,
    }),
    null,
    at(9 * 24 * 60),
  );
  await v1.capture(
    orderPayload({
      url: 'http://letsvpn.world/account/orders',
      match: { vendor: 'letsvpn', kind: 'order' },
      fields: {},
      text: '快连 订单 LetsVPN Premium',
    }),
    null,
    at(10 * 24 * 60),
  );
  await v1.addNote('snap-000002', '电话沟通记录 Ticket-ABC', at(11 * 24 * 60));
  await v1.addNote('snap-000008', '客服说可以退', at(11 * 24 * 60 + 1));
  await v1.remove('snap-000003', at(12 * 24 * 60));
  return 12;
}

/**
 * Databases an earlier version of the extension left behind. Each schema step
 * adds a fixture here: a database in that version's shape, with data, which
 * the current code must open without losing a record. Each resolves with the
 * length of the chain it left.
 */
const EARLIER_VERSIONS: Record<number, (name: string) => Promise<number>> = {
  // Version 0: the database name exists but holds nothing (an interrupted first start).
  0: async (name) => {
    await new Promise<void>((ok, fail) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => request.transaction!.abort();
      request.onerror = () => ok();
      request.onsuccess = () => fail(new Error('expected the upgrade to be aborted'));
    });
    return 0;
  },
  // Version 1: page text in the record, no search structure; written by the version 1 store itself.
  1: async (name) => {
    const v1 = openVersion1Store({ name });
    const length = await fillVersion1(v1);
    await v1.close();
    return length;
  },
  // Version 2: the text in blobs and the search structure, no kept count; the version 1 data taken
  // through the version 1 and 2 steps, as an upgrade to that version left it.
  2: async (name) => {
    const v1 = openVersion1Store({ name });
    const length = await fillVersion1(v1);
    await v1.close();
    const db = await openDB<EvidenceDb>(name, 2, {
      upgrade: (database, oldVersion, _newVersion, tx) => migrate(database, tx, oldVersion, 2),
    });
    expect(await db.get('meta', 'snapshotCount')).toBeUndefined();
    db.close();
    return length;
  },
  // Version 3: the kept count, no text index; the version 1 data taken through the steps up to 3.
  3: async (name) => {
    const v1 = openVersion1Store({ name });
    const length = await fillVersion1(v1);
    await v1.close();
    const db = await openDB<EvidenceDb>(name, 3, {
      upgrade: (database, oldVersion, _newVersion, tx) => migrate(database, tx, oldVersion, 3),
    });
    expect(await db.get('meta', 'snapshotCount')).toMatchObject({ value: 8 });
    expect(db.objectStoreNames.contains('grams')).toBe(false);
    db.close();
    return length;
  },
};

const MIGRATION_QUERIES = [
  {},
  { limit: 3, offset: 2 },
  { vendor: 'letsvpn' },
  { vendor: 'tencent-cloud', orderId: orderId(2), exactOrder: true },
  { orderId: '0004' },
  { from: '2026-11-24', to: '2026-11-28' },
  { search: 'refund-tail-7731' },
  { search: 'ticket-abc' },
  { search: 'letsvpn premium', vendor: 'letsvpn' },
  { search: '已支付', countAll: false, limit: 2 },
  { search: 'nowhere to be found' },
];

describe('migrations from every earlier evidence schema', () => {
  it('has a fixture for every earlier database version', () => {
    expect(EVIDENCE_SCHEMA_VERSION).toBeGreaterThanOrEqual(1);
    for (let v = 0; v < EVIDENCE_DB_VERSION; v++)
      expect(EARLIER_VERSIONS[v], `fixture for database version ${v}`).toBeTypeOf('function');
  });

  it.each(Object.keys(EARLIER_VERSIONS).map(Number))('a database of version %i opens and works', async (version) => {
    const name = `migrate-${version}-${++counter}`;
    const length = await EARLIER_VERSIONS[version]!(name);
    const s = store(name);
    expect(await s.verify()).toEqual({ ok: true, length, problems: [] });
    const upgraded = await integrity(name);
    expect(upgraded.problems).toEqual([]);
    expect((await s.list(listQuerySchema.parse({}))).total).toBe(upgraded.snapshots);
    const next = `snap-${String(length + 1).padStart(6, '0')}`;
    expect(await s.capture(order(99), null, at(20 * 24 * 60))).toMatchObject({ status: 'saved', id: next });
    expect(await s.verify()).toMatchObject({ ok: true, length: length + 1 });
    expect((await s.list(listQuerySchema.parse({ orderId: orderId(99) }))).items.map((i) => i.id)).toEqual([next]);
    expect((await integrity(name)).problems).toEqual([]);
    // The text index an upgrade starts empty takes in every snapshot, and finds them by their text.
    await s.indexed();
    expect((await textIndex(name)).through).toBe(length + 1);
    expect((await integrity(name)).problems).toEqual([]);
    expect((await s.list(listQuerySchema.parse({ search: orderId(99) }))).items.map((i) => i.id)).toEqual([next]);
  });

  it('a version 1 database keeps every snapshot, note, deletion and the chain; its exports stay identical but for the signature and its searches give the same answers', async () => {
    const name = `migrate-v1-detail-${++counter}`;
    const v1 = openVersion1Store({ name });
    const length = await fillVersion1(v1);
    const generator = { name: 't', version: '0' };
    const ids = (await v1.list(listQuerySchema.parse({ limit: 100 }))).items.map((i) => i.id);
    const details = await Promise.all(ids.map((id) => v1.get(id)));
    const exported = await v1.exportBundle(null, at(30 * 24 * 60), generator, 'zh-CN', await signer());
    const answers = await Promise.all(MIGRATION_QUERIES.map((q) => v1.list(listQuerySchema.parse(q))));
    expect(await v1.verify()).toEqual({ ok: true, length, problems: [] });
    await v1.close();

    const s = store(name);
    expect(await s.verify()).toEqual({ ok: true, length, problems: [] });
    expect(ids).toHaveLength(8);
    for (const [i, id] of ids.entries()) expect(await s.get(id), id).toEqual(details[i]);
    expect((await s.get('snap-000002'))?.notes.map((n) => n.body.text)).toEqual(['电话沟通记录 Ticket-ABC']);
    expect(await s.get('snap-000003')).toBeNull();
    const again = await s.exportBundle(null, at(30 * 24 * 60), generator, 'zh-CN', await signer());
    expect(contentOf(again.zip)).toEqual(contentOf(exported.zip));
    expect(await verifyBundle(again.zip)).toMatchObject({ ok: true, chain: { length, tombstones: 1 } });
    for (const [i, q] of MIGRATION_QUERIES.entries())
      expect(await s.list(listQuerySchema.parse(q)), JSON.stringify(q)).toEqual(answers[i]);
    expect(answers[6]!.total).toBe(1); // found past the part of the text the search structure keeps
    await s.indexed();
    for (const [i, q] of MIGRATION_QUERIES.entries())
      expect(await s.list(listQuerySchema.parse(q)), `${JSON.stringify(q)} through the text index`).toEqual(answers[i]);
    expect(await integrity(name)).toMatchObject({ problems: [], snapshots: 8 });
    const raw = await openDB(name);
    expect(raw.version).toBe(EVIDENCE_DB_VERSION);
    expect(await raw.get('meta', 'schemaVersion')).toEqual({ key: 'schemaVersion', value: EVIDENCE_DB_VERSION });
    raw.close();
  });

  it('reopening a database of the current version keeps every record, note and deletion, and its exports verify', async () => {
    const name = `reopen-${++counter}`;
    const first = store(name);
    for (let i = 0; i < 6; i++)
      await first.capture(
        order(i, i % 2 ? '已退款' : '已支付'),
        i === 0 ? new Uint8Array([0xff, 0xd8, 0xff, 0xd9]) : null,
        at(i),
      );
    await first.addNote('snap-000002', '电话沟通记录', at(10));
    await first.remove('snap-000003', at(11));
    const before = await integrity(name);
    const exportedBefore = await first.exportBundle(null, at(12), { name: 't', version: '0' }, 'zh-CN', await signer());
    await first.close();
    const again = store(name);
    expect(await integrity(name)).toEqual(before);
    const exportedAfter = await again.exportBundle(null, at(12), { name: 't', version: '0' }, 'zh-CN', await signer());
    expect(contentOf(exportedAfter.zip)).toEqual(contentOf(exportedBefore.zip));
    expect((await verifyBundle(exportedAfter.zip)).ok).toBe(true);
    expect(await again.capture(order(9), null, at(13))).toMatchObject({ status: 'saved', id: 'snap-000009' });
  });
});

/** The raw text index: its postings and the position it covers. */
async function textIndex(name: string) {
  const db = await openDB(name);
  const [postings, through] = await Promise.all([db.getAll('grams'), db.get('meta', TEXT_INDEXED_THROUGH)]);
  db.close();
  return { postings, through: through?.value as number | undefined };
}

describe('the text index', () => {
  const longList = orderPayload({
    url: 'http://console.cloud.tencent.com/expense/deal/all',
    title: '订单管理 - 费用中心',
    fields: {},
    text: `订单管理\n${Array.from({ length: 400 }, (_, i) => `${orderId(100 + i)}\t云服务器 CVM\t已支付`).join('\n')}\n退款说明 REFUND-Tail-7731`,
  });

  it('names every snapshot it covers through captures, a duplicate, notes, deletions, compaction, a restart and a wipe', async () => {
    const name = `text-index-life-${++counter}`;
    let s = store(name, { textFoldAt: 2 });
    const found = async (needle: string) =>
      (await s.list(listQuerySchema.parse({ search: needle }))).items.map((i) => i.id);
    const covered = async (through: number | undefined) => {
      expect((await integrity(name)).problems).toEqual([]);
      expect((await textIndex(name)).through).toBe(through);
    };
    await s.capture(order(1), null, at(0));
    await s.capture(order(2), null, at(1));
    expect(await s.capture(order(2), null, at(2))).toMatchObject({ status: 'duplicate' });
    await s.capture(longList, null, at(3));
    await s.compacted();
    await s.indexed();
    await covered(3);
    expect(await found('refund-tail-7731')).toEqual(['snap-000003']);
    expect(await found(orderId(2))).toEqual(['snap-000002']);

    // A note on a snapshot the index covers is found at once, by its own words.
    await s.addNote('snap-000001', '电话沟通记录 Ticket-ABC', at(4));
    await covered(3);
    expect(await found('ticket-abc')).toEqual(['snap-000001']);
    expect(await s.remove('snap-000002', at(5))).toBe(true);
    expect(await found(orderId(2))).toEqual([]);
    await covered(3);

    await s.close();
    s = store(name, { textFoldAt: 2 });
    await s.capture(order(7), null, at(10));
    // Ids follow chain positions: the note and the deletion took 4 and 5.
    expect(await found(orderId(7))).toEqual(['snap-000006']);
    await s.capture(order(8), null, at(11));
    await s.indexed();
    await covered(7);
    expect(await found('ticket-abc')).toEqual(['snap-000001']);
    expect(await found('已支付')).toEqual(['snap-000007', 'snap-000006', 'snap-000003', 'snap-000001']);

    expect(await s.wipe()).toBe(4);
    expect(await textIndex(name)).toEqual({ postings: [], through: undefined });
    expect(await found('已支付')).toEqual([]);
    await s.capture(order(9), null, at(20));
    await s.indexed();
    await covered(1);
    expect(await found(orderId(9))).toEqual(['snap-000001']);
  });

  it('a store opened with a long tail (an upgraded database) folds it on its own, after its first answers', async () => {
    const name = `text-index-opened-${++counter}`;
    const length = await EARLIER_VERSIONS[3]!(name);
    const s = store(name, { textFoldAt: 2 });
    expect((await s.list(listQuerySchema.parse({ search: 'ticket-abc' }))).items.map((i) => i.id)).toEqual([
      'snap-000002',
    ]);
    expect((await textIndex(name)).through).toBeUndefined();
    // The newest snapshot: two notes and a deletion came after it.
    await expect.poll(async () => (await textIndex(name)).through, { timeout: 10_000, interval: 100 }).toBe(length - 3);
    expect((await integrity(name)).problems).toEqual([]);
  }, 20_000);

  it('a fold or a note failing on a full disk leaves the index as it was, and the searches right', async () => {
    const name = `text-index-quota-${++counter}`;
    const s = store(name, { textFoldAt: Infinity });
    for (let i = 1; i <= 3; i++) await s.capture(order(i), null, at(i));
    // The fold writes a posting per gram, then the position: the third write fills the disk.
    let restore = quotaAtWrite(3);
    await expect(s.indexed()).rejects.toBeTruthy();
    restore();
    expect(await textIndex(name)).toEqual({ postings: [], through: undefined });
    expect((await s.list(listQuerySchema.parse({ search: orderId(2) }))).items.map((i) => i.id)).toEqual([
      'snap-000002',
    ]);
    await s.indexed();
    const before = await textIndex(name);
    expect(before.through).toBe(3);
    restore = quotaAtWrite(2);
    await expect(s.addNote('snap-000001', '工单 TK-5521 已受理', at(5))).rejects.toMatchObject({ reason: 'quota' });
    restore();
    expect(await textIndex(name)).toEqual(before);
    expect((await s.list(listQuerySchema.parse({ search: 'tk-5521' }))).total).toBe(0);
    expect((await integrity(name)).problems).toEqual([]);
  });
});
