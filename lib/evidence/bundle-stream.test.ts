import { describe, expect, it } from 'vitest';
import { BundleCancelled, streamBundle, type BundleProgress, type BundleSource } from './bundle';
import { utf8 } from './canonical';
import { verifyBundle } from './verify';
import { zipFiles, zipWriter } from './zip-stream';
import { memoryLedger, orderPayload } from './testing/ledger';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 20, 1, minutes));

async function ledgerWith(count: number) {
  const ledger = memoryLedger();
  for (let i = 0; i < count; i++) {
    await ledger.capture(
      orderPayload({ fields: { orderId: `2026112000000${i}` }, text: `订单号 2026112000000${i} 状态 已支付` }),
      at(i),
    );
  }
  return ledger;
}

async function sourceOf(ledger: Awaited<ReturnType<typeof ledgerWith>>): Promise<BundleSource> {
  const snapshots = [...ledger.snapshots.values()];
  return {
    entries: ledger.entries,
    tombstones: ledger.tombstones,
    exportedAt: at(59),
    generator: { name: 'refund-guard-test', version: '0.0.0' },
    locale: 'zh-CN',
    signer: await ledger.signer(),
    count: snapshots.length,
    async *snapshots() {
      yield* snapshots;
    },
  };
}

describe('the streamed ZIP', () => {
  it('is byte for byte the archive zipFiles makes of the same files', async () => {
    const files: [string, Uint8Array][] = [
      ['manifest.json', utf8('{"a":1}')],
      ['index.html', utf8('<p>证据</p>')],
      ['snapshots/snap-000001/页面.txt', new Uint8Array(70_000).map((_, i) => i % 251)],
      ['empty', new Uint8Array(0)],
    ];
    const chunks: Uint8Array[] = [];
    const zip = zipWriter((chunk) => void chunks.push(chunk.slice()));
    for (const [path, bytes] of files) await zip.add(path, bytes);
    const size = await zip.finish();
    const streamed = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    chunks.reduce((offset, c) => (streamed.set(c, offset), offset + c.length), 0);
    expect(size).toBe(streamed.length);
    expect(streamed).toEqual(zipFiles(files));
  });
});

describe('a bundle written chunk by chunk', () => {
  it('reports each snapshot read and written, and verifies', async () => {
    const ledger = await ledgerWith(5);
    const progress: BundleProgress[] = [];
    const chunks: Uint8Array[] = [];
    const { size } = await streamBundle(await sourceOf(ledger), (c) => void chunks.push(c.slice()), {
      onProgress: (p) => progress.push(p),
    });
    expect(progress.map((p) => `${p.phase} ${p.done}/${p.total}`)).toEqual([
      ...[1, 2, 3, 4, 5].map((n) => `hash ${n}/5`),
      ...[1, 2, 3, 4, 5].map((n) => `write ${n}/5`),
    ]);
    expect(progress.at(-1)!.item).toBe('snap-000005');
    const zip = new Uint8Array(size);
    chunks.reduce((offset, c) => (zip.set(c, offset), offset + c.length), 0);
    const report = await verifyBundle(zip);
    expect(report.problems).toEqual([]);
    expect(report.snapshots).toHaveLength(5);
    // A chunk per file and per central record: never the archive at once.
    expect(chunks.length).toBeGreaterThan(10);
  });

  it('stops when cancelled while writing, and writes nothing after', async () => {
    const ledger = await ledgerWith(4);
    let written = 0;
    let writtenAtCancel = -1;
    let stop = false;
    const run = streamBundle(await sourceOf(ledger), (c) => void (written += c.length), {
      onProgress: (p) => {
        if (p.phase === 'write' && p.done === 2) {
          stop = true;
          writtenAtCancel = written;
        }
      },
      cancelled: () => stop,
    });
    await expect(run).rejects.toBeInstanceOf(BundleCancelled);
    expect(written).toBe(writtenAtCancel);
  });
});

describe('what a bundle reads', () => {
  const joinedChunks = (chunks: Uint8Array[]) => {
    const zip = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    chunks.reduce((offset, c) => (zip.set(c, offset), offset + c.length), 0);
    return zip;
  };

  it('reads page copies and screenshots once: the manifest is made from the records and texts', async () => {
    const ledger = await ledgerWith(4);
    const source = await sourceOf(ledger);
    const full = [...ledger.snapshots.values()];
    let fullReadings = 0;
    let summaryReadings = 0;
    const chunks: Uint8Array[] = [];
    await streamBundle(
      {
        ...source,
        async *snapshots() {
          fullReadings++;
          yield* full;
        },
        async *summaries() {
          summaryReadings++;
          yield* full.map(({ dom: _dom, screenshot: _screenshot, ...summary }) => summary);
        },
      },
      (c) => void chunks.push(c.slice()),
    );
    expect([summaryReadings, fullReadings]).toEqual([1, 1]);
    const report = await verifyBundle(joinedChunks(chunks));
    expect(report.problems).toEqual([]);
    expect(report.snapshots).toHaveLength(4);
  });

  it('writes a stored file that no longer matches its record as it is, and the verifier names it', async () => {
    const ledger = await ledgerWith(3);
    const source = await sourceOf(ledger);
    const [first, second, third] = [...ledger.snapshots.values()];
    const damaged = { ...second!, text: `${second!.text} (改)` };
    const chunks: Uint8Array[] = [];
    await streamBundle(
      {
        ...source,
        async *snapshots() {
          yield* [first!, damaged, third!];
        },
      },
      (c) => void chunks.push(c.slice()),
    );
    const report = await verifyBundle(joinedChunks(chunks));
    const altered = report.problems.filter((p) => p.kind === 'file-altered');
    expect(altered.map((p) => 'path' in p && p.path)).toEqual([`snapshots/${second!.body.id}/text.txt`]);
  });
});
