import type { SearchEntry } from './search';

/**
 * The grams of the text index: every two and three consecutive UTF-16 code
 * units of a searched string, as numbers (a bigram below 2^32, a trigram
 * above it). A string that contains a needle contains every gram of the
 * needle, so the snapshots holding all of a needle's grams are a superset of
 * those matching it: the index narrows, the entry itself decides. Grams with
 * U+0000 (the separator of `SearchEntry.hay`) are left out: a needle holding
 * it is decided by the full snapshot, never by the index.
 */
const TRIGRAM = 2 ** 32;

const bigram = (a: number, b: number) => a * 65_536 + b;
const trigram = (a: number, b: number, c: number) => TRIGRAM + (a * 65_536 + b) * 65_536 + c;

/** Adds the grams of `text` (already lower-cased) to `into`. */
export function addGrams(into: Set<number>, text: string): Set<number> {
  for (let i = 0; i + 1 < text.length; i++) {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    if (a === 0 || b === 0) continue;
    into.add(bigram(a, b));
    if (i + 2 < text.length) {
      const c = text.charCodeAt(i + 2);
      if (c !== 0) into.add(trigram(a, b, c));
    }
  }
  return into;
}

/**
 * The grams under which an entry is indexed: of its `hay` and `notes`, and of
 * the whole lower-cased page text where `hay` holds only its start.
 */
export function entryGrams(entry: Pick<SearchEntry, 'hay' | 'notes'>, wholeText?: string): Set<number> {
  const grams = addGrams(addGrams(new Set<number>(), entry.hay), entry.notes);
  return wholeText === undefined ? grams : addGrams(grams, wholeText);
}

/** Grams of a long needle looked up at most: any subset narrows correctly, more only narrows further. */
const NEEDLE_GRAMS = 8;

/**
 * The grams to look a needle up by (trimmed and lower-cased as `entryDecision`
 * does), or null when the index cannot narrow it: a single character, or a
 * needle with the separator. Two characters: their bigram; longer: trigrams
 * spread over the needle, first and last included.
 */
export function needleGrams(search: string | undefined): number[] | null {
  const needle = search?.trim().toLowerCase() ?? '';
  if (needle.length < 2 || needle.includes('\u0000')) return null;
  if (needle.length === 2) return [bigram(needle.charCodeAt(0), needle.charCodeAt(1))];
  const all = [...addGrams(new Set<number>(), needle)].filter((g) => g >= TRIGRAM);
  if (all.length <= NEEDLE_GRAMS) return all;
  return Array.from({ length: NEEDLE_GRAMS }, (_, i) => all[Math.round((i * (all.length - 1)) / (NEEDLE_GRAMS - 1))]!);
}
