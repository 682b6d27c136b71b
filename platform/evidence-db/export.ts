import {
  buildBundle,
  fromUtf8,
  streamBundle,
  type BundleSigner,
  type BundleSnapshot,
  type BundleSummary,
  type BundleSource,
  type StreamOptions,
} from '../../lib/evidence';
import type { Locale } from '../../lib/i18n';
import { domBytesFrom, inflateSized } from './blobs';
import type { Db } from './schema';

/** Snapshots read per transaction while exporting: few requests, and only this many in memory. */
const BATCH = 100;

export interface ExportRequest {
  ids: readonly string[] | null;
  now: Date;
  generator: { name: string; version: string };
  locale: Locale;
  signer: BundleSigner;
}

/** One batch of snapshots with their text, for the manifest and index.html. */
async function readSummaries(database: Db, ids: readonly string[]): Promise<BundleSummary[]> {
  const tx = database.transaction(['snapshots', 'blobs']);
  const read = await Promise.all(
    ids.map((id) => Promise.all([tx.objectStore('snapshots').get(id), tx.objectStore('blobs').get([id, 'text'])])),
  );
  return read.flatMap(([s, text]) =>
    s
      ? [
          {
            seq: s.seq,
            chainHash: s.chainHash,
            body: s.body,
            notes: s.notes,
            text: text ? fromUtf8(inflateSized(text.bytes, s.body.parts.text.size)) : '',
          },
        ]
      : [],
  );
}

/** One batch of snapshots with their files as the bundle holds them (the text inflated once, for both). */
async function readBatch(database: Db, ids: readonly string[]): Promise<BundleSnapshot[]> {
  const tx = database.transaction(['snapshots', 'blobs']);
  const blobs = tx.objectStore('blobs');
  const read = await Promise.all(
    ids.map((id) =>
      Promise.all([
        tx.objectStore('snapshots').get(id),
        blobs.get([id, 'dom']),
        blobs.get([id, 'text']),
        blobs.get([id, 'screenshot']),
      ]),
    ),
  );
  return read.flatMap(([s, dom, text, screenshot]) => {
    if (!s) return [];
    const textBytes = text ? inflateSized(text.bytes, s.body.parts.text.size) : null;
    const snapshot: BundleSnapshot = {
      seq: s.seq,
      chainHash: s.chainHash,
      body: s.body,
      text: textBytes ? fromUtf8(textBytes) : '',
      dom: dom ? domBytesFrom(dom, textBytes, s.body.parts.dom.size) : new Uint8Array(0),
      screenshot: screenshot?.bytes ?? null,
      notes: s.notes,
    };
    return [snapshot];
  });
}

/**
 * The store as a bundle source: the chain and the chosen snapshots' ids are
 * read once, their content batch by batch on each reading, so a 10,000-snapshot
 * export holds one batch at a time.
 */
export async function storeSource(database: Db, request: ExportRequest): Promise<BundleSource> {
  const tx = database.transaction(['chain', 'snapshots']);
  const [entries, keys] = await Promise.all([
    tx.objectStore('chain').getAll(),
    tx.objectStore('snapshots').index('seq').getAllKeys(),
  ]);
  const wanted = request.ids ? new Set(request.ids) : null;
  // Keys of the seq index are the records' ids, in chain order.
  const ids = (keys as unknown as string[]).filter((id) => !wanted || wanted.has(id));
  return {
    entries: entries.map(({ body: _body, ...entry }) => entry),
    tombstones: entries.flatMap((e) => (e.body ? [e.body] : [])),
    exportedAt: request.now,
    generator: request.generator,
    locale: request.locale,
    signer: request.signer,
    count: ids.length,
    async *snapshots() {
      for (let i = 0; i < ids.length; i += BATCH) yield* await readBatch(database, ids.slice(i, i + BATCH));
    },
    async *summaries() {
      for (let i = 0; i < ids.length; i += BATCH) yield* await readSummaries(database, ids.slice(i, i + BATCH));
    },
  };
}

/** Streams a bundle of the chosen snapshots (all when `ids` is null) with the whole chain into `write`. */
export async function streamExport(
  database: Db,
  request: ExportRequest,
  write: (chunk: Uint8Array) => void | Promise<void>,
  options: StreamOptions = {},
) {
  const source = await storeSource(database, request);
  const { manifest, size } = await streamBundle(source, write, options);
  return { count: source.count, size, headHash: manifest.chain.headHash };
}

/** A bundle in memory (small exports: the runtime message that returns it whole). */
export async function exportBundle(database: Db, request: ExportRequest) {
  const source = await storeSource(database, request);
  const snapshots: BundleSnapshot[] = [];
  for await (const s of source.snapshots()) snapshots.push(s);
  const { zip, manifest } = await buildBundle({ ...source, snapshots });
  return { zip, count: snapshots.length, headHash: manifest.chain.headHash };
}
