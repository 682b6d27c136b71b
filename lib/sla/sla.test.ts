import { describe, it, expect } from 'vitest';
import { computeSla, slaClaimWindow, SlaInputError, meetsPercent, percentAsFraction } from './compute';
import { mergeIntervals, splitByMonth, subtractIntervals } from './intervals';
import { createCalendar } from '../time/calendar';

const APRIL = '2026-04'; // 30 days = 43 200 minutes
const out = (start: string, end: string, extra: Record<string, string> = {}) => ({ start, end, ...extra });
const exmail = (outages: ReturnType<typeof out>[], more: Record<string, unknown> = {}) =>
  computeSla({ service: 'exmail', month: APRIL, outages, monthlyFee: 100, ...more });
const cvm = (outages: ReturnType<typeof out>[], more: Record<string, unknown> = {}) =>
  computeSla({ service: 'cvm', month: APRIL, outages, monthlyFee: 100, ...more });

describe('availability formula and service period (seed 002 §2.1)', () => {
  it('a whole month: total minutes of the calendar month, availability = (1 − down/total) × 100', () => {
    const r = exmail([out('2026-04-10T09:00:00+08:00', '2026-04-10T11:30:00+08:00')]);
    expect(r.totalMinutes).toBe(43_200);
    expect(r.unavailableMinutes).toBe(150);
    expect(r.availability).toBeCloseTo((1 - 150 / 43_200) * 100, 10);
    expect(r.availabilityText).toBe('99.6527%');
    expect(r.period).toEqual({ start: '2026-04-01T00:00:00+08:00', end: '2026-05-01T00:00:00+08:00', partial: false });
  });

  it('a service started mid-month uses the part in use', () => {
    const r = exmail([out('2026-04-20T00:00:00+08:00', '2026-04-20T01:00:00+08:00')], {
      serviceStart: '2026-04-16T00:00:00+08:00',
    });
    expect(r.period.partial).toBe(true);
    expect(r.totalMinutes).toBe(15 * 24 * 60);
    // Outages before the service started are outside the period.
    const before = exmail([out('2026-04-02T00:00:00+08:00', '2026-04-02T05:00:00+08:00')], {
      serviceStart: '2026-04-16',
    });
    expect(before.unavailableMinutes).toBe(0);
    expect(before.ignored[0]).toMatchObject({ reason: 'outside-period' });
  });

  it('months have their own lengths (February 2026: 40 320 minutes)', () => {
    expect(computeSla({ service: 'exmail', month: '2026-02', outages: [] }).totalMinutes).toBe(40_320);
    expect(computeSla({ service: 'exmail', month: '2026-03', outages: [] }).totalMinutes).toBe(44_640);
  });
});

describe('unavailability (seed 002 §1.2: failing for one minute)', () => {
  it('a failure under one minute does not count; exactly one minute does', () => {
    const short = exmail([out('2026-04-10T09:00:00.000+08:00', '2026-04-10T09:00:59.999+08:00')]);
    expect(short.unavailableMinutes).toBe(0);
    expect(short.ignored).toEqual([expect.objectContaining({ reason: 'under-one-minute' })]);
    expect(exmail([out('2026-04-10T09:00:00+08:00', '2026-04-10T09:01:00+08:00')]).unavailableMinutes).toBe(1);
  });

  it('two touching 40-second records are one 80-second failure', () => {
    const r = exmail([
      out('2026-04-10T09:00:00+08:00', '2026-04-10T09:00:40+08:00'),
      out('2026-04-10T09:00:40+08:00', '2026-04-10T09:01:20+08:00'),
    ]);
    expect(r.unavailableMinutes).toBeCloseTo(80 / 60, 10);
    expect(r.counted).toHaveLength(1);
  });

  it('overlapping records are merged, not counted twice', () => {
    const r = exmail([
      out('2026-04-10T09:00:00+08:00', '2026-04-10T10:00:00+08:00'),
      out('2026-04-10T09:30:00+08:00', '2026-04-10T10:30:00+08:00'),
      out('2026-04-10T09:10:00+08:00', '2026-04-10T09:20:00+08:00'),
    ]);
    expect(r.unavailableMinutes).toBe(90);
  });

  it('CVM: the sources set no one-minute threshold, so short failures count', () => {
    expect(cvm([out('2026-04-10T09:00:00+08:00', '2026-04-10T09:00:30+08:00')]).unavailableMinutes).toBe(0.5);
  });
});

describe('tiers with exact "or higher" bounds (seed 002 §3.1: 99.9 / 99 / 95)', () => {
  // April: 2 592 000 000 ms. 0.1% = 43 min 12 s; 1% = 7 h 12 min; 5% = 36 h.
  const from = '2026-04-10T00:00:00.000+08:00';
  it.each([
    ['exactly 99.9% meets the commitment', '2026-04-10T00:43:12.000+08:00', 0],
    ['1 ms below 99.9% → 10%', '2026-04-10T00:43:12.001+08:00', 10],
    ['exactly 99% → still 10%', '2026-04-10T07:12:00.000+08:00', 10],
    ['1 ms below 99% → 20%', '2026-04-10T07:12:00.001+08:00', 20],
    ['exactly 95% → still 20%', '2026-04-11T12:00:00.000+08:00', 20],
    ['1 ms below 95% → 100%', '2026-04-11T12:00:00.001+08:00', 100],
  ])('Exmail: %s', (_name, end, percent) => {
    const r = exmail([out(from, end)]);
    expect(r.compensationPercent).toBe(percent);
    expect(r.meetsCommitment).toBe(percent === 0);
    expect(r.voucher).toBe(percent);
  });

  it('CVM (FACTS): 99.975% single instance, 10 / 25 / 100%', () => {
    expect(cvm([out(from, '2026-04-10T00:10:48.000+08:00')]).compensationPercent).toBe(0); // 0.025% = 10 min 48 s
    expect(cvm([out(from, '2026-04-10T00:10:48.001+08:00')]).compensationPercent).toBe(10);
    expect(cvm([out(from, '2026-04-10T07:12:00.001+08:00')]).compensationPercent).toBe(25);
    expect(cvm([out(from, '2026-04-11T12:00:00.000+08:00')]).compensationPercent).toBe(25);
    expect(cvm([out(from, '2026-04-11T12:00:00.001+08:00')]).compensationPercent).toBe(100);
  });

  it('CVM multi-zone commitment is 99.995%', () => {
    // 0.005% of April = 2 min 9.6 s
    expect(cvm([out(from, '2026-04-10T00:02:09.600+08:00')], { commitment: 'multi-az' }).compensationPercent).toBe(0);
    expect(cvm([out(from, '2026-04-10T00:02:09.601+08:00')], { commitment: 'multi-az' }).compensationPercent).toBe(10);
    expect(cvm([out(from, '2026-04-10T00:02:09.601+08:00')]).compensationPercent).toBe(0);
  });

  it('compares as exact fractions, not binary floats', () => {
    expect(percentAsFraction('99.975')).toEqual({ num: 99_975, den: 100_000 });
    expect(percentAsFraction('95')).toEqual({ num: 95, den: 100 });
    expect(meetsPercent(1000, 1, '99.9')).toBe(true);
    expect(meetsPercent(1000, 1.0000001, '99.9')).toBe(false);
  });
});

describe('voucher (seed 002 §3.1 (2), §2.1 月度服务费用)', () => {
  const down36h = [out('2026-04-10T00:00:00+08:00', '2026-04-11T12:00:00.001+08:00')];
  it('is capped at the month’s fee (100% tier = the whole fee)', () => {
    expect(exmail(down36h).voucher).toBe(100);
  });
  it('excludes what vouchers or coupons paid', () => {
    expect(exmail(down36h, { paidWithVouchers: 30 }).voucher).toBe(70);
    expect(
      exmail([out('2026-04-10T00:00:00+08:00', '2026-04-10T01:00:00+08:00')], { monthlyFee: 99, paidWithVouchers: 9 })
        .voucher,
    ).toBe(9);
  });
  it('spreads a prepayment over its months', () => {
    const r = computeSla({
      service: 'exmail',
      month: APRIL,
      outages: [out('2026-04-10T00:00:00+08:00', '2026-04-10T01:00:00+08:00')],
      prepaid: { amount: 3600, months: 36, paidWithVouchers: 360 },
    });
    expect(r.monthlyFee).toBe(90);
    expect(r.voucher).toBe(9);
  });
  it('is unknown (null) without a fee, while the tier is still computed', () => {
    const r = computeSla({ service: 'exmail', month: APRIL, outages: down36h });
    expect(r.voucher).toBeNull();
    expect(r.compensationPercent).toBe(100);
  });
});

describe('exclusions (seed 002 §2.3) are listed with their reason', () => {
  it('notified maintenance is not counted, and overlapping failure time is cut', () => {
    const r = exmail([
      out('2026-04-10T01:00:00+08:00', '2026-04-10T03:00:00+08:00', {
        excluded: 'notified-maintenance',
        note: 'upgrade',
      }),
      out('2026-04-10T02:00:00+08:00', '2026-04-10T04:00:00+08:00'),
    ]);
    expect(r.unavailableMinutes).toBe(60);
    expect(r.excluded).toEqual([
      expect.objectContaining({
        code: 'notified-maintenance',
        minutes: 120,
        source: '002_b54d770f95033cbc.txt',
        clause: '2.3 (1)',
      }),
    ]);
    expect(r.excluded[0]!.text).toContain('预先通知');
  });

  it('force majeure and the customer’s own actions are exclusion codes too', () => {
    const r = exmail([
      out('2026-04-10T01:00:00+08:00', '2026-04-10T03:00:00+08:00', { excluded: 'force-majeure' }),
      out('2026-04-11T01:00:00+08:00', '2026-04-11T03:00:00+08:00', { excluded: 'customer-action' }),
    ]);
    expect(r.unavailableMinutes).toBe(0);
    expect(r.excluded.map((e) => e.clause)).toEqual(['2.3 (7)', '2.3 (5)']);
  });

  it('an unknown code or an unexplained "other" is rejected', () => {
    expect(() =>
      exmail([out('2026-04-10T01:00:00+08:00', '2026-04-10T03:00:00+08:00', { excluded: 'bad-luck' })]),
    ).toThrow(/不是本 SLA 的免责情形/);
    expect(() => cvm([out('2026-04-10T01:00:00+08:00', '2026-04-10T03:00:00+08:00', { excluded: 'other' })])).toThrow(
      /需要写明原因/,
    );
    expect(
      cvm([out('2026-04-10T01:00:00+08:00', '2026-04-10T03:00:00+08:00', { excluded: 'other', note: 'our firewall' })])
        .excluded[0],
    ).toMatchObject({ code: 'other', source: 'user' });
  });
});

describe('month boundaries (Asia/Shanghai)', () => {
  it('an outage across midnight of a month end is split between the months', () => {
    const outages = [out('2026-03-31T23:00:00+08:00', '2026-04-01T02:00:00+08:00')];
    expect(computeSla({ service: 'exmail', month: '2026-03', outages }).unavailableMinutes).toBe(60);
    expect(computeSla({ service: 'exmail', month: '2026-04', outages }).unavailableMinutes).toBe(120);
  });

  it('the one-minute test applies to the whole failure, so a 70 s failure split 30/40 still counts on both sides', () => {
    const outages = [out('2026-01-31T23:59:30+08:00', '2026-02-01T00:00:40+08:00')];
    expect(computeSla({ service: 'exmail', month: '2026-01', outages }).unavailableMinutes).toBe(0.5);
    expect(computeSla({ service: 'exmail', month: '2026-02', outages }).unavailableMinutes).toBeCloseTo(40 / 60, 10);
  });

  it('UTC times are placed in Shanghai months', () => {
    // 2026-03-31T16:30Z is 2026-04-01 00:30 in Shanghai.
    const outages = [out('2026-03-31T16:30:00Z', '2026-03-31T17:30:00Z')];
    expect(computeSla({ service: 'exmail', month: '2026-03', outages }).unavailableMinutes).toBe(0);
    expect(computeSla({ service: 'exmail', month: '2026-04', outages }).unavailableMinutes).toBe(60);
  });

  it('splitByMonth pieces add up to the whole', () => {
    const ms = (s: string) => Date.parse(s);
    const parts = splitByMonth([{ start: ms('2026-01-31T12:00:00+08:00'), end: ms('2026-03-01T12:00:00+08:00') }]);
    expect([...parts.keys()]).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(parts.get('2026-02')![0]).toEqual({
      start: ms('2026-02-01T00:00:00+08:00'),
      end: ms('2026-03-01T00:00:00+08:00'),
    });
  });
});

describe('claim window (seed 002 §3.2: after the 5th business day of the next month, until 60 days after the month)', () => {
  it.each([
    ['2025-12', '2026-01-08', '2026-03-01', false], // New Year; Sun Jan 4 is a make-up working day
    ['2026-01', '2026-02-06', '2026-04-01', false],
    ['2026-02', '2026-03-06', '2026-04-29', false],
    ['2026-03', '2026-04-08', '2026-05-30', false], // Qingming Apr 4–6
    ['2026-04', '2026-05-11', '2026-06-29', false], // Labour Day May 1–5, Sat May 9 worked
    ['2026-09', '2026-10-13', '2026-11-29', false], // National Day Oct 1–7, Sat Oct 10 worked
    ['2026-12', '2027-01-08', '2027-03-01', true], // 2027 not in the calendar: weekdays and the fixed-date holidays (1 Jan), estimated
  ])('%s → opens after %s, closes on %s (estimated: %s)', (month, opensAfter, closesOn, estimated) => {
    expect(slaClaimWindow(month)).toEqual({ opensAfter, closesOn, estimated, channel: 'ticket' });
    expect(computeSla({ service: 'cvm', month, outages: [] }).claim).toEqual({
      opensAfter,
      closesOn,
      estimated,
      channel: 'ticket',
    });
  });

  it('a user override for 2027 makes December 2026 exact', () => {
    const calendar = createCalendar([{ year: 2027, holidays: ['2027-01-01'], workdays: [] }]);
    expect(computeSla({ service: 'exmail', month: '2026-12', outages: [] }, { calendar }).claim).toMatchObject({
      opensAfter: '2027-01-08',
      estimated: false,
    });
  });
});

describe('input validation', () => {
  it('lists every problem with its path', () => {
    try {
      computeSla(
        { service: 'gmail', month: '2026-13', outages: [{ start: 'noon', end: '2026-04-01' }] },
        { locale: 'en' },
      );
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SlaInputError);
      const issues = (e as SlaInputError).issues.join('\n');
      expect(issues).toContain('service: must be one of');
      expect(issues).toContain('month: must be a month written YYYY-MM');
      expect(issues).toContain('outages[0].start: must be an ISO date-time');
    }
    // The same problems in Chinese when that is the reader's language, heading included.
    expect(() => computeSla({ service: 'gmail', month: '2026-13', outages: [] })).toThrow(
      /^SLA 输入有误:\n {2}- service: 应为以下之一：exmail.*\n {2}- month: 应为 YYYY-MM 格式的月份$/,
    );
  });

  it('rejects an outage ending before it starts, and two kinds of fee', () => {
    expect(() => exmail([out('2026-04-10T03:00:00+08:00', '2026-04-10T01:00:00+08:00')])).toThrow(
      /outages\[0\]：结束时间.*应晚于开始时间/,
    );
    expect(() => exmail([], { prepaid: { amount: 1200, months: 12 } })).toThrow(/只能给出其中一个/);
    expect(() => exmail([], { commitment: 'gold' })).toThrow(/commitment：应为以下之一：standard/);
  });

  it('speaks English when asked', () => {
    const r = computeSla({ service: 'exmail', month: APRIL, outages: [] }, { locale: 'en' });
    expect(r.basis.map((b) => b.clause)).toEqual(expect.arrayContaining(['1.2', '3.1', '3.2.1, 3.2.2']));
    expect(r.notes[0]).toContain('voucher');
  });
});

describe('interval helpers', () => {
  it('subtract removes covered parts', () => {
    expect(
      subtractIntervals(
        [{ start: 0, end: 10 }],
        [
          { start: 2, end: 4 },
          { start: 8, end: 12 },
        ],
      ),
    ).toEqual([
      { start: 0, end: 2 },
      { start: 4, end: 8 },
    ]);
  });
  it('merge drops empty intervals and joins touching ones', () => {
    expect(
      mergeIntervals([
        { start: 5, end: 5 },
        { start: 3, end: 4 },
        { start: 0, end: 3 },
      ]),
    ).toEqual([{ start: 0, end: 4 }]);
  });
});
