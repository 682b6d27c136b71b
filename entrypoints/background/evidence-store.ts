import { deflateSync, inflateSync } from 'fflate';
import { deflateRaw } from '../../platform/compress';
import type { UnpackedParts } from '../../platform/capture-packing';
import type { CapturePayloadInput } from '../../lib/evidence/schema';
import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction, type StoreNames } from 'idb';
import {
  bodyHash,
  buildBundle,
  entryDecision,
  CaptureRejected,
  fieldsFileBytes,
  fromUtf8,
  GENESIS,
  isDuplicate,
  matchesQuery,
  prepareCapture,
  withScreenshot,
  searchEntry,
  sealNote,
  sealSnapshot,
  sealTombstone,
  sha256Hex,
  subjectKey,
  summarise,
  utf8,
  verifyChain,
  withNote,
  type BundleSigner,
  type ChainEntry,
  type ChainHead,
  type ListQuery,
  type NoteBody,
  type SearchEntry,
  type SnapshotBody,
  type SnapshotSummary,
  type TombstoneBody,
} from '../../lib/evidence';
import { decodeAgainst, packAgainst, unpackAgainst } from '../../lib/evidence/delta';
import { orderIdOf } from '../../lib/evidence/query';
import { legacyOrderSubject, ordersKeyedBySite, siteOf } from '../../lib/evidence/subject';
import type { Locale } from '../../lib/i18n';

/**
 * The evidence store: IndexedDB in the extension's origin (DESIGN.md), written
 * only by the worker. Appends are serialised — one at a time in this worker,
 * and each write transaction re-reads the chain head and gives up if another
 * writer moved it — so captures from many tabs keep one chain. A capture is
 * acknowledged only after its transaction committed (`tx.done`); a failed
 * transaction leaves nothing behind.
 *
 * At rest (version 2): the record holds the sealed body and the notes; the
 * page text is deflated UTF-8 in `blobs`, the page copy too — stored against
 * the page text (lib/evidence/delta.ts) since version 2, plain deflate before —
 * and the screenshot is the JPEG as taken. What is hashed, exported and
 * verified is the text and page copy as captured, so only their storage changed. `search` holds what the
 * locker's filters look at (lib/evidence/search.ts), packed SEARCH_PACK
 * snapshots to a record, and is written in the same transaction as the
 * snapshot, note or deletion it follows.
 */
export const EVIDENCE_DB = 'refund-guard-evidence';
export const EVIDENCE_DB_VERSION = 2;

export interface StoredNote {
  seq: number;
  chainHash: string;
  body: NoteBody;
}

export interface StoredSnapshot {
  id: string;
  seq: number;
  chainHash: string;
  subjectKey: string;
  body: SnapshotBody;
  notes: StoredNote[];
}

/** A record as database version 1 kept it: the page text inline. */
export type StoredSnapshotV1 = StoredSnapshot & { text: string };

export interface StoredBlob {
  snapshotId: string;
  name: 'dom' | 'text' | 'screenshot';
  /**
   * text: deflated UTF-8; dom: deflated UTF-8, or `delta` (UTF-8 encoded
   * against the page text, see lib/evidence/delta.ts); screenshot: JPEG as captured.
   */
  encoding: 'deflate' | 'delta' | 'raw';
  bytes: Uint8Array;
}

/**
 * Search entries of consecutive snapshots, keyed by the chain position of the
 * first one it was created with; packs never overlap and new snapshots join
 * the newest pack until it holds SEARCH_PACK. IndexedDB pays per record read,
 * so a search over 10,000 snapshots reads about 300 records, not 10,000.
 */
export interface SearchPack {
  first: number;
  entries: SearchEntry[];
}

export type StoredEntry = ChainEntry & { body?: TombstoneBody };

interface EvidenceDb extends DBSchema {
  chain: { key: number; value: StoredEntry };
  snapshots: { key: string; value: StoredSnapshot; indexes: { seq: number; subject: [string, number] } };
  blobs: { key: [string, string]; value: StoredBlob };
  meta: { key: string; value: { key: string; value: unknown } };
  search: { key: number; value: SearchPack };
}

type Db = IDBPDatabase<EvidenceDb>;
type UpgradeTx = IDBPTransaction<EvidenceDb, StoreNames<EvidenceDb>[], 'versionchange'>;

/** Snapshots per search record: reads stay few, and a capture rewrites at most this many entries. */
export const SEARCH_PACK = 32;

/** Search text a worker keeps in memory at most (two bytes a character: 64 MB). */
const SEARCH_CACHE_CHARS = 32_000_000;

const deflateText = (text: string) => deflateSync(utf8(text));

/** Search records for entries in chain order. */
const packsOf = (entries: SearchEntry[]): SearchPack[] => {
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  const packs: SearchPack[] = [];
  for (let i = 0; i < sorted.length; i += SEARCH_PACK) packs.push({ first: sorted[i]!.seq, entries: sorted.slice(i, i + SEARCH_PACK) });
  return packs;
};

/**
 * One step per version: opening an older database runs every step after its
 * version, in order, inside the upgrade transaction (a step may finish
 * asynchronously; the next one waits for it). A step that fails aborts the
 * upgrade, and the database stays as it was.
 */
const MIGRATIONS: Record<number, (db: Db, tx: UpgradeTx) => void | Promise<void>> = {
  1: (db) => {
    db.createObjectStore('chain', { keyPath: 'seq' });
    const snapshots = db.createObjectStore('snapshots', { keyPath: 'id' });
    snapshots.createIndex('seq', 'seq', { unique: true });
    snapshots.createIndex('subject', ['subjectKey', 'seq'], { unique: true });
    db.createObjectStore('blobs', { keyPath: ['snapshotId', 'name'] });
    db.createObjectStore('meta', { keyPath: 'key' });
  },
  // Page text leaves the record for a deflated blob; the search structure is built from every snapshot.
  2: async (db, tx) => {
    db.createObjectStore('search', { keyPath: 'first' });
    const blobs = tx.objectStore('blobs');
    const entries: SearchEntry[] = [];
    const writes: Promise<unknown>[] = [];
    let cursor = await tx.objectStore('snapshots').openCursor();
    while (cursor) {
      const { text = '', ...record } = cursor.value as StoredSnapshotV1;
      writes.push(blobs.put({ snapshotId: record.id, name: 'text', encoding: 'deflate', bytes: deflateText(text) }), cursor.update(record));
      entries.push(searchEntry(record.body, record.seq, text, record.notes.map((n) => n.body.text)));
      cursor = await cursor.continue();
    }
    const search = tx.objectStore('search');
    await Promise.all([...writes, ...packsOf(entries).map((pack) => search.put(pack))]);
  },
};

export type StoreFailure = 'quota' | 'storage' | 'too-large' | 'invalid' | 'not-found';

export class EvidenceStoreError extends Error {
  constructor(
    readonly reason: StoreFailure,
    message: string,
  ) {
    super(message);
    this.name = 'EvidenceStoreError';
  }
}

function storageFailure(error: unknown): EvidenceStoreError {
  if (error instanceof EvidenceStoreError) return error;
  const name = (error as { name?: string } | null)?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) return new EvidenceStoreError('quota', message || 'quota exceeded');
  return new EvidenceStoreError('storage', message || name || 'write failed');
}

class HeadMoved extends Error {}

/** Whether a list query narrows anything (an empty string filters nothing, as in `matchesQuery`). */
const hasFilters = (q: ListQuery) => !!(q.vendor || q.orderId?.trim() || q.from || q.to || q.search?.trim());

export type CaptureResult =
  | { status: 'saved'; id: string; seq: number; hash: string }
  | { status: 'duplicate'; id: string };

export interface SnapshotDetail {
  summary: SnapshotSummary;
  body: SnapshotBody;
  chainHash: string;
  text: string;
  notes: StoredNote[];
  screenshot: Uint8Array | null;
  domSize: number;
}

export interface StoreCheck {
  ok: boolean;
  length: number;
  problems: string[];
}

export interface OpenOptions {
  name?: string;
  /** For tests: simulate a failing write (e.g. a full disk) right before commit. */
  beforeCommit?: () => void;
  /** For tests: page text characters a search entry keeps (default SEARCH_TEXT_CHARS). */
  searchTextChars?: number;
  /** For tests: false reads the search structure from the store for every filtered list. */
  searchCache?: boolean;
  /** For tests: awaited before a saved page copy is encoded against its text. */
  beforeCompaction?: () => Promise<void>;
}

type WriteStores = ('chain' | 'snapshots' | 'blobs' | 'search' | 'meta')[];
type Tx<Mode extends IDBTransactionMode> = IDBPTransaction<EvidenceDb, WriteStores, Mode>;
const WRITE_STORES: WriteStores = ['chain', 'snapshots', 'blobs', 'search', 'meta'];
/** What a wipe empties (`meta` keeps the schema version; only its list of copies to encode goes). */
const DATA_STORES = ['chain', 'snapshots', 'blobs', 'search'] as const;

/**
 * Snapshots whose large page copy was committed plainly deflated and is still
 * to be encoded against its text: a `meta` record, written in the capture's
 * transaction and shortened by each encoding, so a worker stopped in between
 * finds them when it opens the store again.
 */
const UNENCODED = 'unencodedCopies';
interface UnencodedCopy {
  id: string;
  chainHash: string;
}
/** Entries the list keeps at most (a store that never got to encode: the newest are kept). */
const UNENCODED_MAX = 200;

/** Resolves in a later task, after whatever the current one (an acknowledgement, an open request) sends. */
const nextTask = () => new Promise<void>((next) => setTimeout(next, 0));

async function unencodedCopies(meta: { get(key: string): Promise<{ value: unknown } | undefined> }): Promise<UnencodedCopy[]> {
  const record = await meta.get(UNENCODED);
  return Array.isArray(record?.value) ? (record.value as UnencodedCopy[]) : [];
}

async function headOf(tx: Tx<IDBTransactionMode>): Promise<ChainHead> {
  const cursor = await tx.objectStore('chain').openCursor(null, 'prev');
  return cursor ? { seq: cursor.value.seq, hash: cursor.value.hash } : GENESIS;
}

const sameHead = (a: ChainHead, b: ChainHead) => a.seq === b.seq && a.hash === b.hash;

const summaries = async (snapshots: ReadStore<'snapshots'>, page: SearchEntry[]) => {
  const records = await Promise.all(page.map((e) => snapshots.get(e.id)));
  return records.flatMap((s) => (s ? [summarise(s.body, s.seq, s.notes.length)] : []));
};

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The page text of a snapshot, from its deflated blob. */
const textOf = (blob: StoredBlob | undefined): string => (blob ? fromUtf8(inflateSync(blob.bytes)) : '');

/** The page copy's UTF-8 bytes (throws when a blob is unreadable). */
function domBytesOf(dom: StoredBlob, text: StoredBlob | undefined): Uint8Array {
  if (dom.encoding !== 'delta') return inflateSync(dom.bytes);
  if (!text) throw new Error('page copy stored against a missing page text');
  return decodeAgainst(inflateSync(text.bytes), dom.bytes);
}

/**
 * Page copies from this size on are kept against the page text: that is where
 * it pays (a 1.5 MB order list: 147 KB deflated, 62 KB against its text); a
 * small page gains little and keeps plain deflate, which reads without its
 * text.
 */
export const DOM_DELTA_FROM = 64 * 1024;

/**
 * The page copy encoded against its text, when its packed form unpacks to the
 * very same bytes (it always should; compared byte for byte, which costs less
 * than hashing them again); null otherwise. Deflated natively
 * (`encodeAgainst` is the same format in one call).
 */
async function againstText(dom: Uint8Array, text: Uint8Array): Promise<Pick<StoredBlob, 'encoding' | 'bytes'> | null> {
  try {
    const packed = packAgainst(text, dom);
    return sameBytes(unpackAgainst(text, packed), dom) ? { encoding: 'delta', bytes: await deflateRaw(packed) } : null;
  } catch {
    return null;
  }
}

/** Rewrites the search entry of the snapshot at `seq` (`null` removes it), in the caller's transaction. */
async function changeEntry(tx: Tx<'readwrite'>, seq: number, change: (entry: SearchEntry) => SearchEntry | null): Promise<void> {
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

type ReadStore<Name extends 'search' | 'snapshots' | 'blobs'> = IDBPObjectStore<EvidenceDb, ('search' | 'snapshots' | 'blobs')[], Name, 'readonly'>;

/**
 * The entries (newest first) whose snapshots pass the filters. Most are decided
 * by their entry; the few that need the full snapshot (a long page's text) are
 * read and checked with `matchesQuery`, all at once.
 */
async function matching(entries: SearchEntry[], query: ListQuery, snapshots: ReadStore<'snapshots'>, blobs: ReadStore<'blobs'>): Promise<SearchEntry[]> {
  const decisions = entries.map((e) => entryDecision(e, query));
  const unsure = entries.filter((_, i) => decisions[i] === 'full');
  const full = new Map<number, boolean>();
  await Promise.all(
    unsure.map(async (e) => {
      const [record, text] = await Promise.all([snapshots.get(e.id), blobs.get([e.id, 'text'])]);
      full.set(e.seq, !!record && matchesQuery({ body: record.body, text: textOf(text), notes: record.notes.map((n) => n.body.text) }, query));
    }),
  );
  return entries.filter((e, i) => decisions[i] === true || (decisions[i] === 'full' && full.get(e.seq) === true));
}

export function openEvidenceStore(options: OpenOptions = {}) {
  let dbPromise: Promise<Db> | null = null;
  const db = () =>
    (dbPromise ??= openDB<EvidenceDb>(options.name ?? EVIDENCE_DB, EVIDENCE_DB_VERSION, {
      upgrade(database, oldVersion, newVersion, tx) {
        const target = newVersion ?? EVIDENCE_DB_VERSION;
        // Steps run synchronously until one needs to wait; the rest follow it in order.
        let pending: Promise<void> | null = null;
        for (let v = oldVersion + 1; v <= target; v++) {
          const step = MIGRATIONS[v];
          if (!step) continue;
          if (pending) pending = pending.then(() => step(database, tx));
          else {
            const result = step(database, tx);
            if (result) pending = result;
          }
        }
        const record = () => void tx.objectStore('meta').put({ key: 'schemaVersion', value: target });
        if (!pending) record();
        else
          pending.then(record, () => {
            try {
              tx.abort();
            } catch {
              // already aborted by the failed request
            }
          });
      },
    })
      .then((database) => {
        // Copies an earlier worker left plainly deflated are encoded once the store is idle.
        track(nextTask().then(() => resumeEncoding(database)));
        return database;
      })
      .catch((error: unknown) => {
        dbPromise = null;
        throw storageFailure(error);
      }));

  // One append at a time in this context; the head check below covers any other writer.
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };

  /**
   * A large page copy is written plainly deflated when its capture is
   * committed, and encoded against its text once the capture has been
   * acknowledged: on a 3,000-order list that encoding is the largest single
   * piece of a save's work, and nobody waiting on the save needs it. The copy's
   * blob is then replaced in one transaction, when the encoding is smaller and
   * only if the blob still belongs to the same chain entry (a store emptied and
   * refilled meanwhile reuses ids). A worker stopped before that leaves the
   * copy plainly deflated — whole, read and verified the same, only larger —
   * and its id in the UNENCODED list, which the next opening of the store
   * works through (`resumeEncoding`).
   */
  let compacting: Promise<void> = Promise.resolve();
  /** Copies this instance is encoding or has encoded: the list read at opening may name them too. */
  const encoding = new Set<string>();
  const track = (run: Promise<unknown>) => {
    compacting = Promise.all([compacting, run.catch(() => undefined)]).then(() => undefined);
  };

  function encodeCopy(copy: UnencodedCopy, read: () => Promise<{ dom: Uint8Array; text: Uint8Array } | null>): Promise<void> {
    encoding.add(copy.id);
    return (options.beforeCompaction?.() ?? Promise.resolve())
      .then(read)
      .then((bytes) => (bytes ? againstText(bytes.dom, bytes.text) : null))
      .then((encoded) =>
        serial(async () => {
          const tx = (await db()).transaction(['snapshots', 'blobs', 'meta'], 'readwrite');
          const [snapshot, blob, pending] = await Promise.all([tx.objectStore('snapshots').get(copy.id), tx.objectStore('blobs').get([copy.id, 'dom']), unencodedCopies(tx.objectStore('meta'))]);
          const applies = encoded && snapshot?.chainHash === copy.chainHash && blob?.encoding === 'deflate' && encoded.bytes.length < blob.bytes.length;
          // Done with either way: encoded now, or nothing to gain (gone, replaced, or no smaller).
          const rest = pending.filter((p) => p.id !== copy.id || p.chainHash !== copy.chainHash);
          await Promise.all([
            applies ? tx.objectStore('blobs').put({ ...blob, ...encoded }) : undefined,
            rest.length === pending.length ? undefined : tx.objectStore('meta').put({ key: UNENCODED, value: rest }),
          ]);
          await tx.done;
        }),
      );
  }

  function compactLater(copy: UnencodedCopy, dom: Uint8Array, text: Uint8Array) {
    // A new task, so the capture's acknowledgement has left before the encoding starts.
    track(nextTask().then(() => encodeCopy(copy, async () => ({ dom, text }))));
  }

  /**
   * Encodes, one at a time, the copies an earlier worker committed and did
   * not get to encode. Each is read back from the store (it verifies the same
   * either way), so only one copy is in memory at once.
   */
  async function resumeEncoding(database: Db): Promise<void> {
    const pending = await unencodedCopies(database.transaction('meta').store);
    for (const copy of pending) {
      if (encoding.has(copy.id)) continue;
      await encodeCopy(copy, async () => {
        const tx = database.transaction(['snapshots', 'blobs']);
        const [snapshot, dom, text] = await Promise.all([
          tx.objectStore('snapshots').get(copy.id),
          tx.objectStore('blobs').get([copy.id, 'dom']),
          tx.objectStore('blobs').get([copy.id, 'text']),
        ]);
        if (snapshot?.chainHash !== copy.chainHash || dom?.encoding !== 'deflate' || !text) return null;
        try {
          return { dom: inflateSync(dom.bytes), text: inflateSync(text.bytes) };
        } catch {
          return null; // unreadable: left for verification to report, not tried again
        }
      }).catch(() => undefined);
    }
  }

  /** Settles once the page copies saved so far are encoded against their text (bytes at rest: tests, the bench). */
  async function compacted(): Promise<void> {
    for (let seen = compacting; ; seen = compacting) {
      await seen;
      if (seen === compacting) return;
    }
  }

  /**
   * Reads the head, lets `seal` compute the entry (hashing is not an IndexedDB
   * request, so it cannot run inside the write transaction), then writes in one
   * transaction that first checks the head is unchanged.
   */
  async function append<T>(seal: (head: ChainHead, read: Tx<'readonly'>) => Promise<T>, write: (sealed: T, tx: Tx<'readwrite'>) => Promise<void>): Promise<T> {
    const database = await db();
    for (let attempt = 0; attempt < 5; attempt++) {
      const read = database.transaction(WRITE_STORES, 'readonly');
      const head = await headOf(read);
      const sealed = await seal(head, read);
      const tx = database.transaction(WRITE_STORES, 'readwrite');
      try {
        if (!sameHead(await headOf(tx), head)) throw new HeadMoved();
        await write(sealed, tx);
        options.beforeCommit?.();
        await tx.done;
        return sealed;
      } catch (error) {
        try {
          tx.abort();
        } catch {
          // already finished or aborted
        }
        await tx.done.catch(() => undefined);
        if (error instanceof HeadMoved) continue;
        // A request aborted by a full disk reports AbortError; the transaction holds the cause.
        throw storageFailure(error instanceof EvidenceStoreError ? error : (tx.error ?? error));
      }
    }
    throw new EvidenceStoreError('storage', 'the evidence chain kept changing during the write');
  }

  /**
   * Every search entry, newest first, kept in memory while the chain head is
   * unchanged: every capture, note, deletion or wipe — from this worker or any
   * other — moves the head (a wipe empties the chain), so a changed head means
   * a fresh read. Reading 10,000 entries from IndexedDB takes a few hundred
   * milliseconds; filtering them in memory, a few. Past SEARCH_CACHE_CHARS of
   * text nothing is kept, and every filtered list reads the store.
   */
  let cached: { head: ChainHead; entries: SearchEntry[] } | null = null;
  let loading: { head: ChainHead; entries: Promise<SearchEntry[]> } | null = null;

  async function currentHead(database: Db): Promise<ChainHead> {
    const cursor = await database.transaction('chain').store.openCursor(null, 'prev');
    return cursor ? { seq: cursor.value.seq, hash: cursor.value.hash } : GENESIS;
  }

  async function allEntries(database: Db, head: ChainHead): Promise<SearchEntry[]> {
    if (cached && sameHead(cached.head, head)) return cached.entries;
    if (loading && sameHead(loading.head, head)) return loading.entries;
    const entries = (async () => {
      const tx = database.transaction(['chain', 'search']);
      const [packs, at] = await Promise.all([tx.objectStore('search').getAll(), tx.objectStore('chain').openCursor(null, 'prev')]);
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
      if (options.searchCache !== false && chars <= SEARCH_CACHE_CHARS) cached = { head: readAt, entries: newestFirst };
      return newestFirst;
    })();
    loading = { head, entries };
    try {
      return await entries;
    } finally {
      if (loading?.entries === entries) loading = null;
    }
  }

  async function latestOf(read: Tx<IDBTransactionMode>, prepared: { subjectKey: string; vendor: string; url: string; fields: SnapshotBody['fields'] }) {
    const subject = read.objectStore('snapshots').index('subject');
    const under = (key: string) => subject.openCursor(IDBKeyRange.bound([key, 0], [key, Number.MAX_SAFE_INTEGER]), 'prev');
    const cursor = await under(prepared.subjectKey);
    if (cursor) return cursor.value;
    // Saved before generic orders were keyed by site: the newest one of this order from this same site.
    const orderId = orderIdOf(prepared.fields)?.trim();
    const legacy = orderId ? legacyOrderSubject(prepared.vendor, orderId) : null;
    if (legacy === null) return null;
    const site = siteOf(prepared.url);
    for (let older = await under(legacy); older; older = await older.continue()) {
      if (siteOf(older.value.body.url) === site) return older.value;
    }
    return null;
  }

  return {
    async capture(
      payload: unknown,
      screenshot: Uint8Array | null | Promise<Uint8Array | null>,
      now: Date,
      received: Partial<Pick<UnpackedParts, 'textDeflate' | 'domDeflate'>> = {},
    ): Promise<CaptureResult> {
      let prepared;
      try {
        // A screenshot still being taken is waited for last, once the page's text and copy are ready.
        prepared = await prepareCapture(payload as CapturePayloadInput, screenshot instanceof Uint8Array ? screenshot : null, now, {
          text: received.textDeflate?.bytes,
          dom: received.domDeflate?.bytes,
        });
      } catch (error) {
        if (error instanceof CaptureRejected) throw new EvidenceStoreError(error.reason, error.message);
        throw error;
      }
      // Compressed before the write transaction opens (an await inside it would end it).
      // The page sent its text and copy deflated: what redaction changed none of keeps those bytes
      // (for the copy, the very bytes the page sent are the prepared ones: nothing was encoded again).
      const sent = received.textDeflate;
      const keepSent = sent !== undefined && sameBytes(sent.bytes, prepared.textBytes);
      const sentDom = received.domDeflate;
      const [text, domDeflated] = await Promise.all([
        keepSent ? sent.deflated : deflateRaw(prepared.textBytes),
        sentDom?.bytes === prepared.domBytes ? sentDom.deflated : deflateRaw(prepared.domBytes),
      ]);
      const dom = { encoding: 'deflate' as const, bytes: domDeflated };
      const large = prepared.domBytes.length >= DOM_DELTA_FROM;
      if (screenshot instanceof Promise) {
        const taken = await screenshot;
        if (taken) prepared = await withScreenshot(prepared, taken);
      }
      const result = await serial(async (): Promise<CaptureResult> => {
        let sealedOn: ChainHead | null = null;
        const outcome = await append<{ duplicate: StoredSnapshot } | { snapshot: StoredSnapshot; entry: ChainEntry; search: SearchEntry }>(
          async (head, read) => {
            sealedOn = head;
            const latest = await latestOf(read, prepared);
            if (isDuplicate(prepared, latest?.body)) return { duplicate: latest! };
            const { body, entry } = await sealSnapshot(prepared, head, latest?.id ?? null);
            return {
              entry,
              snapshot: { id: body.id, seq: entry.seq, chainHash: entry.hash, subjectKey: body.subjectKey, body, notes: [] },
              search: searchEntry(body, entry.seq, prepared.text, [], options.searchTextChars),
            };
          },
          async (sealed, tx) => {
            if ('duplicate' in sealed) return;
            const { snapshot, entry, search } = sealed;
            // The newest search record takes the entry while it has room (this snapshot is the newest).
            const newest = await tx.objectStore('search').openCursor(null, 'prev');
            const pack: SearchPack =
              newest && newest.value.entries.length < SEARCH_PACK ? { first: newest.value.first, entries: [...newest.value.entries, search] } : { first: snapshot.seq, entries: [search] };
            const unencoded = large ? [...(await unencodedCopies(tx.objectStore('meta'))).slice(1 - UNENCODED_MAX), { id: snapshot.id, chainHash: entry.hash }] : null;
            await Promise.all([
              unencoded ? tx.objectStore('meta').put({ key: UNENCODED, value: unencoded }) : undefined,
              tx.objectStore('chain').add(entry),
              tx.objectStore('snapshots').add(snapshot),
              tx.objectStore('blobs').add({ snapshotId: snapshot.id, name: 'dom', ...dom }),
              tx.objectStore('blobs').add({ snapshotId: snapshot.id, name: 'text', encoding: 'deflate', bytes: text }),
              ...(prepared.screenshot
                ? [tx.objectStore('blobs').add({ snapshotId: snapshot.id, name: 'screenshot', encoding: 'raw', bytes: prepared.screenshot })]
                : []),
              tx.objectStore('search').put(pack),
            ]);
          },
        );
        if ('duplicate' in outcome) return { status: 'duplicate', id: outcome.duplicate.id };
        // This worker's own capture extends what it holds in memory instead of discarding it: the
        // next search after a save is answered from memory, not by reading every entry again.
        if (cached && sealedOn && sameHead(cached.head, sealedOn)) {
          cached = { head: { seq: outcome.entry.seq, hash: outcome.entry.hash }, entries: [outcome.search, ...cached.entries] };
        }
        return { status: 'saved', id: outcome.snapshot.id, seq: outcome.entry.seq, hash: outcome.entry.hash };
      });
      if (result.status === 'saved' && large) compactLater({ id: result.id, chainHash: result.hash }, prepared.domBytes, prepared.textBytes);
      return result;
    },

    compacted,

    async list(query: ListQuery): Promise<{ items: SnapshotSummary[]; total: number }> {
      const database = await db();
      const orderId = query.orderId?.trim();
      // A generic order's key names its site, which the query does not: those are found by the scan below.
      if (query.exactOrder && query.vendor && orderId && !ordersKeyedBySite(query.vendor)) {
        // One order: its snapshots straight from the subject index (vendor + order number).
        const tx = database.transaction(['snapshots', 'blobs']);
        const key = subjectKey(query.vendor, '', { orderId });
        const rows = await tx.objectStore('snapshots').index('subject').getAll(IDBKeyRange.bound([key, 0], [key, Number.MAX_SAFE_INTEGER]));
        const texts = query.search?.trim() ? await Promise.all(rows.map((s) => tx.objectStore('blobs').get([s.id, 'text']))) : rows.map(() => undefined);
        const hits = rows
          .filter((s, i) => matchesQuery({ body: s.body, text: textOf(texts[i]), notes: s.notes.map((n) => n.body.text) }, query))
          .sort((a, b) => b.seq - a.seq);
        return { items: hits.slice(query.offset, query.offset + query.limit).map((s) => summarise(s.body, s.seq, s.notes.length)), total: hits.length };
      }
      const wanted = query.offset + query.limit;
      const head = await currentHead(database);
      if ((!hasFilters(query) || query.countAll === false) && !(cached && sameHead(cached.head, head))) {
        // Nothing in memory: newest search records first, until the page is full (the locker's first
        // view reads one or two); meanwhile the rest is loaded for the searches that usually follow.
        if (options.searchCache !== false) void allEntries(database, head).catch(() => undefined);
        const tx = database.transaction(['search', 'snapshots', 'blobs']);
        const [search, snapshots, blobs] = [tx.objectStore('search'), tx.objectStore('snapshots'), tx.objectStore('blobs')];
        const found: SearchEntry[] = [];
        const total = hasFilters(query) ? null : snapshots.count();
        let cursor = await search.openCursor(null, 'prev');
        while (cursor && found.length < wanted) {
          const newestFirst = [...cursor.value.entries].reverse();
          found.push(...(hasFilters(query) ? await matching(newestFirst, query, snapshots, blobs) : newestFirst));
          cursor = await cursor.continue();
        }
        // Without a total wanted, `total` counts the matches read, up to the end of the page.
        return { items: await summaries(snapshots, found.slice(query.offset, wanted)), total: total ? await total : Math.min(found.length, wanted) };
      }
      const entries = await allEntries(database, head);
      const tx = database.transaction(['snapshots', 'blobs']);
      const [snapshots, blobs] = [tx.objectStore('snapshots'), tx.objectStore('blobs')];
      if (!hasFilters(query)) return { items: await summaries(snapshots, entries.slice(query.offset, wanted)), total: entries.length };
      if (query.countAll === false) {
        const found: SearchEntry[] = [];
        for (let i = 0; i < entries.length && found.length < wanted; i += SEARCH_PACK) found.push(...(await matching(entries.slice(i, i + SEARCH_PACK), query, snapshots, blobs)));
        return { items: await summaries(snapshots, found.slice(query.offset, wanted)), total: Math.min(found.length, wanted) };
      }
      const hits = await matching(entries, query, snapshots, blobs);
      return { items: await summaries(snapshots, hits.slice(query.offset, wanted)), total: hits.length };
    },

    /** The bodies of the given snapshots that exist, in the order asked; one read of the records only. */
    async bodies(ids: readonly string[]): Promise<SnapshotBody[]> {
      const database = await db();
      const store = database.transaction('snapshots').store;
      const found = await Promise.all(ids.map((id) => store.get(id)));
      return found.flatMap((s) => (s ? [s.body] : []));
    },

    async get(id: string): Promise<SnapshotDetail | null> {
      const database = await db();
      const tx = database.transaction(['snapshots', 'blobs']);
      const [snapshot, dom, text, screenshot] = await Promise.all([
        tx.objectStore('snapshots').get(id),
        tx.objectStore('blobs').get([id, 'dom']),
        tx.objectStore('blobs').get([id, 'text']),
        tx.objectStore('blobs').get([id, 'screenshot']),
      ]);
      if (!snapshot) return null;
      return {
        summary: summarise(snapshot.body, snapshot.seq, snapshot.notes.length),
        body: snapshot.body,
        chainHash: snapshot.chainHash,
        text: textOf(text),
        notes: snapshot.notes,
        screenshot: screenshot?.bytes ?? null,
        domSize: dom ? snapshot.body.parts.dom.size : 0,
      };
    },

    /** Removes a snapshot's content; its chain entry stays and a tombstone entry is appended. */
    async remove(id: string, now: Date): Promise<boolean> {
      return serial(async () => {
        const existing = await (await db()).get('snapshots', id);
        if (!existing) return false;
        await append(
          (head) => sealTombstone(id, head, now),
          async ({ body, entry }, tx) => {
            const snapshot = await tx.objectStore('snapshots').get(id);
            if (!snapshot) throw new EvidenceStoreError('not-found', id);
            await Promise.all([
              tx.objectStore('chain').add({ ...entry, body }),
              tx.objectStore('snapshots').delete(id),
              tx.objectStore('blobs').delete(IDBKeyRange.bound([id, ''], [id, '\uffff'])),
              changeEntry(tx, snapshot.seq, () => null),
            ]);
          },
        );
        return true;
      });
    },

    async addNote(id: string, text: string, now: Date): Promise<NoteBody | null> {
      return serial(async () => {
        if (!(await (await db()).get('snapshots', id))) return null;
        const { body } = await append(
          (head) => sealNote(id, text, head, now),
          async ({ body, entry }, tx) => {
            const snapshot = await tx.objectStore('snapshots').get(id);
            if (!snapshot) throw new EvidenceStoreError('not-found', id);
            snapshot.notes.push({ seq: entry.seq, chainHash: entry.hash, body });
            await Promise.all([
              tx.objectStore('chain').add(entry),
              tx.objectStore('snapshots').put(snapshot),
              changeEntry(tx, snapshot.seq, (e) => withNote(e, body.text)),
            ]);
          },
        );
        return body;
      });
    },

    /** A bundle of the chosen snapshots (all when `ids` is null) with the whole chain. */
    async exportBundle(ids: readonly string[] | null, now: Date, generator: { name: string; version: string }, locale: Locale, signer: BundleSigner) {
      const database = await db();
      const tx = database.transaction(['chain', 'snapshots', 'blobs']);
      const [entries, all] = await Promise.all([tx.objectStore('chain').getAll(), tx.objectStore('snapshots').getAll()]);
      const chosen = all.filter((s) => !ids || ids.includes(s.id));
      const blobs = await Promise.all(
        chosen.map(async (s) => {
          const [dom, text, screenshot] = await Promise.all([
            tx.objectStore('blobs').get([s.id, 'dom']),
            tx.objectStore('blobs').get([s.id, 'text']),
            tx.objectStore('blobs').get([s.id, 'screenshot']),
          ]);
          return { dom, text, screenshot };
        }),
      );
      const tombstones = entries.flatMap((e) => (e.body ? [e.body] : []));
      const { zip, manifest } = await buildBundle({
        entries: entries.map(({ body: _body, ...entry }) => entry),
        tombstones,
        snapshots: chosen.map((s, i) => ({
          seq: s.seq,
          chainHash: s.chainHash,
          body: s.body,
          text: textOf(blobs[i]!.text),
          dom: blobs[i]!.dom ? fromUtf8(domBytesOf(blobs[i]!.dom!, blobs[i]!.text)) : '',
          screenshot: blobs[i]!.screenshot?.bytes ?? null,
          notes: s.notes,
        })),
        exportedAt: now,
        generator,
        locale,
        signer,
      });
      return { zip, count: chosen.length, headHash: manifest.chain.headHash };
    },

    /** The chain's last entry (genesis when empty): what a ticket cites to anchor the evidence. */
    async head(): Promise<ChainHead> {
      return currentHead(await db());
    },

    /** Re-walks the chain, re-hashes every stored part, and checks the search structure covers every snapshot. */
    async verify(): Promise<StoreCheck> {
      const database = await db();
      const tx = database.transaction(['chain', 'snapshots', 'blobs', 'search']);
      const [entries, snapshots, blobs, packs] = await Promise.all([
        tx.objectStore('chain').getAll(),
        tx.objectStore('snapshots').getAll(),
        tx.objectStore('blobs').getAll(),
        tx.objectStore('search').getAll(),
      ]);
      const problems: string[] = [];
      const chain = await verifyChain(entries.map(({ body: _body, ...entry }) => entry));
      for (const p of chain.problems) problems.push(`chain ${p.kind} at ${p.seq}`);
      const bySeq = new Map(entries.map((e) => [e.seq, e]));
      for (const e of entries) if (e.body && (await bodyHash(e.body)) !== e.bodyHash) problems.push(`${e.id}: tombstone altered`);
      const blob = new Map(blobs.map((b) => [`${b.snapshotId}/${b.name}`, b]));
      const indexed = new Map(packs.flatMap((p) => p.entries.map((e) => [e.seq, e.id] as const)));
      for (const s of snapshots) {
        const entry = bySeq.get(s.seq);
        if (!entry || entry.id !== s.id || (await bodyHash(s.body)) !== entry.bodyHash) problems.push(`${s.id}: record altered`);
        const text = blob.get(`${s.id}/text`);
        try {
          if (!text || (await sha256Hex(inflateSync(text.bytes))) !== s.body.parts.text.sha256) problems.push(`${s.id}: text altered`);
        } catch {
          problems.push(`${s.id}: text unreadable`);
        }
        if ((await sha256Hex(fieldsFileBytes(s.body.fields))) !== s.body.parts.fields.sha256) problems.push(`${s.id}: fields altered`);
        const dom = blob.get(`${s.id}/dom`);
        try {
          if (!dom || (await sha256Hex(domBytesOf(dom, text))) !== s.body.parts.dom.sha256) problems.push(`${s.id}: page copy altered`);
        } catch {
          problems.push(`${s.id}: page copy unreadable`);
        }
        const shot = blob.get(`${s.id}/screenshot`);
        if ((s.body.parts.screenshot?.sha256 ?? null) !== (shot ? await sha256Hex(shot.bytes) : null)) problems.push(`${s.id}: screenshot altered`);
        for (const n of s.notes) {
          const noteEntry = bySeq.get(n.seq);
          if (!noteEntry || (await bodyHash(n.body)) !== noteEntry.bodyHash) problems.push(`${n.body.id}: note altered`);
        }
        if (indexed.get(s.seq) !== s.id) problems.push(`${s.id}: missing from the search index`);
      }
      if (indexed.size !== snapshots.length) problems.push(`search index holds ${indexed.size} entries for ${snapshots.length} snapshots`);
      return { ok: problems.length === 0, length: entries.length, problems };
    },

    /**
     * Deletes every snapshot, note, tombstone and chain entry in one
     * transaction: the chain is then empty and the next capture starts from
     * genesis. Runs in the append queue, and a concurrent writer elsewhere sees
     * the head move and re-seals, so no entry ever links to a deleted one.
     */
    async wipe(): Promise<number> {
      return serial(async () => {
        const database = await db();
        const tx = database.transaction(WRITE_STORES, 'readwrite');
        try {
          const count = await tx.objectStore('snapshots').count();
          await Promise.all([...DATA_STORES.map((name) => tx.objectStore(name).clear()), tx.objectStore('meta').delete(UNENCODED)]);
          await tx.done;
          return count;
        } catch (error) {
          throw storageFailure(error);
        }
      });
    },

    async close() {
      await compacted();
      if (dbPromise) (await dbPromise).close();
      dbPromise = null;
    },
  };
}

export type EvidenceStore = ReturnType<typeof openEvidenceStore>;
