import { describe, it, expect } from 'vitest';
import { createCalendar, defaultCalendar, CalendarOverrideError } from './calendar';

// Expected dates below come from FACTS.md "Chinese public holidays and adjusted
// working days" (State Council notice of 2025-11-04). The code reads them from
// `chinese-days`; these tests check the dependency says what the notice says.
describe('business-day calendar (FACTS.md: 2026 official schedule)', () => {
  const cal = defaultCalendar;

  it('covers 2026 and not 2027 (chinese-days 1.5.7 has no 2027 data)', () => {
    expect(cal.covers(2026)).toBe(true);
    expect(cal.covers(2027)).toBe(false);
    expect(cal.coveredYears()).toContain(2025);
  });

  it.each([
    ['2026-01-01', false],
    ['2026-01-02', false],
    ['2026-01-04', true], // New Year, make-up Sun Jan 4
    ['2026-02-14', true],
    ['2026-02-16', false],
    ['2026-02-23', false],
    ['2026-02-24', true],
    ['2026-02-28', true], // Spring Festival
    ['2026-04-06', false], // Qingming Monday
    ['2026-05-01', false],
    ['2026-05-05', false],
    ['2026-05-06', true],
    ['2026-05-09', true], // Labour Day, make-up Sat May 9
    ['2026-06-19', false],
    ['2026-09-25', false], // Dragon Boat, Mid-Autumn
    ['2026-09-20', true],
    ['2026-10-01', false],
    ['2026-10-07', false],
    ['2026-10-08', true],
    ['2026-10-10', true],
    ['2026-10-11', false], // National Day
    ['2026-03-07', false],
    ['2026-03-09', true], // an ordinary weekend and Monday
  ])('%s is a business day: %s', (date, business) => {
    const info = cal.day(date);
    expect(info.business).toBe(business);
    expect(info.estimated).toBe(false);
  });

  it('the 5th business day after 2026-09-30 is 2026-10-13 (National Day and Sat Oct 10 make-up)', () => {
    expect(cal.addBusinessDays('2026-09-30', 5)).toEqual({ date: '2026-10-13', estimated: false });
  });

  it('counts the Spring Festival make-up Saturdays and skips the nine days off', () => {
    // Fri Feb 13 → Sat Feb 14 (make-up) → [Feb 15–23 off] → Tue Feb 24 → Wed Feb 25
    expect(cal.addBusinessDays('2026-02-13', 1).date).toBe('2026-02-14');
    expect(cal.addBusinessDays('2026-02-13', 2).date).toBe('2026-02-24');
    expect(cal.addBusinessDays('2026-02-13', 3).date).toBe('2026-02-25');
    // Fri Feb 27 → Sat Feb 28 is a working day
    expect(cal.addBusinessDays('2026-02-27', 1).date).toBe('2026-02-28');
  });

  it('Labour Day: after Thu Apr 30, the business days are May 6, 7, 8, Sat May 9, Mon May 11', () => {
    const days = [1, 2, 3, 4, 5].map((n) => cal.addBusinessDays('2026-04-30', n).date);
    expect(days).toEqual(['2026-05-06', '2026-05-07', '2026-05-08', '2026-05-09', '2026-05-11']);
  });

  it('5th business day of a month', () => {
    expect(cal.nthBusinessDayOfMonth('2026-01', 5)).toEqual({ date: '2026-01-08', estimated: false }); // Jan 4 (Sun) counts
    expect(cal.nthBusinessDayOfMonth('2026-02', 5)).toEqual({ date: '2026-02-06', estimated: false });
    expect(cal.nthBusinessDayOfMonth('2026-05', 5)).toEqual({ date: '2026-05-11', estimated: false });
    expect(cal.nthBusinessDayOfMonth('2026-10', 5)).toEqual({ date: '2026-10-13', estimated: false });
  });

  it('2027 falls back to weekdays and says so, keeping the fixed-date statutory holidays', () => {
    // 2027-01-01 is a Friday; without a schedule the weekday decides — but New Year's Day is off by law.
    expect(cal.day('2027-01-01')).toMatchObject({ date: '2027-01-01', business: false, estimated: true });
    expect(cal.day('2027-01-04')).toEqual({ date: '2027-01-04', business: true, estimated: true });
    expect(cal.nthBusinessDayOfMonth('2027-01', 5)).toEqual({ date: '2027-01-08', estimated: true });
    // A walk that only touches 2026 is exact even late in December…
    expect(cal.addBusinessDays('2026-12-28', 3)).toEqual({ date: '2026-12-31', estimated: false });
    // …and becomes estimated as soon as it steps into 2027.
    expect(cal.addBusinessDays('2026-12-30', 3)).toEqual({ date: '2027-01-05', estimated: true });
  });

  it('rejects counts that are not whole numbers ≥ 1', () => {
    expect(() => cal.addBusinessDays('2026-01-05', 0)).toThrow(RangeError);
    expect(() => cal.addBusinessDays('2026-01-05', 1.5)).toThrow(RangeError);
  });
});

describe('per-year overrides', () => {
  const override = {
    year: 2027,
    holidays: ['2027-01-01', '2027-02-08'],
    workdays: ['2027-02-06'],
    source: 'test schedule',
  };

  it('make an uncovered year exact', () => {
    const cal = createCalendar([override]);
    expect(cal.covers(2027)).toBe(true);
    expect(cal.day('2027-01-01')).toMatchObject({ business: false, estimated: false });
    expect(cal.day('2027-02-06')).toMatchObject({ business: true, estimated: false }); // a Saturday made a working day
    expect(cal.nthBusinessDayOfMonth('2027-01', 5)).toEqual({ date: '2027-01-08', estimated: false });
  });

  it('replace the dependency for a covered year', () => {
    const cal = createCalendar([{ year: 2026, holidays: ['2026-03-02'], workdays: [] }]);
    expect(cal.day('2026-03-02').business).toBe(false);
    expect(cal.day('2026-10-01').business).toBe(true); // no longer a holiday in this override
  });

  it('do not leak into the default calendar', () => {
    createCalendar([override]);
    expect(defaultCalendar.covers(2027)).toBe(false);
  });

  it('are validated with readable messages', () => {
    const bad = () =>
      createCalendar([
        { year: 2027, holidays: ['2026-12-31', '2027-02-30'], workdays: ['2027-01-01'] },
        { year: 2027, holidays: ['2027-01-01'], workdays: [] },
      ]);
    expect(bad).toThrow(CalendarOverrideError);
    try {
      bad();
    } catch (e) {
      const issues = (e as CalendarOverrideError).issues.join('\n');
      expect(issues).toContain('overrides[0][holidays][0]: 2026-12-31 is not in 2027');
      expect(issues).toContain('overrides[0][holidays][1]: must be a date written YYYY-MM-DD');
      expect(issues).toContain('year 2027 is given twice');
    }
  });
});
