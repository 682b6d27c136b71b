/** Figures of the bench report: every measured number with its spread and run count. */
export interface Figure {
  median: number | null;
  min: number | null;
  max: number | null;
  runs: number;
  unit: string;
  goal?: string;
  met?: boolean | null;
  reason?: string;
  [extra: string]: unknown;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function figure(samples: readonly number[], unit: string, extra: Partial<Figure> = {}): Figure {
  const m = median(samples);
  return {
    median: m === null ? null : round(m),
    min: samples.length ? round(Math.min(...samples)) : null,
    max: samples.length ? round(Math.max(...samples)) : null,
    runs: samples.length,
    unit,
    ...extra,
  };
}

/** A figure that could not be measured, with the reason in the report. */
export function missing(unit: string, reason: string, extra: Partial<Figure> = {}): Figure {
  return { median: null, min: null, max: null, runs: 0, unit, met: null, reason, ...extra };
}

/** Sets `goal` and `met` for an upper bound on the median. */
export function atMost(f: Figure, limit: number, goal: string): Figure {
  return { ...f, goal, met: f.median === null ? null : f.median <= limit };
}

export function formatFigure(key: string, f: Figure): string {
  const unit = f.unit === 'count' ? '' : ` ${f.unit}`;
  const value =
    f.median === null
      ? `— (${f.reason ?? 'not measured'})`
      : f.runs <= 1
        ? `${f.median}${unit}`
        : `${f.median}${unit} median (min ${f.min}, max ${f.max}, ${f.runs} runs)`;
  const goal = f.goal
    ? `  goal ${f.goal}: ${f.met === null || f.met === undefined ? '—' : f.met ? 'met' : 'MISSED'}`
    : '';
  return `${key.padEnd(34)} ${value}${goal}`;
}
