import { deflateSync, inflateSync } from 'fflate';
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import {
  bodyHash,
  buildBundle,
  CaptureRejected,
  fieldsFileBytes,
  fromUtf8,
  GENESIS,
  isDuplicate,
  matchesQuery,
  prepareCapture,
  sealNote,
  sealSnapshot,
  sealTombstone,
  sha256Hex,
  subjectKey,
  summarise,
  utf8,
  verifyChain,
  type ChainEntry,
  type ChainHead,
  type ListQuery,
  type NoteBody,
  type SnapshotBody,
  type SnapshotSummary,
  type TombstoneBody,
} from '../../lib/evidence';
import type { Locale } from '../../lib/i18n';

/**
 * The evidence store: IndexedDB in the extension's origin (DESIGN.md), written
 * only by the worker. Appends are serialised — one at a time in this worker,
 * and each write transaction re-reads the chain head and gives up if another
 * writer moved it — so captures from many tabs keep one chain. A capture is
 * acknowledged only after its transaction committed (`tx.done`); a failed
 * transaction leaves nothing behind.
 */
export const EVIDENCE_DB = 'refund-guard-evidence';
export const EVIDENCE_DB_VERSION = 1;

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
  text: string;
  notes: StoredNote[];
}

export interface StoredBlob {
  snapshotId: string;
  name: 'dom' | 'screenshot';
  /** dom: deflated UTF-8; screenshot: JPEG as captured. */
  encoding: 'deflate' | 'raw';
  bytes: Uint8Array;
}

export type StoredEntry = ChainEntry & { body?: TombstoneBody };

interface EvidenceDb extends DBSchema {
  chain: { key: number; value: StoredEntry };
  snapshots: { key: string; value: StoredSnapshot; indexes: { seq: number; subject: [string, number] } };
  blobs: { key: [string, string]; value: StoredBlob };
  meta: { key: string; value: { key: string; value: unknown } };
}

type Db = IDBPDatabase<EvidenceDb>;

/**
 * One step per version: opening an older database runs every step after its
 * version, in order, inside the upgrade transaction.
 */
const MIGRATIONS: Record<number, (db: Db) => void> = {
  1: (db) => {
    db.createObjectStore('chain', { keyPath: 'seq' });
    const snapshots = db.createObjectStore('snapshots', { keyPath: 'id' });
    snapshots.createIndex('seq', 'seq', { unique: true });
    snapshots.createIndex('subject', ['subjectKey', 'seq'], { unique: true });
    db.createObjectStore('blobs', { keyPath: ['snapshotId', 'name'] });
    db.createObjectStore('meta', { keyPath: 'key' });
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

/** Chain positions read per request when a filtered list scans the store. */
const LIST_BATCH = 500;

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
}

async function headOf(tx: IDBPTransaction<EvidenceDb, ('chain' | 'snapshots' | 'blobs')[], IDBTransactionMode>): Promise<ChainHead> {
  const cursor = await tx.objectStore('chain').openCursor(null, 'prev');
  return cursor ? { seq: cursor.value.seq, hash: cursor.value.hash } : GENESIS;
}

const sameHead = (a: ChainHead, b: ChainHead) => a.seq === b.seq && a.hash === b.hash;

export function openEvidenceStore(options: OpenOptions = {}) {
  let dbPromise: Promise<Db> | null = null;
  const db = () =>
    (dbPromise ??= openDB<EvidenceDb>(options.name ?? EVIDENCE_DB, EVIDENCE_DB_VERSION, {
      upgrade(database, oldVersion, newVersion, tx) {
        for (let v = oldVersion + 1; v <= (newVersion ?? EVIDENCE_DB_VERSION); v++) MIGRATIONS[v]?.(database);
        void tx.objectStore('meta').put({ key: 'schemaVersion', value: newVersion ?? EVIDENCE_DB_VERSION });
      },
    }).catch((error: unknown) => {
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
   * Reads the head, lets `seal` compute the entry (hashing is not an IndexedDB
   * request, so it cannot run inside the write transaction), then writes in one
   * transaction that first checks the head is unchanged.
   */
  async function append<T>(
    seal: (head: ChainHead, read: IDBPTransaction<EvidenceDb, ('chain' | 'snapshots' | 'blobs')[], 'readonly'>) => Promise<T>,
    write: (sealed: T, tx: IDBPTransaction<EvidenceDb, ('chain' | 'snapshots' | 'blobs')[], 'readwrite'>) => Promise<void>,
  ): Promise<T> {
    const database = await db();
    for (let attempt = 0; attempt < 5; attempt++) {
      const read = database.transaction(['chain', 'snapshots', 'blobs'], 'readonly');
      const head = await headOf(read);
      const sealed = await seal(head, read);
      const tx = database.transaction(['chain', 'snapshots', 'blobs'], 'readwrite');
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

  async function latestOf(read: IDBPTransaction<EvidenceDb, ('chain' | 'snapshots' | 'blobs')[], IDBTransactionMode>, subjectKey: string) {
    const range = IDBKeyRange.bound([subjectKey, 0], [subjectKey, Number.MAX_SAFE_INTEGER]);
    const cursor = await read.objectStore('snapshots').index('subject').openCursor(range, 'prev');
    return cursor?.value ?? null;
  }

  return {
    async capture(payload: unknown, screenshot: Uint8Array | null, now: Date): Promise<CaptureResult> {
      let prepared;
      try {
        prepared = await prepareCapture(payload as never, screenshot, now);
      } catch (error) {
        if (error instanceof CaptureRejected) throw new EvidenceStoreError(error.reason, error.message);
        throw error;
      }
      const dom = deflateSync(utf8(prepared.dom));
      return serial(async () => {
        const outcome = await append<{ duplicate: StoredSnapshot } | { snapshot: StoredSnapshot; entry: ChainEntry }>(
          async (head, read) => {
            const latest = await latestOf(read, prepared.subjectKey);
            if (isDuplicate(prepared, latest?.body)) return { duplicate: latest! };
            const { body, entry } = await sealSnapshot(prepared, head, latest?.id ?? null);
            return {
              entry,
              snapshot: { id: body.id, seq: entry.seq, chainHash: entry.hash, subjectKey: body.subjectKey, body, text: prepared.text, notes: [] },
            };
          },
          async (sealed, tx) => {
            if ('duplicate' in sealed) return;
            const { snapshot, entry } = sealed;
            await Promise.all([
              tx.objectStore('chain').add(entry),
              tx.objectStore('snapshots').add(snapshot),
              tx.objectStore('blobs').add({ snapshotId: snapshot.id, name: 'dom', encoding: 'deflate', bytes: dom }),
              ...(prepared.screenshot
                ? [tx.objectStore('blobs').add({ snapshotId: snapshot.id, name: 'screenshot', encoding: 'raw', bytes: prepared.screenshot })]
                : []),
            ]);
          },
        );
        if ('duplicate' in outcome) return { status: 'duplicate', id: outcome.duplicate.id };
        return { status: 'saved', id: outcome.snapshot.id, seq: outcome.entry.seq, hash: outcome.entry.hash };
      });
    },

    async list(query: ListQuery): Promise<{ items: SnapshotSummary[]; total: number }> {
      const database = await db();
      const index = database.transaction('snapshots').store.index('seq');
      const items: SnapshotSummary[] = [];
      if (!hasFilters(query)) {
        // Unfiltered (the locker's first view): count, skip to the page, read only its rows.
        const total = await index.count();
        let cursor = await index.openCursor(null, 'prev');
        if (cursor && query.offset > 0) cursor = await cursor.advance(query.offset);
        while (cursor && items.length < query.limit) {
          items.push(summarise(cursor.value.body, cursor.value.seq, cursor.value.notes.length));
          cursor = await cursor.continue();
        }
        return { items, total };
      }
      const matches = (s: StoredSnapshot) => matchesQuery({ body: s.body, text: s.text, notes: s.notes.map((n) => n.body.text) }, query);
      const orderId = query.orderId?.trim();
      if (query.exactOrder && query.vendor && orderId) {
        // One order: its snapshots straight from the subject index (vendor + order number).
        const key = subjectKey(query.vendor, '', { orderId });
        const rows = await database
          .transaction('snapshots')
          .store.index('subject')
          .getAll(IDBKeyRange.bound([key, 0], [key, Number.MAX_SAFE_INTEGER]));
        const hits = rows.filter(matches).sort((a, b) => b.seq - a.seq);
        return { items: hits.slice(query.offset, query.offset + query.limit).map((s) => summarise(s.body, s.seq, s.notes.length)), total: hits.length };
      }
      // Filtered: snapshots are read newest first, in batches (one request per LIST_BATCH
      // positions of the chain rather than one per record); all of them when the total is wanted.
      let total = 0;
      const top = await index.openKeyCursor(null, 'prev');
      scan: for (let hi = top?.key ?? 0; hi >= 1; hi -= LIST_BATCH) {
        const batch = await index.getAll(IDBKeyRange.bound(Math.max(1, hi - LIST_BATCH + 1), hi));
        for (let i = batch.length - 1; i >= 0; i--) {
          const s = batch[i]!;
          if (!matches(s)) continue;
          if (total >= query.offset && items.length < query.limit) items.push(summarise(s.body, s.seq, s.notes.length));
          total++;
          if (query.countAll === false && items.length >= query.limit) break scan;
        }
      }
      return { items, total };
    },

    async get(id: string): Promise<SnapshotDetail | null> {
      const database = await db();
      const tx = database.transaction(['snapshots', 'blobs']);
      const [snapshot, dom, screenshot] = await Promise.all([
        tx.objectStore('snapshots').get(id),
        tx.objectStore('blobs').get([id, 'dom']),
        tx.objectStore('blobs').get([id, 'screenshot']),
      ]);
      if (!snapshot) return null;
      return {
        summary: summarise(snapshot.body, snapshot.seq, snapshot.notes.length),
        body: snapshot.body,
        chainHash: snapshot.chainHash,
        text: snapshot.text,
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
            if (!(await tx.objectStore('snapshots').get(id))) throw new EvidenceStoreError('not-found', id);
            await Promise.all([
              tx.objectStore('chain').add({ ...entry, body }),
              tx.objectStore('snapshots').delete(id),
              tx.objectStore('blobs').delete(IDBKeyRange.bound([id, ''], [id, '\uffff'])),
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
            await Promise.all([tx.objectStore('chain').add(entry), tx.objectStore('snapshots').put(snapshot)]);
          },
        );
        return body;
      });
    },

    /** A bundle of the chosen snapshots (all when `ids` is null) with the whole chain. */
    async exportBundle(ids: readonly string[] | null, now: Date, generator: { name: string; version: string }, locale: Locale) {
      const database = await db();
      const tx = database.transaction(['chain', 'snapshots', 'blobs']);
      const [entries, all] = await Promise.all([tx.objectStore('chain').getAll(), tx.objectStore('snapshots').getAll()]);
      const chosen = all.filter((s) => !ids || ids.includes(s.id));
      const blobs = await Promise.all(
        chosen.map(async (s) => ({
          dom: await tx.objectStore('blobs').get([s.id, 'dom']),
          screenshot: await tx.objectStore('blobs').get([s.id, 'screenshot']),
        })),
      );
      const tombstones = entries.flatMap((e) => (e.body ? [e.body] : []));
      const { zip, manifest } = await buildBundle({
        entries: entries.map(({ body: _body, ...entry }) => entry),
        tombstones,
        snapshots: chosen.map((s, i) => ({
          seq: s.seq,
          chainHash: s.chainHash,
          body: s.body,
          text: s.text,
          dom: blobs[i]!.dom ? fromUtf8(inflateSync(blobs[i]!.dom!.bytes)) : '',
          screenshot: blobs[i]!.screenshot?.bytes ?? null,
          notes: s.notes,
        })),
        exportedAt: now,
        generator,
        locale,
      });
      return { zip, count: chosen.length, headHash: manifest.chain.headHash };
    },

    /** Re-walks the chain and re-hashes every stored part. */
    async verify(): Promise<StoreCheck> {
      const database = await db();
      const tx = database.transaction(['chain', 'snapshots', 'blobs']);
      const [entries, snapshots, blobs] = await Promise.all([
        tx.objectStore('chain').getAll(),
        tx.objectStore('snapshots').getAll(),
        tx.objectStore('blobs').getAll(),
      ]);
      const problems: string[] = [];
      const chain = await verifyChain(entries.map(({ body: _body, ...entry }) => entry));
      for (const p of chain.problems) problems.push(`chain ${p.kind} at ${p.seq}`);
      const bySeq = new Map(entries.map((e) => [e.seq, e]));
      for (const e of entries) if (e.body && (await bodyHash(e.body)) !== e.bodyHash) problems.push(`${e.id}: tombstone altered`);
      const blob = new Map(blobs.map((b) => [`${b.snapshotId}/${b.name}`, b]));
      for (const s of snapshots) {
        const entry = bySeq.get(s.seq);
        if (!entry || entry.id !== s.id || (await bodyHash(s.body)) !== entry.bodyHash) problems.push(`${s.id}: record altered`);
        if ((await sha256Hex(s.text)) !== s.body.parts.text.sha256) problems.push(`${s.id}: text altered`);
        if ((await sha256Hex(fieldsFileBytes(s.body.fields))) !== s.body.parts.fields.sha256) problems.push(`${s.id}: fields altered`);
        const dom = blob.get(`${s.id}/dom`);
        try {
          if (!dom || (await sha256Hex(inflateSync(dom.bytes))) !== s.body.parts.dom.sha256) problems.push(`${s.id}: page copy altered`);
        } catch {
          problems.push(`${s.id}: page copy unreadable`);
        }
        const shot = blob.get(`${s.id}/screenshot`);
        if ((s.body.parts.screenshot?.sha256 ?? null) !== (shot ? await sha256Hex(shot.bytes) : null)) problems.push(`${s.id}: screenshot altered`);
        for (const n of s.notes) {
          const noteEntry = bySeq.get(n.seq);
          if (!noteEntry || (await bodyHash(n.body)) !== noteEntry.bodyHash) problems.push(`${n.body.id}: note altered`);
        }
      }
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
        const tx = database.transaction(['chain', 'snapshots', 'blobs'], 'readwrite');
        try {
          const count = await tx.objectStore('snapshots').count();
          await Promise.all([tx.objectStore('chain').clear(), tx.objectStore('snapshots').clear(), tx.objectStore('blobs').clear()]);
          await tx.done;
          return count;
        } catch (error) {
          throw storageFailure(error);
        }
      });
    },

    async close() {
      if (dbPromise) (await dbPromise).close();
      dbPromise = null;
    },
  };
}

export type EvidenceStore = ReturnType<typeof openEvidenceStore>;
