import { unzipSync } from 'fflate';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalJsonPretty,
  fromUtf8,
  MANIFEST_PATH,
  sha256Hex,
  signManifest,
  utf8,
  verifyBundle,
  zipFiles,
  type BundleSigner,
} from '../../lib/evidence';
import { manifestHash } from '../../lib/evidence/bundle';
import { memoryLedger, orderPayload, testSigner } from '../../lib/evidence/testing/ledger';
import { main as verifyCli } from '../../scripts/verify';

/**
 * An exported bundle is evidence only if no change to it goes unnoticed: any
 * single byte, a cut-off end, entries in another order, a file taken out or
 * slipped in. Both verifiers — the one the extension runs and `npm run
 * verify` — must report each of them.
 */

const T0 = new Date('2026-11-22T02:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** Two orders (one with a screenshot), a status change, a note and a deletion: every kind of entry. */
async function sampleBundle(): Promise<Uint8Array> {
  const ledger = memoryLedger();
  const first = await ledger.capture(
    orderPayload(),
    at(0),
    new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]),
  );
  await ledger.capture(
    orderPayload({
      text: '订单号 20261118105822371604 状态 已退款',
      fields: { orderId: '20261118105822371604', status: '已退款' },
    }),
    at(5),
  );
  const other = await ledger.capture(
    orderPayload({
      url: 'http://console.cloud.tencent.com/expense/deal/detail?dealName=20261021090412158720',
      fields: { orderId: '20261021090412158720', status: '已支付' },
      text: '订单号 20261021090412158720',
    }),
    at(6),
  );
  await ledger.note(first.id, '已提交工单 #2026112200013', at(7));
  await ledger.capture(
    orderPayload({
      url: 'http://letsvpn.world/account/orders',
      match: { vendor: 'letsvpn', kind: 'order' },
      fields: {},
      text: '快连 订单',
    }),
    at(8),
  );
  await ledger.remove(other.id, at(9));
  return (await ledger.bundle(at(10))).zip;
}

/** Byte positions spread over the whole archive, the same every run (a fixed-step walk plus every ZIP header region). */
function positions(size: number, count: number): number[] {
  const chosen = new Set<number>();
  const step = size / count;
  for (let i = 0; i < count; i++) chosen.add(Math.floor(i * step + ((i * 7919) % Math.max(1, Math.floor(step)))));
  for (let i = 0; i < 64; i++) chosen.add(i); // the first local header
  for (let i = 1; i <= 120; i++) chosen.add(size - i); // central directory end and its records
  return [...chosen].filter((p) => p >= 0 && p < size).sort((a, b) => a - b);
}

const dir = mkdtempSync(join(tmpdir(), 'rg-tamper-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(bytes: Uint8Array, ...options: string[]): Promise<number> {
  return (await cliReport(bytes, ...options)).code;
}

async function cliReport(bytes: Uint8Array, ...options: string[]): Promise<{ code: number; out: string }> {
  const path = join(dir, 'bundle.zip');
  writeFileSync(path, bytes);
  let out = '';
  const code = await verifyCli([path, '--lang', 'en', ...options], {
    out: (t) => (out += t),
    err: () => undefined,
    env: {},
  });
  return { code, out };
}

/** Edits the unpacked bundle, then recomputes every file hash and size and the manifest hash; signs again only with `signer`. */
async function forge(
  zip: Uint8Array,
  edit: (files: Map<string, Uint8Array>, manifest: any) => unknown,
  signer?: BundleSigner,
): Promise<Uint8Array> {
  const files = new Map<string, Uint8Array>(Object.entries(unzipSync(zip)));
  const manifest = JSON.parse(fromUtf8(files.get(MANIFEST_PATH)!));
  edit(files, manifest);
  for (const listed of manifest.files) {
    const bytes = files.get(listed.path)!;
    [listed.sha256, listed.size] = [await sha256Hex(bytes), bytes.length];
  }
  manifest.manifestSha256 = await manifestHash(manifest);
  if (signer) {
    delete manifest.signature;
    manifest.signature = await signManifest(manifest, signer);
  }
  files.set(MANIFEST_PATH, utf8(canonicalJsonPretty(manifest)));
  return zipFiles([...files.entries()]);
}

describe('tampering with an exported bundle', () => {
  let zip: Uint8Array;
  beforeAll(async () => {
    zip = await sampleBundle();
  });

  it('the untouched bundle verifies in both verifiers', async () => {
    expect((await verifyBundle(zip)).problems).toEqual([]);
    expect(await cli(zip)).toBe(0);
  });

  it('every sampled single-byte change is reported by the in-extension verifier', async () => {
    const missed: number[] = [];
    const sample = positions(zip.length, 1500);
    expect(sample.length).toBeGreaterThan(1500);
    for (const [n, position] of sample.entries()) {
      const tampered = zip.slice();
      // Flip one bit, or swap in a different byte, alternately.
      tampered[position] = n % 2 ? tampered[position]! ^ 0x01 : (tampered[position]! + 0x5a) & 0xff;
      if ((await verifyBundle(tampered)).ok) missed.push(position);
    }
    expect(missed).toEqual([]);
    console.info(`tamper: ${sample.length} of ${zip.length} byte positions changed one at a time, every one reported`);
  }, 300_000);

  it('every changed byte of a sample is reported by `npm run verify` (exit 1)', async () => {
    const sample = positions(zip.length, 60);
    for (const position of sample) {
      const tampered = zip.slice();
      tampered[position] = tampered[position]! ^ 0x20;
      expect(await cli(tampered), `byte ${position}`).toBe(1);
    }
  }, 300_000);

  it('a bundle cut short at any length is reported', async () => {
    const cuts = [
      1,
      2,
      22,
      100,
      1000,
      Math.floor(zip.length / 2),
      zip.length - 46,
      zip.length - 22,
      zip.length - 1,
    ].filter((n) => n > 0 && n < zip.length);
    for (const length of cuts) {
      const cut = zip.slice(0, length);
      expect((await verifyBundle(cut)).ok, `cut at ${length}`).toBe(false);
      expect(await cli(cut), `cut at ${length}`).toBe(1);
    }
    // Bytes appended after the archive are not part of the evidence either.
    const longer = new Uint8Array([...zip, 0x50, 0x4b, 0x00]);
    expect((await verifyBundle(longer)).ok).toBe(false);
    expect(await cli(longer)).toBe(1);
  });

  it('a manifest rewritten consistently (a field edited, spelled canonically, archive rebuilt) is reported', async () => {
    const { canonicalJsonPretty } = await import('../../lib/evidence');
    const files = Object.entries(unzipSync(zip));
    const manifest = JSON.parse(new TextDecoder().decode(files.find(([p]) => p === MANIFEST_PATH)![1]));
    const edits: [string, (m: any) => void][] = [
      ['export time', (m) => (m.exportedAt = '2026-11-01T00:00:00.000Z')],
      ['generator', (m) => (m.generator.version = '9.9.9')],
      ['locale', (m) => (m.locale = 'en')],
    ];
    for (const [name, edit] of edits) {
      const copy = structuredClone(manifest);
      edit(copy);
      const bytes = zipFiles(
        files.map(
          ([p, b]) => [p, p === MANIFEST_PATH ? new TextEncoder().encode(canonicalJsonPretty(copy)) : b] as const,
        ),
      );
      const report = await verifyBundle(bytes);
      expect(report.ok, name).toBe(false);
      expect(
        report.problems.map((p) => p.kind),
        name,
      ).toContain('manifest-altered');
      expect(await cli(bytes), name).toBe(1);
    }
  });

  it('entries in another order, a removed file and an added file are each reported', async () => {
    const files = Object.entries(unzipSync(zip));
    const variants: [string, Uint8Array, string][] = [];
    variants.push(['reversed', zipFiles([...files].reverse()), 'files-reordered']);
    const swapped = [...files];
    [swapped[1], swapped[2]] = [swapped[2]!, swapped[1]!];
    variants.push(['two swapped', zipFiles(swapped), 'files-reordered']);
    for (const [path] of files) {
      const kind = path === MANIFEST_PATH ? 'manifest-missing' : 'file-missing';
      variants.push([`without ${path}`, zipFiles(files.filter(([p]) => p !== path)), kind]);
    }
    variants.push([
      'with an extra file',
      zipFiles([...files, ['snapshots/snap-000001/extra.html', new TextEncoder().encode('<p>added later</p>')]]),
      'file-added',
    ]);
    variants.push([
      'with an extra file first',
      zipFiles([['readme.txt', new TextEncoder().encode('hi')], ...files]),
      'file-added',
    ]);
    // The same files, a different compression: the bytes differ from what the exporter writes.
    const { zipSync } = await import('fflate');
    variants.push([
      'deflated',
      zipSync(Object.fromEntries(files), { level: 6, mtime: new Date(1980, 0, 1) }),
      'container-altered',
    ]);
    for (const [name, bytes, kind] of variants) {
      const report = await verifyBundle(bytes);
      expect(report.ok, name).toBe(false);
      expect(
        report.problems.map((p) => p.kind),
        name,
      ).toContain(kind);
      expect(await cli(bytes), name).toBe(1);
    }
  });

  it('a forged index, a dropped note or a moved export date, every hash recomputed, fails both verifiers; signed again, it names another key', async () => {
    const signature = JSON.parse(fromUtf8(unzipSync(zip)[MANIFEST_PATH]!)).signature;
    const index = (files: Map<string, Uint8Array>) => fromUtf8(files.get('index.html')!);
    const forgeries: [string, (files: Map<string, Uint8Array>, m: any) => unknown][] = [
      [
        'index says refunded',
        (files) => files.set('index.html', utf8(index(files).replace(/订单详情 - 费用中心 - 控制台/g, '已全额退款'))),
      ],
      ['note dropped', (_files, m) => (m.snapshots.find((s: any) => s.notes.length).notes = [])],
      [
        'export date moved',
        (_files, m) => (
          (m.exportedAt = '2026-11-01T00:00:00.000Z'),
          (m.exportedAtShanghai = '2026-11-01T08:00:00+08:00')
        ),
      ],
    ];
    for (const [name, edit] of forgeries) {
      const forged = await forge(zip, edit);
      expect((await verifyBundle(forged)).ok, name).toBe(false);
      expect(await cli(forged), name).toBe(1);

      const resigned = await forge(zip, edit, await testSigner());
      const report = await cliReport(resigned);
      expect(report.out, name).toContain('signing key fingerprint');
      expect(report.out, name).not.toContain(signature.fingerprint);
      expect(await cli(resigned, '--fingerprint', signature.fingerprint), name).toBe(1);
      expect((await verifyBundle(resigned, { fingerprint: signature.fingerprint })).ok, name).toBe(false);
    }
    // The genuine bundle against its own fingerprint, spelled without spaces: verified.
    const genuine = await cliReport(zip, '--fingerprint', signature.fingerprint.replace(/ /g, ''));
    expect(genuine.code).toBe(0);
    expect(genuine.out).toContain(`signing key fingerprint ${signature.fingerprint}`);
  });
});
