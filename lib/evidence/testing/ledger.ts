import { unzipSync } from 'fflate';
import { buildBundle, MANIFEST_PATH, type BundleSnapshot } from '../bundle';
import { fromUtf8, utf8 } from '../canonical';
import { GENESIS, type ChainHead } from '../chain';
import { isDuplicate, prepareCapture, sealNote, sealSnapshot, sealTombstone } from '../snapshot';
import type { CapturePayloadInput, ChainEntry, TombstoneBody } from '../schema';
import { generateSigningKey, webCryptoSigner, type BundleSigner } from '../signature';

/** A signing key of its own for each test installation (as each browser has one). */
export const testSigner = async (): Promise<BundleSigner> => webCryptoSigner(await generateSigningKey());

/**
 * An in-memory evidence store for tests: the same steps the worker's
 * IndexedDB store takes (prepare, dedupe, seal against the head, append),
 * without the database.
 */
export function memoryLedger(options: { signer?: BundleSigner } = {}) {
  let signer: Promise<BundleSigner> | null = options.signer ? Promise.resolve(options.signer) : null;
  const entries: ChainEntry[] = [];
  const snapshots = new Map<string, BundleSnapshot>();
  const tombstones: TombstoneBody[] = [];
  const head = (): ChainHead => {
    const last = entries.at(-1);
    return last ? { seq: last.seq, hash: last.hash } : GENESIS;
  };
  const latestOf = (subjectKey: string) =>
    [...snapshots.values()].filter((s) => s.body.subjectKey === subjectKey).sort((a, b) => b.seq - a.seq)[0] ?? null;

  return {
    entries,
    snapshots,
    tombstones,
    head,
    async capture(payload: CapturePayloadInput, now: Date, screenshot: Uint8Array | null = null) {
      const prepared = await prepareCapture(payload, screenshot, now);
      const latest = latestOf(prepared.subjectKey);
      if (isDuplicate(prepared, latest?.body)) return { id: latest!.body.id, deduped: true };
      const { body, entry } = await sealSnapshot(prepared, head(), latest?.body.id ?? null);
      entries.push(entry);
      snapshots.set(body.id, { seq: entry.seq, chainHash: entry.hash, body, text: prepared.text, dom: prepared.dom, screenshot: prepared.screenshot, notes: [] });
      return { id: body.id, deduped: false };
    },
    async note(id: string, text: string, now: Date) {
      const { body, entry } = await sealNote(id, text, head(), now);
      entries.push(entry);
      snapshots.get(id)!.notes.push({ seq: entry.seq, chainHash: entry.hash, body });
    },
    async remove(id: string, now: Date) {
      const { body, entry } = await sealTombstone(id, head(), now);
      entries.push(entry);
      tombstones.push(body);
      snapshots.delete(id);
    },
    /** This ledger's signer (made on first use, like the worker's key). */
    signer: () => (signer ??= testSigner()),
    async bundle(now: Date, ids?: string[]) {
      const chosen = [...snapshots.values()].filter((s) => !ids || ids.includes(s.body.id));
      return buildBundle({ entries, tombstones, snapshots: chosen, exportedAt: now, generator: { name: 'refund-guard-test', version: '0.0.0' }, locale: 'zh-CN', signer: await (signer ??= testSigner()) });
    },
  };
}

export function orderPayload(overrides: Partial<CapturePayloadInput> = {}): CapturePayloadInput {
  return {
    url: 'http://console.cloud.tencent.com/expense/deal/detail?dealName=20261118105822371604',
    title: '订单详情 - 费用中心 - 控制台',
    match: { vendor: 'tencent-cloud', kind: 'order' },
    text: '订单详情 订单号 20261118105822371604 状态 已支付 实付金额 ¥3,145.37',
    dom: '<html><body><h1>订单详情</h1><script>track()</script><p onclick="x()">已支付</p></body></html>',
    fields: { orderId: '20261118105822371604', status: '已支付', amountPaid: 3145.37 },
    source: 'auto',
    ...overrides,
  };
}

/**
 * A bundle's files with the signature value left out: ECDSA signatures are
 * randomised, so two exports of the same evidence differ only there.
 */
export function contentOf(zip: Uint8Array): Record<string, Uint8Array> {
  const files = unzipSync(zip);
  const manifest = JSON.parse(fromUtf8(files[MANIFEST_PATH]!)) as { signature?: { value?: string } };
  if (manifest.signature) manifest.signature.value = '';
  return { ...files, [MANIFEST_PATH]: utf8(JSON.stringify(manifest)) };
}
