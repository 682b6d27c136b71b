import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { listQuerySchema } from '../../lib/evidence';
import { orderPayload } from '../../lib/evidence/testing/ledger';
import { openEvidenceStore, SEARCH_PACK, type EvidenceStore } from '../../platform/evidence-db';

// Past the memory limit, a text search read every search record (100,000 snapshots: 3,125 records,
// about 2 s in Chromium). Through the text index it reads the records that hold its candidates.

const T0 = new Date('2026-11-20T02:00:00Z');
const opened: EvidenceStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

const orders = (count: number) =>
  Array.from({ length: count }, (_, i) => {
    const orderId = `2025${String((i * 7919) % 1_000_000).padStart(6, '0')}${String(i).padStart(10, '0')}`;
    return orderPayload({
      url: `http://console.cloud.tencent.com/expense/deal/detail?dealName=${orderId}`,
      text: `订单详情 订单号 ${orderId} 状态 ${['已支付', '已退款'][i % 2]} 实付金额 ¥${(i * 37.13) % 5000}\n备注：工单 TK-${String(i).padStart(6, '0')} 已受理`,
      fields: { orderId, status: ['已支付', '已退款'][i % 2]! },
    });
  });

/** Counts the search entries read from the store's `search` records while `run` runs. */
async function entriesRead<T>(run: () => Promise<T>): Promise<{ result: T; entries: number }> {
  const proto = (globalThis as unknown as { IDBObjectStore: { prototype: Record<string, unknown> } }).IDBObjectStore
    .prototype as { get: (...a: unknown[]) => IDBRequest; getAll: (...a: unknown[]) => IDBRequest; name: string };
  const originals = { get: proto.get, getAll: proto.getAll };
  let entries = 0;
  const count = (value: unknown) => {
    for (const pack of [value].flat()) entries += (pack as { entries?: unknown[] } | undefined)?.entries?.length ?? 0;
  };
  for (const method of ['get', 'getAll'] as const)
    proto[method] = function (this: { name: string }, ...args: unknown[]) {
      const request = originals[method].apply(this, args);
      if (this.name === 'search') request.addEventListener('success', () => count(request.result));
      return request;
    };
  try {
    return { result: await run(), entries };
  } finally {
    Object.assign(proto, originals);
  }
}

describe('a text search in a store too large to keep in memory', () => {
  it('reads the records of the few snapshots that can match, not every record', async () => {
    // cacheChars is the worker's memory limit; searchCache false stands for a store past it.
    const s = openEvidenceStore({ name: 'text-index-reads', searchCache: false });
    opened.push(s);
    await s.seed(orders(3000), T0);
    const search = (needle: string) => s.list(listQuerySchema.parse({ search: needle }));
    const ticket = await entriesRead(() => search('TK-001234'));
    expect(ticket.result.items.map((i) => i.orderId)).toEqual(['20257720460000001234']);
    expect(ticket.entries).toBeLessThanOrEqual(2 * SEARCH_PACK);
    const order = await entriesRead(() => search('0000002718'));
    expect(order.result.total).toBe(1);
    expect(order.entries).toBeLessThanOrEqual(2 * SEARCH_PACK);
    // A needle in half the snapshots reads them; the answer is the full count.
    const refunded = await entriesRead(() => search('已退款'));
    expect(refunded.result.total).toBe(1500);
  }, 60_000);
});
