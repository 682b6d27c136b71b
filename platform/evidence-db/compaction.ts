import { inflateSync } from 'fflate';
import { againstText } from './blobs';
import type { Db, Tx } from './schema';

/**
 * Snapshots whose large page copy was committed plainly deflated and is still
 * to be encoded against its text: a `meta` record, written in the capture's
 * transaction and shortened by each encoding, so a worker stopped in between
 * finds them when it opens the store again.
 */
export const UNENCODED = 'unencodedCopies';
export interface UnencodedCopy {
  id: string;
  chainHash: string;
}
/** Entries the list keeps at most (a store that never got to encode: the newest are kept). */
const UNENCODED_MAX = 200;

/** Resolves in a later task, after whatever the current one (an acknowledgement, an open request) sends. */
export const nextTask = () => new Promise<void>((next) => setTimeout(next, 0));

async function unencodedCopies(meta: {
  get(key: string): Promise<{ value: unknown } | undefined>;
}): Promise<UnencodedCopy[]> {
  const record = await meta.get(UNENCODED);
  return Array.isArray(record?.value) ? (record.value as UnencodedCopy[]) : [];
}

/** Adds a copy to the list, in the capture's transaction. */
export async function addPending(tx: Tx<'readwrite'>, copy: UnencodedCopy): Promise<void> {
  const meta = tx.objectStore('meta');
  await meta.put({ key: UNENCODED, value: [...(await unencodedCopies(meta)).slice(1 - UNENCODED_MAX), copy] });
}

export interface CompactionOptions {
  /** For tests: awaited before a saved page copy is encoded against its text. */
  beforeCompaction?: () => Promise<void>;
  /** Progress of the copies an earlier worker left: done of total, once with 0 before the first, then after each one. */
  onResume?: (done: number, total: number) => void;
}

type Serial = <T>(task: () => Promise<T>) => Promise<T>;
type Bytes = { dom: Uint8Array; text: Uint8Array };

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
 * works through (`resume`).
 */
export function compaction(db: () => Promise<Db>, serial: Serial, options: CompactionOptions = {}) {
  let compacting: Promise<void> = Promise.resolve();
  /** Copies this instance is encoding or has encoded: the list read at opening may name them too. */
  const encoding = new Set<string>();
  const track = (run: Promise<unknown>) => {
    compacting = Promise.all([compacting, run.catch(() => undefined)]).then(() => undefined);
  };

  async function replace(copy: UnencodedCopy, encoded: Awaited<ReturnType<typeof againstText>>): Promise<void> {
    const tx = (await db()).transaction(['snapshots', 'blobs', 'meta'], 'readwrite');
    const [snapshot, blob, pending] = await Promise.all([
      tx.objectStore('snapshots').get(copy.id),
      tx.objectStore('blobs').get([copy.id, 'dom']),
      unencodedCopies(tx.objectStore('meta')),
    ]);
    const applies =
      encoded &&
      snapshot?.chainHash === copy.chainHash &&
      blob?.encoding === 'deflate' &&
      encoded.bytes.length < blob.bytes.length;
    // Done with either way: encoded now, or nothing to gain (gone, replaced, or no smaller).
    const rest = pending.filter((p) => p.id !== copy.id || p.chainHash !== copy.chainHash);
    await Promise.all([
      applies ? tx.objectStore('blobs').put({ ...blob, ...encoded }) : undefined,
      rest.length === pending.length ? undefined : tx.objectStore('meta').put({ key: UNENCODED, value: rest }),
    ]);
    await tx.done;
  }

  function encodeCopy(copy: UnencodedCopy, read: () => Promise<Bytes | null>): Promise<void> {
    encoding.add(copy.id);
    return (options.beforeCompaction?.() ?? Promise.resolve())
      .then(read)
      .then((bytes) => (bytes ? againstText(bytes.dom, bytes.text) : null))
      .then((encoded) => serial(() => replace(copy, encoded)));
  }

  /** A copy's bytes read back from the store (it verifies the same either way), null when nothing is to be done. */
  async function readBack(database: Db, copy: UnencodedCopy): Promise<Bytes | null> {
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
  }

  /** Encodes, one at a time (one copy in memory), the copies an earlier worker committed and did not encode. */
  async function resume(database: Db): Promise<void> {
    const pending = (await unencodedCopies(database.transaction('meta').store)).filter(
      (copy) => !encoding.has(copy.id),
    );
    if (pending.length > 0) options.onResume?.(0, pending.length);
    for (const [i, copy] of pending.entries()) {
      await encodeCopy(copy, () => readBack(database, copy)).catch(() => undefined);
      options.onResume?.(i + 1, pending.length);
    }
  }

  return {
    /** After the store opened: the copies left by an earlier worker, once the store is idle. */
    opened(database: Db) {
      track(nextTask().then(() => resume(database)));
    },
    /** After a capture of a large copy was acknowledged. */
    later(copy: UnencodedCopy, dom: Uint8Array, text: Uint8Array) {
      // A new task, so the capture's acknowledgement has left before the encoding starts.
      track(nextTask().then(() => encodeCopy(copy, async () => ({ dom, text }))));
    },
    /** Settles once the page copies saved so far are encoded against their text (bytes at rest: tests, the bench). */
    async settled(): Promise<void> {
      for (let seen = compacting; ; seen = compacting) {
        await seen;
        if (seen === compacting) return;
      }
    },
  };
}
