import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { computeSla } from './compute';
import { mergeIntervals, splitByMonth, totalLength, type Interval } from './intervals';

// Outages anywhere from 2026-01-01 to 2026-03-31 (Shanghai), from a few seconds to ~3 days.
const START = Date.parse('2026-01-01T00:00:00+08:00');
const END = Date.parse('2026-04-01T00:00:00+08:00');
const MONTHS = ['2026-01', '2026-02', '2026-03'] as const;
const RUNS = { numRuns: 200 };

const interval = fc
  .tuple(fc.integer({ min: START, max: END - 1 }), fc.integer({ min: 1, max: 3 * 86_400_000 }))
  .map(([start, length]): Interval => ({ start, end: Math.min(END, start + length) }));
const intervals = fc.array(interval, { maxLength: 12 });
const toOutages = (list: readonly Interval[]) =>
  list.map((i) => ({ start: new Date(i.start).toISOString(), end: new Date(i.end).toISOString() }));
const services = fc.constantFrom('exmail', 'cvm');

describe('SLA invariants (property tests)', () => {
  it('merging is idempotent, sorted, disjoint and keeps the covered time', () => {
    fc.assert(
      fc.property(intervals, (list) => {
        const once = mergeIntervals(list);
        expect(mergeIntervals(once)).toEqual(once);
        once.forEach((cur, k) => {
          const next = once[k + 1];
          if (next) expect(cur.end).toBeLessThan(next.start);
        });
        // Every input point is covered by the merge, and the merge is no longer than the inputs.
        for (const i of list) expect(once.some((m) => m.start <= i.start && i.end <= m.end)).toBe(true);
        expect(totalLength(once)).toBeLessThanOrEqual(totalLength(list));
      }),
      RUNS,
    );
  });

  it('more downtime never lowers the tier (nor the unavailable minutes)', () => {
    fc.assert(
      fc.property(services, fc.constantFrom(...MONTHS), intervals, intervals, (service, month, base, extra) => {
        const before = computeSla({ service, month, outages: toOutages(base), monthlyFee: 100 });
        const after = computeSla({ service, month, outages: toOutages([...base, ...extra]), monthlyFee: 100 });
        expect(after.unavailableMinutes).toBeGreaterThanOrEqual(before.unavailableMinutes);
        expect(after.compensationPercent).toBeGreaterThanOrEqual(before.compensationPercent);
        expect(after.voucher!).toBeGreaterThanOrEqual(before.voucher!);
      }),
      RUNS,
    );
  });

  it('month splits add up: the months’ unavailable time equals the whole log’s', () => {
    fc.assert(
      fc.property(services, intervals, (service, list) => {
        const perMonth = MONTHS.map(
          (month) => computeSla({ service, month, outages: toOutages(list) }).unavailableMinutes,
        );
        // The whole log, counted once: merged, and for Exmail only failures of a minute or more (§1.2).
        const merged = mergeIntervals(list).filter((i) => service === 'cvm' || i.end - i.start >= 60_000);
        const sum = perMonth.reduce((a, b) => a + b, 0);
        expect(Math.abs(sum * 60_000 - totalLength(merged))).toBeLessThan(1e-3);
        const split = splitByMonth(list);
        const splitTotal = [...split.values()].reduce((a, pieces) => a + totalLength(pieces), 0);
        expect(splitTotal).toBe(totalLength(mergeIntervals(list)));
      }),
      RUNS,
    );
  });

  it('availability stays within 0–100 %, the voucher within the fee, and the tier matches the availability', () => {
    fc.assert(
      fc.property(
        services,
        fc.constantFrom(...MONTHS),
        intervals,
        fc.integer({ min: 0, max: 10_000 }),
        (service, month, list, fee) => {
          const r = computeSla({ service, month, outages: toOutages(list), monthlyFee: fee });
          expect(r.availability).toBeGreaterThanOrEqual(0);
          expect(r.availability).toBeLessThanOrEqual(100);
          expect(r.voucher!).toBeLessThanOrEqual(fee);
          expect(r.voucher).toBe(Math.round(((fee * r.compensationPercent) / 100) * 100) / 100);
          if (r.availability < 94.999) expect(r.compensationPercent).toBe(100);
          if (r.availability > 99.9999) expect(r.compensationPercent).toBe(0);
          expect(r.meetsCommitment).toBe(r.compensationPercent === 0);
        },
      ),
      RUNS,
    );
  });

  it('outage order does not matter', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MONTHS), intervals, (month, list) => {
        const a = computeSla({ service: 'exmail', month, outages: toOutages(list) });
        const b = computeSla({ service: 'exmail', month, outages: toOutages([...list].reverse()) });
        expect(b.unavailableMinutes).toBe(a.unavailableMinutes);
        expect(b.compensationPercent).toBe(a.compensationPercent);
      }),
      RUNS,
    );
  });
});
