import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../claims/eligibility';
import { draftTicket } from '../tickets/draft';
import { trackedDeadlines } from '../reminders';
import { emptyOutageLog } from '../outages';
import { PackSet, packSetOf, SHIPPED_PACK_SET } from './registry';
import { PolicyPackError } from './schema';

const cite = [{ source: 'https://shop.example.org/refunds', clause: '第 3 条' }];
/** A small shop's own policy, as a user would write it in the options page. */
const shopPack = (id: string, days = 10) => ({
  id,
  name: { 'zh-CN': '示例商店', en: 'Example shop' },
  lastChecked: '2026-11-30',
  covers: '示例商店的软件许可证',
  rules: [
    {
      id: 'window',
      outcome: 'eligible',
      refund: 'full',
      claimWith: 'vendor',
      summary: { 'zh-CN': `购买后 ${days} 天内全额退款。`, en: `Full refund within ${days} days.` },
      citations: cite,
      deadline: {
        kind: 'period',
        amount: days,
        unit: 'calendar-days',
        from: 'purchase',
        label: { 'zh-CN': `${days} 天退款期截止`, en: `${days}-day window closes` },
      },
    },
    {
      id: 'late',
      outcome: 'not-eligible',
      refund: null,
      claimWith: 'vendor',
      summary: { 'zh-CN': '过期不退。', en: 'No refund after.' },
      citations: cite,
    },
  ],
});

const NOW = '2026-12-06T10:00:00+08:00';
const facts = {
  vendor: 'example-shop',
  purchasedAt: '2026-12-01T09:00:00+08:00',
  reason: 'changed-mind',
  orderId: 'EX-1',
};

describe('PackSet: user packs validated once, with their problems kept', () => {
  it('keeps the packs that validate and lists why each other one was left out', () => {
    const set = PackSet.of([
      shopPack('example-shop'),
      { id: 'broken', rules: [] },
      shopPack('tencent-cloud'),
      shopPack('example-shop'),
    ]);
    expect(set.user.map((p) => p.id)).toEqual(['example-shop']);
    expect(set.problems.map((p) => [p.index, p.id])).toEqual([
      [1, 'broken'],
      [2, 'tencent-cloud'],
      [3, 'example-shop'],
    ]);
    expect(set.problems[1]!.errors.join()).toMatch(/shipped pack/);
    expect(set.problems[2]!.errors.join()).toMatch(/given twice/);
    expect(set.errors.every((e) => /^packs\[\d\] /.test(e))).toBe(true);
    expect(set.has('example-shop') && set.has('letsvpn')).toBe(true);
    expect(set.has('broken')).toBe(false);
  });

  it('a stored list is validated once: the same list gives the same set; a list with a problem is an error', () => {
    const stored = [shopPack('example-shop')];
    expect(packSetOf(stored)).toBe(packSetOf(stored));
    expect(packSetOf(undefined)).toBe(SHIPPED_PACK_SET);
    expect(() => packSetOf([shopPack('example-shop'), { id: 'broken' }])).toThrow(PolicyPackError);
  });

  it('every engine reads the user vendor from the same set: verdict, ticket and reminders', () => {
    const set = PackSet.of([shopPack('example-shop'), { id: 'broken' }]);
    const verdict = evaluateClaim(facts, NOW, { packs: set });
    expect(verdict.outcome).toBe('eligible');
    expect(verdict.deadline?.date).toBe('2026-12-11');
    // The English draft re-reads the verdict through the same set.
    const draft = draftTicket(verdict, facts, [], 'en', { packs: set });
    expect(draft.description).toContain('Full refund within 10 days.');
    const order = {
      vendor: 'example-shop',
      orderId: 'EX-1',
      snapshotId: 's1',
      fields: { orderId: 'EX-1', status: '已支付', paidAt: '2026-12-01 09:00:00' },
    };
    const deadlines = trackedDeadlines({
      orders: [order],
      outageLog: emptyOutageLog,
      now: Date.parse(NOW),
      packs: set,
    });
    expect(deadlines.map((d) => [d.vendor, d.date])).toContainEqual(['example-shop', '2026-12-11']);
  });
});
