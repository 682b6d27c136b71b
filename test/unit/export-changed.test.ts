import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { BundleSourceChanged } from '../../lib/evidence';
import { orderPayload, testSigner } from '../../lib/evidence/testing/ledger';
import { openEvidenceStore } from '../../platform/evidence-db';

// The export reads the store twice: records and texts for the manifest, then the files. A snapshot
// deleted in between would leave the manifest listing a file the archive lacks: the export stops.

describe('an export while the store changes', () => {
  it('stops as changed when a snapshot is deleted between the listing and the writing', async () => {
    const store = openEvidenceStore({ name: 'export-changed' });
    const payloads = Array.from({ length: 30 }, (_, i) => {
      const id = `2026112000000000${String(i).padStart(4, '0')}`;
      return orderPayload({ text: `订单号 ${id} 状态 已支付`, fields: { orderId: id, status: '已支付' } });
    });
    const ids = (await store.seed(payloads, new Date('2026-11-20T02:00:00Z'))).map((r) => r.id);
    let deleted: Promise<unknown> | null = null;
    let written = 0;
    const run = store.streamExport(
      {
        ids: null,
        now: new Date('2026-11-21T02:00:00Z'),
        generator: { name: 'refund-guard-test', version: '0.0.0' },
        locale: 'zh-CN',
        signer: await testSigner(),
      },
      async (chunk) => {
        // The manifest is being written: the deletion lands before the files are read.
        await deleted;
        written += chunk.length;
      },
      {
        onProgress: (p) => {
          if (p.phase === 'hash' && p.done === p.total)
            deleted = store.remove(ids[17]!, new Date('2026-11-21T02:00:01Z'));
        },
      },
    );
    await expect(run).rejects.toBeInstanceOf(BundleSourceChanged);
    expect(await deleted).toBe(true);
    // The manifest and the snapshots before the deleted one were written; the caller drops them all.
    expect(written).toBeGreaterThan(0);
    await store.close();
  });
});
