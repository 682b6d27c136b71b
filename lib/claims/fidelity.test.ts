import { describe, expect, it } from 'vitest';
import { evaluateClaim, type Verdict } from './eligibility';
import { headlineWords } from './headline';
import { FACT_QUESTIONS } from './facts';
import { citationTitle } from '../policy/sources';
import { localize } from '../policy/text';
import { draftTicket } from '../tickets/draft';
import { defaultCalendar } from '../time/calendar';

/**
 * Fidelity to the published rules (issue 18 §3): one test per item, each
 * naming the source it holds the product to.
 */
const route = (v: Verdict, id: string) => v.routes.find((r) => r.id === id);
const steps = (v: Verdict) => v.nextSteps.join('\n');
const cvm = {
  vendor: 'tencent-cloud',
  billing: 'prepaid',
  renewal: false,
  convertedFromPayAsYouGo: false,
  promoNonRefundable: false,
};

describe('Tencent Cloud (退还包年包月实例退费说明; CVM 服务等级协议)', () => {
  it('the five-day route outranks the SLA credit, and both are listed', () => {
    const v = evaluateClaim(
      {
        ...cvm,
        firstNoReasonRefundUsed: false,
        purchasedAt: '2026-12-04T15:00:00+08:00',
        reason: 'outage',
        outageCause: 'vendor',
        outageMonth: '2026-12',
      },
      '2026-12-06T10:00:00+08:00',
    );
    expect(v.routes[0]?.id).toBe('five-day-no-reason');
    expect(route(v, 'cvm-sla-compensation')?.status).toBe('open');
  });

  it('a duplicate or wrong charge is a billing-error route that a campaign’s no-refund does not block', () => {
    const v = evaluateClaim(
      { ...cvm, promoNonRefundable: true, purchasedAt: '2026-12-01T10:00:00+08:00', reason: 'duplicate-charge' },
      '2026-12-06T10:00:00+08:00',
    );
    expect(v.rule).toBe('billing-error');
    expect(route(v, 'billing-error')?.status).toBe('open');
    expect(route(v, 'five-day-no-reason')?.ruledOutBy).toBe('campaign-no-refund');
  });

  it('the five-day question says the quota is per product per account, one CVM instance', () => {
    const q = FACT_QUESTIONS.firstNoReasonRefundUsed!.text;
    expect(localize(q, 'zh-CN')).toMatch(/同一产品.*CVM.*1 台/);
    expect(localize(q, 'en')).toMatch(/same product.*one CVM instance/);
  });

  it('amountPaid is 实付 (after vouchers): the five-day estimate does not subtract the voucher again', () => {
    const v = evaluateClaim(
      {
        ...cvm,
        firstNoReasonRefundUsed: false,
        purchasedAt: '2026-12-04T10:00:00+08:00',
        amountPaid: 1088,
        amountPaidWithVouchers: 100,
      },
      '2026-12-06T10:00:00+08:00',
    );
    expect(v.refundEstimate?.amount).toBe(1088);
    const draft = draftTicket(v, {
      ...cvm,
      vendor: 'tencent-cloud',
      purchasedAt: '2026-12-04T10:00:00+08:00',
      amountPaid: 1088,
      amountPaidWithVouchers: 100,
    });
    expect(draft.description).toContain('1088.00');
    expect(draft.description).not.toContain('988.00');
  });

  it('the partial estimate follows the CVM formula: used time at the pay-as-you-go price, by the second (doc case 2)', () => {
    const facts = {
      ...cvm,
      firstNoReasonRefundUsed: true,
      purchasedAt: '2026-12-01T10:00:00+08:00',
      amountPaid: 407.96,
      amountPaidWithVouchers: 100,
      termMonths: 12,
      payAsYouGoHourlyPrice: 0.42,
    };
    const v = evaluateClaim(facts, '2026-12-03T10:00:00+08:00');
    expect(v.rule).toBe('partial-refund');
    expect(v.refundEstimate).toMatchObject({ amount: 387.8, missing: [] });
    // One second later the used part is one second longer, not a whole extra day.
    const later = evaluateClaim(facts, '2026-12-03T10:00:01+08:00');
    expect(later.refundEstimate!.amount).toBeCloseTo(387.8, 2);
  });

  it('orders not yet started come back whole (doc case 3)', () => {
    const facts = {
      ...cvm,
      firstNoReasonRefundUsed: true,
      purchasedAt: '2026-12-01T10:00:00+08:00',
      amountPaid: 407.96,
      termMonths: 12,
      payAsYouGoHourlyPrice: 0.42,
      notStartedOrdersPaid: 507.96,
    };
    expect(evaluateClaim(facts, '2026-12-03T10:00:00+08:00').refundEstimate?.amount).toBe(895.76);
  });

  it('without the pay-as-you-go price the estimate says what it lacks and gives only a labelled range, never a precise figure', () => {
    const facts = {
      ...cvm,
      firstNoReasonRefundUsed: true,
      purchasedAt: '2026-12-01T10:00:00+08:00',
      amountPaid: 407.96,
      termMonths: 12,
    };
    for (const locale of ['zh-CN', 'en'] as const) {
      const e = evaluateClaim(facts, '2026-12-03T10:00:00+08:00', { locale }).refundEstimate!;
      expect(e.amount).toBeNull();
      expect(e.missing).toEqual(['payAsYouGoHourlyPrice']);
      expect(e.range).toEqual({ min: 0, max: 407.96 });
      expect(e.method).toMatch(locale === 'zh-CN' ? /按量计费单价/ : /pay-as-you-go price/);
    }
  });

  it('instance types and channels without self-service return go to a ticket', () => {
    for (const facts of [{ instanceFamily: 'SN2' }, { instanceFamily: 'FX2' }, { promotionChannel: true }]) {
      const v = evaluateClaim(
        { ...cvm, firstNoReasonRefundUsed: true, purchasedAt: '2026-12-01T10:00:00+08:00', ...facts },
        '2026-12-06T10:00:00+08:00',
      );
      expect(v.channels[0]?.kind).toBe('ticket');
      expect(v.channels.some((c) => c.kind === 'self-service')).toBe(false);
    }
    const plain = evaluateClaim(
      { ...cvm, firstNoReasonRefundUsed: true, purchasedAt: '2026-12-01T10:00:00+08:00', instanceFamily: 'S5' },
      '2026-12-06T10:00:00+08:00',
    );
    expect(plain.channels[0]?.kind).toBe('self-service');
  });

  it('the console button is 销毁/退还', () => {
    const v = evaluateClaim(
      { ...cvm, firstNoReasonRefundUsed: false, purchasedAt: '2026-12-04T10:00:00+08:00' },
      '2026-12-06T10:00:00+08:00',
    );
    expect(steps(v)).toContain('销毁/退还');
  });

  it('suspected abusive refunds may be refused: a note, not a rule', () => {
    const v = evaluateClaim(
      { ...cvm, firstNoReasonRefundUsed: false, purchasedAt: '2026-12-04T10:00:00+08:00' },
      '2026-12-06T10:00:00+08:00',
    );
    expect(v).toMatchObject({ rule: 'five-day-no-reason', confirmed: true });
    expect(steps(v)).toMatch(/异常\/恶意退货/);
  });

  it('the pack cites Tencent’s own documents by file path and heading', () => {
    const v = evaluateClaim(
      { ...cvm, firstNoReasonRefundUsed: true, purchasedAt: '2026-12-01T10:00:00+08:00' },
      '2026-12-06T10:00:00+08:00',
    );
    expect(v.basis.map((b) => `${b.source} ${b.clause}`).join('\n')).toContain(
      'product/计算与网络/云服务器/购买指南/退还包年包月实例退费说明.md CVM 普通自助退还规则',
    );
  });
});

describe('快连 (seed 003)', () => {
  it('charge errors have no request window: a duplicate charge on day 40 is not expired', () => {
    const v = evaluateClaim(
      { vendor: 'letsvpn', purchasedAt: '2026-10-27T14:00:00+08:00', reason: 'duplicate-charge' },
      '2026-12-06T10:00:00+08:00',
    );
    expect(v).toMatchObject({ outcome: 'eligible', rule: 'charge-error', deadline: null });
  });

  it('the outage route needs a large-scale interruption in the user’s region', () => {
    const base = {
      vendor: 'letsvpn',
      purchasedAt: '2026-11-20T14:00:00+08:00',
      reason: 'outage',
      outageCause: 'vendor',
      outageHours: 80,
    };
    const unknown = evaluateClaim(base, '2026-12-06T10:00:00+08:00');
    expect(route(unknown, 'outage-72h')).toMatchObject({
      status: 'needs-answers',
      needs: ['outageLargeScale', 'outageInUserRegion'],
    });
    const local = evaluateClaim(
      { ...base, outageLargeScale: true, outageInUserRegion: false },
      '2026-12-06T10:00:00+08:00',
    );
    expect(route(local, 'outage-72h')).toBeUndefined();
    const yes = evaluateClaim(
      { ...base, outageLargeScale: true, outageInUserRegion: true },
      '2026-12-06T10:00:00+08:00',
    );
    expect(yes).toMatchObject({ rule: 'outage-72h', confirmed: true });
  });

  it('the trial runs from download: asked for, else counted from purchase and flagged estimated', () => {
    const base = {
      vendor: 'letsvpn',
      purchasedAt: '2026-12-05T14:00:00+08:00',
      newUser: true,
      trialOffered: true,
      trialHours: 24,
    };
    const fromPurchase = evaluateClaim(base, '2026-12-06T10:00:00+08:00');
    expect(fromPurchase.deadline).toMatchObject({ date: '2026-12-06', estimated: true });
    expect(fromPurchase.questions.map((q) => q.fact)).toContain('downloadedAt');
    const fromDownload = evaluateClaim(
      { ...base, downloadedAt: '2026-12-05T20:00:00+08:00' },
      '2026-12-06T10:00:00+08:00',
    );
    expect(fromDownload.deadline).toMatchObject({ closesAt: '2026-12-06T20:00:00+08:00', estimated: false });
    expect(fromDownload.questions.map((q) => q.fact)).not.toContain('downloadedAt');
  });

  it('a payment-channel fee may be deducted (FAQ Q3)', () => {
    const v = evaluateClaim(
      { vendor: 'letsvpn', purchasedAt: '2026-10-27T14:00:00+08:00', reason: 'duplicate-charge' },
      '2026-12-06T10:00:00+08:00',
    );
    expect(steps(v)).toContain('支付通道手续费');
    expect(v.basis.concat(v.routes.flatMap((r) => r.basis)).some((b) => b.clause?.includes('Q3'))).toBe(true);
  });
});

describe('Tencent Exmail (seed 000 article, seed 002 SLA)', () => {
  it('seed 000 is cited as a help-centre article about the agreement, and drafts do not call its exceptions contract clauses', () => {
    const title = citationTitle({ source: '000_b578c39791e62d25.txt' }, 'zh-CN');
    expect(title).toContain('帮助中心文章');
    expect(title).not.toMatch(/^《腾讯企业邮箱服务协议》/);
    const facts = {
      vendor: 'tencent-exmail',
      purchasedAt: '2026-12-05T10:00:00+08:00',
      activated: false,
      terminatedForViolation: false,
    };
    const draft = draftTicket(evaluateClaim(facts, '2026-12-06T10:00:00+08:00'), facts);
    expect(draft.description).not.toMatch(/服务协议》[^\n]*例外/);
  });

  it('not activated → negotiable, full or partial', () => {
    const v = evaluateClaim(
      {
        vendor: 'tencent-exmail',
        purchasedAt: '2026-12-05T10:00:00+08:00',
        activated: false,
        terminatedForViolation: false,
      },
      '2026-12-06T10:00:00+08:00',
    );
    expect(v).toMatchObject({ outcome: 'negotiable', refund: 'full', refundOr: 'partial' });
    expect(headlineWords(v, 'zh-CN', '2026-12-06T10:00:00+08:00').line).toContain('全额或部分退款');
    expect(route(v, 'not-activated')?.refundOr).toBe('partial');
  });

  it('the SLA route names the hotline 4009100100 among where to claim (questions only: claims are by ticket)', () => {
    const v = evaluateClaim(
      {
        vendor: 'tencent-exmail',
        purchasedAt: '2026-01-05',
        activated: true,
        reason: 'outage',
        outageCause: 'vendor',
        outageMonth: '2026-11',
      },
      '2026-12-10T10:00:00+08:00',
    );
    expect(v.rule).toBe('outage-sla');
    expect(v.channels[0]?.kind).toBe('ticket');
    expect(v.channels.some((c) => c.value === '4009100100')).toBe(true);
  });

  it('SLA vouchers expire (§3.1): the verdict says to use them in time', () => {
    const v = evaluateClaim(
      {
        vendor: 'tencent-exmail',
        purchasedAt: '2026-01-05',
        activated: true,
        reason: 'outage',
        outageCause: 'vendor',
        outageMonth: '2026-11',
      },
      '2026-12-10T10:00:00+08:00',
    );
    expect(steps(v)).toMatch(/代金券.*使用期限/);
  });

  it('a DNS misconfiguration is the customer’s (§4.1.4) and excluded', () => {
    const v = evaluateClaim(
      {
        vendor: 'tencent-exmail',
        purchasedAt: '2026-01-05',
        activated: true,
        reason: 'outage',
        outageCause: 'dns-misconfiguration',
      },
      '2026-12-10T10:00:00+08:00',
    );
    expect(v).toMatchObject({ outcome: 'not-eligible', rule: 'outage-excluded-cause' });
    expect(v.basis.some((b) => b.clause === '4.1.4')).toBe(true);
  });
});

describe('Reseller (seed 000)', () => {
  it('a verbal promise with no stated days has no invented expiry; the claim is with the reseller', () => {
    const v = evaluateClaim(
      {
        vendor: 'tencent-exmail',
        purchasedAt: '2026-10-01T10:00:00+08:00',
        channel: 'reseller',
        resellerPromise: { written: false },
        terminatedForViolation: false,
      },
      '2026-12-06T10:00:00+08:00',
    );
    expect(v).toMatchObject({
      outcome: 'negotiable',
      rule: 'reseller-verbal-promise',
      claimWith: 'reseller',
      deadline: null,
      confirmed: true,
    });
    expect(v.questions.map((q) => q.fact)).not.toContain('resellerPromise');
  });

  it('the draft to the reseller rests on the article’s exceptions, never on a user’s story, and invents no days', () => {
    const facts = {
      vendor: 'tencent-exmail',
      purchasedAt: '2026-10-01T10:00:00+08:00',
      channel: 'reseller',
      resellerPromise: { written: false },
      terminatedForViolation: false,
      reason: 'changed-mind',
    };
    for (const locale of ['zh-CN', 'en'] as const) {
      const draft = draftTicket(evaluateClaim(facts, '2026-12-06T10:00:00+08:00', { locale }), facts, [], locale);
      expect(draft.target).toBe('reseller');
      expect(draft.description).toContain('例外：通过第三方代理商购买');
      expect(draft.description).not.toMatch(/真实用户案例|user case/i);
      expect(draft.description).not.toMatch(/\d+ ?(天|days)/);
    }
  });
});

describe('Generic software (CRPL art. 25)', () => {
  it('the 7-day rule excludes unsealed software and needs the goods intact: the verdict says so', () => {
    const v = evaluateClaim(
      {
        vendor: 'generic-software',
        purchasedAt: '2026-12-04',
        boughtOnline: true,
        itemKind: 'goods',
        confirmedNonReturnable: false,
      },
      '2026-12-06T10:00:00+08:00',
    );
    expect(v.rule).toBe('seven-day-no-reason');
    const text = [...v.basis.map((b) => b.text), ...v.nextSteps].join('\n');
    expect(text).toContain('拆封');
    expect(text).toContain('完好');
  });
});

describe('Calendar (FACTS.md: years without a published schedule)', () => {
  it('fixed-date statutory holidays are holidays in an unpublished year, still flagged estimated', () => {
    expect(defaultCalendar.covers(2028)).toBe(false);
    expect(defaultCalendar.day('2028-05-01')).toMatchObject({ business: false, estimated: true });
    expect(defaultCalendar.day('2029-10-02')).toMatchObject({ business: false, estimated: true });
    expect(defaultCalendar.addBusinessDays('2027-12-31', 1)).toEqual({ date: '2028-01-03', estimated: true });
    expect(defaultCalendar.day('2028-05-02')).toMatchObject({ business: true, estimated: true });
  });
});
