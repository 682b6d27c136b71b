import { inflateSync } from 'fflate';
import { verifyLedger, type StoreCheck, type StoredPart } from '../../lib/evidence/ledger';
import { domBytesOf } from './blobs';
import type { Db, StoredBlob } from './schema';

const decoded = (read: () => Uint8Array): StoredPart => {
  try {
    return read();
  } catch {
    return 'unreadable';
  }
};

/** Re-walks the chain, re-hashes every stored part, and checks the search structure covers every snapshot. */
export async function checkStore(database: Db): Promise<StoreCheck> {
  const tx = database.transaction(['chain', 'snapshots', 'blobs', 'search']);
  const [entries, snapshots, blobs, packs] = await Promise.all([
    tx.objectStore('chain').getAll(),
    tx.objectStore('snapshots').getAll(),
    tx.objectStore('blobs').getAll(),
    tx.objectStore('search').getAll(),
  ]);
  const blob = new Map<string, StoredBlob>(blobs.map((b) => [`${b.snapshotId}/${b.name}`, b]));
  return verifyLedger({
    entries,
    snapshots,
    indexed: new Map(packs.flatMap((p) => p.entries.map((e) => [e.seq, e.id] as const))),
    async parts(s) {
      const [text, dom, shot] = (['text', 'dom', 'screenshot'] as const).map((name) => blob.get(`${s.id}/${name}`));
      return {
        text: text ? decoded(() => inflateSync(text.bytes)) : null,
        dom: dom ? decoded(() => domBytesOf(dom, text)) : null,
        screenshot: shot?.bytes ?? null,
      };
    },
  });
}
