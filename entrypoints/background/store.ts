import { openEvidenceStore, type EvidenceStore } from '../../platform/evidence-db';
import { recordCompaction } from '../../platform/compaction-status';

let shared: EvidenceStore | null = null;
/** The worker's evidence store; re-encoding the copies an earlier worker left is recorded for the locker to show. */
export const evidenceStore = () => (shared ??= openEvidenceStore({ onResume: recordCompaction }));
