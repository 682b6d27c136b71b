import { getDayDetail } from 'chinese-days';
import full from 'chinese-days/dist/chinese-days.json';
import { describe, expect, it } from 'vitest';
import { defaultCalendar } from './calendar';
import { HOLIDAY_YEARS_KEPT, keptHolidayYears, slimHolidayData } from './holiday-data';
import { addCalendarDays, type IsoDate } from './zone';

// The build ships `slimHolidayData(chinese-days.json)` (wxt.config.ts); the calendar reads the same.
const slim = slimHolidayData(full);
const years = keptHolidayYears(Object.keys(full.holidays));

function* daysOf(year: number): Generator<IsoDate> {
  for (let date = `${year}-01-01` as IsoDate; date.startsWith(String(year)); date = addCalendarDays(date, 1))
    yield date;
}

describe('the holiday table the extension ships', () => {
  it('holds the newest schedule chinese-days publishes and the two years before it, and nothing older', () => {
    const newest = Math.max(...Object.keys(full.holidays).map((d) => Number(d.slice(0, 4))));
    expect(years).toEqual(Array.from({ length: HOLIDAY_YEARS_KEPT }, (_, i) => newest - HOLIDAY_YEARS_KEPT + 1 + i));
    const shipped = new Set(
      [...Object.keys(slim.holidays), ...Object.keys(slim.workdays)].map((d) => Number(d.slice(0, 4))),
    );
    expect([...shipped].sort()).toEqual(years);
    expect(defaultCalendar.coveredYears()).toEqual(years);
    expect(defaultCalendar.covers(years[0]! - 1)).toBe(false);
  });

  it('agrees with the library on every day of those years: business day or not, and the holiday it is', () => {
    let checked = 0;
    for (const year of years) {
      for (const date of daysOf(year)) {
        // The library's own reading of a date (at noon: its functions read dates in local time).
        const detail = getDayDetail(`${date} 12:00:00`);
        const day = defaultCalendar.day(date);
        expect({ date, business: day.business, estimated: day.estimated }).toEqual({
          date,
          business: detail.work,
          estimated: false,
        });
        if (slim.holidays[date]) expect(slim.holidays[date]).toBe(detail.name);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(365 * HOLIDAY_YEARS_KEPT);
  });

  it('is cut from the library data as it is, year by year', () => {
    for (const table of ['holidays', 'workdays'] as const) {
      const kept = Object.entries(full[table]).filter(([date]) => years.includes(Number(date.slice(0, 4))));
      expect(slim[table]).toEqual(Object.fromEntries(kept));
    }
  });
});
