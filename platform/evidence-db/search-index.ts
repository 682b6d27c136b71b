import {
  entryDecision,
  GENESIS,
  matchesQuery,
  needleGrams,
  subjectKey,
  summarise,
  type ChainHead,
  type ListQuery,
  type SearchEntry,
  type SnapshotSummary,
} from '../../lib/evidence';
import { sameHead } from '../../lib/evidence/ledger';
import { legacyOrderSubject, orderSubject, ordersKeyedBySite, siteOf } from '../../lib/evidence/subject';
import { textOf } from './blobs';
import { keptCount } from './count';
import { SEARCH_PACK, type Db, type ReadStore, type SearchPack, type Tx } from './schema';
import { bitmapOf, GRAM_BLOCK, indexedThrough, offsetsOf } from './text-index';

/** Search text a worker keeps in memory at most (two bytes a character: 64 MB). */
const SEARCH_CACHE_CHARS = 32_000_000;

/** Search records for entries in chain order. */
export const packsOf = (entries: SearchEntry[]): SearchPack[] => {
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  const packs: SearchPack[] = [];
  for (let i = 0; i < sorted.length; i += SEARCH_PACK)
    packs.push({ first: sorted[i]!.seq, entries: sorted.slice(i, i + SEARCH_PACK) });
  return packs;
};

/** Adds the newest snapshot's entry, in the caller's transaction: the newest record takes it while it has room. */
export async function addEntry(tx: Tx<'readwrite'>, entry: SearchEntry): Promise<void> {
  const newest = await tx.objectStore('search').openCursor(null, 'prev');
  const pack: SearchPack =
    newest && newest.value.entries.length < SEARCH_PACK
      ? { first: newest.value.first, entries: [...newest.value.entries, entry] }
      : { first: entry.seq, entries: [entry] };
  await tx.objectStore('search').put(pack);
}

/** Rewrites the search entry of the snapshot at `seq` (`null` removes it), in the caller's transaction. */
export async function changeEntry(
  tx: Tx<'readwrite'>,
  seq: number,
  change: (entry: SearchEntry) => SearchEntry | null,
): Promise<void> {
  const store = tx.objectStore('search');
  const cursor = await store.openCursor(IDBKeyRange.upperBound(seq), 'prev');
  if (!cursor) return;
  const entries = cursor.value.entries.flatMap((e) => {
    if (e.seq !== seq) return [e];
    const changed = change(e);
    return changed ? [changed] : [];
  });
  await (entries.length ? cursor.update({ first: cursor.value.first, entries }) : cursor.delete());
}

/** Whether a list query narrows anything (an empty string filters nothing, as in `matchesQuery`). */
const hasFilters = (q: ListQuery) => !!(q.vendor || q.orderId?.trim() || q.from || q.to || q.search?.trim());

const summaries = async (snapshots: ReadStore<'snapshots'>, page: SearchEntry[]) => {
  const records = await Promise.all(page.map((e) => snapshots.get(e.id)));
  return records.flatMap((s) => (s ? [summarise(s.body, s.seq, s.notes.length)] : []));
};

/**
 * The entries (newest first) whose snapshots pass the filters. Most are decided
 * by their entry; the few that need the full snapshot (a long page's text) are
 * read and checked with `matchesQuery`, all at once.
 */
async function matching(
  entries: SearchEntry[],
  query: ListQuery,
  snapshots: ReadStore<'snapshots'>,
  blobs: ReadStore<'blobs'>,
): Promise<SearchEntry[]> {
  const decisions = entries.map((e) => entryDecision(e, query));
  const unsure = entries.filter((_, i) => decisions[i] === 'full');
  const full = new Map<number, boolean>();
  await Promise.all(
    unsure.map(async (e) => {
      const [record, text] = await Promise.all([snapshots.get(e.id), blobs.get([e.id, 'text'])]);
      full.set(
        e.seq,
        !!record &&
          matchesQuery({ body: record.body, text: textOf(text), notes: record.notes.map((n) => n.body.text) }, query),
      );
    }),
  );
  return entries.filter((e, i) => decisions[i] === true || (decisions[i] === 'full' && full.get(e.seq) === true));
}

export type ListPage = { items: SnapshotSummary[]; total: number };

/** The chain's head as a read-only transaction of its own sees it. */
export async function currentHead(db: Db): Promise<ChainHead> {
  const cursor = await db.transaction('chain').store.openCursor(null, 'prev');
  return cursor ? { seq: cursor.value.seq, hash: cursor.value.hash } : GENESIS;
}

/** The subject keys an order's snapshots are kept under: with its site where the vendor keys orders by site. */
function orderKeys(vendor: string, orderId: string, site: string | undefined): string[] {
  if (site === undefined || !ordersKeyedBySite(vendor)) return [subjectKey(vendor, '', { orderId })];
  const legacy = legacyOrderSubject(vendor, orderId);
  return [orderSubject(vendor, `https://${site}/`, orderId), ...(legacy ? [legacy] : [])];
}

/** One order: its snapshots straight from the subject index (vendor + order number, and site where it keys them). */
async function listOrder(db: Db, query: ListQuery & { vendor: string }, orderId: string): Promise<ListPage> {
  const tx = db.transaction(['snapshots', 'blobs']);
  const subject = tx.objectStore('snapshots').index('subject');
  const keyed = await Promise.all(
    orderKeys(query.vendor, orderId, query.site).map((key) =>
      subject.getAll(IDBKeyRange.bound([key, 0], [key, Number.MAX_SAFE_INTEGER])),
    ),
  );
  // Snapshots kept under the key without a site (stored before keys named it) count only from that site.
  const rows = keyed.flat().filter((s) => query.site === undefined || siteOf(s.body.url) === query.site);
  const texts = query.search?.trim()
    ? await Promise.all(rows.map((s) => tx.objectStore('blobs').get([s.id, 'text'])))
    : rows.map(() => undefined);
  const hits = rows
    .filter((s, i) =>
      matchesQuery({ body: s.body, text: textOf(texts[i]), notes: s.notes.map((n) => n.body.text) }, query),
    )
    .sort((a, b) => b.seq - a.seq);
  return {
    items: hits.slice(query.offset, query.offset + query.limit).map((s) => summarise(s.body, s.seq, s.notes.length)),
    total: hits.length,
  };
}

/** Newest search records first, until the page is full (the locker's first view reads one or two). */
async function listNewest(db: Db, query: ListQuery): Promise<ListPage> {
  const wanted = query.offset + query.limit;
  const tx = db.transaction(['search', 'snapshots', 'blobs', 'meta']);
  const [search, snapshots, blobs] = [tx.objectStore('search'), tx.objectStore('snapshots'), tx.objectStore('blobs')];
  const found: SearchEntry[] = [];
  // The kept count (count.ts): counting the store itself grows with it.
  const total = hasFilters(query) ? null : keptCount(tx.objectStore('meta')).then((kept) => kept ?? snapshots.count());
  let cursor = await search.openCursor(null, 'prev');
  while (cursor && found.length < wanted) {
    const newestFirst = [...cursor.value.entries].reverse();
    found.push(...(hasFilters(query) ? await matching(newestFirst, query, snapshots, blobs) : newestFirst));
    cursor = await cursor.continue();
  }
  // Without a total wanted, `total` counts the matches read, up to the end of the page.
  return {
    items: await summaries(snapshots, found.slice(query.offset, wanted)),
    total: total ? await total : Math.min(found.length, wanted),
  };
}

/** The chain positions up to `through` whose postings hold every one of `grams`. */
async function postedAll(store: ReadStore<'grams'>, grams: number[], through: number): Promise<Set<number>> {
  const found = new Set<number>();
  if (through === 0) return found;
  // One request per gram: its postings in every block.
  const perGram = await Promise.all(grams.map((g) => store.index('gram').getAll(g)));
  const [first, ...rest] = perGram.map((postings) => new Map(postings.map((p) => [p.b, p.p])));
  for (const [b, posting] of first ?? []) {
    const others = rest.map((r) => r.get(b));
    if (others.some((p) => !p)) continue;
    const bits = bitmapOf(posting).slice();
    for (const other of others) {
      const otherBits = bitmapOf(other!);
      for (let i = 0; i < bits.length; i++) bits[i]! &= otherBits[i]!;
    }
    for (const offset of offsetsOf(bits)) if (b * GRAM_BLOCK + offset <= through) found.add(b * GRAM_BLOCK + offset);
  }
  return found;
}

/** The key of the search record that holds chain position `seq` (the greatest first position at or before it). */
function recordOf(keys: readonly number[], seq: number): number | undefined {
  let [lo, hi] = [0, keys.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? keys[lo - 1] : undefined;
}

/**
 * A text search through the text index (text-index.ts): the entries its
 * postings name, and every entry after the indexed position, each decided by
 * `matching` as any filtered list is. Reads the search records that hold
 * them, not every record.
 */
async function listByText(db: Db, query: ListQuery, grams: number[]): Promise<ListPage> {
  const tx = db.transaction(['search', 'snapshots', 'blobs', 'meta', 'grams']);
  const [search, snapshots, blobs] = [tx.objectStore('search'), tx.objectStore('snapshots'), tx.objectStore('blobs')];
  const through = await indexedThrough(tx.objectStore('meta'));
  const [keys, posted] = await Promise.all([search.getAllKeys(), postedAll(tx.objectStore('grams'), grams, through)]);
  const wanted = new Set(keys.filter((k) => k > through));
  for (const seq of [through, ...posted]) {
    const key = recordOf(keys, seq);
    if (key !== undefined) wanted.add(key);
  }
  // Most records wanted (a needle in most snapshots): one read of all of them costs less.
  const packs =
    wanted.size > keys.length / 2 ? await search.getAll() : await Promise.all([...wanted].map((k) => search.get(k)));
  const entries = packs
    .flatMap((p) => (p ? p.entries.filter((e) => e.seq > through || posted.has(e.seq)) : []))
    .sort((a, b) => b.seq - a.seq);
  const hits = await matching(entries, query, snapshots, blobs);
  const end = query.offset + query.limit;
  return {
    items: await summaries(snapshots, hits.slice(query.offset, end)),
    total: query.countAll === false ? Math.min(hits.length, end) : hits.length,
  };
}

/** A page from every entry in memory. */
async function listFrom(db: Db, entries: SearchEntry[], query: ListQuery): Promise<ListPage> {
  const wanted = query.offset + query.limit;
  const tx = db.transaction(['snapshots', 'blobs']);
  const [snapshots, blobs] = [tx.objectStore('snapshots'), tx.objectStore('blobs')];
  if (!hasFilters(query))
    return { items: await summaries(snapshots, entries.slice(query.offset, wanted)), total: entries.length };
  if (query.countAll === false) {
    const found: SearchEntry[] = [];
    for (let i = 0; i < entries.length && found.length < wanted; i += SEARCH_PACK) {
      found.push(...(await matching(entries.slice(i, i + SEARCH_PACK), query, snapshots, blobs)));
    }
    return {
      items: await summaries(snapshots, found.slice(query.offset, wanted)),
      total: Math.min(found.length, wanted),
    };
  }
  const hits = await matching(entries, query, snapshots, blobs);
  return { items: await summaries(snapshots, hits.slice(query.offset, wanted)), total: hits.length };
}

/** Whether a query looks at the searched text (`hay` and `notes`); the other filters look only at an entry's fields. */
const needsText = (q: ListQuery) => !!q.search?.trim();

/** An entry without its searched text: decides every query without a search text as the whole entry does. */
const withoutText = (e: SearchEntry): SearchEntry => ({ ...e, hay: '', notes: '' });

/**
 * The locker's list and search over the search records. Every search entry,
 * newest first, is kept in memory while the chain head is unchanged: every
 * capture, note, deletion or wipe — from this worker or any other — moves the
 * head (a wipe empties the chain), so a changed head means a fresh read.
 * Reading 10,000 entries from IndexedDB takes a few hundred milliseconds;
 * filtering them in memory, a few. Past SEARCH_CACHE_CHARS of text the
 * entries are kept without their text (`light`): order number, vendor and
 * date filters are still answered from memory (about 2 s of reading saved per
 * query at 100,000), and only a text search reads the store.
 */
export function searchIndex(db: () => Promise<Db>, options: { cache?: boolean; cacheChars?: number } = {}) {
  let cached: { head: ChainHead; entries: SearchEntry[]; light: boolean } | null = null;
  let loading: { head: ChainHead; entries: Promise<SearchEntry[]> } | null = null;
  const cacheChars = options.cacheChars ?? SEARCH_CACHE_CHARS;

  async function readAll(database: Db): Promise<SearchEntry[]> {
    const tx = database.transaction(['chain', 'search']);
    const [packs, at] = await Promise.all([
      tx.objectStore('search').getAll(),
      tx.objectStore('chain').openCursor(null, 'prev'),
    ]);
    const newestFirst: SearchEntry[] = [];
    let chars = 0;
    for (let p = packs.length - 1; p >= 0; p--) {
      const pack = packs[p]!.entries;
      for (let i = pack.length - 1; i >= 0; i--) {
        newestFirst.push(pack[i]!);
        chars += pack[i]!.hay.length + pack[i]!.notes.length;
      }
    }
    // Read in its own transaction: kept under the head it was read at.
    const readAt = at ? { seq: at.value.seq, hash: at.value.hash } : GENESIS;
    if (options.cache !== false) {
      const light = chars > cacheChars;
      cached = { head: readAt, entries: light ? newestFirst.map(withoutText) : newestFirst, light };
    }
    return newestFirst;
  }

  /** The entries kept for `head`, if they can answer `query`. */
  const held = (head: ChainHead, query: ListQuery) =>
    cached && sameHead(cached.head, head) && !(cached.light && needsText(query)) ? cached.entries : null;

  async function allEntries(database: Db, head: ChainHead, query: ListQuery): Promise<SearchEntry[]> {
    const kept = held(head, query);
    if (kept) return kept;
    if (loading && sameHead(loading.head, head)) return loading.entries;
    const entries = readAll(database);
    loading = { head, entries };
    try {
      return await entries;
    } finally {
      if (loading?.entries === entries) loading = null;
    }
  }

  return {
    async list(query: ListQuery): Promise<ListPage> {
      const database = await db();
      const orderId = query.orderId?.trim();
      // A generic order's key names its site: without the site in the query those are found by the scan below.
      if (query.exactOrder && query.vendor && orderId && (!ordersKeyedBySite(query.vendor) || query.site !== undefined))
        return listOrder(database, { ...query, vendor: query.vendor }, orderId);
      const head = await currentHead(database);
      // Loads every entry for the searches to come once this page has been answered: reading every record
      // first (100,000 in a store of years) held up the first page a worker just started gives. Entries
      // kept without their text are not read again.
      const later = <T>(page: T): T => {
        if (options.cache !== false && !(cached && sameHead(cached.head, head)))
          setTimeout(() => void allEntries(database, head, query).catch(() => undefined), 0);
        return page;
      };
      const grams = needleGrams(query.search);
      // A text search that memory cannot answer: through the text index, not over every record.
      if (grams && !held(head, query)) return later(await listByText(database, query, grams));
      // Nothing in memory: the newest records answer.
      if ((!hasFilters(query) || query.countAll === false) && !held(head, query))
        return later(await listNewest(database, query));
      return listFrom(database, await allEntries(database, head, query), query);
    },

    /**
     * This worker's own capture extends what it holds in memory instead of
     * discarding it: the next search after a save is answered from memory.
     */
    saved(sealedOn: ChainHead, head: ChainHead, entry: SearchEntry): void {
      if (cached && sameHead(cached.head, sealedOn))
        cached = { ...cached, head, entries: [cached.light ? withoutText(entry) : entry, ...cached.entries] };
    },
  };
}
