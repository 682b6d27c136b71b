import type { LedgerWrite } from '../../lib/evidence/ledger';
import type { Tx } from './schema';

/**
 * The number of snapshot records, kept in `meta` and changed in the same
 * transaction as the records it counts (append, deletion, wipe; compaction
 * changes no record's existence): a crash leaves both or neither. The
 * locker's unfiltered list shows it as its total, where counting the
 * `snapshots` store costs time that grows with the store (about 250 ms at
 * 100,000 in Chromium).
 */
export const SNAPSHOT_COUNT = 'snapshotCount';

type MetaStore = { get(key: string): Promise<{ key: string; value: unknown } | undefined> };

/** The kept count, or null where none is kept (a database no version 3 step has seen). */
export async function keptCount(meta: MetaStore): Promise<number | null> {
  const value = (await meta.get(SNAPSHOT_COUNT))?.value;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

/** How many records the writes add: a capture one, a deletion minus one, a note none. */
export const countChange = (writes: readonly LedgerWrite<unknown>[]): number =>
  writes.reduce((sum, w) => sum + (w.type === 'snapshot' ? 1 : w.type === 'tombstone' ? -1 : 0), 0);

/** Moves the kept count by `change` in the caller's transaction (counting the store where none was kept). */
export async function changeCount(tx: Tx<'readwrite'>, change: number): Promise<void> {
  if (change === 0) return;
  const meta = tx.objectStore('meta');
  const kept = await keptCount(meta);
  // Without a kept count the store itself, already changed by this transaction's writes, is counted.
  const value = kept === null ? await tx.objectStore('snapshots').count() : kept + change;
  await meta.put({ key: SNAPSHOT_COUNT, value });
}
