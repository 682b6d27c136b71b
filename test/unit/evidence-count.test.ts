import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listQuerySchema } from '../../lib/evidence';
import { orderPayload } from '../../lib/evidence/testing/ledger';
import { openEvidenceStore, type EvidenceStore } from '../../platform/evidence-db';

const T0 = new Date('2026-12-01T03:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const opened: EvidenceStore[] = [];
let counter = 0;
/** A store over database `name`, as a worker (re)started would open it; the list reads the store every time. */
function open(name: string, options: Parameters<typeof openEvidenceStore>[0] = {}) {
  const s = openEvidenceStore({ name, searchCache: false, ...options });
  opened.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
  vi.restoreAllMocks();
});

const order = (n: number, status = '已支付') =>
  orderPayload({
    url: `https://console.cloud.tencent.com/expense/deal/detail?dealName=20261201${n}`,
    text: `订单详情 订单号 20261201${n} 状态 ${status} 实付金额 ¥${n}.00`,
    fields: { orderId: `20261201${n}`, status },
  });

/** An order list long enough that its page copy is re-encoded in the background (compaction.ts). */
const longList = (n: number) => {
  const rows = Array.from(
    { length: 1_200 },
    (_, i) => `2026${String(i * 7919 + n).padStart(12, '0')}\t轻量应用服务器\t已支付`,
  );
  return orderPayload({
    url: `https://console.cloud.tencent.com/expense/deal/list?page=${n}`,
    text: `订单管理\n${rows.join('\n')}`,
    dom: `<table>${rows.map((r) => `<tr><td>${r.split('\t').join('</td><td>')}</td></tr>`).join('')}</table>`,
    fields: {},
  });
};

/** What the database itself holds: the snapshot records counted one by one, and the kept count. */
async function inDatabase(name: string) {
  const db = await openDB(name);
  const tx = db.transaction(['snapshots', 'meta']);
  const [records, kept] = await Promise.all([
    tx.objectStore('snapshots').count(),
    tx.objectStore('meta').get('snapshotCount'),
  ]);
  db.close();
  return { records, kept: (kept as { value: unknown } | undefined)?.value };
}

const everything = listQuerySchema.parse({ limit: 5 });
const saved = (r: Awaited<ReturnType<EvidenceStore['capture']>>) => {
  if (r.status !== 'saved') throw new Error(`expected a saved capture, got ${r.status}`);
  return r.id;
};

describe('the number of snapshots the locker shows', () => {
  it('stays right through captures, duplicates, notes, deletions, compaction, restarts, bulk seeding and a wipe', async () => {
    const name = `count-${++counter}`;
    let s = open(name);
    const check = async (expected: number) => {
      expect((await s.list(everything)).total).toBe(expected);
      expect(await inDatabase(name)).toEqual({ records: expected, kept: expected });
    };
    await check(0);
    const first = saved(await s.capture(order(1), null, at(0)));
    saved(await s.capture(order(2), new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), at(1)));
    expect(await s.capture(order(2), null, at(2))).toMatchObject({ status: 'duplicate' });
    await check(2);
    await s.addNote(first, '工单 #88213：客服承诺 3 个工作日内退款', at(3));
    await check(2);
    saved(await s.capture(longList(1), null, at(4)));
    await s.compacted();
    await check(3);
    expect(await s.remove(first, at(5))).toBe(true);
    expect(await s.remove(first, at(6))).toBe(false);
    await check(2);

    await s.close();
    s = open(name);
    await check(2);
    await Promise.all(Array.from({ length: 6 }, (_, i) => s.capture(order(10 + i, `状态${i}`), null, at(10 + i))));
    await check(8);
    await s.seed(
      Array.from({ length: 300 }, (_, i) => order(100 + i)),
      at(30),
    );
    await check(308);

    expect(await s.wipe()).toBe(308);
    await check(0);
    saved(await s.capture(order(1), null, at(40)));
    await check(1);
  });

  it('keeps one count with two store instances writing the same database', async () => {
    const name = `count-shared-${++counter}`;
    const [a, b] = [open(name), open(name)];
    await Promise.all([
      a.capture(order(1), null, at(0)),
      b.capture(order(2), null, at(0)),
      a.capture(order(3), null, at(1)),
      b.capture(order(4), null, at(1)),
    ]);
    const ids = (await a.list(listQuerySchema.parse({ limit: 20 }))).items.map((i) => i.id);
    await Promise.all([a.remove(ids[0]!, at(20)), b.remove(ids[1]!, at(20))]);
    expect((await b.list(everything)).total).toBe(2);
    expect(await inDatabase(name)).toEqual({ records: 2, kept: 2 });
  });

  it('is unchanged by a capture whose write failed', async () => {
    const name = `count-failed-${++counter}`;
    saved(await open(name).capture(order(1), null, at(0)));
    const failing = open(name, {
      beforeCommit: () => {
        throw new DOMException('The disk is full', 'QuotaExceededError');
      },
    });
    await expect(failing.capture(order(2), null, at(1))).rejects.toMatchObject({ reason: 'quota' });
    expect(await inDatabase(name)).toEqual({ records: 1, kept: 1 });
    expect((await open(name).list(everything)).total).toBe(1);
  });

  it('the unfiltered list gives its total without counting the snapshot records', async () => {
    const name = `count-cheap-${++counter}`;
    const s = open(name);
    await s.seed(
      Array.from({ length: 40 }, (_, i) => order(i)),
      at(0),
    );
    const counting = vi.spyOn(IDBObjectStore.prototype, 'count');
    const page = await s.list(everything);
    expect(page.items).toHaveLength(5);
    expect(page.total).toBe(40);
    expect(counting).not.toHaveBeenCalled();
  });
});
