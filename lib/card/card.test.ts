import { describe, expect, it } from 'vitest';
import { KNOWN_SOURCES } from '../policy/sources';
import { SHIPPED_VENDORS } from '../vendors/types';
import { flagAdviceEntries, riskFlags, RISK_FLAGS } from './flags';
import { pageTimeToIso, parseInstant } from '../time/zone';
import { cardContent, checkoutCard, lastMonthSla, orderCard } from './model';
import { evaluateClaim } from '../claims/eligibility';
import { headlineWords } from '../claims/headline';
import { orderFacts } from '../claims/order-facts';

const NOW = '2026-11-22T10:00:00+08:00';

describe('risk flags', () => {
  it('cite a known source and clause for every piece of advice', () => {
    const entries = flagAdviceEntries();
    expect(new Set(entries.map((e) => e.id))).toEqual(new Set(RISK_FLAGS));
    for (const entry of entries) {
      expect(entry.citations.length, `${entry.id}/${entry.vendor}`).toBeGreaterThan(0);
      for (const c of entry.citations) {
        expect(KNOWN_SOURCES).toContain(c.source);
        expect(c.clause?.trim()).toBeTruthy();
      }
    }
  });

  it('are raised only by what the page shows, in contract order', () => {
    expect(riskFlags('tencent-cloud', {}, 'zh-CN')).toEqual([]);
    expect(riskFlags('tencent-cloud', { term: '1年', autoRenew: false }, 'zh-CN')).toEqual([]);
    expect(riskFlags('tencent-cloud', { term: '12个月' }, 'zh-CN')).toEqual([]);
    expect(riskFlags('tencent-cloud', { term: '2年' }, 'zh-CN').map((f) => f.id)).toEqual(['multi-year']);
    const all = riskFlags(
      'generic-software',
      {
        promoText: '限时特价，不支持退款',
        autoRenew: true,
        term: '3年',
        channel: 'app-store',
        resellerPromise: '代理商承诺：7天',
        digitalGoodsNotice: '数字商品一经下载不支持退货',
        renewalNotice: '续费订单不适用五天无理由退还',
      },
      'en',
    );
    expect(all.map((f) => f.id)).toEqual([...RISK_FLAGS]);
    expect(all[0]!.evidence).toBe('限时特价，不支持退款');
  });

  it('give vendor-specific advice where the sources differ', () => {
    const [tc] = riskFlags('tencent-cloud', { autoRenew: true }, 'zh-CN');
    const [other] = riskFlags('letsvpn', { autoRenew: true }, 'zh-CN');
    expect(tc!.advice).toContain('五天无理由');
    expect(other!.advice).not.toContain('五天无理由');
  });
});

describe('checkout card', () => {
  it('answers for every shipped vendor with a cited basis, never throwing on sparse pages', () => {
    for (const vendor of SHIPPED_VENDORS) {
      for (const fields of [
        {},
        { term: '3年', autoRenew: true },
        { channel: 'reseller' as const },
        { promoText: '活动价，不支持退款' },
      ]) {
        const card = checkoutCard(vendor, fields, NOW, { locale: 'zh-CN' });
        expect(card.headline.basis.length, vendor).toBeGreaterThan(0);
        for (const clock of card.clocks) if (clock.date) expect(clock.date >= '2026-11-22').toBe(true);
      }
    }
  });

  it('drops rules that a certain earlier rule makes unreachable', () => {
    const promo = checkoutCard('tencent-cloud', { term: '1年', promoText: '活动价，不支持退款' }, NOW, {
      locale: 'zh-CN',
    });
    expect(promo.headline.rule).toBe('campaign-no-refund');
    expect(promo.clocks).toEqual([]);
    expect(promo.exceptions).toEqual([]);
    const renewal = checkoutCard('tencent-cloud', { term: '1年', orderType: '续费' }, NOW, { locale: 'zh-CN' });
    expect(renewal.clocks.map((c) => c.rule)).not.toContain('five-day-no-reason');
  });

  it('uses a custom pack for a vendor the product does not ship', () => {
    const pack = {
      id: 'acme-cloud',
      name: 'Acme Cloud',
      lastChecked: '2026-11-01',
      covers: 'Acme subscriptions',
      rules: [
        {
          id: 'fourteen-days',
          when: { fact: 'reason', in: ['changed-mind', 'dissatisfied'] },
          outcome: 'eligible',
          refund: 'full',
          claimWith: 'vendor',
          summary: 'Full refund within 14 days of purchase.',
          citations: [{ source: 'Acme terms', clause: '§4' }],
          deadline: {
            kind: 'period',
            amount: 14,
            unit: 'calendar-days',
            from: 'purchase',
            label: '14-day refund ends',
          },
        },
        {
          id: 'no-refund',
          outcome: 'not-eligible',
          refund: null,
          claimWith: 'vendor',
          summary: 'No refunds afterwards',
          citations: [{ source: 'Acme terms', clause: '§5' }],
        },
      ],
    };
    const card = checkoutCard('acme-cloud', {}, NOW, { locale: 'en', packs: [pack] });
    expect(card.headline.outcome).toBe('eligible');
    expect(card.clocks).toEqual([expect.objectContaining({ rule: 'fourteen-days', date: '2026-12-06' })]);
  });
});

describe('order card', () => {
  it('reads page times as Asia/Shanghai', () => {
    expect(pageTimeToIso('2026-11-18 10:59:07')).toBe('2026-11-18T10:59:07+08:00');
    expect(parseInstant(pageTimeToIso('2026-11-18')!)).toBe(parseInstant('2026-11-18T00:00:00+08:00'));
    expect(pageTimeToIso('2026-02-30 10:00:00')).toBeNull();
    expect(pageTimeToIso('<img src=x>')).toBeNull();
  });

  it('counts from payment, and not at all for an order paid after now or without a time', () => {
    expect(
      orderCard('tencent-cloud', { paidAt: '2026-11-18 10:59:07' }, NOW, { locale: 'zh-CN' }).clocks[0],
    ).toMatchObject({ date: '2026-11-23', state: 'open' });
    expect(
      orderCard('tencent-cloud', { paidAt: '2026-11-10 10:59:07' }, NOW, { locale: 'zh-CN' }).clocks[0],
    ).toMatchObject({ date: '2026-11-15', state: 'lapsed' });
    expect(orderCard('tencent-cloud', { paidAt: '2026-12-01 00:00:00' }, NOW, { locale: 'zh-CN' }).clocks).toEqual([]);
    expect(orderCard('tencent-cloud', {}, NOW, { locale: 'zh-CN' }).purchasedAt).toBeNull();
  });

  it('takes its clocks from the verdict’s routes: a passed five-day window stays listed while the partial refund leads', () => {
    const paid = {
      orderId: '20261118105822371604',
      orderType: '新购',
      status: '已支付',
      paidAt: '2026-11-18 10:59:07',
      amountPaid: 3145.37,
      term: '1年',
    };
    const later = '2026-11-25T14:00:00+08:00';
    const card = orderCard('tencent-cloud', paid, later, { locale: 'zh-CN' });
    const verdict = evaluateClaim(orderFacts({ vendor: 'tencent-cloud', fields: paid }).facts, later);
    expect(card.words).toEqual(headlineWords(verdict, 'zh-CN', later));
    expect(verdict.refund).toBe('partial');
    expect(card.words.tone).toBe('good');
    expect(card.clocks).toEqual([
      expect.objectContaining({ rule: 'five-day-no-reason', state: 'lapsed', date: '2026-11-23' }),
    ]);
    for (const clock of card.clocks)
      expect(verdict.routes.find((r) => r.id === clock.rule)?.deadline?.date).toBe(clock.date);
  });

  it('an order-list row reads the order’s stored snapshot under what the list shows, so it says what the order page says', () => {
    const detail = {
      orderId: '20261118105822371604',
      orderType: '新购',
      status: '已支付',
      paidAt: '2026-11-18 10:59:07',
      amountPaid: 3145.37,
      term: '1年',
    };
    // The list shows no term and no 实付.
    const row = {
      orderId: '20261118105822371604',
      orderType: '新购',
      status: '已支付',
      createdAt: '2026-11-18 10:58:22',
      paidAt: '2026-11-18 10:59:07',
      amount: 3145.37,
    };
    const request = {
      match: { vendor: 'tencent-cloud', kind: 'order' as const },
      locale: 'zh-CN' as const,
      checkout: null,
      order: null,
      rows: [row],
    };
    const page = orderCard('tencent-cloud', detail, NOW, { locale: 'zh-CN' }).words;
    expect(
      cardContent(request, NOW, { locale: 'zh-CN', stored: { [row.orderId]: detail } }).orderRows[0]!.words,
    ).toEqual(page);
    // Unsaved, the row says what its own fields allow (billing unknown: it asks).
    expect(cardContent(request, NOW, { locale: 'zh-CN' }).orderRows[0]!.words).not.toEqual(page);
    // What the list shows now wins: an order refunded since it was saved reads as refunded.
    const refunded = cardContent({ ...request, rows: [{ ...row, status: '已退款' }] }, NOW, {
      locale: 'zh-CN',
      stored: { [row.orderId]: detail },
    });
    expect(refunded.orderRows[0]!.words.line).toBe('本单已退款');
  });

  it('an order list’s pill leads with its rows, not with the list page read as one order (which shows no payment time)', () => {
    const rows = [
      { orderId: '20261122093344810257', orderType: '新购', status: '待支付', createdAt: '2026-11-22 09:33:44' },
      {
        orderId: '20261118105822371604',
        orderType: '新购',
        status: '已支付',
        createdAt: '2026-11-18 10:58:22',
        paidAt: '2026-11-18 10:59:07',
        amount: 3145.37,
      },
    ];
    const later = '2026-12-07T10:00:00+08:00';
    const content = cardContent(
      {
        match: { vendor: 'tencent-cloud', kind: 'order' as const },
        locale: 'zh-CN' as const,
        checkout: null,
        order: null,
        rows,
      },
      later,
      { locale: 'zh-CN' },
    );
    const rowLines = content.orderRows.map((r) => r.words.line);
    expect(content.pill.line).not.toBe('页面未显示支付时间，无法计算退款期限');
    expect(rowLines).toContain(content.pill.line);
    expect(content.pill.line).toBe(content.orderRows.find((r) => r.words.tone !== 'neutral')!.words.line);
  });

  it('reads an upgrade as no new purchase: no five-day clock (FACTS.md: upgrades do not qualify)', () => {
    const upgrade = orderCard(
      'tencent-cloud',
      { orderType: '升级', status: '已支付', paidAt: '2026-11-20 16:34:20', term: '剩余 11个月6天' },
      NOW,
      { locale: 'zh-CN' },
    );
    expect(upgrade.clocks.map((c) => c.rule)).not.toContain('five-day-no-reason');
  });

  it('a refunded order has no clock, and its headline says it was refunded', () => {
    const refunded = orderCard(
      'tencent-cloud',
      { orderType: '新购', status: '已退款', paidAt: '2026-11-20 16:34:20', term: '1年' },
      NOW,
      { locale: 'zh-CN' },
    );
    expect(refunded.clocks).toEqual([]);
    expect(refunded.words.line).toBe('本单已退款');
  });

  it('gives last month’s SLA window for Exmail and CVM, across a year end', () => {
    expect(lastMonthSla('tencent-exmail', NOW)).toMatchObject({ month: '2026-10', closesOn: '2026-12-30', open: true });
    expect(lastMonthSla('tencent-cloud', '2026-01-03T09:00:00+08:00')).toMatchObject({ month: '2025-12', open: false });
    expect(lastMonthSla('letsvpn', NOW)).toBeNull();
  });
});
