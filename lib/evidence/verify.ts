import { unzipSync } from 'fflate';
import { z } from '../zod';
import { canonicalJsonPretty, fromUtf8 } from './canonical';
import { verifyChain, type ChainProblem } from './chain';
import { BUNDLE_FORMAT, INDEX_PATH, manifestHash, MANIFEST_PATH, zipFiles, type Manifest } from './bundle';
import { GENESIS_HASH, sha256Hex } from './hash';
import { bodyHash, fieldsFileBytes } from './snapshot';
import { SIGNATURE_ALGORITHM, verifyManifestSignature, type ManifestSignature } from './signature';
import {
  chainEntrySchema,
  noteBodySchema,
  PART_FILES,
  PART_NAMES,
  sha256,
  snapshotBodySchema,
  tombstoneBodySchema,
  type ChainEntry,
} from './schema';

/**
 * Offline verification of an evidence bundle (DESIGN.md contract 3): the same
 * function runs in the extension and in `npm run verify -- bundle.zip`. It
 * accounts for every byte — file contents by SHA-256, the manifest by its own
 * hash and canonical spelling, the ZIP's headers by rebuilding the archive —
 * and re-walks the hash chain.
 */

const manifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.union([z.literal(1), z.literal(2)]),
  generator: z.object({ name: z.string(), version: z.string() }),
  exportedAt: z.string(),
  exportedAtShanghai: z.string(),
  locale: z.string(),
  chain: z.object({
    genesis: z.literal(GENESIS_HASH),
    length: z.int().check(z.nonnegative()),
    headHash: sha256,
    entries: z.array(z.extend(chainEntrySchema, { body: z.optional(tombstoneBodySchema) })),
  }),
  snapshots: z.array(
    z.object({
      seq: z.int().check(z.positive()),
      chainHash: sha256,
      body: snapshotBodySchema,
      notes: z.array(z.object({ seq: z.int().check(z.positive()), chainHash: sha256, body: noteBodySchema })),
      files: z.partialRecord(z.enum(PART_NAMES), z.string()),
    }),
  ),
  files: z.array(z.object({ path: z.string().check(z.minLength(1)), sha256, size: z.int().check(z.nonnegative()) })),
  manifestSha256: sha256,
  signature: z.optional(
    z.object({
      algorithm: z.literal(SIGNATURE_ALGORITHM),
      publicKey: z.string().check(z.minLength(1), z.maxLength(1024)),
      fingerprint: z.string().check(z.maxLength(100)),
      value: z.string().check(z.minLength(1), z.maxLength(1024)),
    }),
  ),
});

export type BundleProblem =
  | { kind: 'not-zip'; detail: string }
  | { kind: 'manifest-missing' }
  | { kind: 'manifest-unreadable'; detail: string }
  | { kind: 'manifest-altered' }
  | { kind: 'unsigned' }
  | { kind: 'signature-invalid'; reason: 'bad-key' | 'fingerprint-mismatch' | 'bad-signature' }
  | { kind: 'signer-unexpected'; expected: string; actual: string }
  | { kind: 'file-altered'; path: string; expected: string; actual: string }
  | { kind: 'file-missing'; path: string }
  | { kind: 'file-added'; path: string }
  | { kind: 'files-reordered' }
  | { kind: 'container-altered'; offset: number }
  | { kind: 'chain-broken'; seq: number; detail: ChainProblem['kind'] | 'length' | 'head' }
  | { kind: 'content-mismatch'; id: string; detail: string };

export interface FileResult {
  path: string;
  status: 'ok' | 'altered' | 'missing' | 'added';
  sha256?: string;
}

export interface SnapshotResult {
  id: string;
  seq: number;
  ok: boolean;
  url: string;
  title: string;
  capturedAt: string;
  capturedAtShanghai: string;
  fields: Record<string, string | number | boolean>;
}

export interface SignatureResult {
  /** The signature holds for the manifest as it is. */
  ok: boolean;
  algorithm: string;
  /** Computed from the public key in the bundle (grouped hex); null when the key cannot be read. */
  fingerprint: string | null;
}

export interface BundleReport {
  ok: boolean;
  problems: BundleProblem[];
  /** Null when the bundle carries no signature (format 1) or could not be read. */
  signature: SignatureResult | null;
  files: FileResult[];
  chain: { ok: boolean; length: number; headHash: string | null; withContent: number; tombstones: number } | null;
  snapshots: SnapshotResult[];
  exportedAt: string | null;
  generator: { name: string; version: string } | null;
}

export interface VerifyOptions {
  /** The fingerprint the signer's key must have (e.g. the one the user's settings page shows). */
  fingerprint?: string;
  /** Files hashed so far of those the manifest lists (a large bundle takes a while). */
  onProgress?: (done: number, total: number, path: string) => void;
  /** Checked between files: true stops with `VerifyCancelled` (no verdict). */
  cancelled?: () => boolean;
}

/** A verification stopped before its verdict. */
export class VerifyCancelled extends Error {
  constructor() {
    super('verification cancelled');
    this.name = 'VerifyCancelled';
  }
}

const failed = (problem: BundleProblem): BundleReport => ({
  ok: false,
  problems: [problem],
  signature: null,
  files: [],
  chain: null,
  snapshots: [],
  exportedAt: null,
  generator: null,
});

/** Fingerprints compare without regard to spacing, colons or case. */
export const sameFingerprint = (a: string, b: string) =>
  a.replace(/[^0-9a-f]/gi, '').toLowerCase() === b.replace(/[^0-9a-f]/gi, '').toLowerCase();

function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}

type Archive = Record<string, Uint8Array>;
type SnapshotRecord = Manifest['snapshots'][number];
type ManifestEntry = Manifest['chain']['entries'][number];
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The manifest, parsed and checked against its schema; `altered` when its bytes are not its canonical form. */
function readManifest(manifestBytes: Uint8Array): { manifest: Manifest; altered: boolean } | { error: string } {
  try {
    const text = fromUtf8(manifestBytes);
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    if (!parsed.success) {
      throw new Error(
        parsed.error.issues
          .slice(0, 5)
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; '),
      );
    }
    return { manifest: parsed.data as Manifest, altered: canonicalJsonPretty(JSON.parse(text)) !== text };
  } catch (error) {
    return { error: errorText(error) };
  }
}

/** The signature: hashes can be recomputed by anyone who edits a file; the installation's key cannot. */
async function checkSignature(
  manifest: Manifest,
  options: VerifyOptions,
  problems: BundleProblem[],
): Promise<SignatureResult | null> {
  const signed = (manifest as { signature?: ManifestSignature }).signature;
  if (!signed || manifest.formatVersion < 2) {
    problems.push({ kind: 'unsigned' });
    return null;
  }
  const check = await verifyManifestSignature({
    ...(manifest as unknown as Record<string, unknown>),
    signature: signed,
  });
  if (!check.ok) problems.push({ kind: 'signature-invalid', reason: check.reason });
  if (options.fingerprint && !(check.fingerprint && sameFingerprint(check.fingerprint, options.fingerprint))) {
    problems.push({ kind: 'signer-unexpected', expected: options.fingerprint, actual: check.fingerprint ?? '-' });
  }
  return { ok: check.ok, algorithm: signed.algorithm, fingerprint: check.fingerprint };
}

/** Files: each listed one present with its hash, nothing unlisted, in the listed order. */
async function checkFiles(archive: Archive, manifest: Manifest, options: VerifyOptions, problems: BundleProblem[]) {
  const names = Object.keys(archive);
  const files: FileResult[] = [];
  const listed = new Set<string>();
  const fileOk = new Map<string, boolean>();
  for (const [i, file] of manifest.files.entries()) {
    if (options.cancelled?.()) throw new VerifyCancelled();
    options.onProgress?.(i, manifest.files.length, file.path);
    listed.add(file.path);
    const content = archive[file.path];
    if (!content) {
      files.push({ path: file.path, status: 'missing' });
      problems.push({ kind: 'file-missing', path: file.path });
      fileOk.set(file.path, false);
      continue;
    }
    const actual = await sha256Hex(content);
    const ok = actual === file.sha256 && content.length === file.size;
    fileOk.set(file.path, ok);
    files.push({ path: file.path, status: ok ? 'ok' : 'altered', sha256: actual });
    if (!ok) problems.push({ kind: 'file-altered', path: file.path, expected: file.sha256, actual });
  }
  for (const name of names) {
    if (name === MANIFEST_PATH || listed.has(name)) continue;
    files.push({ path: name, status: 'added' });
    problems.push({ kind: 'file-added', path: name });
  }
  const expectedOrder = [MANIFEST_PATH, ...manifest.files.map((f) => f.path)].filter((p) => p in archive);
  const actualOrder = names.filter((n) => n === MANIFEST_PATH || listed.has(n));
  if (expectedOrder.join('\n') !== actualOrder.join('\n')) problems.push({ kind: 'files-reordered' });
  if (!listed.has(INDEX_PATH)) problems.push({ kind: 'file-missing', path: INDEX_PATH });
  return { files, fileOk };
}

/** The chain: links and hashes, then every tombstone's body against its entry. */
async function checkChain(manifest: Manifest, problems: BundleProblem[]) {
  const entries: ChainEntry[] = manifest.chain.entries.map(({ body: _body, ...entry }) => entry);
  const chain = await verifyChain(entries);
  for (const p of chain.problems) problems.push({ kind: 'chain-broken', seq: p.seq, detail: p.kind });
  if (manifest.chain.length !== entries.length)
    problems.push({ kind: 'chain-broken', seq: entries.length, detail: 'length' });
  if (manifest.chain.headHash !== chain.head.hash)
    problems.push({ kind: 'chain-broken', seq: chain.head.seq, detail: 'head' });
  for (const entry of manifest.chain.entries) {
    if (entry.type !== 'tombstone') continue;
    if (
      !entry.body ||
      entry.body.id !== entry.id ||
      entry.body.snapshotId !== entry.ref ||
      (await bodyHash(entry.body)) !== entry.bodyHash
    ) {
      problems.push({ kind: 'content-mismatch', id: entry.id, detail: 'tombstone' });
    }
  }
  return { chain, length: entries.length };
}

interface SnapshotContext {
  archive: Archive;
  manifest: Manifest;
  bySeq: Map<number, ManifestEntry>;
  fileOk: Map<string, boolean>;
  seen: Set<string>;
}

/** The record's parts against the listed files and the chained hashes. */
function checkParts(s: SnapshotRecord, ctx: SnapshotContext, mismatch: (detail: string) => void) {
  const b = s.body;
  for (const name of PART_NAMES) {
    const ref = b.parts[name];
    const path = s.files[name];
    if (!ref) {
      if (path) mismatch(`${name}: file without a part`);
      continue;
    }
    if (path !== `snapshots/${b.id}/${PART_FILES[name]}`) {
      mismatch(`${name}: file not listed`);
      continue;
    }
    const listedFile = ctx.manifest.files.find((f) => f.path === path);
    if (!listedFile || listedFile.sha256 !== ref.sha256 || listedFile.size !== ref.size)
      mismatch(`${name}: hash differs from the chained one`);
    if (ctx.fileOk.get(path) === false) mismatch(`${name}: file altered or missing`);
  }
}

/** Every note the chain holds about this snapshot travels with it, each as chained: dropping one is a change. */
async function checkNotes(s: SnapshotRecord, ctx: SnapshotContext, mismatch: (detail: string) => void) {
  const b = s.body;
  const carried = new Set(s.notes.map((n) => n.seq));
  for (const entry of ctx.manifest.chain.entries) {
    if (entry.type === 'note' && entry.ref === b.id && !carried.has(entry.seq)) mismatch(`note ${entry.id} left out`);
  }
  for (const note of s.notes) {
    const noteEntry = ctx.bySeq.get(note.seq);
    if (
      !noteEntry ||
      noteEntry.type !== 'note' ||
      noteEntry.id !== note.body.id ||
      noteEntry.ref !== b.id ||
      note.body.snapshotId !== b.id ||
      noteEntry.hash !== note.chainHash ||
      (await bodyHash(note.body)) !== noteEntry.bodyHash
    ) {
      mismatch(`note ${note.body.id} differs from the chained one`);
    }
  }
}

/** One snapshot record against its chain entry, its files and its notes. */
async function checkSnapshot(
  s: SnapshotRecord,
  ctx: SnapshotContext,
  problems: BundleProblem[],
): Promise<SnapshotResult> {
  const b = s.body;
  const before = problems.length;
  const mismatch = (detail: string) => problems.push({ kind: 'content-mismatch', id: b.id, detail });
  if (ctx.seen.has(b.id)) mismatch('listed twice');
  ctx.seen.add(b.id);
  const entry = ctx.bySeq.get(s.seq);
  if (!entry || entry.type !== 'snapshot' || entry.id !== b.id || entry.hash !== s.chainHash)
    mismatch('not in the chain');
  else if ((await bodyHash(b)) !== entry.bodyHash) mismatch('snapshot record differs from the one chained');
  checkParts(s, ctx, mismatch);
  const fieldsPath = s.files.fields;
  if (fieldsPath && ctx.archive[fieldsPath] && (await sha256Hex(fieldsFileBytes(b.fields))) !== b.parts.fields.sha256) {
    mismatch('fields differ from fields.json');
  }
  await checkNotes(s, ctx, mismatch);
  return {
    id: b.id,
    seq: s.seq,
    ok: problems.length === before,
    url: b.url,
    title: b.title,
    capturedAt: b.capturedAt,
    capturedAtShanghai: b.capturedAtShanghai,
    fields: b.fields,
  };
}

export async function verifyBundle(bytes: Uint8Array, options: VerifyOptions = {}): Promise<BundleReport> {
  let archive: Archive;
  try {
    archive = unzipSync(bytes);
  } catch (error) {
    return failed({ kind: 'not-zip', detail: errorText(error) });
  }
  const names = Object.keys(archive);
  const problems: BundleProblem[] = [];

  const manifestBytes = archive[MANIFEST_PATH];
  if (!manifestBytes) return failed({ kind: 'manifest-missing' });
  const read = readManifest(manifestBytes);
  if ('error' in read) return failed({ kind: 'manifest-unreadable', detail: read.error });
  const { manifest } = read;
  if (read.altered) problems.push({ kind: 'manifest-altered' });
  if ((await manifestHash(manifest)) !== manifest.manifestSha256) problems.push({ kind: 'manifest-altered' });

  const signature = await checkSignature(manifest, options, problems);
  const { files, fileOk } = await checkFiles(archive, manifest, options, problems);
  const { chain, length } = await checkChain(manifest, problems);

  // Every byte outside the file contents: the archive must be exactly what these files make.
  // (Reported only when the files themselves are sound: an altered file also changes its CRC.)
  const rebuilt = zipFiles(names.map((name) => [name, archive[name]!] as const));
  const fileProblem = problems.some((p) => p.kind.startsWith('file') || p.kind.startsWith('manifest'));
  if (!fileProblem && (rebuilt.length !== bytes.length || firstDifference(rebuilt, bytes) !== bytes.length)) {
    problems.push({ kind: 'container-altered', offset: firstDifference(rebuilt, bytes) });
  }

  const ctx: SnapshotContext = {
    archive,
    manifest,
    bySeq: new Map(manifest.chain.entries.map((e) => [e.seq, e])),
    fileOk,
    seen: new Set(),
  };
  const snapshots: SnapshotResult[] = [];
  for (const s of manifest.snapshots) snapshots.push(await checkSnapshot(s, ctx, problems));
  return {
    ok: problems.length === 0,
    problems,
    signature,
    files,
    chain: {
      ok: chain.ok && manifest.chain.headHash === chain.head.hash && manifest.chain.length === length,
      length,
      headHash: chain.head.hash,
      withContent: manifest.snapshots.length,
      tombstones: manifest.chain.entries.filter((e) => e.type === 'tombstone').length,
    },
    snapshots,
    exportedAt: manifest.exportedAt,
    generator: manifest.generator,
  };
}
