import type { Db } from '../schema';

/**
 * Version 4: the text index's store (text-index.ts). It starts empty, with
 * every snapshot in the tail: the store folds the tail in batches once it is
 * open, so the upgrade transaction (which holds the worker's first answer)
 * does not index years of snapshots, and searches stay exact meanwhile.
 */
export function createTextIndex(db: Db): void {
  db.createObjectStore('grams', { keyPath: ['b', 'g'] });
}
