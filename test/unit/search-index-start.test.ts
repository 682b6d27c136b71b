import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { orderPayload } from '../../lib/evidence/testing/ledger';
import { EVIDENCE_DB_VERSION, openEvidenceStore } from '../../platform/evidence-db';
import type { Db } from '../../platform/evidence-db/schema';
import { searchIndex } from '../../platform/evidence-db/search-index';

// A worker just started holds no search records in memory: the locker's first page must not wait
// for all of them to be read (with years of snapshots that read is the longest part of a start).

async function watchedStore(name: string, count: number) {
  const store = openEvidenceStore({ name });
  const payloads = Array.from({ length: count }, (_, i) => {
    const id = `2026112000000000${String(i).padStart(4, '0')}`;
    return orderPayload({ text: `订单号 ${id} 状态 已支付`, fields: { orderId: id, status: '已支付' } });
  });
  await store.seed(payloads, new Date('2026-11-20T02:00:00Z'));
  await store.close();
  const database = (await openDB(name, EVIDENCE_DB_VERSION)) as unknown as Db;
  const transactions: string[] = [];
  const watched = new Proxy(database, {
    get(target, key) {
      if (key !== 'transaction') return Reflect.get(target, key, target);
      return (stores: string | string[], ...rest: unknown[]) => {
        transactions.push([stores].flat().join('+'));
        return (target.transaction as (...args: unknown[]) => unknown)(stores, ...rest);
      };
    },
  });
  const readsOfAll = () => transactions.filter((t) => t === 'chain+search').length;
  return { database, watched, transactions, readsOfAll };
}

describe('the first page a started worker lists', () => {
  it('is answered before every search record is read; that read follows for the searches to come', async () => {
    const { database, watched, transactions } = await watchedStore('search-index-start', 60);
    const search = searchIndex(async () => watched);
    const page = await search.list({ offset: 0, limit: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(60);
    // Every record is read in one transaction over the chain and the search records: not yet.
    expect(transactions).not.toContain('chain+search');
    await new Promise((ok) => setTimeout(ok, 50));
    expect(transactions).toContain('chain+search');
    // A search after it is answered from memory: no further reading of every record.
    const before = transactions.filter((t) => t === 'chain+search').length;
    const found = await search.list({ offset: 0, limit: 20, search: '20261120000000000042' });
    expect(found.items.map((i) => i.orderId)).toEqual(['20261120000000000042']);
    expect(transactions.filter((t) => t === 'chain+search')).toHaveLength(before);
    database.close();
  });

  it('reads every record once per head when they are too many to keep, not again on each page', async () => {
    const { database, watched, readsOfAll } = await watchedStore('search-index-too-large', 30);
    const search = searchIndex(async () => watched, { cacheChars: 10 });
    for (let i = 0; i < 3; i++) {
      expect((await search.list({ offset: 0, limit: 20 })).items).toHaveLength(20);
      await new Promise((ok) => setTimeout(ok, 30));
    }
    expect(readsOfAll()).toBe(1);
    database.close();
  });

  it('answers order number, vendor and date filters from memory when the entries are too large to keep with their text', async () => {
    const { database, watched, readsOfAll } = await watchedStore('search-index-light', 70);
    const light = searchIndex(async () => watched, { cacheChars: 10 });
    const whole = searchIndex(async () => database);
    await light.list({ offset: 0, limit: 20 });
    await new Promise((ok) => setTimeout(ok, 30));
    expect(readsOfAll()).toBe(1);
    const queries = [
      { orderId: '00004' },
      { orderId: '2026112000000000006', countAll: false, limit: 3 },
      { vendor: 'letsvpn' },
      { vendor: 'tencent-cloud', from: '2026-11-20', to: '2026-11-20', offset: 40 },
      {},
    ];
    for (const q of queries) {
      const query = { offset: 0, limit: 20, ...q };
      const page = await light.list(query);
      expect(page, JSON.stringify(q)).toEqual(await whole.list(query));
    }
    // Not a vacuous comparison: the order number filter finds several (4 and 40–49 hold "00004").
    expect((await light.list({ offset: 0, limit: 20, orderId: '00004' })).total).toBeGreaterThan(1);
    expect(readsOfAll()).toBe(1);
    // A text search needs the text: it goes through the text index instead of reading every record, with the same answer.
    const text = { offset: 0, limit: 20, search: '20261120000000000042' };
    expect(await light.list(text)).toEqual(await whole.list(text));
    expect((await light.list(text)).items.map((i) => i.orderId)).toEqual(['20261120000000000042']);
    expect(readsOfAll()).toBe(1);
    database.close();
  });

  it('reads one order of a vendor keyed by site through the subject index when the query names the site', async () => {
    const { database, watched, transactions } = await watchedStore('search-index-order-site', 30);
    const search = searchIndex(async () => watched, { cacheChars: 10 });
    const [sample] = (await search.list({ offset: 0, limit: 1 })).items;
    await new Promise((ok) => setTimeout(ok, 30));
    transactions.length = 0;
    const site = new URL(sample!.url).hostname.replace(/^www\./, '');
    const order = { vendor: sample!.vendor, orderId: sample!.orderId!, exactOrder: true, offset: 0, limit: 20 };
    const found = await search.list({ ...order, site });
    expect(found.items.map((i) => i.id)).toEqual([sample!.id]);
    // The index only: no search record read.
    expect(transactions).toEqual(['snapshots+blobs']);
    expect((await search.list({ ...order, site: 'other.example.com' })).items).toEqual([]);
    database.close();
  });
});
