import { buildBundle, fromUtf8, type BundleSigner } from '../../lib/evidence';
import type { Locale } from '../../lib/i18n';
import { domBytesOf, textOf } from './blobs';
import type { Db } from './schema';

/** A bundle of the chosen snapshots (all when `ids` is null) with the whole chain. */
export async function exportBundle(
  database: Db,
  ids: readonly string[] | null,
  now: Date,
  generator: { name: string; version: string },
  locale: Locale,
  signer: BundleSigner,
) {
  const tx = database.transaction(['chain', 'snapshots', 'blobs']);
  const [entries, all] = await Promise.all([tx.objectStore('chain').getAll(), tx.objectStore('snapshots').getAll()]);
  const chosen = all.filter((s) => !ids || ids.includes(s.id));
  const blobs = await Promise.all(
    chosen.map(async (s) => {
      const [dom, text, screenshot] = await Promise.all([
        tx.objectStore('blobs').get([s.id, 'dom']),
        tx.objectStore('blobs').get([s.id, 'text']),
        tx.objectStore('blobs').get([s.id, 'screenshot']),
      ]);
      return { dom, text, screenshot };
    }),
  );
  const tombstones = entries.flatMap((e) => (e.body ? [e.body] : []));
  const { zip, manifest } = await buildBundle({
    entries: entries.map(({ body: _body, ...entry }) => entry),
    tombstones,
    snapshots: chosen.map((s, i) => ({
      seq: s.seq,
      chainHash: s.chainHash,
      body: s.body,
      text: textOf(blobs[i]!.text),
      dom: blobs[i]!.dom ? fromUtf8(domBytesOf(blobs[i]!.dom!, blobs[i]!.text)) : '',
      screenshot: blobs[i]!.screenshot?.bytes ?? null,
      notes: s.notes,
    })),
    exportedAt: now,
    generator,
    locale,
    signer,
  });
  return { zip, count: chosen.length, headHash: manifest.chain.headHash };
}
