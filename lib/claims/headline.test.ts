import { describe, expect, it } from 'vitest';
import { evaluateClaim } from './eligibility';
import { headlineWords } from './headline';

/** The words every surface shows (issue 18 §1): one line, a tone, a deadline. */
const NOW = '2026-12-06T10:00:00+08:00';
const cvm = {
  vendor: 'tencent-cloud',
  billing: 'prepaid',
  renewal: false,
  convertedFromPayAsYouGo: false,
  firstNoReasonRefundUsed: false,
  promoNonRefundable: false,
};

function words(facts: Record<string, unknown>, now = NOW) {
  return {
    zh: headlineWords(evaluateClaim(facts, now, { locale: 'zh-CN' }), 'zh-CN', now),
    en: headlineWords(evaluateClaim(facts, now, { locale: 'en' }), 'en', now),
  };
}

describe('headlineWords', () => {
  it('an open five-day refund: full refund, its name, the date and the days left', () => {
    const { zh, en } = words({ ...cvm, purchasedAt: '2026-12-04T10:00:00+08:00' });
    expect(zh).toEqual({
      tone: 'good',
      line: '可全额退款 · 五天无理由',
      deadline: '12月9日前（还剩 3 天）',
      deadlineDate: '2026-12-09',
      estimated: false,
      confirmed: true,
    });
    expect(en).toMatchObject({
      tone: 'good',
      line: 'Full refund available · Five-day no-reason',
      deadline: 'by 2026-12-09 (3 days left)',
      confirmed: true,
    });
  });

  it('a route that waits on an answer says "possible" and how many answers it needs, never "not eligible"', () => {
    const { zh, en } = words({ ...cvm, convertedFromPayAsYouGo: undefined, purchasedAt: '2026-12-04T10:00:00+08:00' });
    expect(zh).toMatchObject({
      tone: 'warn',
      line: '可能可以全额退款 · 需确认 1 项',
      deadline: '12月9日前（还剩 3 天）',
      confirmed: false,
    });
    expect(en).toMatchObject({ tone: 'warn', line: 'Full refund possible · 1 answer needed', confirmed: false });
    const two = words({ vendor: 'letsvpn', purchasedAt: '2026-12-05T14:00:00+08:00', reason: 'dissatisfied' });
    expect(two.zh.line).toBe('可能可以全额退款 · 需确认 2 项');
    expect(two.en.line).toBe('Full refund possible · 2 answers needed');
  });

  it('a better window that has passed is named, with what is still open', () => {
    const { zh, en } = words({ ...cvm, purchasedAt: '2026-11-20T10:00:00+08:00' });
    expect(zh).toMatchObject({
      tone: 'good',
      line: '五天无理由已过 · 仍可部分退款',
      deadline: null,
      deadlineDate: null,
    });
    expect(en.line).toBe('Five-day no-reason has passed · partial refund still available');
  });

  it('a passed five-day window is named even while its conditions are unknown (an order-list row shows no term)', () => {
    const row = words({ vendor: 'tencent-cloud', purchasedAt: '2026-11-20T10:00:00+08:00' });
    expect(row.zh.line).toBe('五天无理由已过 · 可能仍可部分退款 · 需确认 1 项');
    const known = words({
      vendor: 'tencent-cloud',
      billing: 'prepaid',
      renewal: false,
      purchasedAt: '2026-11-20T10:00:00+08:00',
    });
    expect(known.zh.line).toBe('五天无理由已过 · 仍可部分退款');
    // A renewal never had the five-day window: nothing "passed".
    const renewal = words({
      vendor: 'tencent-cloud',
      billing: 'prepaid',
      renewal: true,
      purchasedAt: '2026-11-20T10:00:00+08:00',
    });
    expect(renewal.zh.line).not.toContain('五天无理由已过');
  });

  it('nothing left: "不可退款", in the bad tone', () => {
    const { zh, en } = words({ ...cvm, promoNonRefundable: true, purchasedAt: '2026-12-04T10:00:00+08:00' });
    expect(zh).toMatchObject({ tone: 'bad', line: '不可退款', deadline: null, confirmed: true });
    expect(en).toMatchObject({ tone: 'bad', line: 'No refund' });
  });

  it('expired: the window that closed, and when', () => {
    const facts = {
      vendor: 'tencent-exmail',
      purchasedAt: '2026-11-02T10:00:00+08:00',
      channel: 'reseller',
      resellerPromise: { days: 7, written: true },
      activated: true,
      reason: 'changed-mind',
      terminatedForViolation: false,
    };
    const { zh, en } = words(facts);
    expect(zh).toMatchObject({
      tone: 'bad',
      line: '代理商书面承诺已截止',
      deadline: '已于11月9日截止',
      deadlineDate: '2026-11-09',
    });
    expect(en).toMatchObject({ line: "Reseller's written promise: window closed", deadline: 'closed on 2026-11-09' });
  });

  it('an estimated deadline says so once, and the last day says "today"', () => {
    const { zh, en } = words({
      vendor: 'letsvpn',
      purchasedAt: '2026-12-05T14:00:00+08:00',
      newUser: true,
      trialOffered: true,
      reason: 'dissatisfied',
    });
    expect(zh.deadline).toBe('12月6日前（今天截止）（估算）');
    expect(zh.deadline!.split('估算').length).toBe(2);
    expect(zh.estimated).toBe(true);
    expect(en.deadline).toBe('by 2026-12-06 (closes today) (estimated)');
  });

  it('an SLA credit says when claims open and close; the year is written when it is not this one', () => {
    const facts = {
      vendor: 'tencent-cloud',
      billing: 'pay-as-you-go',
      purchasedAt: '2026-01-05',
      reason: 'outage',
      outageCause: 'vendor',
      outageMonth: '2026-11',
    };
    const { zh, en } = words(facts);
    expect(zh).toMatchObject({
      tone: 'good',
      line: '可申请代金券赔偿 · CVM 可用性 SLA',
      deadline: '12月7日后可申请 · 2027年1月29日前（还剩 54 天）',
    });
    expect(en).toMatchObject({
      line: 'Voucher credit available · CVM SLA',
      deadline: 'claims open after 2026-12-07 · by 2027-01-29 (54 days left)',
    });
  });

  it('a claim made with someone else names them', () => {
    const { zh, en } = words({ vendor: 'letsvpn', purchasedAt: '2026-12-05T14:00:00+08:00', channel: 'app-store' });
    expect(zh).toMatchObject({ line: '向苹果申请退款', tone: 'neutral' });
    expect(en.line).toBe('Ask Apple for a refund');
    const reseller = words({
      vendor: 'tencent-exmail',
      purchasedAt: '2026-12-02T10:00:00+08:00',
      channel: 'reseller',
      resellerPromise: { days: 7, written: true },
      terminatedForViolation: false,
    });
    expect(reseller.zh.line).toBe('向代理商申请全额退款');
    expect(reseller.en.line).toBe('Ask the reseller for a full refund');
  });

  it('shows no internal ids', () => {
    for (const facts of [
      { ...cvm, purchasedAt: '2026-12-04T10:00:00+08:00' },
      { vendor: 'letsvpn', purchasedAt: '2026-12-05T14:00:00+08:00' },
    ]) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const v = evaluateClaim(facts, NOW, { locale });
        const line = headlineWords(v, locale, NOW).line;
        for (const id of [v.rule, ...v.routes.map((r) => r.id), ...v.needs]) expect(line).not.toContain(id);
      }
    }
  });
});
