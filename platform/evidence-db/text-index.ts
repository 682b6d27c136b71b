import { entryGrams, type SearchEntry } from '../../lib/evidence';
import { addGrams } from '../../lib/evidence/search-grams';
import { textOf } from './blobs';
import { nextTask } from './compaction';
import type { Db, Tx } from './schema';

/**
 * The text index (store `grams`, since version 4): for each gram of the
 * searched text (lib/evidence/search-grams.ts) and each block of GRAM_BLOCK
 * chain positions, the snapshots of that block that hold it. A text search
 * reads the postings of its needle's grams, then only the search entries they
 * name, and decides each by the entry itself (`entryDecision`), so its
 * results are exactly those of a search over every entry.
 *
 * Indexing a snapshot writes one posting per gram (about 1,500 for an order
 * page), far more than its capture writes, so a capture does not do it.
 * Instead `meta` keeps the chain position up to which every snapshot is in
 * the postings (`TEXT_INDEXED_THROUGH`); the snapshots after it (the tail) are
 * searched entry by entry. Folding the tail into the postings writes them and
 * moves that position in one transaction (a failed fold leaves both as they
 * were), in batches, once the tail is FOLD_AT long, and when the store opens
 * (a database upgraded to version 4 starts with everything in the tail).
 * A note adds its grams to the postings in the note's own transaction; a
 * deletion leaves its postings, which then name an entry no longer there; a
 * wipe empties the postings with everything else.
 */
export const TEXT_INDEXED_THROUGH = 'textIndexedThrough';

/** Chain positions per posting record: a dense posting is a bitmap of GRAM_BLOCK bits (512 bytes). */
export const GRAM_BLOCK = 4096;
/** Offsets a sparse posting holds at most (two bytes each): beyond, the bitmap is smaller. */
const SPARSE_MAX = GRAM_BLOCK / 16;
/** Tail length that starts a fold after a capture; snapshots folded per transaction. */
const FOLD_AT = 128;
const FOLD_BATCH = 512;
/** How long after the store opens the tail is looked at (the worker's first answers go first). */
const OPENED_CHECK_MS = 1000;
/** Whole page texts a fold reads at most (past the first): long order lists are folded a few at a time. */
const FOLD_CHARS = 2_000_000;

/** One posting: block `b`, gram `g`; `p` the offsets in the block, sorted (sparse) or a bitmap (dense). */
export interface Posting {
  b: number;
  g: number;
  p: Uint16Array | Uint8Array;
}

type MetaStore = { get(key: string): Promise<{ key: string; value: unknown } | undefined> };

/** The chain position through which every snapshot is in the postings (0: none). */
export async function indexedThrough(meta: MetaStore): Promise<number> {
  const value = (await meta.get(TEXT_INDEXED_THROUGH))?.value;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}

/** A posting as a bitmap of GRAM_BLOCK bits. */
export function bitmapOf(posting: Uint16Array | Uint8Array): Uint8Array {
  if (posting instanceof Uint8Array) return posting;
  const bits = new Uint8Array(GRAM_BLOCK / 8);
  for (const offset of posting) bits[offset >> 3]! |= 1 << (offset & 7);
  return bits;
}

/** The offsets of a bitmap, ascending. */
export function offsetsOf(bits: Uint8Array): number[] {
  const offsets: number[] = [];
  for (let i = 0; i < bits.length; i++) {
    const byte = bits[i]!;
    if (byte === 0) continue;
    for (let bit = 0; bit < 8; bit++) if (byte & (1 << bit)) offsets.push(i * 8 + bit);
  }
  return offsets;
}

/** A posting with `offsets` added: sparse while it is the smaller form. */
function merged(posting: Uint16Array | Uint8Array | undefined, offsets: readonly number[]): Uint16Array | Uint8Array {
  if (posting instanceof Uint8Array) {
    const bits = posting.slice();
    for (const offset of offsets) bits[offset >> 3]! |= 1 << (offset & 7);
    return bits;
  }
  const all = [...new Set([...(posting ?? []), ...offsets])].sort((x, y) => x - y);
  return all.length <= SPARSE_MAX ? Uint16Array.from(all) : bitmapOf(Uint16Array.from(all));
}

/** Adds the snapshots (chain position → grams) to the postings, block by block, in the caller's transaction. */
async function post(tx: Tx<'readwrite'>, grams: Map<number, Set<number>>): Promise<void> {
  const byBlock = new Map<number, Map<number, number[]>>();
  for (const [seq, set] of grams) {
    const block = Math.floor(seq / GRAM_BLOCK);
    const inBlock = byBlock.get(block) ?? byBlock.set(block, new Map()).get(block)!;
    for (const gram of set) {
      const offsets = inBlock.get(gram);
      if (offsets) offsets.push(seq % GRAM_BLOCK);
      else inBlock.set(gram, [seq % GRAM_BLOCK]);
    }
  }
  const store = tx.objectStore('grams');
  const writes: Promise<unknown>[] = [];
  for (const [block, inBlock] of byBlock) {
    // Few grams (a note): each posting read by its key; many (a fold): the block's postings in one read.
    const existing = new Map<number, Posting['p']>();
    if (inBlock.size > 64) {
      const range = IDBKeyRange.bound([block, -Infinity], [block, Infinity]);
      for (const posting of await store.getAll(range)) existing.set(posting.g, posting.p);
    } else {
      const found = await Promise.all([...inBlock.keys()].map((g) => store.get([block, g])));
      for (const posting of found) if (posting) existing.set(posting.g, posting.p);
    }
    for (const [g, offsets] of inBlock) writes.push(store.put({ b: block, g, p: merged(existing.get(g), offsets) }));
  }
  await Promise.all(writes);
}

/** A note's grams, posted for its snapshot in the note's transaction. */
export async function postNote(tx: Tx<'readwrite'>, seq: number, note: string): Promise<void> {
  await post(tx, new Map([[seq, addGrams(new Set(), `\u0000${note.toLowerCase()}`)]]));
}

export interface FoldResult {
  through: number;
  folded: number;
  more: boolean;
}

/**
 * Folds up to `max` snapshots of the tail into the postings and moves the
 * indexed position past them, in one transaction; nothing while the tail is
 * shorter than `min`.
 */
export async function foldTail(
  database: Db,
  { min = 1, max = FOLD_BATCH }: { min?: number; max?: number },
  beforeCommit?: () => void,
): Promise<FoldResult> {
  const tx = database.transaction(['search', 'blobs', 'meta', 'grams'], 'readwrite');
  try {
    const through = await indexedThrough(tx.objectStore('meta'));
    const search = tx.objectStore('search');
    // The record holding the first entry after `through` starts at or before it.
    const before = await search.openCursor(IDBKeyRange.upperBound(through), 'prev');
    const tail: SearchEntry[] = [];
    let more = false;
    for (let cursor = await search.openCursor(IDBKeyRange.lowerBound(before?.key ?? 0)); cursor;) {
      for (const entry of cursor.value.entries) {
        if (entry.seq <= through) continue;
        if (tail.length === max) more = true;
        else tail.push(entry);
      }
      if (more) break;
      cursor = await cursor.continue();
    }
    if (tail.length === 0 || (tail.length < min && !more)) {
      await tx.done;
      return { through, folded: 0, more: false };
    }
    // A page whose entry keeps only the start of its text is indexed by its whole text (up to 1,000,000
    // characters each): read one at a time, and the batch ends once FOLD_CHARS of them are in memory.
    const grams = new Map<number, Set<number>>();
    let chars = 0;
    for (const [i, e] of tail.entries()) {
      if (chars > FOLD_CHARS) {
        tail.length = i;
        more = true;
        break;
      }
      const text = e.whole ? undefined : textOf(await tx.objectStore('blobs').get([e.id, 'text'])).toLowerCase();
      chars += text?.length ?? 0;
      grams.set(e.seq, entryGrams(e, text));
    }
    await post(tx, grams);
    const last = tail[tail.length - 1]!.seq;
    await tx.objectStore('meta').put({ key: TEXT_INDEXED_THROUGH, value: last });
    beforeCommit?.();
    await tx.done;
    return { through: last, folded: tail.length, more };
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already finished or aborted
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
}

export interface FoldOptions {
  /** For tests: tail length that starts a fold after a capture (default FOLD_AT; Infinity: never). */
  textFoldAt?: number;
  /** For tests: simulate a failing write right before commit. */
  beforeCommit?: () => void;
}

/**
 * When the tail is folded: at opening, after a capture once the tail is
 * `textFoldAt` long, and on demand (`catchUp`: the bulk path, the bench). One
 * fold at a time; a failed fold is tried again at the next occasion (the
 * tail is searched all the same).
 */
export function textFolding(db: () => Promise<Db>, options: FoldOptions = {}) {
  const foldAt = options.textFoldAt ?? FOLD_AT;
  let through: number | null = null;
  let running: Promise<void> | null = null;
  let check: ReturnType<typeof setTimeout> | undefined;

  /** Folds batch after batch while the tail is at least `min` long. */
  async function loop(min: number): Promise<void> {
    for (;;) {
      const result = await foldTail(await db(), { min }, options.beforeCommit);
      through = result.through;
      if (!result.more) return;
      await nextTask();
    }
  }
  const run = (min: number): Promise<void> =>
    (running ??= loop(min).finally(() => {
      running = null;
    }));
  const soon = () =>
    void nextTask()
      .then(() => run(foldAt))
      .catch(() => undefined);

  /** How far the index is behind the chain, read without holding up writers or readers. */
  async function behind(): Promise<number> {
    const tx = (await db()).transaction(['meta', 'chain']);
    const [indexed, head] = await Promise.all([
      indexedThrough(tx.objectStore('meta')),
      tx.objectStore('chain').openCursor(null, 'prev'),
    ]);
    through ??= indexed;
    return (head?.value.seq ?? 0) - indexed;
  }

  return {
    /** After the store opened: the tail an earlier worker or an upgrade left, once the store is idle. */
    opened() {
      // After the requests a worker just started for have been answered; a fold only where the tail is long.
      if (foldAt !== Infinity)
        check = setTimeout(
          () =>
            void behind().then(
              (tail) => tail >= foldAt && soon(),
              () => undefined,
            ),
          OPENED_CHECK_MS,
        );
    },
    /** After a capture at chain position `seq` was acknowledged. */
    saved(seq: number) {
      if (through !== null && seq - through >= foldAt) soon();
    },
    /** Folds the whole tail (rejects when a fold fails). */
    async catchUp(): Promise<void> {
      await running?.catch(() => undefined);
      await run(1);
    },
    /** Settles once no fold is running, and looks at the tail no more (the store is closing). */
    async settled(): Promise<void> {
      clearTimeout(check);
      while (running) await running.catch(() => undefined);
    },
  };
}
