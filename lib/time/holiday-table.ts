// The maintained calendar (holidays and 调休 make-up working days) ships as data
// in `chinese-days`. We read its data file rather than its functions: those
// shift by a day when the machine's time zone is west of UTC.
// Only the recent years are read (and shipped: lib/time/holiday-data.ts).
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { slimHolidayData, type HolidayData } from './holiday-data';

/**
 * The official schedules the calendar reads: data only, so the worker's build ships them in its
 * data file (build/worker-data-modules.ts) and the calendar reads them on first use.
 */
export const HOLIDAY_TABLE: HolidayData = slimHolidayData(chineseDays);
