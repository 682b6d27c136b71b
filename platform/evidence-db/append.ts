import { GENESIS, searchEntry, withNote } from '../../lib/evidence';
import { LedgerMissing, sameHead, type LedgerPort, type LedgerView, type LedgerWrite } from '../../lib/evidence/ledger';
import { addPending, type UnencodedCopy } from './compaction';
import { changeCount, countChange } from './count';
import { addEntry, changeEntry } from './search-index';
import { postNote } from './text-index';
import { EvidenceStoreError, storageFailure, WRITE_STORES, type Db, type StoredBlob, type Tx } from './schema';

/** What a capture brings besides the sealed snapshot: its parts, compressed before the transaction opens. */
export interface CaptureBlobs {
  text: Uint8Array;
  dom: Pick<StoredBlob, 'encoding' | 'bytes'>;
  /** A large page copy, written plainly deflated now and encoded against its text once acknowledged. */
  large: boolean;
}

export interface PortOptions {
  /** For tests: simulate a failing write (e.g. a full disk) right before commit. */
  beforeCommit?: () => void;
  /** For tests: page text characters a search entry keeps (default SEARCH_TEXT_CHARS). */
  searchTextChars?: number;
}

async function headOf(tx: Tx<IDBTransactionMode>) {
  const cursor = await tx.objectStore('chain').openCursor(null, 'prev');
  return cursor ? { seq: cursor.value.seq, hash: cursor.value.hash } : GENESIS;
}

function readView(db: Db): LedgerView {
  const tx = db.transaction(WRITE_STORES, 'readonly');
  const snapshots = tx.objectStore('snapshots');
  return {
    head: () => headOf(tx),
    async *newestUnder(key) {
      const range = IDBKeyRange.bound([key, 0], [key, Number.MAX_SAFE_INTEGER]);
      for (
        let cursor = await snapshots.index('subject').openCursor(range, 'prev');
        cursor;
        cursor = await cursor.continue()
      )
        yield cursor.value;
    },
    snapshot: async (id) => (await snapshots.get(id)) ?? null,
  };
}

async function writeSnapshot(
  tx: Tx<'readwrite'>,
  write: Extract<LedgerWrite<CaptureBlobs>, { type: 'snapshot' }>,
  options: PortOptions,
) {
  const { snapshot, entry, prepared, extra } = write;
  const blobs = tx.objectStore('blobs');
  const copy: UnencodedCopy = { id: snapshot.id, chainHash: entry.hash };
  await Promise.all([
    extra.large ? addPending(tx, copy) : undefined,
    tx.objectStore('chain').add(entry),
    tx.objectStore('snapshots').add(snapshot),
    blobs.add({ snapshotId: snapshot.id, name: 'dom', ...extra.dom }),
    blobs.add({ snapshotId: snapshot.id, name: 'text', encoding: 'deflate', bytes: extra.text }),
    prepared.screenshot
      ? blobs.add({ snapshotId: snapshot.id, name: 'screenshot', encoding: 'raw', bytes: prepared.screenshot })
      : undefined,
    addEntry(tx, searchEntry(snapshot.body, entry.seq, prepared.text, [], options.searchTextChars)),
  ]);
}

async function writeEntry(tx: Tx<'readwrite'>, write: LedgerWrite<CaptureBlobs>, options: PortOptions): Promise<void> {
  if (write.type === 'snapshot') return writeSnapshot(tx, write, options);
  const snapshot = await tx.objectStore('snapshots').get(write.snapshotId);
  if (!snapshot) throw new LedgerMissing(write.snapshotId);
  if (write.type === 'note') {
    snapshot.notes.push(write.note);
    await Promise.all([
      tx.objectStore('chain').add(write.entry),
      tx.objectStore('snapshots').put(snapshot),
      changeEntry(tx, snapshot.seq, (e) => withNote(e, write.note.body.text)),
      postNote(tx, snapshot.seq, write.note.body.text),
    ]);
    return;
  }
  const id = write.snapshotId;
  await Promise.all([
    tx.objectStore('chain').add({ ...write.entry, body: write.body }),
    tx.objectStore('snapshots').delete(id),
    tx.objectStore('blobs').delete(IDBKeyRange.bound([id, ''], [id, '\uffff'])),
    changeEntry(tx, snapshot.seq, () => null),
  ]);
}

class HeadMoved extends Error {}

/**
 * The ledger's port over IndexedDB. Hashing is not an IndexedDB request, so
 * it cannot run inside the write transaction: the ledger seals against a read
 * view, and the write transaction first checks the head is unchanged. A
 * capture is acknowledged only after its transaction committed (`tx.done`);
 * a failed transaction leaves nothing behind.
 */
export function idbLedgerPort(db: () => Promise<Db>, options: PortOptions = {}): LedgerPort<CaptureBlobs> {
  return {
    view: async () => readView(await db()),
    async commit(expected, writes) {
      const tx = (await db()).transaction(WRITE_STORES, 'readwrite');
      try {
        if (!sameHead(await headOf(tx), expected)) throw new HeadMoved();
        // In chain order: each snapshot's search entry joins the pack the one before it left.
        for (const write of writes) await writeEntry(tx, write, options);
        await changeCount(tx, countChange(writes));
        options.beforeCommit?.();
        await tx.done;
        return true;
      } catch (error) {
        try {
          tx.abort();
        } catch {
          // already finished or aborted
        }
        await tx.done.catch(() => undefined);
        if (error instanceof HeadMoved) return false;
        if (error instanceof LedgerMissing) throw new EvidenceStoreError('not-found', error.snapshotId);
        // A request aborted by a full disk reports AbortError; the transaction holds the cause.
        throw storageFailure(error instanceof EvidenceStoreError ? error : (tx.error ?? error));
      }
    },
  };
}
