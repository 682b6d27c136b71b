import { GENESIS, verifyChain, type ChainHead } from './chain';
import { sha256Hex } from './hash';
import { orderIdOf } from './query';
import type { ChainEntry, NoteBody, SnapshotBody, TombstoneBody } from './schema';
import {
  bodyHash,
  fieldsFileBytes,
  isDuplicate,
  sealNote,
  sealSnapshot,
  sealTombstone,
  type PreparedCapture,
} from './snapshot';
import { legacyOrderSubject, siteOf } from './subject';

/**
 * The evidence ledger: the rules of appending to the hash chain, written once
 * over a small storage port. The worker's IndexedDB store
 * (platform/evidence-db) and the tests' in-memory store
 * (lib/evidence/testing/ledger.ts) are two ports under the same ledger.
 *
 * - append: one at a time in this context; each write is sealed against the
 *   head read just before and committed only if the head is still that one
 *   (another writer moved it: sealed again, up to five times);
 * - dedupe: a capture whose dedupe key equals its subject's newest snapshot
 *   is not appended;
 * - tombstones: a deletion keeps the chain entry and appends one of its own;
 * - verify: the chain, every body and every stored part re-hashed.
 */

export interface StoredNote {
  seq: number;
  chainHash: string;
  body: NoteBody;
}

/** A snapshot as the ledger knows it: the sealed body, its chain position and its notes. */
export interface LedgerSnapshot {
  id: string;
  seq: number;
  chainHash: string;
  subjectKey: string;
  body: SnapshotBody;
  notes: StoredNote[];
}

/** What the ledger reads before it seals; a port answers from one consistent view of its store. */
export interface LedgerView {
  head(): Promise<ChainHead>;
  /** The snapshots of a subject, newest first (read lazily: the ledger stops at the one it needs). */
  newestUnder(subjectKey: string): AsyncIterable<LedgerSnapshot>;
  snapshot(id: string): Promise<LedgerSnapshot | null>;
}

export type LedgerWrite<Extra> =
  | { type: 'snapshot'; entry: ChainEntry; snapshot: LedgerSnapshot; prepared: PreparedCapture; extra: Extra }
  | { type: 'note'; entry: ChainEntry; snapshotId: string; note: StoredNote }
  | { type: 'tombstone'; entry: ChainEntry; snapshotId: string; body: TombstoneBody };

export interface LedgerPort<Extra = undefined> {
  /** A read view for one sealing attempt. */
  view(): Promise<LedgerView>;
  /**
   * Writes entries in chain order with what they bring, all or nothing, only
   * while the head is still `expected`: false when another writer moved it
   * (nothing written). A note or tombstone whose snapshot is gone throws
   * `LedgerMissing`.
   */
  commit(expected: ChainHead, writes: readonly LedgerWrite<Extra>[]): Promise<boolean>;
}

/** A note or deletion for a snapshot that is not (or no longer) in the store. */
export class LedgerMissing extends Error {
  constructor(readonly snapshotId: string) {
    super(`no snapshot ${snapshotId}`);
    this.name = 'LedgerMissing';
  }
}

/** The chain kept moving under every attempt. */
export class LedgerBusy extends Error {
  constructor() {
    super('the evidence chain kept changing during the write');
    this.name = 'LedgerBusy';
  }
}

const ATTEMPTS = 5;

export const sameHead = (a: ChainHead, b: ChainHead): boolean => a.seq === b.seq && a.hash === b.hash;

export type AppendResult =
  | { status: 'saved'; snapshot: LedgerSnapshot; entry: ChainEntry; sealedOn: ChainHead }
  | { status: 'duplicate'; id: string };

/**
 * The subject's newest snapshot: under its key, or — saved before generic
 * orders were keyed by site — the newest of the same order from the same site.
 */
async function latestOf(view: LedgerView, prepared: PreparedCapture): Promise<LedgerSnapshot | null> {
  for await (const newest of view.newestUnder(prepared.subjectKey)) return newest;
  const orderId = orderIdOf(prepared.fields)?.trim();
  const legacy = orderId ? legacyOrderSubject(prepared.vendor, orderId) : null;
  if (legacy === null) return null;
  const site = siteOf(prepared.url);
  for await (const older of view.newestUnder(legacy)) if (siteOf(older.body.url) === site) return older;
  return null;
}

type SnapshotWrite<Extra> = Extract<LedgerWrite<Extra>, { type: 'snapshot' }>;

/** A capture sealed at `head`, as the write that appends it. */
async function sealed<Extra>(prepared: PreparedCapture, extra: Extra, head: ChainHead, previous: string | null) {
  const { body, entry } = await sealSnapshot(prepared, head, previous);
  const snapshot: LedgerSnapshot = {
    id: body.id,
    seq: entry.seq,
    chainHash: entry.hash,
    subjectKey: body.subjectKey,
    body,
    notes: [],
  };
  const write: SnapshotWrite<Extra> = { type: 'snapshot', entry, snapshot, prepared, extra };
  return { write, snapshot };
}

/** What one sealing attempt decided: an entry to write (and the result once written), or a result without a write. */
type Sealing<Extra, T> = { writes: LedgerWrite<Extra>[]; result: T } | { done: T };

export function createLedger<Extra = undefined>(port: LedgerPort<Extra>) {
  let tail: Promise<unknown> = Promise.resolve();
  /** Runs `task` after every append queued before it (writes in this context never interleave). */
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };

  /** Seals against the current head and commits; sealed again when another writer moved the head. */
  async function append<T>(seal: (view: LedgerView, head: ChainHead) => Promise<Sealing<Extra, T>>): Promise<T> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const view = await port.view();
      const head = await view.head();
      const sealed = await seal(view, head);
      if ('done' in sealed) return sealed.done;
      if (await port.commit(head, sealed.writes)) return sealed.result;
    }
    throw new LedgerBusy();
  }

  return {
    serial,

    /** Appends a prepared capture, or names the snapshot it repeats. */
    appendSnapshot(prepared: PreparedCapture, extra: Extra): Promise<AppendResult> {
      return serial(() =>
        append<AppendResult>(async (view, head) => {
          const latest = await latestOf(view, prepared);
          if (latest && isDuplicate(prepared, latest.body)) return { done: { status: 'duplicate', id: latest.id } };
          const { write, snapshot } = await sealed(prepared, extra, head, latest?.id ?? null);
          return { writes: [write], result: { status: 'saved', snapshot, entry: write.entry, sealedOn: head } };
        }),
      );
    },

    /**
     * The bulk path (seeding a store, the bench): many captures sealed one
     * after the other and committed together, each deduplicated against the
     * store and the batch. The same chain as appending them one by one.
     */
    appendBatch(items: readonly { prepared: PreparedCapture; extra: Extra }[]): Promise<AppendResult[]> {
      return serial(() =>
        append<AppendResult[]>(async (view, head) => {
          const writes: LedgerWrite<Extra>[] = [];
          const results: AppendResult[] = [];
          const inBatch = new Map<string, LedgerSnapshot>();
          let at = head;
          // Every read first: sealing hashes, and a port's view may not outlive a wait for anything else.
          const stored: (LedgerSnapshot | null)[] = [];
          for (const { prepared } of items) stored.push(await latestOf(view, prepared));
          for (const [i, { prepared, extra }] of items.entries()) {
            const latest = inBatch.get(prepared.subjectKey) ?? stored[i]!;
            if (latest && isDuplicate(prepared, latest.body)) {
              results.push({ status: 'duplicate', id: latest.id });
              continue;
            }
            const { write, snapshot } = await sealed(prepared, extra, at, latest?.id ?? null);
            writes.push(write);
            results.push({ status: 'saved', snapshot, entry: write.entry, sealedOn: at });
            inBatch.set(snapshot.subjectKey, snapshot);
            at = { seq: write.entry.seq, hash: write.entry.hash };
          }
          return writes.length ? { writes, result: results } : { done: results };
        }),
      );
    },

    /** Appends a note to a snapshot; null when there is no such snapshot. */
    addNote(snapshotId: string, text: string, now: Date): Promise<NoteBody | null> {
      return serial(() =>
        append<NoteBody | null>(async (view, head) => {
          if (!(await view.snapshot(snapshotId))) return { done: null };
          const { body, entry } = await sealNote(snapshotId, text, head, now);
          return {
            writes: [{ type: 'note', entry, snapshotId, note: { seq: entry.seq, chainHash: entry.hash, body } }],
            result: body,
          };
        }),
      );
    },

    /** Removes a snapshot's content behind a tombstone entry; false when there is no such snapshot. */
    remove(snapshotId: string, now: Date): Promise<boolean> {
      return serial(() =>
        append<boolean>(async (view, head) => {
          if (!(await view.snapshot(snapshotId))) return { done: false };
          const { body, entry } = await sealTombstone(snapshotId, head, now);
          return { writes: [{ type: 'tombstone', entry, snapshotId, body }], result: true };
        }),
      );
    },
  };
}

export type Ledger<Extra = undefined> = ReturnType<typeof createLedger<Extra>>;

/** The chain's last entry, genesis when there is none. */
export const headOf = (entries: readonly Pick<ChainEntry, 'seq' | 'hash'>[]): ChainHead => {
  const last = entries.at(-1);
  return last ? { seq: last.seq, hash: last.hash } : GENESIS;
};

// ── Verification of a whole store ──

/** A stored part as read back: its bytes, missing (null), or unreadable (the decoder failed). */
export type StoredPart = Uint8Array | null | 'unreadable';

export interface LedgerContents {
  /** The chain in order; tombstone entries carry their body. */
  entries: readonly (ChainEntry & { body?: TombstoneBody })[];
  snapshots: readonly LedgerSnapshot[];
  /** A snapshot's parts as stored (text and page copy decoded to their UTF-8). */
  parts(snapshot: LedgerSnapshot): Promise<{ text: StoredPart; dom: StoredPart; screenshot: Uint8Array | null }>;
  /** The snapshot id the search index holds at each chain position, when the store keeps one. */
  indexed?: ReadonlyMap<number, string>;
}

export interface StoreCheck {
  ok: boolean;
  length: number;
  problems: string[];
}

async function partProblem(part: StoredPart, sha256: string): Promise<'altered' | 'unreadable' | null> {
  if (part === 'unreadable') return 'unreadable';
  return !part || (await sha256Hex(part)) !== sha256 ? 'altered' : null;
}

async function snapshotProblems(
  s: LedgerSnapshot,
  contents: LedgerContents,
  bySeq: Map<number, ChainEntry>,
): Promise<string[]> {
  const problems: string[] = [];
  const entry = bySeq.get(s.seq);
  if (!entry || entry.id !== s.id || (await bodyHash(s.body)) !== entry.bodyHash)
    problems.push(`${s.id}: record altered`);
  const { text, dom, screenshot } = await contents.parts(s);
  const textProblem = await partProblem(text, s.body.parts.text.sha256);
  if (textProblem) problems.push(`${s.id}: text ${textProblem}`);
  if ((await sha256Hex(fieldsFileBytes(s.body.fields))) !== s.body.parts.fields.sha256)
    problems.push(`${s.id}: fields altered`);
  const domProblem = await partProblem(dom, s.body.parts.dom.sha256);
  if (domProblem) problems.push(`${s.id}: page copy ${domProblem}`);
  if ((s.body.parts.screenshot?.sha256 ?? null) !== (screenshot ? await sha256Hex(screenshot) : null))
    problems.push(`${s.id}: screenshot altered`);
  for (const n of s.notes) {
    const noteEntry = bySeq.get(n.seq);
    if (!noteEntry || (await bodyHash(n.body)) !== noteEntry.bodyHash) problems.push(`${n.body.id}: note altered`);
  }
  if (contents.indexed && contents.indexed.get(s.seq) !== s.id) problems.push(`${s.id}: missing from the search index`);
  return problems;
}

/** Re-walks the chain, re-hashes every body and stored part, and checks the search index covers every snapshot. */
export async function verifyLedger(contents: LedgerContents): Promise<StoreCheck> {
  const problems: string[] = [];
  const chain = await verifyChain(contents.entries.map(({ body: _body, ...entry }) => entry));
  for (const p of chain.problems) problems.push(`chain ${p.kind} at ${p.seq}`);
  const bySeq = new Map<number, ChainEntry>(contents.entries.map((e) => [e.seq, e]));
  for (const e of contents.entries)
    if (e.body && (await bodyHash(e.body)) !== e.bodyHash) problems.push(`${e.id}: tombstone altered`);
  for (const s of contents.snapshots) problems.push(...(await snapshotProblems(s, contents, bySeq)));
  const indexed = contents.indexed;
  if (indexed && indexed.size !== contents.snapshots.length) {
    problems.push(`search index holds ${indexed.size} entries for ${contents.snapshots.length} snapshots`);
  }
  return { ok: problems.length === 0, length: contents.entries.length, problems };
}
