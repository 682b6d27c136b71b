import type { Db, UpgradeTx } from '../schema';
import { createStores } from './1-stores';
import { textToBlobs } from './2-text-blobs';
import { keepSnapshotCount } from './3-snapshot-count';
import { createTextIndex } from './4-text-grams';

/**
 * One step per version, each in its own file (a database of that version for
 * the tests: test/reliability/fixtures/evidence-store-v1.ts). Opening an older
 * database runs every step after its version, in order, inside the upgrade
 * transaction (a step may finish asynchronously; the next one waits for it).
 * A step that fails aborts the upgrade, and the database stays as it was.
 */
export const MIGRATIONS: Record<number, (db: Db, tx: UpgradeTx) => void | Promise<void>> = {
  1: createStores,
  2: textToBlobs,
  3: keepSnapshotCount,
  4: createTextIndex,
};

/** Runs the steps from `oldVersion` to `target`, then records the schema version; aborts on a failed step. */
export function migrate(db: Db, tx: UpgradeTx, oldVersion: number, target: number): void {
  // Steps run synchronously until one needs to wait; the rest follow it in order.
  let pending: Promise<void> | null = null;
  for (let v = oldVersion + 1; v <= target; v++) {
    const step = MIGRATIONS[v];
    if (!step) continue;
    if (pending) pending = pending.then(() => step(db, tx));
    else {
      const result = step(db, tx);
      if (result) pending = result;
    }
  }
  const record = () => void tx.objectStore('meta').put({ key: 'schemaVersion', value: target });
  if (!pending) return record();
  pending.then(record, () => {
    try {
      tx.abort();
    } catch {
      // already aborted by the failed request
    }
  });
}
