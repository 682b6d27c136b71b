import { describe, it, expect } from 'vitest';
import {
  parseInstant,
  shanghaiDate,
  shanghaiDateTime,
  endOfDay,
  addCalendarDays,
  lastDayOfMonth,
  monthBounds,
  isIsoDate,
  daysBetween,
} from './zone';

describe('Asia/Shanghai dates', () => {
  it('reads wall times without an offset as Shanghai time', () => {
    expect(parseInstant('2026-02-10T10:00')).toBe(Date.parse('2026-02-10T02:00:00Z'));
    expect(parseInstant('2026-02-10')).toBe(Date.parse('2026-02-09T16:00:00Z'));
    expect(parseInstant('2026-02-10 10:00:05.5')).toBe(Date.parse('2026-02-10T02:00:05.500Z'));
  });

  it('keeps explicit offsets exact', () => {
    expect(parseInstant('2026-02-10T10:00:00Z')).toBe(Date.parse('2026-02-10T10:00:00Z'));
    expect(parseInstant('2026-02-10T10:00:00-05:00')).toBe(Date.parse('2026-02-10T15:00:00Z'));
    expect(parseInstant('2026-02-10T10:00:00+0800')).toBe(Date.parse('2026-02-10T02:00:00Z'));
  });

  it('rejects impossible dates instead of rolling them over', () => {
    expect(parseInstant('2026-02-30')).toBeNull();
    expect(parseInstant('2026-13-01')).toBeNull();
    expect(parseInstant('2026-02-10T24:00')).toBeNull();
    expect(parseInstant('yesterday')).toBeNull();
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
  });

  it('an instant late in the UTC day is already the next day in Shanghai', () => {
    const ms = Date.parse('2026-01-31T17:30:00Z');
    expect(shanghaiDate(ms)).toBe('2026-02-01');
    expect(shanghaiDateTime(ms)).toBe('2026-02-01T01:30:00+08:00');
  });

  it('calendar arithmetic across month and year ends', () => {
    expect(addCalendarDays('2026-01-31', 60)).toBe('2026-04-01');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(daysBetween('2026-01-31', '2026-04-01')).toBe(60);
    expect(endOfDay('2026-11-27')).toBe(Date.parse('2026-11-27T23:59:59.999+08:00'));
    const feb = monthBounds('2026-02');
    expect((feb.end - feb.start) / 60_000).toBe(28 * 24 * 60);
  });
});

describe('fixed +08:00 fast path agrees with the time-zone database', () => {
  it('for instants from 1992 to 2040', async () => {
    const fc = (await import('fast-check')).default;
    const { shanghaiDateTimeViaTz } = await import('./zone');
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2040, 0, 1) }), (ms) => {
        expect(shanghaiDateTime(ms)).toBe(shanghaiDateTimeViaTz(ms));
        expect(parseInstant(shanghaiDateTime(ms).slice(0, 19))).toBe(Math.floor(ms / 1000) * 1000);
      }),
      { numRuns: 200 },
    );
  });

  it('before 1992 (when Shanghai still had daylight saving) the database decides', () => {
    // 1988-07-01 noon was UTC+09:00 (DST).
    expect(shanghaiDateTime(Date.parse('1988-07-01T03:00:00Z'))).toBe('1988-07-01T12:00:00+09:00');
  });
});
