import { extentOf, textWidth, type PlacedText } from './text';

/**
 * The SLA pictures' geometry (pure; components/sla draws it): the month as a
 * strip of its days with each logged outage as a mark, the availability
 * against the SLA's lines, and a year of months as bars. Times are ms.
 */

export interface Span {
  start: number;
  end: number;
}

export interface MonthStripInput {
  /** The month's first and last instant + 1 (Asia/Shanghai), and its number of days. */
  start: number;
  end: number;
  days: number;
  counted: Span[];
  /** Excluded outages with their labels ("§2.3 (7) 不可抗力"). */
  excluded: (Span & { label: string })[];
}

export interface StripMark {
  x: number;
  w: number;
  /** Centre of the mark (where its triangle or diamond sits). */
  cx: number;
}

export interface MonthStripGeometry {
  width: number;
  height: number;
  /** Lanes: counted outages above, excluded ones below, across the whole month. */
  lanes: { counted: { y: number; h: number }; excluded: { y: number; h: number } };
  days: { day: number; x: number; w: number; label: boolean }[];
  dayLabelY: number;
  counted: StripMark[];
  excluded: (StripMark & { label: PlacedText; leaderTo: number })[];
}

export const STRIP = {
  labelSize: 12,
  daySize: 10,
  markerBand: 10,
  laneHeight: 16,
  /** A one-minute outage is still a mark you can see. */
  minMark: 3,
  labelLine: 16,
  gap: 6,
} as const;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * Labels on as few lines as possible: each at its mark (kept inside the picture), on the first
 * line where it overlaps nothing.
 */
function stackLabels(marks: { cx: number; text: string }[], width: number, firstY: number): PlacedText[] {
  const lines: PlacedText[][] = [];
  return marks.map(({ cx, text }) => {
    const w = textWidth(text, STRIP.labelSize);
    const x = clamp(cx - w / 2, 0, Math.max(0, width - w));
    for (let i = 0; ; i++) {
      const line = (lines[i] ??= []);
      const label: PlacedText = { x, y: firstY + i * STRIP.labelLine, text, anchor: 'start' };
      const [l, r] = extentOf(label, STRIP.labelSize);
      if (
        line.every((o) => {
          const [ol, or] = extentOf(o, STRIP.labelSize);
          return r + STRIP.gap <= ol || l >= or + STRIP.gap;
        })
      ) {
        line.push(label);
        return label;
      }
    }
  });
}

export function monthStrip(input: MonthStripInput, width: number): MonthStripGeometry {
  const span = input.end - input.start;
  const x = (t: number) => clamp(((t - input.start) / span) * width, 0, width);
  const mark = (s: Span): StripMark => {
    const x0 = x(s.start);
    const x1 = x(s.end);
    const w = Math.max(STRIP.minMark, x1 - x0);
    const left = clamp(x0, 0, width - w);
    return { x: left, w, cx: left + w / 2 };
  };
  const cell = width / input.days;
  // Every day numbered when there is room, else the 1st, every 5th and the last.
  const every = cell >= textWidth('31', STRIP.daySize) + 4;
  const days = Array.from({ length: input.days }, (_, i) => ({
    day: i + 1,
    x: i * cell,
    w: cell,
    label: every || i === 0 || (i + 1) % 5 === 0 || i === input.days - 1,
  }));
  const counted = { y: STRIP.markerBand, h: STRIP.laneHeight };
  const excluded = { y: counted.y + counted.h, h: STRIP.laneHeight };
  const dayLabelY = excluded.y + excluded.h + 13;
  const firstLabelY = dayLabelY + 22;
  const excludedMarks = input.excluded.map((s) => ({ ...mark(s), text: s.label }));
  const labels = stackLabels(
    excludedMarks.map((m) => ({ cx: m.cx, text: m.text })),
    width,
    firstLabelY,
  );
  const lastY = labels.reduce((max, l) => Math.max(max, l.y), dayLabelY);
  return {
    width,
    height: lastY + 6,
    lanes: { counted, excluded },
    days,
    dayLabelY,
    counted: input.counted.map(mark),
    excluded: excludedMarks.map((m, i) => ({
      x: m.x,
      w: m.w,
      cx: m.cx,
      label: labels[i]!,
      leaderTo: labels[i]!.y - STRIP.labelSize + 2,
    })),
  };
}

/**
 * Where an availability sits on the SLA's scale, 0 (worst) to 1 (100%). The
 * scale gives each band between the lines (the commitment, then each tier's
 * lower bound: 99.9 / 99 / 95 for Exmail) the same width, so that 99.95% and
 * 99.5% are as far apart as 99% and 95%; below the lowest line the last band
 * is as many points wide as the band above it.
 */
export function availabilityScale(lines: readonly number[]): {
  position: (availability: number) => number;
  bands: { from: number; to: number; left: number; right: number }[];
} {
  const sorted = [...lines].sort((a, b) => b - a);
  const lowest = sorted[sorted.length - 1]!;
  const above = sorted.length > 1 ? sorted[sorted.length - 2]! : 100;
  const floor = Math.max(0, lowest - (above - lowest));
  const edges = [100, ...sorted, floor];
  const n = edges.length - 1;
  // Band i (from the right): edges[i] down to edges[i + 1].
  const bands = Array.from({ length: n }, (_, i) => ({
    from: edges[i + 1]!,
    to: edges[i]!,
    left: (n - i - 1) / n,
    right: (n - i) / n,
  }));
  const position = (a: number) => {
    if (a >= 100) return 1;
    if (a <= floor) return 0;
    const band = bands.find((b) => a >= b.from && a <= b.to)!;
    return band.left + ((a - band.from) / (band.to - band.from)) * (band.right - band.left);
  };
  return { position, bands: [...bands].reverse() };
}

export interface GaugeGeometry {
  width: number;
  /** Bands left (worst) to right (100%), with the line values at their edges. */
  bands: { x: number; w: number; from: number; to: number }[];
  lines: { x: number; value: number; label: PlacedText }[];
  marker: { x: number; label: PlacedText };
}

/** The availability gauge: bands, the SLA's lines with their values, and the month's marker with its value. */
export function availabilityGauge(
  lines: readonly number[],
  availability: number,
  availabilityText: string,
  width: number,
): GaugeGeometry {
  const scale = availabilityScale(lines);
  const bands = scale.bands.map((b) => ({ x: b.left * width, w: (b.right - b.left) * width, from: b.from, to: b.to }));
  const x = scale.position(availability) * width;
  const w = textWidth(availabilityText, STRIP.labelSize);
  return {
    width,
    bands,
    lines: [...lines]
      .sort((a, b) => a - b)
      .map((value) => {
        const lx = scale.position(value) * width;
        return { x: lx, value, label: { x: lx, y: 0, text: `${value}%`, anchor: 'middle' as const } };
      }),
    marker: { x, label: { x: clamp(x, w / 2, width - w / 2), y: 0, text: availabilityText, anchor: 'middle' } },
  };
}
