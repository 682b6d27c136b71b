import { unzipSync } from 'fflate';
import { buildBundle, MANIFEST_PATH, type BundleSnapshot } from '../bundle';
import { fromUtf8, utf8 } from '../canonical';
import type { ChainHead } from '../chain';
import {
  createLedger,
  headOf,
  LedgerMissing,
  sameHead,
  verifyLedger,
  type LedgerPort,
  type LedgerSnapshot,
} from '../ledger';
import { prepareCapture } from '../snapshot';
import type { CapturePayloadInput, ChainEntry, TombstoneBody } from '../schema';
import { generateSigningKey, webCryptoSigner, type BundleSigner } from '../signature';

/** A signing key of its own for each test installation (as each browser has one). */
export const testSigner = async (): Promise<BundleSigner> => webCryptoSigner(await generateSigningKey());

/**
 * An in-memory evidence store for tests: the ledger the worker's IndexedDB
 * store runs (lib/evidence/ledger.ts), over a port that keeps everything in
 * arrays and maps.
 */
// eslint-disable-next-line max-lines-per-function -- The in-memory port's methods, each short, listed in one object.
export function memoryLedger(options: { signer?: BundleSigner } = {}) {
  let signer: Promise<BundleSigner> | null = options.signer ? Promise.resolve(options.signer) : null;
  const entries: ChainEntry[] = [];
  const snapshots = new Map<string, BundleSnapshot>();
  const tombstones: TombstoneBody[] = [];
  const head = (): ChainHead => headOf(entries);
  const asLedger = (s: BundleSnapshot): LedgerSnapshot => ({
    id: s.body.id,
    seq: s.seq,
    chainHash: s.chainHash,
    subjectKey: s.body.subjectKey,
    body: s.body,
    notes: s.notes,
  });
  const port: LedgerPort = {
    async view() {
      return {
        head: async () => head(),
        async *newestUnder(key: string) {
          const under = [...snapshots.values()].filter((s) => s.body.subjectKey === key).sort((a, b) => b.seq - a.seq);
          for (const s of under) yield asLedger(s);
        },
        snapshot: async (id: string) => {
          const found = snapshots.get(id);
          return found ? asLedger(found) : null;
        },
      };
    },
    async commit(expected, writes) {
      if (!sameHead(head(), expected)) return false;
      for (const write of writes) {
        if (write.type !== 'snapshot' && !snapshots.has(write.snapshotId)) throw new LedgerMissing(write.snapshotId);
      }
      for (const write of writes) {
        entries.push(write.entry);
        if (write.type === 'snapshot') {
          const { snapshot, prepared } = write;
          snapshots.set(snapshot.id, {
            ...snapshot,
            text: prepared.text,
            dom: prepared.dom,
            screenshot: prepared.screenshot,
          });
        } else if (write.type === 'note') snapshots.get(write.snapshotId)!.notes.push(write.note);
        else {
          tombstones.push(write.body);
          snapshots.delete(write.snapshotId);
        }
      }
      return true;
    },
  };
  const ledger = createLedger(port);

  return {
    entries,
    snapshots,
    tombstones,
    head,
    async capture(payload: CapturePayloadInput, now: Date, screenshot: Uint8Array | null = null) {
      const result = await ledger.appendSnapshot(await prepareCapture(payload, screenshot, now), undefined);
      return { id: result.status === 'saved' ? result.snapshot.id : result.id, deduped: result.status === 'duplicate' };
    },
    async note(id: string, text: string, now: Date) {
      if (!(await ledger.addNote(id, text, now))) throw new LedgerMissing(id);
    },
    async remove(id: string, now: Date) {
      if (!(await ledger.remove(id, now))) throw new LedgerMissing(id);
    },
    /** Re-walks the chain and re-hashes every part, as the worker's store check does. */
    verify: () =>
      verifyLedger({
        entries: entries.map((e) =>
          e.type === 'tombstone' ? { ...e, body: tombstones.find((t) => t.id === e.id) } : e,
        ),
        snapshots: [...snapshots.values()].map(asLedger),
        parts: async (s) => {
          const stored = snapshots.get(s.id)!;
          return {
            text: utf8(stored.text),
            dom: typeof stored.dom === 'string' ? utf8(stored.dom) : stored.dom,
            screenshot: stored.screenshot,
          };
        },
      }),
    /** This ledger's signer (made on first use, like the worker's key). */
    signer: () => (signer ??= testSigner()),
    async bundle(now: Date, ids?: string[]) {
      const chosen = [...snapshots.values()].filter((s) => !ids || ids.includes(s.body.id));
      return buildBundle({
        entries,
        tombstones,
        snapshots: chosen,
        exportedAt: now,
        generator: { name: 'refund-guard-test', version: '0.0.0' },
        locale: 'zh-CN',
        signer: await (signer ??= testSigner()),
      });
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
