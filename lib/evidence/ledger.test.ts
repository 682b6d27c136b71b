import { describe, expect, it } from 'vitest';
import { translator } from '../i18n';
import { captureFailureMessage } from './capture-failure';
import { GENESIS, verifyChain, type ChainHead } from './chain';
import { createLedger, headOf, LedgerBusy, sameHead, type LedgerPort, type LedgerSnapshot } from './ledger';
import type { ChainEntry } from './schema';
import { prepareCapture } from './snapshot';
import { memoryLedger, orderPayload } from './testing/ledger';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 18, 2, minutes));

/** A port over an array whose head another writer moves `moves` times, right after each read. */
function racedPort(moves: number) {
  const entries: ChainEntry[] = [];
  const snapshots: LedgerSnapshot[] = [];
  let left = moves;
  const port: LedgerPort = {
    async view() {
      const head = headOf(entries);
      if (left-- > 0) {
        // Another context appends a note entry after this view was read.
        const other = createLedger(racedPortOver(entries, snapshots));
        await other.addNote(snapshots[0]!.id, `另一标签页的备注 ${left}`, at(30));
      }
      return {
        head: async () => head,
        async *newestUnder() {},
        snapshot: async (id) => snapshots.find((s) => s.id === id) ?? null,
      };
    },
    async commit(expected, writes) {
      if (!sameHead(headOf(entries), expected)) return false;
      for (const write of writes) {
        entries.push(write.entry);
        if (write.type === 'snapshot') snapshots.push(write.snapshot);
      }
      return true;
    },
  };
  return { port, entries, snapshots };
}

function racedPortOver(entries: ChainEntry[], snapshots: LedgerSnapshot[]): LedgerPort {
  return {
    view: async () => ({
      head: async (): Promise<ChainHead> => headOf(entries),
      async *newestUnder() {},
      snapshot: async (id) => snapshots.find((s) => s.id === id) ?? null,
    }),
    async commit(expected, writes) {
      if (!sameHead(headOf(entries), expected)) return false;
      entries.push(...writes.map((w) => w.entry));
      return true;
    },
  };
}

describe('the ledger over a storage port', () => {
  it('seals again when another writer moved the head, so the chain stays one line', async () => {
    const { port, entries } = racedPort(0);
    const ledger = createLedger(port);
    const first = await ledger.appendSnapshot(await prepareCapture(orderPayload(), null, at(0)), undefined);
    expect(first.status).toBe('saved');
    const raced = racedPort(2);
    raced.entries.push(...entries);
    raced.snapshots.push(...(first.status === 'saved' ? [first.snapshot] : []));
    const note = await createLedger(raced.port).addNote(raced.snapshots[0]!.id, '客服答复：可退款', at(40));
    expect(note?.text).toBe('客服答复：可退款');
    // Two notes from the other writer, then this one, linked to the head it finally saw.
    expect(raced.entries.map((e) => e.type)).toEqual(['snapshot', 'note', 'note', 'note']);
    expect((await verifyChain(raced.entries)).ok).toBe(true);
  });

  it('gives up after five moved heads and writes nothing', async () => {
    const raced = racedPort(0);
    const ledger = createLedger(raced.port);
    await ledger.appendSnapshot(await prepareCapture(orderPayload(), null, at(0)), undefined);
    const busy = racedPort(99);
    busy.entries.push(...raced.entries);
    busy.snapshots.push(...raced.snapshots);
    await expect(createLedger(busy.port).remove(busy.snapshots[0]!.id, at(50))).rejects.toBeInstanceOf(LedgerBusy);
    expect(busy.entries.filter((e) => e.type === 'tombstone')).toHaveLength(0);
  });

  it('answers a note or deletion for an unknown snapshot without touching the chain', async () => {
    const { port, entries } = racedPort(0);
    const ledger = createLedger(port);
    expect(await ledger.addNote('snap-000009', '无此快照', at(1))).toBeNull();
    expect(await ledger.remove('snap-000009', at(1))).toBe(false);
    expect(headOf(entries)).toEqual(GENESIS);
  });

  it('verifies the in-memory store and names a part edited behind its back', async () => {
    const ledger = memoryLedger();
    const { id } = await ledger.capture(orderPayload(), at(0));
    await ledger.note(id, '已截图', at(1));
    expect(await ledger.verify()).toEqual({ ok: true, length: 2, problems: [] });
    ledger.snapshots.get(id)!.text = ledger.snapshots.get(id)!.text.replace('已支付', '已退款');
    expect((await ledger.verify()).problems).toEqual([`${id}: text altered`]);
  });
});

describe('a failed capture in the user’s language', () => {
  const failure = { reason: 'quota', message: 'QuotaExceededError' } as const;

  it('says what happened in zh-CN and en, with the store’s detail', () => {
    const zh = captureFailureMessage(failure, translator('zh-CN'));
    const en = captureFailureMessage(failure, translator('en'));
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
    expect(zh).not.toBe(en);
  });

  it('lets the caller word one reason its own way', () => {
    const t = translator('en');
    const own = captureFailureMessage({ reason: 'not-allowed', message: 'chrome://' }, t, {
      'not-allowed': 'capture.error.noAccess',
    });
    expect(own).toBe(t('capture.error.noAccess', { message: 'chrome://' }));
    expect(own).not.toBe(captureFailureMessage({ reason: 'not-allowed', message: 'chrome://' }, t));
  });
});
