import { monthBounds, monthOf, nextMonth, shanghaiDate, type IsoMonth } from '../time/zone';

/** A half-open span of time [start, end) in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/**
 * Merges intervals that overlap or touch: two records of one continuous failure
 * are one failure. Sorted output, no empty intervals. Idempotent.
 */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const next of sorted) {
    const last = out[out.length - 1];
    if (last && next.start <= last.end) last.end = Math.max(last.end, next.end);
    else out.push({ start: next.start, end: next.end });
  }
  return out;
}

/** Removes the parts of `from` covered by `cut` (both may be unsorted). */
export function subtractIntervals(from: readonly Interval[], cut: readonly Interval[]): Interval[] {
  const cuts = mergeIntervals(cut);
  const out: Interval[] = [];
  for (const piece of mergeIntervals(from)) {
    let start = piece.start;
    for (const c of cuts) {
      if (c.end <= start || c.start >= piece.end) continue;
      if (c.start > start) out.push({ start, end: c.start });
      start = Math.max(start, c.end);
      if (start >= piece.end) break;
    }
    if (start < piece.end) out.push({ start, end: piece.end });
  }
  return out;
}

/** The parts of the intervals inside [start, end). */
export function clipIntervals(intervals: readonly Interval[], start: number, end: number): Interval[] {
  return intervals
    .map((i) => ({ start: Math.max(i.start, start), end: Math.min(i.end, end) }))
    .filter((i) => i.end > i.start);
}

export function totalLength(intervals: readonly Interval[]): number {
  return intervals.reduce((sum, i) => sum + (i.end - i.start), 0);
}

/** Splits intervals at Asia/Shanghai month boundaries: month → the pieces inside it. */
export function splitByMonth(intervals: readonly Interval[]): Map<IsoMonth, Interval[]> {
  const out = new Map<IsoMonth, Interval[]>();
  for (const interval of mergeIntervals(intervals)) {
    let month = monthOf(shanghaiDate(interval.start));
    for (;;) {
      const bounds = monthBounds(month);
      const piece = clipIntervals([interval], bounds.start, bounds.end);
      if (piece.length) out.set(month, [...(out.get(month) ?? []), ...piece]);
      if (interval.end <= bounds.end) break;
      month = nextMonth(month);
    }
  }
  return out;
}
