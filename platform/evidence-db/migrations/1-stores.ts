import type { Db } from '../schema';

/** Version 1: the chain, the snapshot records (by chain position and by subject), their blobs, and meta. */
export function createStores(db: Db): void {
  db.createObjectStore('chain', { keyPath: 'seq' });
  const snapshots = db.createObjectStore('snapshots', { keyPath: 'id' });
  snapshots.createIndex('seq', 'seq', { unique: true });
  snapshots.createIndex('subject', ['subjectKey', 'seq'], { unique: true });
  db.createObjectStore('blobs', { keyPath: ['snapshotId', 'name'] });
  db.createObjectStore('meta', { keyPath: 'key' });
}
