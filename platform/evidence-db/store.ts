import { openDB } from 'idb';
import {
  CaptureRejected,
  prepareCapture,
  searchEntry,
  summarise,
  withScreenshot,
  type BundleSigner,
  type ChainHead,
  type ListQuery,
  type NoteBody,
  type SnapshotBody,
  type SnapshotSummary,
  type StreamOptions,
} from '../../lib/evidence';
import { createLedger, LedgerBusy } from '../../lib/evidence/ledger';
import type { Locale } from '../../lib/i18n';
import type { PreparedText } from '../../lib/evidence/snapshot';
import type { UnpackedParts } from '../capture-packing';
import { deflateRaw } from '../compress';
import { idbLedgerPort, type CaptureBlobs } from './append';
import { DOM_DELTA_FROM, sameBytes, textOf } from './blobs';
import { checkStore } from './check';
import { compaction, UNENCODED } from './compaction';
import { SNAPSHOT_COUNT } from './count';
import { exportBundle, streamExport, type ExportRequest } from './export';
import { migrate } from './migrations';
import { currentHead, searchIndex } from './search-index';
import { TEXT_INDEXED_THROUGH, textFolding } from './text-index';
import {
  DATA_STORES,
  EVIDENCE_DB,
  EVIDENCE_DB_VERSION,
  EvidenceStoreError,
  storageFailure,
  WRITE_STORES,
  type Db,
  type EvidenceDb,
  type StoredNote,
} from './schema';

export type CaptureResult =
  { status: 'saved'; id: string; seq: number; hash: string } | { status: 'duplicate'; id: string };

export interface SnapshotDetail {
  summary: SnapshotSummary;
  body: SnapshotBody;
  chainHash: string;
  text: string;
  notes: StoredNote[];
  screenshot: Uint8Array | null;
  domSize: number;
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
  /** For tests: the text index's tail length that starts a fold (text-index.ts; Infinity: never on its own). */
  textFoldAt?: number;
  /** Progress of re-encoding the page copies an earlier worker left (compaction.ts `onResume`). */
  onResume?: (done: number, total: number) => void;
}

/**
 * What a capture brings besides its payload: the text's and copy's bytes and
 * DEFLATE as they came (UnpackedParts), and a text prepared ahead
 * (platform/capture-text.ts; its `textDeflate` is that text's).
 */
export interface CaptureBytes extends Partial<Pick<UnpackedParts, 'textDeflate' | 'domDeflate'>> {
  preparedText?: PreparedText;
}

/** The capture's parts compressed before the write transaction opens (an await inside it would end it). */
async function captureBlobs(
  prepared: Awaited<ReturnType<typeof prepareCapture>>,
  received: CaptureBytes,
): Promise<CaptureBlobs> {
  // The page sent its text and copy deflated: what redaction changed none of keeps those bytes
  // (for the copy, the very bytes the page sent are the prepared ones: nothing was encoded again).
  const sent = received.textDeflate;
  const keepSent = sent !== undefined && sameBytes(sent.bytes, prepared.textBytes);
  const sentDom = received.domDeflate;
  const [text, dom] = await Promise.all([
    keepSent ? sent.deflated : deflateRaw(prepared.textBytes),
    sentDom?.bytes === prepared.domBytes ? sentDom.deflated : deflateRaw(prepared.domBytes),
  ]);
  return { text, dom: { encoding: 'deflate', bytes: dom }, large: prepared.domBytes.length >= DOM_DELTA_FROM };
}

/** Captures the bulk path appends per transaction. */
const SEED_BATCH = 250;

/** The ledger's errors as the store reports them. */
const asStoreError = (error: unknown): unknown =>
  error instanceof LedgerBusy ? new EvidenceStoreError('storage', error.message) : error;

/**
 * The evidence store: the ledger (lib/evidence/ledger.ts) over IndexedDB
 * (append.ts), with the search index, the background encoding of large page
 * copies (compaction.ts), export and the store check. Appends are serialised
 * by the ledger, and each write re-checks the chain head, so captures from
 * many tabs keep one chain.
 */
// eslint-disable-next-line max-lines-per-function -- The store's methods, each short, listed in one object over one open database.
export function openEvidenceStore(options: OpenOptions = {}) {
  let dbPromise: Promise<Db> | null = null;
  const db = (): Promise<Db> =>
    (dbPromise ??= openDB<EvidenceDb>(options.name ?? EVIDENCE_DB, EVIDENCE_DB_VERSION, {
      upgrade: (database, oldVersion, newVersion, tx) =>
        migrate(database, tx, oldVersion, newVersion ?? EVIDENCE_DB_VERSION),
    })
      .then((database) => {
        compactor.opened(database);
        folding.opened();
        return database;
      })
      .catch((error: unknown) => {
        dbPromise = null;
        throw storageFailure(error);
      }));
  const ledger = createLedger(idbLedgerPort(db, options));
  const compactor = compaction(db, ledger.serial, options);
  const search = searchIndex(db, { cache: options.searchCache });
  const folding = textFolding(db, options);

  return {
    async capture(
      payload: unknown,
      screenshot: Uint8Array | null | Promise<Uint8Array | null>,
      now: Date,
      received: CaptureBytes = {},
    ): Promise<CaptureResult> {
      let prepared;
      try {
        // A screenshot still being taken is waited for last, once the page's text and copy are ready.
        prepared = await prepareCapture(
          payload as Parameters<typeof prepareCapture>[0],
          screenshot instanceof Uint8Array ? screenshot : null,
          now,
          {
            text: received.textDeflate?.bytes,
            dom: received.domDeflate?.bytes,
            preparedText: received.preparedText,
          },
        );
      } catch (error) {
        if (error instanceof CaptureRejected) throw new EvidenceStoreError(error.reason, error.message);
        throw error;
      }
      const blobs = await captureBlobs(prepared, received);
      if (screenshot instanceof Promise) {
        const taken = await screenshot;
        if (taken) prepared = await withScreenshot(prepared, taken);
      }
      const result = await ledger
        .appendSnapshot(prepared, blobs)
        .catch((error: unknown) => Promise.reject(asStoreError(error)));
      if (result.status === 'duplicate') return result;
      const { snapshot, entry } = result;
      search.saved(
        result.sealedOn,
        { seq: entry.seq, hash: entry.hash },
        searchEntry(snapshot.body, entry.seq, prepared.text, [], options.searchTextChars),
      );
      if (blobs.large)
        compactor.later({ id: snapshot.id, chainHash: entry.hash }, prepared.domBytes, prepared.textBytes);
      folding.saved(entry.seq);
      return { status: 'saved', id: snapshot.id, seq: entry.seq, hash: entry.hash };
    },

    /**
     * The bulk path: captures appended in batches of SEED_BATCH, one
     * transaction each (seeding a large store for the bench and the tests;
     * no screenshots). The chain is the one captures one by one would make.
     */
    async seed(payloads: readonly unknown[], now: Date): Promise<CaptureResult[]> {
      const results: CaptureResult[] = [];
      for (let i = 0; i < payloads.length; i += SEED_BATCH) {
        const batch = await Promise.all(
          payloads.slice(i, i + SEED_BATCH).map(async (payload) => {
            const prepared = await prepareCapture(payload as Parameters<typeof prepareCapture>[0], null, now);
            return { prepared, extra: await captureBlobs(prepared, {}) };
          }),
        );
        const appended = await ledger.appendBatch(batch).catch((error: unknown) => Promise.reject(asStoreError(error)));
        appended.forEach((result, j) => {
          if (result.status === 'duplicate') return results.push(result);
          const { snapshot, entry } = result;
          if (batch[j]!.extra.large)
            compactor.later(
              { id: snapshot.id, chainHash: entry.hash },
              batch[j]!.prepared.domBytes,
              batch[j]!.prepared.textBytes,
            );
          results.push({ status: 'saved', id: snapshot.id, seq: entry.seq, hash: entry.hash });
        });
      }
      // The bulk path leaves no tail: what it wrote is in the text index before it returns.
      await folding.catchUp();
      return results;
    },

    compacted: () => compactor.settled(),

    /** Settles once every snapshot saved so far is in the text index (tests, the bench). */
    indexed: () => folding.catchUp(),

    list: (query: ListQuery) => search.list(query),

    /** The bodies of the given snapshots that exist, in the order asked; one read of the records only. */
    async bodies(ids: readonly string[]): Promise<SnapshotBody[]> {
      const store = (await db()).transaction('snapshots').store;
      const found = await Promise.all(ids.map((id) => store.get(id)));
      return found.flatMap((s) => (s ? [s.body] : []));
    },

    async get(id: string): Promise<SnapshotDetail | null> {
      const tx = (await db()).transaction(['snapshots', 'blobs']);
      const blobs = tx.objectStore('blobs');
      const [snapshot, dom, text, screenshot] = await Promise.all([
        tx.objectStore('snapshots').get(id),
        blobs.get([id, 'dom']),
        blobs.get([id, 'text']),
        blobs.get([id, 'screenshot']),
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
    remove: (id: string, now: Date): Promise<boolean> =>
      ledger.remove(id, now).catch((error: unknown) => Promise.reject(asStoreError(error))),

    addNote: (id: string, text: string, now: Date): Promise<NoteBody | null> =>
      ledger.addNote(id, text, now).catch((error: unknown) => Promise.reject(asStoreError(error))),

    /** A bundle of the chosen snapshots (all when `ids` is null) with the whole chain. */
    async exportBundle(
      ids: readonly string[] | null,
      now: Date,
      generator: { name: string; version: string },
      locale: Locale,
      signer: BundleSigner,
    ) {
      return exportBundle(await db(), { ids, now, generator, locale, signer });
    },

    /** The same bundle written chunk by chunk (export.ts), with progress and cancelling. */
    streamExport: async (
      request: ExportRequest,
      write: (chunk: Uint8Array) => void | Promise<void>,
      options?: StreamOptions,
    ) => streamExport(await db(), request, write, options),

    /** The chain's last entry (genesis when empty): what a ticket cites to anchor the evidence. */
    head: async (): Promise<ChainHead> => currentHead(await db()),

    verify: async () => checkStore(await db()),

    /**
     * Deletes every snapshot, note, tombstone and chain entry in one
     * transaction: the chain is then empty and the next capture starts from
     * genesis. Runs in the append queue, and a concurrent writer elsewhere sees
     * the head move and re-seals, so no entry ever links to a deleted one.
     */
    wipe: (): Promise<number> =>
      ledger.serial(async () => {
        const tx = (await db()).transaction(WRITE_STORES, 'readwrite');
        try {
          const count = await tx.objectStore('snapshots').count();
          await Promise.all([
            ...DATA_STORES.map((name) => tx.objectStore(name).clear()),
            tx.objectStore('meta').delete(UNENCODED),
            tx.objectStore('meta').delete(TEXT_INDEXED_THROUGH),
            tx.objectStore('meta').put({ key: SNAPSHOT_COUNT, value: 0 }),
          ]);
          await tx.done;
          return count;
        } catch (error) {
          throw storageFailure(error);
        }
      }),

    async close() {
      await Promise.all([compactor.settled(), folding.settled()]);
      if (dbPromise) (await dbPromise).close();
      dbPromise = null;
    },
  };
}

export type EvidenceStore = ReturnType<typeof openEvidenceStore>;
