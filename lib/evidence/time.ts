/**
 * Capture times are stored as UTC ISO instants and, for people in China
 * (and for claim windows, which run on Beijing time), as Asia/Shanghai local
 * time. China observes no daylight saving, so the offset is a constant +08:00.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function toUtcIso(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('invalid capture time');
  return instant.toISOString();
}

/** `2026-11-22T17:35:00+08:00` for the instant `2026-11-22T09:35:00.000Z`. */
export function shanghaiIso(instant: Date): string {
  const t = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  if (Number.isNaN(t.getTime())) throw new RangeError('invalid capture time');
  return (
    `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}` +
    `T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}+08:00`
  );
}

/** `2026-11-22 17:35:00` — the same time as people read it on the vendor's pages. */
export function shanghaiDisplay(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  return shanghaiIso(instant).slice(0, 19).replace('T', ' ');
}
