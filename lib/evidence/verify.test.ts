import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { manifestHash, MANIFEST_PATH, zipFiles } from './bundle';
import { canonicalJsonPretty, fromUtf8, utf8 } from './canonical';
import { sha256Hex } from './hash';
import { signManifest } from './signature';
import { memoryLedger, orderPayload, testSigner } from './testing/ledger';
import { verifyBundle } from './verify';

/**
 * A forger who can edit a bundle can also recompute every hash in it. What
 * such a forger cannot do is sign with the exporting installation's key: each
 * edit below keeps the bundle internally consistent (file hashes, sizes, the
 * manifest's own hash, the archive rebuilt as the exporter writes it) and must
 * still fail verification.
 */

const T0 = new Date('2026-11-22T02:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

async function sample() {
  const ledger = memoryLedger();
  const first = await ledger.capture(
    orderPayload(),
    at(0),
    new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 8, 7, 0xff, 0xd9]),
  );
  await ledger.note(first.id, '客服电话答复：不予退款', at(3));
  await ledger.capture(
    orderPayload({
      url: 'http://console.cloud.tencent.com/expense/deal/detail?dealName=20261021090412158720',
      fields: { orderId: '20261021090412158720', status: '已支付' },
      text: '订单号 20261021090412158720',
    }),
    at(5),
  );
  return { ledger, ...(await ledger.bundle(at(10))) };
}

type Files = Map<string, Uint8Array>;
type Edit = (files: Files, manifest: any) => unknown;

/** Applies an edit, then makes every hash agree with it again: listed files, sizes, the manifest hash. */
async function forge(zip: Uint8Array, edit: Edit, resign?: Parameters<typeof signManifest>[1]): Promise<Uint8Array> {
  const files: Files = new Map(Object.entries(unzipSync(zip)));
  const manifest = JSON.parse(fromUtf8(files.get(MANIFEST_PATH)!));
  await edit(files, manifest);
  for (const listed of manifest.files) {
    const bytes = files.get(listed.path);
    if (!bytes) continue;
    listed.sha256 = await sha256Hex(bytes);
    listed.size = bytes.length;
  }
  manifest.manifestSha256 = await manifestHash(manifest);
  if (resign) {
    const { signature: _old, ...unsigned } = manifest;
    manifest.signature = await signManifest(unsigned, resign);
  }
  files.set(MANIFEST_PATH, utf8(canonicalJsonPretty(manifest)));
  return zipFiles([...files.entries()]);
}

const text = (files: Files, path: string) => fromUtf8(files.get(path)!);
const put = (files: Files, path: string, value: string) => files.set(path, utf8(value));

const EDITS: [string, Edit][] = [
  [
    'index.html says the refund was made',
    (files) =>
      put(files, 'index.html', text(files, 'index.html').replace('订单详情 - 费用中心 - 控制台', '已全额退款')),
  ],
  [
    'a note left out (and from the index)',
    (files, m) => {
      m.snapshots[0].notes = [];
      put(files, 'index.html', text(files, 'index.html').replace(/[^>]*客服电话答复：不予退款/, ''));
    },
  ],
  [
    'the export date moved back',
    (files, m) => {
      m.exportedAt = '2026-11-01T00:00:00.000Z';
      m.exportedAtShanghai = '2026-11-01T08:00:00+08:00';
      put(files, 'index.html', text(files, 'index.html').replace('2026-11-22 10:10:00', '2026-11-01 08:00:00'));
    },
  ],
  ['the generator renamed', (_files, m) => (m.generator = { name: 'refund-guard', version: '9.9.9' })],
  ['the locale switched', (_files, m) => (m.locale = 'en')],
  [
    'the screenshot replaced',
    (files) => files.set('snapshots/snap-000001/screenshot.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xd9])),
  ],
  [
    'the page copy rewritten',
    (files) =>
      put(
        files,
        'snapshots/snap-000001/dom.html',
        text(files, 'snapshots/snap-000001/dom.html').replace('已支付', '已退款'),
      ),
  ],
  [
    'the page text rewritten',
    (files) => put(files, 'snapshots/snap-000003/text.txt', '订单号 20261021090412158720 已退款'),
  ],
  [
    'a field edited in fields.json',
    (files) =>
      put(
        files,
        'snapshots/snap-000003/fields.json',
        text(files, 'snapshots/snap-000003/fields.json').replace('已支付', '已退款'),
      ),
  ],
];

describe('a bundle edited after export, every hash recomputed', () => {
  it('the untouched bundle verifies and reports its signer', async () => {
    const { zip, manifest } = await sample();
    const report = await verifyBundle(zip);
    expect(report.problems).toEqual([]);
    expect(report.signature).toEqual({
      ok: true,
      algorithm: 'ECDSA-P256-SHA256',
      fingerprint: manifest.signature.fingerprint,
    });
    expect(report.signature?.fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
  });

  it.each(EDITS)('%s: fails verification', async (_name, edit) => {
    const { zip } = await sample();
    const forged = await forge(zip, edit);
    const report = await verifyBundle(forged);
    expect(report.ok).toBe(false);
    expect(report.problems.length).toBeGreaterThan(0);
  });

  it.each(EDITS)('%s, then signed again with another key: the report names a different signer', async (_name, edit) => {
    const { zip, manifest } = await sample();
    const forged = await forge(zip, edit, await testSigner());
    const report = await verifyBundle(forged);
    expect(report.signature?.fingerprint).not.toBe(manifest.signature.fingerprint);
    // Against the fingerprint the user's settings show, it fails outright.
    const checked = await verifyBundle(forged, { fingerprint: manifest.signature.fingerprint });
    expect(checked.ok).toBe(false);
    expect(checked.problems).toContainEqual(
      expect.objectContaining({ kind: 'signer-unexpected', actual: report.signature?.fingerprint }),
    );
  });

  it('a note left out is caught even when the forger signs again', async () => {
    const { zip } = await sample();
    const forged = await forge(zip, EDITS[1]![1], await testSigner());
    expect((await verifyBundle(forged)).problems).toContainEqual({
      kind: 'content-mismatch',
      id: 'snap-000001',
      detail: 'note note-000002 left out',
    });
  });

  it('a signature removed, borrowed from another bundle, or claiming the original fingerprint over another key fails', async () => {
    const { zip, ledger } = await sample();
    const kinds = async (bytes: Uint8Array) => (await verifyBundle(bytes)).problems.map((p) => p.kind);
    expect(await kinds(await forge(zip, (_f, m) => delete m.signature))).toContain('unsigned');
    expect(await kinds(await forge(zip, (_f, m) => (m.formatVersion = 1)))).toContain('unsigned');

    const other = await ledger.bundle(at(20));
    const borrowed = JSON.parse(fromUtf8(unzipSync(other.zip)[MANIFEST_PATH]!)).signature;
    expect(
      await kinds(
        await forge(
          zip,
          (files, m) => ((m.signature = borrowed), put(files, 'index.html', text(files, 'index.html') + ' ')),
        ),
      ),
    ).toContain('signature-invalid');

    const original = JSON.parse(fromUtf8(unzipSync(zip)[MANIFEST_PATH]!)).signature.fingerprint;
    const impostor = await forge(
      zip,
      (files) => put(files, 'index.html', text(files, 'index.html').replace('订单详情', '已全额退款')),
      await testSigner(),
    );
    const files: Files = new Map(Object.entries(unzipSync(impostor)));
    const m = JSON.parse(fromUtf8(files.get(MANIFEST_PATH)!));
    m.signature.fingerprint = original;
    files.set(MANIFEST_PATH, utf8(canonicalJsonPretty(m)));
    const report = await verifyBundle(zipFiles([...files.entries()]));
    expect(report.problems).toContainEqual({ kind: 'signature-invalid', reason: 'fingerprint-mismatch' });
    expect(report.signature?.fingerprint).not.toBe(original);
  });

  it('a signature over the manifest does not verify once any manifest byte of meaning changes, hash left stale', async () => {
    const { zip } = await sample();
    const files: Files = new Map(Object.entries(unzipSync(zip)));
    const m = JSON.parse(fromUtf8(files.get(MANIFEST_PATH)!));
    m.snapshots[1].body.title = '退款成功';
    files.set(MANIFEST_PATH, utf8(canonicalJsonPretty(m)));
    const kinds = (await verifyBundle(zipFiles([...files.entries()]))).problems.map((p) => p.kind);
    expect(kinds).toEqual(expect.arrayContaining(['manifest-altered', 'signature-invalid', 'content-mismatch']));
  });
});
