/** The evidence store over IndexedDB: the ledger's port, migrations, search index, compaction, export, check. */
export {
  openEvidenceStore,
  type EvidenceStore,
  type CaptureResult,
  type CaptureBytes,
  type SnapshotDetail,
  type OpenOptions,
} from './store';
export {
  EVIDENCE_DB,
  EVIDENCE_DB_VERSION,
  SEARCH_PACK,
  EvidenceStoreError,
  failedCapture,
  type StoreFailure,
  type StoredBlob,
  type StoredSnapshot,
  type StoredSnapshotV1,
  type SearchPack,
} from './schema';
export { DOM_DELTA_FROM } from './blobs';
export type { StoreCheck } from '../../lib/evidence/ledger';
