import { describe, expect, it } from 'vitest';
import { monthBounds } from '../time/zone';
import { extentOf, overlaps } from './text';
import { availabilityGauge, availabilityScale, monthStrip, STRIP } from './sla';

const HOUR = 3_600_000;
const OCT = monthBounds('2026-10');
const at = (day: number, hour: number) => OCT.start + ((day - 1) * 24 + hour) * HOUR;

describe('availabilityScale: Exmail’s lines (seed 002 §3.1: 99.9 / 99 / 95) as equal bands', () => {
  const { position, bands } = availabilityScale([99.9, 99, 95]);

  it('puts each line at a band edge and 100% at the right end', () => {
    expect([100, 99.9, 99, 95].map(position)).toEqual([1, 0.75, 0.5, 0.25]);
    expect(bands.map((b) => [b.from, b.to])).toEqual([
      [91, 95],
      [95, 99],
      [99, 99.9],
      [99.9, 100],
    ]);
  });

  it('is linear inside a band and clamps below the last one', () => {
    expect(position(99.95)).toBeCloseTo(0.875, 10);
    expect(position(97)).toBeCloseTo(0.375, 10);
    expect(position(93)).toBeCloseTo(0.125, 10);
    expect(position(40)).toBe(0);
  });

  it('works for CVM’s commitment too (99.975 / 99 / 95)', () => {
    const cvm = availabilityScale([99.975, 99, 95]);
    expect(cvm.position(99.975)).toBe(0.75);
    expect(cvm.position(99.98)).toBeGreaterThan(0.75);
  });
});

describe('availabilityGauge', () => {
  it('draws the lines where the scale puts them and keeps the value inside the picture', () => {
    const g = availabilityGauge([99.9, 99, 95], 99.98, '99.9800%', 400);
    expect(g.lines.map((l) => [l.value, l.x])).toEqual([
      [95, 100],
      [99, 200],
      [99.9, 300],
    ]);
    // 99.98 is 80% of the way from 99.9 to 100 in the last band (300–400).
    expect(g.marker.x).toBeCloseTo(380, 6);
    const [left, right] = extentOf(g.marker.label, STRIP.labelSize);
    expect(left).toBeGreaterThanOrEqual(0);
    expect(right).toBeLessThanOrEqual(400);
    expect(g.bands.map((b) => b.w)).toEqual([100, 100, 100, 100]);
  });
});

describe('monthStrip: the month as its days, outages as marks', () => {
  it('places a mark by its time, at least a few pixels wide, and numbers days that fit', () => {
    const g = monthStrip(
      { start: OCT.start, end: OCT.end, days: 31, counted: [{ start: at(10, 9), end: at(10, 11.5) }], excluded: [] },
      310,
    );
    expect(g.days).toHaveLength(31);
    expect(g.days[9]).toMatchObject({ day: 10, x: 90, w: 10 });
    const [mark] = g.counted;
    expect(mark!.x).toBeCloseTo(((9 * 24 + 9) / (31 * 24)) * 310, 6);
    expect(mark!.w).toBe(STRIP.minMark);
    // 10 px cells are too narrow for every number: the 1st, every 5th and the last.
    expect(g.days.filter((d) => d.label).map((d) => d.day)).toEqual([1, 5, 10, 15, 20, 25, 30, 31]);
    expect(
      monthStrip({ start: OCT.start, end: OCT.end, days: 31, counted: [], excluded: [] }, 620).days.every(
        (d) => d.label,
      ),
    ).toBe(true);
  });

  it('labels excluded outages without overlap: close ones on separate lines, far ones on one', () => {
    const label = '§2.3 (1) 腾讯云预先通知的系统维护';
    const g = monthStrip(
      {
        start: OCT.start,
        end: OCT.end,
        days: 31,
        counted: [],
        excluded: [
          { start: at(3, 1), end: at(3, 3), label },
          { start: at(4, 1), end: at(4, 2), label: '§2.3 (7) 不可抗力' },
          { start: at(28, 1), end: at(28, 5), label: '§2.3 (5) 客户授权的操作' },
        ],
      },
      620,
    );
    const labels = g.excluded.map((e) => e.label);
    expect(labels[0]!.y).not.toBe(labels[1]!.y);
    expect(labels[2]!.y).toBe(labels[0]!.y);
    for (const [i, a] of labels.entries())
      for (const b of labels.slice(i + 1)) expect(overlaps(a, b, STRIP.labelSize)).toBe(false);
    for (const l of labels) {
      const [left, right] = extentOf(l, STRIP.labelSize);
      expect(left).toBeGreaterThanOrEqual(0);
      expect(right).toBeLessThanOrEqual(620);
    }
    expect(g.height).toBeGreaterThan(labels[1]!.y);
  });

  it('clips an outage that runs past the month to the month’s edge', () => {
    const g = monthStrip(
      { start: OCT.start, end: OCT.end, days: 31, counted: [{ start: at(31, 22), end: at(32, 5) }], excluded: [] },
      310,
    );
    expect(g.counted[0]!.x + g.counted[0]!.w).toBeCloseTo(310, 6);
  });
});
