import { orderIdOf, type ListQuery } from './query';
import type { SnapshotBody } from './schema';

/**
 * The locker's search structure: per snapshot, only what `matchesQuery` looks
 * at, already lower-cased, so a filtered list reads a few hundred small
 * records instead of every snapshot with its page text.
 *
 * How much page text it keeps is a trade-off between bytes and speed. Page
 * text is stored deflated (an order list of 3,000 rows is 368 KB as text, 87 KB
 * deflated); a lower-cased copy in the search structure costs two bytes a
 * character in IndexedDB. So only the first SEARCH_TEXT_CHARS characters are
 * kept (4 KB at most; an order detail page, about 1,000 characters, fits
 * whole). An entry whose text was cut (`whole: false`) that a search does not
 * already match is decided by its full text, read and inflated from the store:
 * results are exactly those of `matchesQuery`, and only long pages pay the
 * extra read.
 */
export const SEARCH_TEXT_CHARS = 2000;

/** Separates the searched strings; a needle never spans two of them (see `entryDecision`). */
const SEPARATOR = '\u0000';

export interface SearchEntry {
  seq: number;
  id: string;
  vendor: string;
  orderId: string | null;
  /** Asia/Shanghai calendar date of the capture (YYYY-MM-DD). */
  day: string;
  /** Title, URL, capture note, field values and (the start of) the page text, lower-cased, separated by U+0000. */
  hay: string;
  /** The notes added later, lower-cased, each after a U+0000. */
  notes: string;
  /** Whether `hay` holds the whole page text. */
  whole: boolean;
}

export type SearchFilter = Omit<ListQuery, 'offset' | 'limit' | 'exactOrder' | 'countAll'> & { exactOrder?: boolean };

/**
 * The entry of one snapshot. Short strings that the kept text already contains
 * are left out: any needle found in them is found in the text too.
 */
export function searchEntry(
  body: SnapshotBody,
  seq: number,
  text: string,
  notes: readonly string[],
  textChars = SEARCH_TEXT_CHARS,
): SearchEntry {
  // Lower-case the whole text before cutting, so the kept part is exactly a prefix of the lower-cased text.
  const lowered = text.toLowerCase();
  const whole = lowered.length <= textChars;
  const kept = whole ? lowered : lowered.slice(0, textChars);
  const others = [body.title, body.url, body.note, ...Object.values(body.fields).map(String)].map((s) =>
    s.toLowerCase(),
  );
  const parts = [kept];
  for (const s of others) if (s !== '' && !parts.some((p) => p.includes(s))) parts.push(s);
  return {
    seq,
    id: body.id,
    vendor: body.vendor,
    orderId: orderIdOf(body.fields),
    day: body.capturedAtShanghai.slice(0, 10),
    hay: parts.join(SEPARATOR),
    notes: notes.map((n) => SEPARATOR + n.toLowerCase()).join(''),
    whole,
  };
}

/** The entry after a note was added to its snapshot. */
export const withNote = (entry: SearchEntry, note: string): SearchEntry => ({
  ...entry,
  notes: entry.notes + SEPARATOR + note.toLowerCase(),
});

/**
 * Whether the snapshot of `entry` passes the filters, as `matchesQuery` decides
 * for the snapshot itself: `true`, `false`, or `'full'` when only the full
 * snapshot can tell (its text was cut, or the needle holds the separator).
 */
export function entryDecision(entry: SearchEntry, query: SearchFilter): boolean | 'full' {
  if (query.vendor && entry.vendor !== query.vendor) return false;
  const wanted = query.orderId?.trim();
  if (wanted) {
    const orderId = entry.orderId;
    if (!orderId || (query.exactOrder ? orderId !== wanted : !orderId.includes(wanted))) return false;
  }
  if (query.from && entry.day < query.from) return false;
  if (query.to && entry.day > query.to) return false;
  const needle = query.search?.trim().toLowerCase();
  if (!needle) return true;
  // A needle with the separator in it could match across two strings: only the full record can tell.
  if (needle.includes(SEPARATOR)) return 'full';
  if (entry.hay.includes(needle) || entry.notes.includes(needle)) return true;
  return entry.whole ? false : 'full';
}
