import { extentOf, shortDate, textWidth, type PlacedText } from './text';

/**
 * "By when?": the geometry of the routes' timeline, from payment to the last
 * window's end. One row per route (a caption line above a bar), a "today"
 * marker across the rows and an axis with the first and last dates. Pure: the
 * component draws what this returns, and tests check positions and that no
 * two labels of a line overlap.
 */

export type TimelineStatus = 'open' | 'needs-answers' | 'closed' | 'ruled-out';

export interface TimelineBar {
  id: string;
  label: string;
  status: TimelineStatus;
  /** When the window opens, if later than payment (an SLA claim), ms and its date. */
  opens: number | null;
  opensOn: string | null;
  /** The window's last instant and its date; null when the sources leave it open (no date yet). */
  closes: number | null;
  closesOn: string | null;
  estimated: boolean;
}

export interface TimelineInput {
  paidAt: number;
  paidOn: string;
  now: number;
  today: string;
  bars: TimelineBar[];
}

export interface TimelineRow {
  id: string;
  status: TimelineStatus;
  top: number;
  /** The caption (name and status) starts at x 0 on this baseline and must end before `maxWidth`. */
  caption: { y: number; maxWidth: number };
  bar: { x: number; y: number; w: number; h: number };
  /** The window has no end date: the bar runs to the axis end and is drawn open. */
  openEnded: boolean;
  dates: PlacedText[];
}

export interface TimelineGeometry {
  width: number;
  height: number;
  /** The axis runs from `start` (payment) to `end` (the last window's end, or now when later), in ms. */
  start: number;
  end: number;
  rows: TimelineRow[];
  today: { x: number; top: number; bottom: number; label: PlacedText };
  axis: { y: number; labels: PlacedText[] };
}

export const TIMELINE = {
  captionSize: 12,
  dateSize: 11,
  rowHeight: 36,
  barHeight: 10,
  todayBand: 24,
  axisBand: 22,
  gap: 4,
  /** A bar never narrower than this: a window of one day (or hours) stays visible. */
  minBar: 4,
  /** The caption keeps at least this much room before a date on its line. */
  minCaption: 60,
  /** Shortest axis: a week, so that windows of a few hours are not stretched across the picture. */
  minSpanMs: 7 * 86_400_000,
} as const;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The axis: payment to the latest of every window end, every opening and now; at least a week. */
function span(input: TimelineInput): { start: number; end: number } {
  const start = input.paidAt;
  const ends = input.bars.flatMap((b) => [b.closes, b.opens].filter((v): v is number => v !== null));
  const end = Math.max(start + TIMELINE.minSpanMs, input.now, ...ends);
  return { start, end };
}

function fitsLine(label: PlacedText, width: number): boolean {
  const [l, r] = extentOf(label, TIMELINE.dateSize);
  return l >= 0 && r <= width;
}

/** Where a row's date labels go: beside the bar's ends on the bar's line, else shortened, else on the caption line. */
function placeDates(
  bar: TimelineBar,
  x0: number,
  x1: number,
  lines: { caption: number; bar: number },
  width: number,
): PlacedText[] {
  const { gap, dateSize } = TIMELINE;
  const out: PlacedText[] = [];
  let end: PlacedText | null = null;
  if (bar.closesOn) {
    for (const text of [bar.closesOn, shortDate(bar.closesOn)]) {
      const beside: PlacedText = { x: x1 + gap, y: lines.bar, text, anchor: 'start' };
      if (fitsLine(beside, width)) {
        end = beside;
        break;
      }
    }
    // No room after the bar (it runs to the axis end): above its end, on the caption line.
    end ??= {
      x: clamp(x1, textWidth(bar.closesOn, dateSize), width),
      y: lines.caption,
      text: bar.closesOn,
      anchor: 'end',
    };
    out.push(end);
  }
  // The opening date, when the window does not open at payment and is not the same day as the close.
  if (bar.opensOn && bar.opens !== null && bar.opensOn !== bar.closesOn) {
    let start: PlacedText | null = null;
    for (const text of [bar.opensOn, shortDate(bar.opensOn)]) {
      const before: PlacedText = { x: x0 - gap, y: lines.bar, text, anchor: 'end' };
      if (fitsLine(before, width)) {
        start = before;
        break;
      }
    }
    if (!start && x0 >= TIMELINE.minCaption)
      start = { x: x0, y: lines.caption, text: shortDate(bar.opensOn), anchor: 'start' };
    if (start && end && start.y === end.y && extentOf(start, dateSize)[1] + gap > extentOf(end, dateSize)[0]) {
      // Both above the bar and touching: one label for the window, "12-08–01-30".
      const text = `${shortDate(bar.opensOn)}–${shortDate(bar.closesOn!)}`;
      out[out.indexOf(end)] = { x: clamp(x1, textWidth(text, dateSize), width), y: lines.caption, text, anchor: 'end' };
      start = null;
    }
    if (start) out.push(start);
  }
  return out;
}

/** The timeline's geometry at `width` px (the popup's 380 px leaves about 340 for the picture). */
export function timelineGeometry(input: TimelineInput, width: number, todayText: string): TimelineGeometry {
  const { start, end } = span(input);
  const x = (t: number) => clamp(((t - start) / (end - start)) * width, 0, width);
  const rows: TimelineRow[] = input.bars.map((bar, i) => {
    const top = TIMELINE.todayBand + i * TIMELINE.rowHeight;
    const lines = { caption: top + 12, bar: top + 27 };
    let x0 = x(bar.opens ?? input.paidAt);
    const x1raw = bar.closes === null ? width : x(bar.closes);
    let x1 = Math.max(x1raw, x0 + TIMELINE.minBar);
    if (x1 > width) {
      x1 = width;
      x0 = width - TIMELINE.minBar;
    }
    const dates = placeDates(bar, x0, x1, lines, width);
    const onCaption = dates.filter((d) => d.y === lines.caption).map((d) => extentOf(d, TIMELINE.dateSize)[0]);
    const maxWidth = Math.max(0, Math.min(width, ...onCaption.map((left) => left - 2 * TIMELINE.gap)));
    return {
      id: bar.id,
      status: bar.status,
      top,
      caption: { y: lines.caption, maxWidth },
      bar: { x: x0, y: top + 18, w: x1 - x0, h: TIMELINE.barHeight },
      openEnded: bar.closes === null,
      dates,
    };
  });
  const bottom = TIMELINE.todayBand + rows.length * TIMELINE.rowHeight;
  const todayX = x(input.now);
  const todayWidth = textWidth(todayText, TIMELINE.dateSize);
  const labelX = clamp(todayX, todayWidth / 2, width - todayWidth / 2);
  const axisY = bottom + 4;
  return {
    width,
    height: axisY + TIMELINE.axisBand,
    start,
    end,
    rows,
    today: {
      x: todayX,
      top: TIMELINE.todayBand - 4,
      bottom: axisY,
      label: { x: labelX, y: 11, text: todayText, anchor: 'middle' },
    },
    axis: {
      y: axisY,
      labels: [
        { x: 0, y: axisY + 15, text: input.paidOn, anchor: 'start' },
        { x: width, y: axisY + 15, text: endDateOf(input, end), anchor: 'end' },
      ],
    },
  };
}

/** The axis end's date: the latest window end's date when it is the end, else today's. */
function endDateOf(input: TimelineInput, end: number): string {
  const last = input.bars.find((b) => b.closes === end)?.closesOn ?? input.bars.find((b) => b.opens === end)?.opensOn;
  if (last) return last;
  if (end === input.now) return input.today;
  // The one-week minimum: a date a week after payment, computed on the calendar (no zone needed).
  const d = new Date(Date.parse(`${input.paidOn}T00:00:00Z`) + 7 * 86_400_000);
  return d.toISOString().slice(0, 10);
}
