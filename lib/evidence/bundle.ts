import { translator, type Locale, type MessageKey } from '../i18n';
import { BUNDLE_INDEX_STYLE } from './bundle-style';
import { canonicalJson, canonicalJsonPretty, utf8 } from './canonical';
import { GENESIS_HASH, sha256Hex } from './hash';
import { fieldsFileBytes } from './snapshot';
import {
  PART_FILES,
  type ChainEntry,
  type NoteBody,
  type PartName,
  type SnapshotBody,
  type TombstoneBody,
} from './schema';
import { keyFingerprint, signManifest, type BundleSigner, type ManifestSignature } from './signature';
import { shanghaiDisplay, shanghaiIso, toUtcIso } from './time';
import { zipFiles, zipWriter } from './zip-stream';

/**
 * The evidence bundle (DESIGN.md contract 3): one ZIP holding `manifest.json`
 * (every snapshot's fields, URL, times, the SHA-256 of every file and the
 * chain), the snapshot files, and `index.html` for people. Files are stored,
 * not deflated, with a fixed timestamp, so the same content always makes the
 * same bytes and a verifier can account for every byte of the archive.
 * Version 2 signs the manifest (lib/evidence/signature.ts): the manifest lists
 * every file with its hash, index.html included, so the signature covers every
 * byte a reader sees.
 */
export const BUNDLE_FORMAT = 'refund-guard-evidence-bundle';
export const BUNDLE_FORMAT_VERSION = 2;
export const MANIFEST_PATH = 'manifest.json';
export const INDEX_PATH = 'index.html';

export interface BundleNote {
  seq: number;
  chainHash: string;
  body: NoteBody;
}

export interface BundleSnapshot {
  seq: number;
  chainHash: string;
  body: SnapshotBody;
  text: string;
  /** The page copy, as text or as its UTF-8 bytes (a store keeps bytes: no decoding and encoding again). */
  dom: string | Uint8Array;
  screenshot: Uint8Array | null;
  notes: BundleNote[];
}

/** What the manifest and index.html need of a snapshot: no page copy, no screenshot. */
export type BundleSummary = Omit<BundleSnapshot, 'dom' | 'screenshot'>;

export interface BundleInput {
  /** The whole chain, genesis to head (entries of snapshots left out keep their place). */
  entries: readonly ChainEntry[];
  /** Bodies of the tombstone entries: they hold no page content and are always exported. */
  tombstones: readonly TombstoneBody[];
  /** The snapshots to include, with their content. */
  snapshots: readonly BundleSnapshot[];
  exportedAt: Date;
  generator: { name: string; version: string };
  locale: Locale;
  /** The installation's key: the manifest is signed with it. */
  signer: BundleSigner;
}

export type ManifestChainEntry = ChainEntry & { body?: TombstoneBody };

export interface ManifestSnapshot {
  seq: number;
  chainHash: string;
  body: SnapshotBody;
  notes: BundleNote[];
  files: Partial<Record<PartName, string>>;
}

export interface Manifest {
  format: typeof BUNDLE_FORMAT;
  formatVersion: number;
  generator: { name: string; version: string };
  exportedAt: string;
  exportedAtShanghai: string;
  locale: Locale;
  chain: { genesis: string; length: number; headHash: string; entries: ManifestChainEntry[] };
  snapshots: ManifestSnapshot[];
  files: { path: string; sha256: string; size: number }[];
  /** SHA-256 of the canonical JSON of this manifest without this field and the signature. */
  manifestSha256: string;
  /** The installation key's signature over everything above (signature.ts `signedPayload`). */
  signature: ManifestSignature;
}

export const snapshotDir = (id: string) => `snapshots/${id}/`;

export { zipFiles };

export async function manifestHash(
  manifest: Omit<Manifest, 'manifestSha256' | 'signature'> & { manifestSha256?: string; signature?: unknown },
): Promise<string> {
  const { manifestSha256: _ignored, signature: _signature, ...rest } = manifest;
  return sha256Hex(canonicalJson(rest));
}

/** The files of one snapshot in bundle order (absent parts left out). */
function snapshotFiles(snapshot: BundleSnapshot): [PartName, string, Uint8Array][] {
  const dir = snapshotDir(snapshot.body.id);
  const parts: [PartName, Uint8Array | null][] = [
    ['fields', fieldsFileBytes(snapshot.body.fields)],
    ['text', utf8(snapshot.text)],
    ['dom', typeof snapshot.dom === 'string' ? utf8(snapshot.dom) : snapshot.dom],
    ['screenshot', snapshot.screenshot],
  ];
  return parts.flatMap(([name, bytes]) =>
    bytes ? [[name, dir + PART_FILES[name], bytes] as [PartName, string, Uint8Array]] : [],
  );
}

/** What a bundle is made of, read snapshot by snapshot. */
export interface BundleSource extends Omit<BundleInput, 'snapshots'> {
  /** How many snapshots `snapshots()` yields. */
  count: number;
  /** The snapshots in chain order, with their files: read once, as the archive is written. */
  snapshots(): AsyncIterable<BundleSnapshot>;
  /**
   * The same snapshots without page copy and screenshot, for the manifest and
   * index.html, which come first in the archive (a store reads less this
   * way); `snapshots()` when absent.
   */
  summaries?(): AsyncIterable<BundleSummary>;
}

export interface BundleProgress {
  /** `hash`: every snapshot listed in the manifest and index.html; `write`: the archive written. */
  phase: 'hash' | 'write';
  done: number;
  total: number;
  /** The snapshot just handled. */
  item: string;
}

export interface StreamOptions {
  onProgress?: (progress: BundleProgress) => void;
  /** Checked between snapshots: true stops the bundle with `BundleCancelled`, before anything more is written. */
  cancelled?: () => boolean;
}

export class BundleCancelled extends Error {
  constructor() {
    super('export cancelled');
    this.name = 'BundleCancelled';
  }
}

/** The source changed between the two readings (a snapshot deleted or added meanwhile). */
export class BundleSourceChanged extends Error {
  constructor(path: string) {
    super(`the evidence changed during the export (${path})`);
    this.name = 'BundleSourceChanged';
  }
}

const joined = (chunks: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) out.set(c, (at += c.length) - c.length);
  return out;
};

/** The files of a snapshot as its manifest lists them: the chained record holds each part's hash and size. */
function listedFiles(body: SnapshotBody): [PartName, string][] {
  const dir = snapshotDir(body.id);
  const names: PartName[] = ['fields', 'text', 'dom', 'screenshot'];
  return names.flatMap((name) => (body.parts[name] ? [[name, dir + PART_FILES[name]] as [PartName, string]] : []));
}

/**
 * First reading: the manifest's snapshot entries and index.html. A file's
 * hash and size are those its chained record holds (the verifier compares
 * every file with both), so no file is read or hashed here; the second
 * reading checks that the files it writes are the ones listed.
 */
async function listPass(
  source: BundleSource,
  entries: ManifestChainEntry[],
  fingerprint: string,
  options: StreamOptions,
) {
  const manifestSnapshots: ManifestSnapshot[] = [];
  const contentFiles: { path: string; sha256: string; size: number }[] = [];
  const index: Uint8Array[] = [utf8(indexHead(source, entries, fingerprint))];
  const t = translator(source.locale);
  for await (const snapshot of source.summaries?.() ?? source.snapshots()) {
    if (options.cancelled?.()) throw new BundleCancelled();
    const files: Partial<Record<PartName, string>> = {};
    for (const [name, path] of listedFiles(snapshot.body)) {
      files[name] = path;
      const ref = snapshot.body.parts[name]!;
      contentFiles.push({ path, sha256: ref.sha256, size: ref.size });
    }
    const entry: ManifestSnapshot = {
      seq: snapshot.seq,
      chainHash: snapshot.chainHash,
      body: snapshot.body,
      notes: snapshot.notes,
      files,
    };
    manifestSnapshots.push(entry);
    index.push(utf8((manifestSnapshots.length > 1 ? '\n' : '') + indexSection(entry, snapshot.text, t)));
    options.onProgress?.({
      phase: 'hash',
      done: manifestSnapshots.length,
      total: source.count,
      item: snapshot.body.id,
    });
  }
  index.push(utf8(INDEX_FOOT));
  return { manifestSnapshots, contentFiles, index: joined(index) };
}

/**
 * Writes a bundle chunk by chunk: the snapshots are read twice — their
 * records and texts for the manifest and index.html (first in the archive),
 * then their files to write them — so memory holds the manifest, index.html
 * and one snapshot, not the archive. The bytes are those of `buildBundle` for
 * the same evidence.
 */
export async function streamBundle(
  source: BundleSource,
  write: (chunk: Uint8Array) => void | Promise<void>,
  options: StreamOptions = {},
) {
  const tombstones = new Map(source.tombstones.map((t) => [t.id, t]));
  const entries: ManifestChainEntry[] = source.entries.map((entry) => {
    const body = entry.type === 'tombstone' ? tombstones.get(entry.id) : undefined;
    return body ? { ...entry, body } : { ...entry };
  });
  const fingerprint = await keyFingerprint(source.signer.publicKeySpki);
  const { manifestSnapshots, contentFiles, index } = await listPass(source, entries, fingerprint, options);
  const head = entries.at(-1);
  const unsigned = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    generator: source.generator,
    exportedAt: toUtcIso(source.exportedAt),
    exportedAtShanghai: shanghaiIso(source.exportedAt),
    locale: source.locale,
    chain: { genesis: GENESIS_HASH, length: entries.length, headHash: head?.hash ?? GENESIS_HASH, entries },
    snapshots: manifestSnapshots,
    files: [{ path: INDEX_PATH, sha256: await sha256Hex(index), size: index.length }, ...contentFiles],
  } satisfies Omit<Manifest, 'manifestSha256' | 'signature'>;
  const hashed = { ...unsigned, manifestSha256: await manifestHash(unsigned) };
  const manifest: Manifest = { ...hashed, signature: await signManifest(hashed, source.signer) };
  const zip = zipWriter(write);
  await zip.add(MANIFEST_PATH, utf8(canonicalJsonPretty(manifest)));
  await zip.add(INDEX_PATH, index);
  let done = 0;
  let listed = 0;
  for await (const snapshot of source.snapshots()) {
    if (options.cancelled?.()) throw new BundleCancelled();
    for (const [, path, bytes] of snapshotFiles(snapshot)) {
      const expected = contentFiles[listed++];
      // A file whose bytes no longer match its record is written as stored: the verifier names it.
      if (expected?.path !== path) throw new BundleSourceChanged(path);
      await zip.add(path, bytes);
    }
    options.onProgress?.({ phase: 'write', done: ++done, total: source.count, item: snapshot.body.id });
  }
  if (listed !== contentFiles.length) throw new BundleSourceChanged(contentFiles[listed]?.path ?? '');
  return { manifest, size: await zip.finish() };
}

/** A bundle held in memory (small exports, tests): the streamed bytes, joined. */
export async function buildBundle(input: BundleInput): Promise<{ zip: Uint8Array; manifest: Manifest }> {
  const snapshots = [...input.snapshots].sort((a, b) => a.seq - b.seq);
  const chunks: Uint8Array[] = [];
  const source: BundleSource = {
    ...input,
    count: snapshots.length,
    async *snapshots() {
      yield* snapshots;
    },
  };
  const { manifest } = await streamBundle(source, (chunk) => void chunks.push(chunk));
  return { zip: joined(chunks), manifest };
}

// ── index.html ──────────────────────────────────────────────────────────────

/** Text for HTML element content and double-quoted attributes: nothing a page wrote can become markup. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const safeLink = (url: string) =>
  /^https?:\/\//i.test(url)
    ? `<a href="${escapeHtml(url)}" rel="noreferrer noopener">${escapeHtml(url)}</a>`
    : escapeHtml(url);

type Translator = ReturnType<typeof translator>;

function indexSection(s: ManifestSnapshot, text: string, t: Translator): string {
  const row = (label: MessageKey, value: string) => `<tr><th>${escapeHtml(t(label))}</th><td>${value}</td></tr>`;
  const b = s.body;
  const fields = Object.entries(b.fields)
    .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join('');
  const files = Object.entries(s.files)
    .map(([, path]) => `<li><a href="${escapeHtml(path)}">${escapeHtml(path)}</a></li>`)
    .join('');
  const notes = [b.note, ...s.notes.map((n) => `${shanghaiDisplay(n.body.at)} ${n.body.text}`)].filter((n) => n !== '');
  return `<section id="${escapeHtml(b.id)}">
<h2>${escapeHtml(b.title || b.url)}</h2>
<table>
${row('bundle.index.id', `<code>${escapeHtml(b.id)}</code>`)}
${row('bundle.index.capturedAt', `${escapeHtml(b.capturedAtShanghai)} <span class="muted">(UTC ${escapeHtml(b.capturedAt)})</span>`)}
${row('bundle.index.url', safeLink(b.url))}
${row('bundle.index.vendor', `${escapeHtml(b.vendor)} · ${escapeHtml(b.kind)}`)}
${row('bundle.index.source', escapeHtml(t(b.source === 'auto' ? 'evidence.source.auto' : 'evidence.source.manual')))}
${b.previousSnapshotId ? row('bundle.index.previous', `<a href="#${escapeHtml(b.previousSnapshotId)}">${escapeHtml(b.previousSnapshotId)}</a>`) : ''}
${notes.length ? row('bundle.index.notes', notes.map((n) => escapeHtml(n)).join('<br>')) : ''}
${row('bundle.index.chainHash', `<span class="hash">${escapeHtml(s.chainHash)}</span>`)}
</table>
<h3>${escapeHtml(t('bundle.index.fields'))}</h3>
${fields ? `<table>${fields}</table>` : `<p class="muted">${escapeHtml(t('bundle.index.noFields'))}</p>`}
${s.files.screenshot ? `<h3>${escapeHtml(t('bundle.index.screenshot'))}</h3><img src="${escapeHtml(s.files.screenshot)}" alt="${escapeHtml(b.title)}">` : ''}
<details><summary>${escapeHtml(t('bundle.index.text'))}</summary><pre>${escapeHtml(text)}</pre></details>
<h3>${escapeHtml(t('bundle.index.files'))}</h3><ul>${files}</ul>
</section>`;
}

function indexHead(source: BundleSource, entries: readonly ManifestChainEntry[], fingerprint: string): string {
  const t = translator(source.locale);
  const deleted = entries.filter((e) => e.type === 'tombstone').length;
  return `<!doctype html>
<html lang="${escapeHtml(source.locale)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self' file: data:; style-src 'unsafe-inline'">
<meta http-equiv="x-dns-prefetch-control" content="off">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('bundle.index.title'))}</title>
<style>${BUNDLE_INDEX_STYLE.join('\n')}</style>
</head>
<body>
<h1>${escapeHtml(t('bundle.index.title'))}</h1>
<p>${escapeHtml(t('bundle.index.summary', { count: source.count, exportedAt: shanghaiDisplay(toUtcIso(source.exportedAt)) }))}</p>
<p class="muted">${escapeHtml(t('bundle.index.howToVerify'))}</p>
<p class="muted">${escapeHtml(t('bundle.index.chain', { length: entries.length, deleted }))} <span class="hash">${escapeHtml(entries.at(-1)?.hash ?? GENESIS_HASH)}</span></p>
<p class="muted">${escapeHtml(t('bundle.index.signedBy'))} <span class="hash">${escapeHtml(fingerprint)}</span></p>
`;
}

/** Sections are separated by a newline, and the last is followed by one. */
const INDEX_FOOT = `
</body>
</html>
`;
