import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../claims/eligibility';
import { parseInstant } from '../time/zone';
import { extentOf, overlaps, textWidth } from './text';
import { TIMELINE, timelineGeometry, type TimelineBar, type TimelineInput } from './timeline';
import { timelineOf } from './timeline-input';

const DAY = 86_400_000;
const at = (iso: string) => parseInstant(iso)!;
const PAID = at('2026-01-01T00:00:00+08:00');

function bar(id: string, over: Partial<TimelineBar> = {}): TimelineBar {
  return {
    id,
    label: id,
    status: 'open',
    opens: null,
    opensOn: null,
    closes: null,
    closesOn: null,
    estimated: false,
    ...over,
  };
}
function input(bars: TimelineBar[], nowDays: number): TimelineInput {
  return { paidAt: PAID, paidOn: '2026-01-01', now: PAID + nowDays * DAY, today: '2026-01-??', bars };
}

describe('timelineGeometry: positions on the axis from payment to the last window', () => {
  it('places bar ends and the today marker in proportion to time', () => {
    const g = timelineGeometry(
      input(
        [
          bar('five', { closes: PAID + 10 * DAY, closesOn: '2026-01-11' }),
          bar('year', { closes: PAID + 20 * DAY, closesOn: '2026-01-21' }),
        ],
        5,
      ),
      200,
      '今天',
    );
    expect(g.start).toBe(PAID);
    expect(g.end).toBe(PAID + 20 * DAY);
    expect(g.rows.map((r) => [r.bar.x, r.bar.w])).toEqual([
      [0, 100],
      [0, 200],
    ]);
    // Day 5 of a 20-day axis: a quarter of the way.
    expect(g.today.x).toBe(50);
    expect(g.today.label).toMatchObject({ x: 50, anchor: 'middle', text: '今天' });
    // One row per bar, each below the last; the axis below them all.
    expect(g.rows[1]!.top - g.rows[0]!.top).toBe(TIMELINE.rowHeight);
    expect(g.axis.y).toBeGreaterThan(g.rows[1]!.bar.y + g.rows[1]!.bar.h);
    expect(g.axis.labels.map((l) => l.text)).toEqual(['2026-01-01', '2026-01-21']);
  });

  it('a window that opens later (an SLA claim) starts where it opens and shows both dates', () => {
    const g = timelineGeometry(
      input(
        [
          bar('sla', {
            opens: PAID + 40 * DAY,
            opensOn: '2026-02-10',
            closes: PAID + 100 * DAY,
            closesOn: '2026-04-11',
          }),
        ],
        1,
      ),
      300,
      'today',
    );
    const row = g.rows[0]!;
    expect(row.bar.x).toBe(120);
    expect(row.bar.w).toBe(180);
    const texts = row.dates.map((d) => d.text);
    // The end has no room after the bar (the axis ends there): it moves above the bar's end.
    expect(row.dates.find((d) => d.text.includes('04-11'))).toMatchObject({ x: 300, anchor: 'end', y: row.caption.y });
    expect(texts).toContain('2026-02-10');
    expect(row.caption.maxWidth).toBeLessThan(300 - textWidth('2026-04-11', TIMELINE.dateSize));
  });

  it('clamps an open-ended window to the axis end, drawn open and without an end date', () => {
    const g = timelineGeometry(
      input(
        [bar('five', { closes: PAID + 5 * DAY, closesOn: '2026-01-06' }), bar('partial', { status: 'needs-answers' })],
        2,
      ),
      300,
      'today',
    );
    const open = g.rows[1]!;
    expect(open.openEnded).toBe(true);
    expect(open.bar.x + open.bar.w).toBe(300);
    expect(open.dates).toEqual([]);
    // The axis is not stretched for it: a week at least, here from the five-day window.
    expect(g.end).toBe(PAID + 7 * DAY);
  });

  it('a same-day window keeps a visible bar and one date', () => {
    const closes = PAID + 3 * DAY + 2 * 3_600_000;
    const g = timelineGeometry(
      input([bar('day', { opens: PAID + 3 * DAY, opensOn: '2026-01-04', closes, closesOn: '2026-01-04' })], 1),
      300,
      'today',
    );
    const row = g.rows[0]!;
    expect(row.bar.w).toBe(TIMELINE.minBar);
    expect(row.dates.map((d) => d.text)).toEqual(['2026-01-04']);
  });

  it('a window that ends at the axis start still shows a bar inside the picture', () => {
    const g = timelineGeometry(
      input([bar('gone', { status: 'closed', closes: PAID, closesOn: '2026-01-01' })], 30),
      300,
      'today',
    );
    const row = g.rows[0]!;
    expect(row.bar.x).toBe(0);
    expect(row.bar.w).toBe(TIMELINE.minBar);
  });

  it('after every window closed, the axis runs to today and the marker stands at its end', () => {
    const g = timelineGeometry(
      input([bar('five', { status: 'closed', closes: PAID + 5 * DAY, closesOn: '2026-01-06' })], 30),
      300,
      '今天 02-01',
    );
    expect(g.end).toBe(PAID + 30 * DAY);
    expect(g.today.x).toBe(300);
    // The label stays inside the picture.
    const [left, right] = extentOf(g.today.label, TIMELINE.dateSize);
    expect(left).toBeGreaterThanOrEqual(0);
    expect(right).toBeLessThanOrEqual(300);
  });
});

describe('timelineOf: a verdict’s routes as bars', () => {
  const NOW = '2026-11-22T12:00:00+08:00';

  it('one bar per route, in the verdict’s order; an SLA claim opens the morning after its 5th business day', () => {
    const verdict = evaluateClaim(
      { vendor: 'tencent-exmail', purchasedAt: '2026-09-01T10:00:00+08:00', reason: 'outage', outageMonth: '2026-10' },
      NOW,
    );
    const t = timelineOf(verdict)!;
    expect(t.bars.map((b) => b.id)).toEqual(verdict.routes.map((r) => r.id));
    const sla = t.bars.find((b) => b.id === 'outage-sla')!;
    const route = verdict.routes.find((r) => r.id === 'outage-sla')!;
    expect(sla.opensOn).not.toBe(route.opensAfter);
    expect(sla.opens).toBe(at(`${route.opensAfter}T00:00:00+08:00`) + DAY);
    expect(sla.closesOn).toBe(route.deadline!.date);
    expect(t.paidAt).toBe(at('2026-09-01T10:00:00+08:00'));
    expect(t.now).toBe(at(NOW));
  });

  it.each([
    ['tencent-cloud', { billing: 'prepaid' }],
    ['tencent-exmail', { reason: 'outage', outageMonth: '2026-10' }],
    ['letsvpn', {}],
    ['generic-software', {}],
  ] as const)('%s at 340 px: no two labels of a line overlap, all stay inside, captions keep room', (vendor, extra) => {
    const verdict = evaluateClaim({ vendor, purchasedAt: '2026-11-18T10:59:07+08:00', ...extra }, NOW, {
      locale: 'en',
    });
    const g = timelineGeometry(timelineOf(verdict)!, 340, 'Today 11-22');
    const labels = [...g.rows.flatMap((r) => r.dates), ...g.axis.labels, g.today.label];
    for (const l of labels) {
      const [left, right] = extentOf(l, TIMELINE.dateSize);
      expect(left).toBeGreaterThanOrEqual(0);
      expect(right).toBeLessThanOrEqual(340.01);
    }
    for (const [i, a] of labels.entries())
      for (const b of labels.slice(i + 1)) expect(overlaps(a, b, TIMELINE.dateSize)).toBe(false);
    for (const r of g.rows) expect(r.caption.maxWidth).toBeGreaterThanOrEqual(TIMELINE.minCaption);
  });
});
