import type { DBSchema, IDBPDatabase, IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import type { ChainEntry, SearchEntry, TombstoneBody } from '../../lib/evidence';
import type { LedgerSnapshot, StoredNote } from '../../lib/evidence/ledger';
import type { Posting } from './text-index';

/**
 * The evidence database (DESIGN.md: IndexedDB in the extension's origin,
 * written only by the worker).
 *
 * At rest (version 2): the snapshot record holds the sealed body and the
 * notes; the page text is deflated UTF-8 in `blobs`, the page copy too —
 * stored against the page text (lib/evidence/delta.ts) since version 2, plain
 * deflate before — and the screenshot is the JPEG as taken. What is hashed,
 * exported and verified is the text and page copy as captured, so only their
 * storage changed. `search` holds what the locker's filters look at
 * (lib/evidence/search.ts), packed SEARCH_PACK snapshots to a record, and is
 * written in the same transaction as the snapshot, note or deletion it follows.
 * Since version 3, `meta` keeps the number of snapshot records (count.ts);
 * since version 4, `grams` holds the text index (text-index.ts).
 */
export const EVIDENCE_DB = 'refund-guard-evidence';
export const EVIDENCE_DB_VERSION = 4;

export type { StoredNote };
export type StoredSnapshot = LedgerSnapshot;

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

/** Snapshots per search record: reads stay few, and a capture rewrites at most this many entries. */
export const SEARCH_PACK = 32;

export type StoredEntry = ChainEntry & { body?: TombstoneBody };

export interface EvidenceDb extends DBSchema {
  chain: { key: number; value: StoredEntry };
  snapshots: { key: string; value: StoredSnapshot; indexes: { seq: number; subject: [string, number] } };
  blobs: { key: [string, string]; value: StoredBlob };
  meta: { key: string; value: { key: string; value: unknown } };
  search: { key: number; value: SearchPack };
  grams: { key: [number, number]; value: Posting; indexes: { gram: number } };
}

export type Db = IDBPDatabase<EvidenceDb>;
export type UpgradeTx = IDBPTransaction<EvidenceDb, StoreNames<EvidenceDb>[], 'versionchange'>;
export type StoreName = 'chain' | 'snapshots' | 'blobs' | 'search' | 'meta' | 'grams';
export type WriteStores = StoreName[];
export type Tx<Mode extends IDBTransactionMode> = IDBPTransaction<EvidenceDb, WriteStores, Mode>;
export const WRITE_STORES: WriteStores = ['chain', 'snapshots', 'blobs', 'search', 'meta', 'grams'];
/** What a wipe empties (`meta` keeps the schema version; only its list of copies to encode goes). */
export const DATA_STORES = ['chain', 'snapshots', 'blobs', 'search', 'grams'] as const;

export type ReadStore<Name extends 'search' | 'snapshots' | 'blobs' | 'grams'> = IDBPObjectStore<
  EvidenceDb,
  ('search' | 'snapshots' | 'blobs' | 'meta' | 'grams')[],
  Name,
  'readonly'
>;

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

/** A failed request or transaction as the store reports it: a full disk is `quota`, anything else `storage`. */
export function storageFailure(error: unknown): EvidenceStoreError {
  if (error instanceof EvidenceStoreError) return error;
  const name = (error as { name?: string } | null)?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(message))
    return new EvidenceStoreError('quota', message || 'quota exceeded');
  return new EvidenceStoreError('storage', message || name || 'write failed');
}

/** A capture that failed in the store, as the capture replies report it (a store error keeps its reason). */
export function failedCapture(error: unknown): {
  status: 'failed';
  reason: Exclude<StoreFailure, 'not-found'>;
  message: string;
} {
  if (error instanceof EvidenceStoreError && error.reason !== 'not-found')
    return { status: 'failed', reason: error.reason, message: error.message.slice(0, 2000) };
  return {
    status: 'failed',
    reason: 'storage',
    message: (error instanceof Error ? error.message : String(error)).slice(0, 2000),
  };
}
