/**
 * The part of `chinese-days`' data the extension uses: the holidays and 调休
 * working days of the newest year it publishes and of the two years before
 * (deadlines of last year's orders and this year's). Older schedules decide no
 * deadline that is still open, and carrying all of them since 2004 made the
 * worker and the popup each ship 37 KB more. The calendar reads only these
 * years, and the build (wxt.config.ts) ships only these years, so what runs in
 * tests is what runs in the browser.
 */
export interface HolidayData {
  /** ISO date → "English,中文,days". */
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** How many years back from the newest published schedule are kept (the newest included). */
export const HOLIDAY_YEARS_KEPT = 3;

/** The years a schedule is kept for, given every date the dependency knows. */
export function keptHolidayYears(dates: Iterable<string>): number[] {
  let newest = -Infinity;
  for (const date of dates) newest = Math.max(newest, Number(date.slice(0, 4)));
  return Number.isFinite(newest)
    ? Array.from({ length: HOLIDAY_YEARS_KEPT }, (_, i) => newest - HOLIDAY_YEARS_KEPT + 1 + i)
    : [];
}

/** The dependency's data cut to the kept years (and to the two tables the calendar reads). */
export function slimHolidayData(data: HolidayData): HolidayData {
  const years = new Set(keptHolidayYears([...Object.keys(data.holidays), ...Object.keys(data.workdays)]));
  const keep = (table: Record<string, string>) =>
    Object.fromEntries(Object.entries(table).filter(([date]) => years.has(Number(date.slice(0, 4)))));
  return { holidays: keep(data.holidays), workdays: keep(data.workdays) };
}
