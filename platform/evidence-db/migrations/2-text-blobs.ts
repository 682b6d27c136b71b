import { deflateSync } from 'fflate';
import { searchEntry, utf8, type SearchEntry } from '../../../lib/evidence';
import { packsOf } from '../search-index';
import type { Db, StoredSnapshotV1, UpgradeTx } from '../schema';

/** Version 2: the page text leaves the record for a deflated blob; the search structure is built. */
export async function textToBlobs(db: Db, tx: UpgradeTx): Promise<void> {
  db.createObjectStore('search', { keyPath: 'first' });
  const blobs = tx.objectStore('blobs');
  const entries: SearchEntry[] = [];
  const writes: Promise<unknown>[] = [];
  let cursor = await tx.objectStore('snapshots').openCursor();
  while (cursor) {
    const { text = '', ...record } = cursor.value as StoredSnapshotV1;
    writes.push(
      blobs.put({ snapshotId: record.id, name: 'text', encoding: 'deflate', bytes: deflateSync(utf8(text)) }),
      cursor.update(record),
    );
    entries.push(
      searchEntry(
        record.body,
        record.seq,
        text,
        record.notes.map((n) => n.body.text),
      ),
    );
    cursor = await cursor.continue();
  }
  const search = tx.objectStore('search');
  await Promise.all([...writes, ...packsOf(entries).map((pack) => search.put(pack))]);
}
