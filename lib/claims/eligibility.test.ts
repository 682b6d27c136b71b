import { describe, it, expect } from 'vitest';
import { evaluateClaim, ClaimInputError } from './eligibility';
import { UnknownVendorError } from '../policy/registry';
import { PolicyPackError } from '../policy/schema';
import { EVIDENCE_IDS } from './evidence';

const fiveDayFacts = {
  vendor: 'tencent-cloud',
  purchasedAt: '2026-11-22T10:00:00+08:00',
  billing: 'prepaid',
  renewal: false,
  convertedFromPayAsYouGo: false,
  firstNoReasonRefundUsed: false,
  promoNonRefundable: false,
};

describe('evaluateClaim: verdict shape (DESIGN.md contract 1)', () => {
  it('returns the contract fields with a deadline of { date, estimated, label }', () => {
    const v = evaluateClaim(fiveDayFacts, '2026-11-23T10:00:00+08:00');
    expect(v).toMatchObject({ vendor: 'tencent-cloud', outcome: 'eligible', refund: 'full', claimWith: 'vendor' });
    expect(v.deadline).toEqual({
      date: '2026-11-27',
      estimated: false,
      label: '五天无理由退还截止（含第 5 天）（未提供交付时间，按购买时间计）',
      closesAt: '2026-11-27T23:59:59+08:00',
    });
    expect(v.basis[0]).toMatchObject({ source: 'FACTS.md', clause: expect.stringContaining('five-day') });
    expect(v.evidence).toEqual([
      'account-info',
      'order-number',
      'payment-record',
      'usage-records',
      'invoice-or-contract',
    ]);
    expect(v.evidence.every((id) => EVIDENCE_IDS.includes(id))).toBe(true);
    expect(v.pack).toMatchObject({ id: 'tencent-cloud', lastChecked: '2026-12-06' });
    expect(v.channels.map((c) => c.value)).toContain('4009100100');
    expect(v.evaluatedAt).toBe('2026-11-23T10:00:00+08:00');
  });

  it('seed 001 materials are the evidence of a Tencent Cloud refund; refunds go to the account balance (FACTS)', () => {
    const v = evaluateClaim(fiveDayFacts, '2026-11-23T10:00:00+08:00', { locale: 'en' });
    expect(v.nextSteps.join(' ')).toContain('account balance');
    expect(v.nextSteps.join(' ')).toContain('vouchers and coupons are not refunded');
  });
});

describe('refund estimates (amountPaid is 实付; vouchers never refunded; CVM: 退还包年包月实例退费说明)', () => {
  it('five-day refund: the amount actually paid (already after vouchers), the vouchers named as kept', () => {
    const v = evaluateClaim(
      { ...fiveDayFacts, amountPaid: 300, amountPaidWithVouchers: 50 },
      '2026-11-23T10:00:00+08:00',
    );
    expect(v.refundEstimate).toMatchObject({ amount: 300, estimated: true, currency: 'CNY' });
    expect(v.refundEstimate?.method).toContain('代金券 50.00 元 不退');
  });

  it('partial refund: whole months at the prepaid price, the rest at the pay-as-you-go price by the second', () => {
    const v = evaluateClaim(
      {
        vendor: 'tencent-cloud',
        purchasedAt: '2026-01-01T00:00:00+08:00',
        billing: 'prepaid',
        renewal: true,
        promoNonRefundable: false,
        amountPaid: 1200,
        termMonths: 12,
        payAsYouGoHourlyPrice: 0.5,
      },
      '2026-04-01T12:00:00+08:00',
      { locale: 'en' },
    );
    // 3 whole months × 100 + 12 h × 0.5 = 306; 1200 − 306 = 894
    expect(v.refundEstimate?.amount).toBe(894);
    expect(v.refundEstimate?.method).toContain('by the second');
  });

  it('a negative result counts as zero', () => {
    const v = evaluateClaim(
      {
        vendor: 'tencent-cloud',
        purchasedAt: '2026-01-01T00:00:00+08:00',
        billing: 'prepaid',
        renewal: true,
        promoNonRefundable: false,
        amountPaid: 10,
        termMonths: 1,
        payAsYouGoHourlyPrice: 0.5,
      },
      '2026-01-20T00:00:00+08:00',
    );
    expect(v.refundEstimate?.amount).toBe(0);
  });

  it('says what is missing instead of inventing a figure', () => {
    const v = evaluateClaim(
      {
        vendor: 'tencent-cloud',
        purchasedAt: '2026-01-01',
        billing: 'prepaid',
        renewal: true,
        promoNonRefundable: false,
      },
      '2026-02-01',
    );
    expect(v.refundEstimate).toMatchObject({ amount: null, missing: ['amountPaid'] });
  });
});

describe('processing timeline across holidays (seed 003 第三步/第四步; FACTS: two working days)', () => {
  const letsvpn = {
    vendor: 'letsvpn',
    purchasedAt: '2026-02-12T10:00:00+08:00',
    reason: 'duplicate-charge',
    requestWindowDays: 30,
    paymentMethod: 'alipay',
  };

  it('Spring Festival: review counts Sat Feb 14 and skips Feb 15–23; payout counts Sat Feb 28', () => {
    const v = evaluateClaim(letsvpn, '2026-02-13T10:00:00+08:00');
    const review = v.timeline.find((i) => i.id === 'review')!;
    expect(review).toMatchObject({ earliest: '2026-02-14', latest: '2026-02-25', estimated: false });
    const payout = v.timeline.find((i) => i.id === 'payout-alipay-wechat')!;
    expect(payout).toMatchObject({ earliest: '2026-02-26', latest: '2026-03-03' });
    expect(v.timeline.some((i) => i.id === 'payout-card')).toBe(false);
  });

  it('National Day: a request on Sep 30 is reviewed by Sat Oct 10 (make-up day)', () => {
    const v = evaluateClaim(
      { ...letsvpn, purchasedAt: '2026-09-25', paymentMethod: 'card' },
      '2026-09-30T10:00:00+08:00',
    );
    expect(v.timeline.find((i) => i.id === 'review')).toMatchObject({ earliest: '2026-10-08', latest: '2026-10-10' });
    expect(v.timeline.find((i) => i.id === 'payout-card')).toMatchObject({
      earliest: '2026-10-14',
      latest: '2026-10-23',
    });
  });

  it('Labour Day: a Tencent Cloud ticket sent Apr 30 is reviewed by Thu May 7', () => {
    const v = evaluateClaim({ ...fiveDayFacts, purchasedAt: '2026-04-28' }, '2026-04-30T10:00:00+08:00');
    expect(v.timeline).toEqual([
      expect.objectContaining({ id: 'ticket-review', earliest: '2026-04-30', latest: '2026-05-07', estimated: false }),
    ]);
  });

  it('late December 2026: dates in 2027 are flagged estimated', () => {
    const v = evaluateClaim({ ...letsvpn, purchasedAt: '2026-12-20' }, '2026-12-30T10:00:00+08:00');
    // 31 Dec, then (1 Jan off by law) 4 and 5 Jan.
    expect(v.timeline.find((i) => i.id === 'review')).toMatchObject({ latest: '2027-01-05', estimated: true });
  });

  it('a user-supplied 2027 schedule makes them exact', () => {
    const overrides = [{ year: 2027, holidays: ['2027-01-01'], workdays: [] }];
    const v = evaluateClaim({ ...letsvpn, purchasedAt: '2026-12-20' }, '2026-12-30T10:00:00+08:00', {
      holidayOverrides: overrides,
    });
    expect(v.timeline.find((i) => i.id === 'review')).toMatchObject({ latest: '2027-01-05', estimated: false });
  });
});

describe('SLA claim window in the verdict (seed 002 §3.2)', () => {
  const outage = {
    vendor: 'tencent-exmail',
    purchasedAt: '2026-01-05',
    reason: 'outage',
    outageCause: 'vendor',
    outageMonth: '2026-09',
    activated: true,
  };

  it('cannot be filed until after the 5th business day of the next month', () => {
    const v = evaluateClaim(outage, '2026-10-13T18:00:00+08:00');
    expect(v.claimWindow).toEqual({
      opensAfter: '2026-10-13',
      closesOn: '2026-11-29',
      estimated: false,
      canFileNow: false,
    });
    expect(v.nextSteps[0]).toContain('2026-10-13');
  });

  it('can be filed from the next day', () => {
    const v = evaluateClaim(outage, '2026-10-14T09:00:00+08:00');
    expect(v.claimWindow?.canFileNow).toBe(true);
    expect(v.nextSteps.join('\n')).not.toContain('之后才能申请');
  });

  it('the month can come from the outage start', () => {
    const v = evaluateClaim(
      { ...outage, outageMonth: undefined, outageStart: '2026-04-30T23:30:00+08:00' },
      '2026-05-20',
    );
    expect(v.claimWindow).toMatchObject({ opensAfter: '2026-05-11', closesOn: '2026-06-29' });
  });

  it('an outage in December 2026 has an estimated opening (2027 is not in the calendar)', () => {
    const v = evaluateClaim({ ...outage, outageMonth: '2026-12' }, '2027-01-03', { locale: 'en' });
    // 5th business day of January 2027 on weekdays, New Year's Day off by law.
    expect(v.claimWindow).toMatchObject({ opensAfter: '2027-01-08', closesOn: '2027-03-01', estimated: true });
    expect(v.nextSteps[0]).toContain('estimated');
  });
});

describe('advice and reminders', () => {
  it('Exmail always reminds that data is deleted after the service ends (002 §5.4.3)', () => {
    const v = evaluateClaim(
      { vendor: 'tencent-exmail', purchasedAt: '2026-03-01', activated: true, reason: 'changed-mind' },
      '2026-03-10',
      { locale: 'en' },
    );
    expect(v.nextSteps.join(' ')).toMatch(/delete all mail/);
  });

  it('Tencent Cloud campaign/referral orders need a ticket (FACTS)', () => {
    const v = evaluateClaim({ ...fiveDayFacts, promotionChannel: true }, '2026-11-23', { locale: 'en' });
    expect(v.nextSteps.join(' ')).toContain('cannot be self-refunded');
  });

  it('LetsVPN says its own policy text is not confirmed beyond source 003 (FACTS)', () => {
    const v = evaluateClaim({ vendor: 'letsvpn', purchasedAt: '2026-03-01', reason: 'defect' }, '2026-03-02', {
      locale: 'en',
    });
    expect(v.nextSteps.join(' ')).toContain('could not be confirmed');
  });
});

describe('input errors are clear and never a guess', () => {
  it('requires vendor and purchasedAt', () => {
    expect(() => evaluateClaim({}, '2026-03-01')).toThrow(ClaimInputError);
    try {
      evaluateClaim({ vendor: 'letsvpn', purchasedAt: '2026-02-30' }, '2026-03-01', { locale: 'en' });
    } catch (e) {
      expect((e as ClaimInputError).issues).toEqual([
        'purchasedAt: must be an ISO date or date-time, e.g. 2026-03-01 or 2026-03-01T10:00:00+08:00',
      ]);
      expect((e as Error).message).toContain('Cannot evaluate');
    }
  });

  it('rejects values outside the fact vocabulary', () => {
    expect(() =>
      evaluateClaim({ vendor: 'letsvpn', purchasedAt: '2026-03-01', channel: 'taobao' }, '2026-03-02'),
    ).toThrow(/channel/);
  });

  it('rejects a purchase after now, and a malformed now', () => {
    expect(() =>
      evaluateClaim({ vendor: 'letsvpn', purchasedAt: '2026-03-05' }, '2026-03-01', { locale: 'en' }),
    ).toThrow(/after now/);
    expect(() => evaluateClaim({ vendor: 'letsvpn', purchasedAt: '2026-03-05' }, 'soon', { locale: 'en' })).toThrow(
      /now/,
    );
    // In one language: the problem is told in the reader's language, like its heading.
    expect(() => evaluateClaim({ vendor: 'letsvpn', purchasedAt: '2026-03-05' }, '2026-03-01')).toThrow(
      /无法评估：输入有误\n.*晚于当前时间/,
    );
    expect(() => evaluateClaim({ vendor: 'letsvpn', purchasedAt: 'soon' }, '2026-03-01')).toThrow(
      /purchasedAt: 应为 ISO 日期或日期时间/,
    );
    expect(() =>
      evaluateClaim({ vendor: 'letsvpn', purchasedAt: '2026-03-01', channel: 'taobao' }, '2026-03-02'),
    ).toThrow(/channel: 应为以下之一：official、reseller/);
  });

  it('names the missing pack for an unknown vendor', () => {
    expect(() => evaluateClaim({ vendor: 'acme-cloud', purchasedAt: '2026-03-01' }, '2026-03-02')).toThrow(
      UnknownVendorError,
    );
    expect(() => evaluateClaim({ vendor: 'constructor', purchasedAt: '2026-03-01' }, '2026-03-02')).toThrow(
      UnknownVendorError,
    );
  });
});

describe('user-defined packs', () => {
  const acme = {
    id: 'acme-course',
    name: 'Acme 在线课程',
    lastChecked: '2026-10-01',
    covers: 'Acme online courses',
    rules: [
      {
        id: 'before-course-starts',
        when: { fact: 'courseStarted', is: false },
        outcome: 'eligible',
        refund: 'full',
        claimWith: 'vendor',
        summary: '开课前 7 天无理由退款',
        citations: [{ source: 'https://acme.example/refund', clause: '第 2 条' }],
        deadline: { kind: 'period', amount: 7, unit: 'calendar-days', from: 'purchase', label: '无理由退款期限' },
        evidence: ['order-number', 'enrolment-mail'],
        channels: ['acme-support'],
      },
      {
        id: 'otherwise',
        outcome: 'not-eligible',
        refund: null,
        claimWith: 'vendor',
        summary: '开课后不退',
        citations: [{ source: 'https://acme.example/refund', clause: '第 3 条' }],
      },
    ],
    channels: [
      {
        id: 'acme-support',
        kind: 'email',
        name: 'Acme 客服',
        value: 'help@acme.example',
        citations: [{ source: 'https://acme.example/contact' }],
      },
    ],
    evidence: [{ id: 'enrolment-mail', label: { 'zh-CN': '报名确认邮件', en: 'Enrolment email' } }],
    questions: { courseStarted: { text: { 'zh-CN': '课程开始了吗？', en: 'Has the course started?' } } },
  };

  it('evaluate with the same engine, asking their own questions', () => {
    const unknown = evaluateClaim({ vendor: 'acme-course', purchasedAt: '2026-03-01' }, '2026-03-02', {
      packs: [acme],
      locale: 'en',
    });
    // A pack written before routes: its first rule is now a route that waits on the answer.
    expect(unknown).toMatchObject({
      outcome: 'eligible',
      rule: 'before-course-starts',
      confirmed: false,
      needs: ['courseStarted'],
    });
    const started = evaluateClaim(
      { vendor: 'acme-course', purchasedAt: '2026-03-01', courseStarted: true },
      '2026-03-02',
      { packs: [acme] },
    );
    expect(started).toMatchObject({ outcome: 'not-eligible', rule: 'otherwise', confirmed: true });
    expect(unknown.questions).toEqual([
      expect.objectContaining({ fact: 'courseStarted', text: 'Has the course started?' }),
    ]);
    const ok = evaluateClaim({ vendor: 'acme-course', purchasedAt: '2026-03-01', courseStarted: false }, '2026-03-02', {
      packs: [acme],
    });
    expect(ok).toMatchObject({ outcome: 'eligible', refund: 'full', deadline: { date: '2026-03-08' } });
    expect(ok.channels).toEqual([{ id: 'acme-support', kind: 'email', name: 'Acme 客服', value: 'help@acme.example' }]);
    const late = evaluateClaim(
      { vendor: 'acme-course', purchasedAt: '2026-03-01', courseStarted: false },
      '2026-03-09',
      { packs: [acme] },
    );
    expect(late.outcome).toBe('expired');
  });

  it('are validated with every problem listed', () => {
    const broken = { ...acme, rules: [{ ...acme.rules[0], citations: [] }, acme.rules[1]] };
    expect(() =>
      evaluateClaim({ vendor: 'acme-course', purchasedAt: '2026-03-01' }, '2026-03-02', { packs: [broken] }),
    ).toThrow(PolicyPackError);
    try {
      evaluateClaim({ vendor: 'acme-course', purchasedAt: '2026-03-01' }, '2026-03-02', { packs: [broken] });
    } catch (e) {
      expect((e as PolicyPackError).errors).toEqual([
        'packs[0] rules[0] "before-course-starts" › citations: every rule must cite its source (seed file + clause, FACTS.md entry, or the vendor document)',
      ]);
    }
  });

  it('cannot replace a shipped pack', () => {
    expect(() =>
      evaluateClaim({ vendor: 'letsvpn', purchasedAt: '2026-03-01' }, '2026-03-02', {
        packs: [{ ...acme, id: 'letsvpn' }],
      }),
    ).toThrow(/shipped pack/);
  });
});
