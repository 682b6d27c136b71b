import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every date the claims engine shows is a date in this zone (the vendors' own). */
export const CLAIMS_TIME_ZONE = 'Asia/Shanghai';

/** A calendar date, `YYYY-MM-DD`, in Asia/Shanghai. */
export type IsoDate = string;
/** A calendar month, `YYYY-MM`. */
export type IsoMonth = string;

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

/**
 * Asia/Shanghai has kept UTC+08:00 without daylight saving since 1991. From
 * 1992 on, dates are computed with that fixed offset (fast: deadlines are
 * computed by the thousand); earlier instants go through dayjs' time-zone
 * database. zone.test.ts checks the two agree.
 */
const FIXED_OFFSET_FROM = Date.UTC(1992, 0, 1);
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function fixedParts(ms: number) {
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
  };
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const INSTANT_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  return !!m && validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isIsoMonth(value: unknown): value is IsoMonth {
  if (typeof value !== 'string') return false;
  const m = MONTH_RE.exec(value);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/**
 * Epoch milliseconds of an ISO date or date-time. With `Z` or an offset the
 * instant is exact; without one the wall-clock time is read in Asia/Shanghai
 * (a date alone means the start of that day there). Null when the text is not
 * a real date (2026-02-30 is rejected, not rolled over).
 */
export function parseInstant(value: string): number | null {
  const m = INSTANT_RE.exec(value.trim());
  if (!m) return null;
  const [, ys, mos, ds, hs, mis, ss, mss, zone] = m;
  const y = Number(ys),
    mo = Number(mos),
    d = Number(ds);
  if (!validYmd(y, mo, d)) return null;
  const h = Number(hs ?? 0),
    mi = Number(mis ?? 0),
    s = Number(ss ?? 0);
  if (h > 23 || mi > 59 || s > 59) return null;
  const ms = Number((mss ?? '0').padEnd(3, '0'));
  const wallUtc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  if (!zone) {
    if (wallUtc - SHANGHAI_OFFSET_MS >= FIXED_OFFSET_FROM) return wallUtc - SHANGHAI_OFFSET_MS;
    const local = `${ys}-${mos}-${ds}T${pad(h)}:${pad(mi)}:${pad(s)}`;
    return dayjs.tz(local, CLAIMS_TIME_ZONE).valueOf() + ms;
  }
  if (zone === 'Z') return wallUtc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return wallUtc - sign * offsetMin * MINUTE_MS;
}

/** The Asia/Shanghai calendar date of an instant. */
export function shanghaiDate(ms: number): IsoDate {
  if (ms < FIXED_OFFSET_FROM) return dayjs(ms).tz(CLAIMS_TIME_ZONE).format('YYYY-MM-DD');
  const p = fixedParts(ms);
  return `${pad(p.y, 4)}-${pad(p.mo)}-${pad(p.day)}`;
}

/** The Asia/Shanghai wall time of an instant, with its offset: `2026-02-10T10:00:00+08:00`. */
export function shanghaiDateTime(ms: number): string {
  if (ms < FIXED_OFFSET_FROM) return dayjs(ms).tz(CLAIMS_TIME_ZONE).format('YYYY-MM-DDTHH:mm:ssZ');
  const p = fixedParts(ms);
  return `${pad(p.y, 4)}-${pad(p.mo)}-${pad(p.day)}T${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}+08:00`;
}

/** The same, always through dayjs' time-zone database (the reference the fast path is tested against). */
export function shanghaiDateTimeViaTz(ms: number): string {
  return dayjs(ms).tz(CLAIMS_TIME_ZONE).format('YYYY-MM-DDTHH:mm:ssZ');
}

/** First millisecond of a Shanghai calendar date. */
export function startOfDay(date: IsoDate): number {
  const ms = parseInstant(date);
  if (ms === null) throw new RangeError(`not a date: ${date}`);
  return ms;
}

/** Last millisecond of a Shanghai calendar date (a deadline "on" a date closes then). */
export function endOfDay(date: IsoDate): number {
  return startOfDay(addCalendarDays(date, 1)) - 1;
}

/** Pure calendar arithmetic on `YYYY-MM-DD` (no zone involved). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Calendar months later; the day is clamped to the month's end (Jan 31 + 1 month = Feb 28). */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  return dayjs.utc(date).add(months, 'month').format('YYYY-MM-DD');
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function monthOf(date: IsoDate): IsoMonth {
  return date.slice(0, 7);
}

export function nextMonth(month: IsoMonth): IsoMonth {
  return dayjs.utc(`${month}-01`).add(1, 'month').format('YYYY-MM');
}

export function firstDayOfMonth(month: IsoMonth): IsoDate {
  return `${month}-01`;
}

export function lastDayOfMonth(month: IsoMonth): IsoDate {
  return dayjs.utc(`${month}-01`).endOf('month').format('YYYY-MM-DD');
}

/** The month as instants: [start, end) in Asia/Shanghai. */
export function monthBounds(month: IsoMonth): { start: number; end: number } {
  return { start: startOfDay(firstDayOfMonth(month)), end: startOfDay(firstDayOfMonth(nextMonth(month))) };
}

/** Whole calendar days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * A time as order pages show it (Beijing wall time, "2026-11-18 10:59:07" or
 * "2026-11-18T10:59") → an ISO instant with +08:00; a date alone stays a date
 * (the start of that day in Asia/Shanghai). Null when it is not a real time.
 */
export function pageTimeToIso(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const m = text.trim().match(/^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2})(?::(\d{2}))?)?$/);
  if (!m) return null;
  const iso = m[2] ? `${m[1]}T${m[2]}:${m[3] ?? '00'}+08:00` : m[1]!;
  return parseInstant(iso) === null ? null : iso;
}
