import { z } from '../zod';
import { lazy } from '../lazy';
import { HOLIDAY_TABLE } from './holiday-table';
import {
  addCalendarDays,
  firstDayOfMonth,
  isIsoDate,
  lastDayOfMonth,
  weekday,
  yearOf,
  type IsoDate,
  type IsoMonth,
} from './zone';

/**
 * A year's official schedule supplied by the user, for when the State Council
 * publishes a new year before the dependency catches up. It replaces the
 * dependency's data for that year entirely.
 */
export interface YearOverride {
  year: number;
  /** Days off that would otherwise be working days (weekday holidays). Weekend days may be listed too. */
  holidays: IsoDate[];
  /** 调休上班: weekend days that are working days. */
  workdays: IsoDate[];
  /** Where the schedule was published, for the record. */
  source?: string;
}

const yearOverrideSchema = () =>
  z
    .strictObject({
      year: z.int().check(z.minimum(1990), z.maximum(2200)),
      holidays: z.array(z.string().check(z.refine(isIsoDate, 'must be a date written YYYY-MM-DD'))),
      workdays: z.array(z.string().check(z.refine(isIsoDate, 'must be a date written YYYY-MM-DD'))),
      source: z.optional(z.string()),
    })
    .check(
      z.superRefine((o, ctx) => {
        (['holidays', 'workdays'] as const).forEach((key) =>
          o[key].forEach((date, i) => {
            if (isIsoDate(date) && yearOf(date) !== o.year)
              ctx.addIssue({ code: 'custom', path: [key, i], message: `${date} is not in ${o.year}` });
          }),
        );
        const both = o.holidays.filter((d) => o.workdays.includes(d));
        if (both.length)
          ctx.addIssue({
            code: 'custom',
            path: ['workdays'],
            message: `listed as both holiday and working day: ${both.join(', ')}`,
          });
        if (o.holidays.length === 0)
          ctx.addIssue({
            code: 'custom',
            path: ['holidays'],
            message: 'a published schedule has holidays; an empty list is almost certainly a mistake',
          });
      }),
    );

/** The user's per-year overrides (built on first use: most calendars have none to check). */
export const yearOverridesSchema = lazy(() =>
  z.array(yearOverrideSchema()).check(
    z.superRefine((list, ctx) => {
      const seen = new Set<number>();
      list.forEach((o, i) => {
        if (seen.has(o.year))
          ctx.addIssue({ code: 'custom', path: [i, 'year'], message: `year ${o.year} is given twice` });
        seen.add(o.year);
      });
    }),
  ),
);

export interface DayInfo {
  date: IsoDate;
  business: boolean;
  /** True when the year has no official schedule here: decided on weekdays only. */
  estimated: boolean;
  /** Holiday name when the calendar knows one (e.g. "Spring Festival,春节,4"). */
  name?: string;
}

export interface CalendarResult {
  date: IsoDate;
  estimated: boolean;
}

export interface BusinessCalendar {
  /** Whether the official schedule of `year` is known (dependency or override). */
  covers(year: number): boolean;
  coveredYears(): number[];
  day(date: IsoDate): DayInfo;
  /** The `n`-th business day after `date` (`date` itself not counted), n ≥ 1. */
  addBusinessDays(date: IsoDate, n: number): CalendarResult;
  /** The `n`-th business day of a month, counting from its 1st. */
  nthBusinessDayOfMonth(month: IsoMonth, n: number): CalendarResult;
}

interface YearData {
  holidays: Map<IsoDate, string>;
  workdays: Map<IsoDate, string>;
}

function dependencyYears(): Map<number, YearData> {
  const years = new Map<number, YearData>();
  const get = (date: string) => {
    const y = yearOf(date);
    let entry = years.get(y);
    if (!entry) years.set(y, (entry = { holidays: new Map(), workdays: new Map() }));
    return entry;
  };
  const data = HOLIDAY_TABLE;
  for (const [date, name] of Object.entries(data.holidays)) get(date).holidays.set(date, name);
  for (const [date, name] of Object.entries(data.workdays)) get(date).workdays.set(date, name);
  return years;
}

let dependencyCache: Map<number, YearData> | undefined;

/** Statutory holidays whose dates are fixed by law, whatever the year's schedule (MM-DD → name). */
const FIXED_HOLIDAYS: Readonly<Record<string, string>> = {
  '01-01': "New Year's Day,元旦,1",
  '05-01': 'Labour Day,劳动节,1',
  '10-01': 'National Day,国庆节,1',
  '10-02': 'National Day,国庆节,2',
  '10-03': 'National Day,国庆节,3',
};

/**
 * The business-day calendar: the dependency's official schedules, then the
 * user's per-year overrides on top. Days of uncovered years are judged by
 * weekday alone and carry `estimated: true`.
 */
export function createCalendar(overrides: readonly YearOverride[] = []): BusinessCalendar {
  const parsed = overrides.length ? yearOverridesSchema().safeParse(overrides) : { success: true as const, data: [] };
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `overrides[${i.path.join('][')}]: ${i.message}`);
    throw new CalendarOverrideError(lines);
  }
  // The schedules are read on the calendar's first question, not when it is made (defaultCalendar is
  // made as this module loads, before the worker has read its data file).
  let built: Map<number, YearData> | undefined;
  const yearTable = () => {
    if (built) return built;
    dependencyCache ??= dependencyYears();
    built = new Map(dependencyCache);
    for (const o of parsed.data) {
      built.set(o.year, {
        holidays: new Map(o.holidays.map((d) => [d, 'holiday (override)'])),
        workdays: new Map(o.workdays.map((d) => [d, 'working day (override)'])),
      });
    }
    return built;
  };

  const covers = (year: number) => yearTable().has(year);
  const day = (date: IsoDate): DayInfo => {
    const data = yearTable().get(yearOf(date));
    const wd = weekday(date);
    const weekend = wd === 0 || wd === 6;
    if (!data) {
      // No published schedule: weekdays decide, except the statutory holidays
      // on fixed dates (FACTS.md: 1 Jan, 1 May, 1–3 Oct), which are always off.
      const fixed = FIXED_HOLIDAYS[date.slice(5)];
      return fixed
        ? { date, business: false, estimated: true, name: fixed }
        : { date, business: !weekend, estimated: true };
    }
    const work = data.workdays.get(date);
    if (work !== undefined) return { date, business: true, estimated: false, name: work };
    const off = data.holidays.get(date);
    if (off !== undefined) return { date, business: false, estimated: false, name: off };
    return { date, business: !weekend, estimated: false };
  };
  const walk = (from: IsoDate, n: number): CalendarResult => {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`business-day count must be a whole number ≥ 1, got ${n}`);
    let date = from;
    let left = n;
    let estimated = false;
    while (left > 0) {
      date = addCalendarDays(date, 1);
      const info = day(date);
      estimated ||= info.estimated;
      if (info.business) left -= 1;
    }
    return { date, estimated };
  };
  return {
    covers,
    coveredYears: () => [...yearTable().keys()].sort((a, b) => a - b),
    day,
    addBusinessDays: walk,
    nthBusinessDayOfMonth(month, n) {
      const result = walk(addCalendarDays(firstDayOfMonth(month), -1), n);
      if (result.date > lastDayOfMonth(month)) throw new RangeError(`${month} has fewer than ${n} business days`);
      return result;
    },
  };
}

export class CalendarOverrideError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid holiday calendar override:\n${issues.join('\n')}`);
    this.name = 'CalendarOverrideError';
  }
}

/** The calendar with the dependency's data only. */
export const defaultCalendar: BusinessCalendar = createCalendar();
