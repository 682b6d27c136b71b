import type { Db } from '../schema';

/**
 * Version 4: the text index's store (text-index.ts). It starts empty, with
 * every snapshot in the tail: the store folds the tail in batches once it is
 * open, so the upgrade transaction (which holds the worker's first answer)
 * does not index years of snapshots, and searches stay exact meanwhile.
 */
export function createTextIndex(db: Db): void {
  // Keyed by block, so a fold reads a block's postings in one request; indexed by gram, so a search reads
  // a gram's postings in every block in one request.
  db.createObjectStore('grams', { keyPath: ['b', 'g'] }).createIndex('gram', 'g');
}
