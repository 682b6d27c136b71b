import { canonicalJson } from './canonical';
import { GENESIS_HASH, sha256Hex } from './hash';
import type { ChainEntry, EntryType } from './schema';

/**
 * The hash chain over everything the locker records. Each entry names the
 * previous entry's hash, so removing, reordering or editing any entry breaks
 * every link after it. Content (a snapshot's fields, text, files) enters the
 * chain through `bodyHash`; deleting content keeps the entry, so the chain
 * verifies without the content it once covered.
 */
export interface ChainHead {
  seq: number;
  hash: string;
}

export const GENESIS: ChainHead = { seq: 0, hash: GENESIS_HASH };

const PREFIX: Record<EntryType, string> = { snapshot: 'snap', note: 'note', tombstone: 'tomb' };

/** Entry ids follow the chain position: `snap-000012` is the twelfth entry. */
export function entryId(type: EntryType, seq: number): string {
  return `${PREFIX[type]}-${String(seq).padStart(6, '0')}`;
}

export function entryHash(entry: Omit<ChainEntry, 'hash'>): Promise<string> {
  const { seq, type, id, ref, prevHash, bodyHash } = entry;
  return sha256Hex(canonicalJson({ seq, type, id, ref, prevHash, bodyHash }));
}

export async function nextEntry(
  head: ChainHead,
  type: EntryType,
  ref: string | null,
  bodyHash: string,
): Promise<ChainEntry> {
  const seq = head.seq + 1;
  const id = entryId(type, seq);
  const partial = { seq, type, id, ref: ref ?? id, prevHash: head.hash, bodyHash };
  return { ...partial, hash: await entryHash(partial) };
}

export type ChainProblem =
  | { kind: 'sequence'; seq: number; expected: number }
  | { kind: 'link'; seq: number }
  | { kind: 'hash'; seq: number }
  | { kind: 'id'; seq: number };

export interface ChainCheck {
  ok: boolean;
  length: number;
  head: ChainHead;
  problems: ChainProblem[];
}

/**
 * Checks that entries run 1, 2, 3… from genesis, that each names its
 * predecessor's hash and that each hash is right. Bodies are checked by the
 * caller, who holds them.
 */
export async function verifyChain(entries: readonly ChainEntry[]): Promise<ChainCheck> {
  const problems: ChainProblem[] = [];
  let prev: ChainHead = GENESIS;
  for (const [i, entry] of entries.entries()) {
    if (entry.seq !== i + 1) problems.push({ kind: 'sequence', seq: entry.seq, expected: i + 1 });
    if (entry.prevHash !== prev.hash) problems.push({ kind: 'link', seq: entry.seq });
    if (entry.id !== entryId(entry.type, entry.seq) || (entry.type === 'snapshot' && entry.ref !== entry.id)) {
      problems.push({ kind: 'id', seq: entry.seq });
    }
    if ((await entryHash(entry)) !== entry.hash) problems.push({ kind: 'hash', seq: entry.seq });
    prev = { seq: entry.seq, hash: entry.hash };
  }
  return { ok: problems.length === 0, length: entries.length, head: prev, problems };
}
