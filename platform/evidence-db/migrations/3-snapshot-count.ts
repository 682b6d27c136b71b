import { SNAPSHOT_COUNT } from '../count';
import type { UpgradeTx } from '../schema';

/** Version 3: the number of snapshot records is kept in `meta` (count.ts), counted once here. */
export async function keepSnapshotCount(_db: unknown, tx: UpgradeTx): Promise<void> {
  const count = await tx.objectStore('snapshots').count();
  await tx.objectStore('meta').put({ key: SNAPSHOT_COUNT, value: count });
}
