import { describe, it, expect } from 'vitest';
import { evaluateClaim, type Verdict } from './eligibility';
import { shippedPacks } from '../policy/registry';

/**
 * The verdict case table: one row per situation, each naming the clause it
 * protects. Every rule of every shipped pack must be decided by at least one
 * row (checked at the end), so a rule nobody tests cannot slip in.
 */
interface Case {
  name: string;
  facts: Record<string, unknown>;
  now: string;
  expect: {
    outcome: Verdict['outcome'];
    rule: string;
    refund?: Verdict['refund'];
    claimWith?: Verdict['claimWith'];
    /** Deadline date, or null for none. */
    deadline?: string | null;
    estimated?: boolean;
    /** Facts that must be asked (and, with `onlyQuestions`, nothing else). */
    questions?: string[];
    onlyQuestions?: boolean;
    lapsed?: string[];
    nextStepIncludes?: string;
  };
}

const EX = 'tencent-exmail';
const TC = 'tencent-cloud';
const LV = 'letsvpn';
const GS = 'generic-software';

const cases: Case[] = [
  // ── Tencent Exmail: seed 000 (§8.3 and its exceptions), seed 002 (SLA) ──
  {
    name: 'Exmail: violation-based termination keeps the fees (002 §5.3.1)',
    facts: { vendor: EX, purchasedAt: '2026-03-02T10:00:00+08:00', terminatedForViolation: true, activated: false },
    now: '2026-03-03T10:00:00+08:00',
    expect: {
      outcome: 'not-eligible',
      rule: 'terminated-for-violation',
      refund: null,
      deadline: null,
      questions: [],
      onlyQuestions: true,
    },
  },
  {
    name: "Exmail: a reseller's written 7-day promise is claimed from the reseller (000 例外：代理商)",
    facts: {
      vendor: EX,
      purchasedAt: '2026-03-02T10:00:00+08:00',
      channel: 'reseller',
      resellerPromise: { days: 7, written: true },
      terminatedForViolation: false,
    },
    now: '2026-03-05T10:00:00+08:00',
    expect: {
      outcome: 'eligible',
      rule: 'reseller-written-promise',
      refund: 'full',
      claimWith: 'reseller',
      deadline: '2026-03-09',
      estimated: false,
      questions: [],
      onlyQuestions: true,
    },
  },
  {
    name: 'Exmail: the written promise is open through the last promised day',
    facts: {
      vendor: EX,
      purchasedAt: '2026-03-02T10:00:00+08:00',
      channel: 'reseller',
      resellerPromise: { days: 7, written: true },
    },
    now: '2026-03-09T23:59:00+08:00',
    expect: { outcome: 'eligible', rule: 'reseller-written-promise', deadline: '2026-03-09' },
  },
  {
    name: "Exmail: once the reseller's window closes and the service is in use, the claim has expired",
    facts: {
      vendor: EX,
      purchasedAt: '2026-03-02T10:00:00+08:00',
      channel: 'reseller',
      resellerPromise: { days: 7, written: true },
      activated: true,
      reason: 'changed-mind',
      terminatedForViolation: false,
    },
    now: '2026-03-20T10:00:00+08:00',
    expect: {
      outcome: 'expired',
      rule: 'reseller-written-promise',
      refund: null,
      claimWith: 'reseller',
      deadline: '2026-03-09',
      lapsed: ['reseller-written-promise'],
    },
  },
  {
    name: 'Exmail: a verbal reseller promise is worth asking for, from the reseller (000 案例：王女士)',
    facts: {
      vendor: EX,
      purchasedAt: '2026-03-02T10:00:00+08:00',
      channel: 'reseller',
      resellerPromise: { days: 30, written: false },
    },
    now: '2026-03-09T10:00:00+08:00',
    expect: {
      outcome: 'negotiable',
      rule: 'reseller-verbal-promise',
      refund: 'full',
      claimWith: 'reseller',
      deadline: '2026-04-01',
    },
  },
  {
    name: 'Exmail: reseller with no promise at all falls back to Tencent’s rules (not activated)',
    facts: {
      vendor: EX,
      purchasedAt: '2026-03-02T10:00:00+08:00',
      channel: 'reseller',
      resellerPromise: false,
      activated: false,
      reason: 'changed-mind',
    },
    now: '2026-03-02T18:00:00+08:00',
    expect: { outcome: 'negotiable', rule: 'not-activated', refund: 'full', claimWith: 'vendor', deadline: null },
  },
  {
    name: 'Exmail: a 3-year plan bought instead of 1 year → change the order or refund the difference (000 例外：误购)',
    facts: { vendor: EX, purchasedAt: '2026-03-02T10:00:00+08:00', reason: 'wrong-plan', activated: true },
    now: '2026-03-10T10:00:00+08:00',
    expect: {
      outcome: 'negotiable',
      rule: 'mistaken-order',
      refund: 'difference',
      claimWith: 'vendor',
      deadline: null,
    },
  },
  {
    name: 'Exmail: duplicate payment of one order (000 例外：多付)',
    facts: { vendor: EX, purchasedAt: '2026-03-02T10:00:00+08:00', reason: 'duplicate-charge', activated: true },
    now: '2026-03-10T10:00:00+08:00',
    expect: { outcome: 'negotiable', rule: 'mistaken-order', refund: 'difference' },
  },
  {
    name: 'Exmail: invoice details wrong, order placed again (000 例外：开票信息错误)',
    facts: { vendor: EX, purchasedAt: '2026-03-02T10:00:00+08:00', reason: 'invoice-error', activated: true },
    now: '2026-03-10T10:00:00+08:00',
    expect: { outcome: 'negotiable', rule: 'mistaken-order', refund: 'difference' },
  },
  {
    name: 'Exmail: force majeure is excluded from SLA downtime (002 §2.3 (7))',
    facts: {
      vendor: EX,
      purchasedAt: '2026-01-05',
      reason: 'outage',
      outageCause: 'force-majeure',
      outageHours: 100,
      activated: true,
    },
    now: '2026-04-10T10:00:00+08:00',
    expect: { outcome: 'not-eligible', rule: 'outage-excluded-cause', refund: null },
  },
  {
    name: 'Exmail: the customer’s own side is excluded too (002 §2.3 (4)(5))',
    facts: { vendor: EX, purchasedAt: '2026-01-05', reason: 'outage', outageCause: 'user-side', activated: true },
    now: '2026-04-10T10:00:00+08:00',
    expect: { outcome: 'not-eligible', rule: 'outage-excluded-cause' },
  },
  {
    name: 'Exmail: availability met 99.9% → no SLA voucher (002 §2.2)',
    facts: {
      vendor: EX,
      purchasedAt: '2026-01-05',
      reason: 'outage',
      outageCause: 'vendor',
      sla: { month: '2026-03', compensationPercent: 0 },
      activated: true,
    },
    now: '2026-04-10T10:00:00+08:00',
    expect: { outcome: 'not-eligible', rule: 'outage-sla-met', refund: null },
  },
  {
    name: 'Exmail: vendor outage over 72 h → SLA voucher, window after the 5th business day (Qingming) (000 故障, 002 §3.1–3.2)',
    facts: {
      vendor: EX,
      purchasedAt: '2026-01-05',
      reason: 'outage',
      outageCause: 'vendor',
      outageHours: 80,
      outageMonth: '2026-03',
      activated: true,
    },
    now: '2026-04-02T10:00:00+08:00',
    expect: {
      outcome: 'compensation',
      rule: 'outage-over-72h',
      refund: 'voucher',
      claimWith: 'vendor',
      deadline: '2026-05-30',
      nextStepIncludes: '2026-04-08',
    },
  },
  {
    name: 'Exmail: exactly 72 h is not "over 72 h" — still the plain SLA rule (000: 超过72小时)',
    facts: {
      vendor: EX,
      purchasedAt: '2026-01-05',
      reason: 'outage',
      outageCause: 'vendor',
      outageHours: 72,
      outageMonth: '2026-03',
      activated: true,
    },
    now: '2026-04-10T10:00:00+08:00',
    expect: { outcome: 'compensation', rule: 'outage-sla', refund: 'voucher' },
  },
  {
    name: 'Exmail: September outage → claims open after Tue Oct 13 (National Day, Sat Oct 10 make-up), close Nov 29',
    facts: {
      vendor: EX,
      purchasedAt: '2026-01-05',
      reason: 'outage',
      outageCause: 'vendor',
      outageHours: 5,
      outageMonth: '2026-09',
      activated: true,
    },
    now: '2026-10-20T10:00:00+08:00',
    expect: { outcome: 'compensation', rule: 'outage-sla', deadline: '2026-11-29', estimated: false },
  },
  {
    name: 'Exmail: SLA window closed 60 days after the month → expired (002 §3.2.2)',
    facts: {
      vendor: EX,
      purchasedAt: '2026-01-05',
      reason: 'outage',
      outageCause: 'vendor',
      outageHours: 5,
      outageMonth: '2026-03',
      activated: true,
      terminatedForViolation: false,
    },
    now: '2026-05-31T00:00:01+08:00',
    expect: { outcome: 'expired', rule: 'outage-sla', refund: null, deadline: '2026-05-30', lapsed: ['outage-sla'] },
  },
  {
    name: 'Exmail: outage month unknown → no invented deadline, ask for the month',
    facts: { vendor: EX, purchasedAt: '2026-01-05', reason: 'outage', outageCause: 'vendor', activated: true },
    now: '2026-04-10T10:00:00+08:00',
    expect: { outcome: 'compensation', rule: 'outage-sla', deadline: null, questions: ['outageMonth', 'sla'] },
  },
  {
    name: 'Exmail: the month of the sla result decides the window',
    facts: {
      vendor: EX,
      purchasedAt: '2026-01-05',
      reason: 'outage',
      outageCause: 'vendor',
      sla: { month: '2026-04', compensationPercent: 10 },
      activated: true,
    },
    now: '2026-05-12T10:00:00+08:00',
    expect: { outcome: 'compensation', rule: 'outage-sla', deadline: '2026-06-29' },
  },
  {
    name: 'Exmail: a December 2026 outage opens claims on an estimated 2027 business day',
    facts: {
      vendor: EX,
      purchasedAt: '2026-01-05',
      reason: 'outage',
      outageCause: 'vendor',
      outageHours: 3,
      outageMonth: '2026-12',
      activated: true,
    },
    now: '2027-01-02T10:00:00+08:00',
    expect: {
      outcome: 'compensation',
      rule: 'outage-sla',
      deadline: '2027-03-01',
      estimated: false,
      nextStepIncludes: '2027-01-08',
    },
  },
  {
    name: 'Exmail: paid but never set up → worth asking at once (000 例外：服务尚未激活, 案例：小李)',
    facts: { vendor: EX, purchasedAt: '2026-03-02T10:00:00+08:00', activated: false, reason: 'changed-mind' },
    now: '2026-03-02T20:00:00+08:00',
    expect: { outcome: 'negotiable', rule: 'not-activated', refund: 'full', deadline: null, nextStepIncludes: '24' },
  },
  {
    name: 'Exmail: paid and activated, changed mind → no refund (000 §8.3, 案例：张总); nothing left to ask',
    facts: { vendor: EX, purchasedAt: '2026-03-02T10:00:00+08:00', activated: true, reason: 'changed-mind' },
    now: '2026-04-02T10:00:00+08:00',
    expect: {
      outcome: 'not-eligible',
      rule: 'no-refund-after-activation',
      refund: null,
      questions: [],
      onlyQuestions: true,
    },
  },
  {
    name: 'Exmail: activation unknown → the not-activated route leads, unconfirmed, and asks whether it was set up (not §8.3 yet)',
    facts: { vendor: EX, purchasedAt: '2026-03-02T10:00:00+08:00', reason: 'changed-mind' },
    now: '2026-03-03T10:00:00+08:00',
    expect: {
      outcome: 'negotiable',
      rule: 'not-activated',
      refund: 'full',
      questions: ['activated', 'terminatedForViolation'],
      onlyQuestions: true,
    },
  },

  // ── Tencent Cloud: FACTS.md refunds and CVM SLA, seed 001 procedure ──
  {
    name: 'Tencent Cloud: pay-as-you-go has nothing to refund (FACTS: 按量计费)',
    facts: { vendor: TC, purchasedAt: '2026-03-02T10:00:00+08:00', billing: 'pay-as-you-go' },
    now: '2026-03-03T10:00:00+08:00',
    expect: { outcome: 'not-eligible', rule: 'pay-as-you-go', refund: null },
  },
  {
    name: 'Tencent Cloud: a "no refund" campaign overrides even the five-day refund (FACTS: campaign rules)',
    facts: {
      vendor: TC,
      purchasedAt: '2026-11-22T10:00:00+08:00',
      billing: 'prepaid',
      renewal: false,
      convertedFromPayAsYouGo: false,
      firstNoReasonRefundUsed: false,
      promoNonRefundable: true,
    },
    now: '2026-11-23T10:00:00+08:00',
    expect: { outcome: 'not-eligible', rule: 'campaign-no-refund', refund: null },
  },
  {
    name: 'Tencent Cloud: five-day no-reason refund of a new prepaid order ends 2026-11-27 (DESIGN example)',
    facts: {
      vendor: TC,
      purchasedAt: '2026-11-22T10:00:00+08:00',
      billing: 'prepaid',
      renewal: false,
      convertedFromPayAsYouGo: false,
      firstNoReasonRefundUsed: false,
      promoNonRefundable: false,
      reason: 'changed-mind',
    },
    now: '2026-11-24T10:00:00+08:00',
    expect: {
      outcome: 'eligible',
      rule: 'five-day-no-reason',
      refund: 'full',
      claimWith: 'vendor',
      deadline: '2026-11-27',
      estimated: false,
      questions: [],
      onlyQuestions: true,
    },
  },
  {
    name: 'Tencent Cloud: day 5 included — still open late on the 27th',
    facts: {
      vendor: TC,
      purchasedAt: '2026-11-22T10:00:00+08:00',
      billing: 'prepaid',
      renewal: false,
      convertedFromPayAsYouGo: false,
      firstNoReasonRefundUsed: false,
      promoNonRefundable: false,
    },
    now: '2026-11-27T23:30:00+08:00',
    expect: { outcome: 'eligible', rule: 'five-day-no-reason', deadline: '2026-11-27' },
  },
  {
    name: 'Tencent Cloud: after day 5 the partial refund applies, and the lapsed window is reported',
    facts: {
      vendor: TC,
      purchasedAt: '2026-11-22T10:00:00+08:00',
      billing: 'prepaid',
      renewal: false,
      convertedFromPayAsYouGo: false,
      firstNoReasonRefundUsed: false,
      promoNonRefundable: false,
    },
    now: '2026-11-28T00:30:00+08:00',
    expect: {
      outcome: 'eligible',
      rule: 'partial-refund',
      refund: 'partial',
      deadline: null,
      lapsed: ['five-day-no-reason'],
      nextStepIncludes: '2026-11-27',
    },
  },
  {
    name: 'Tencent Cloud: five days are calendar days — the Spring Festival does not extend them',
    facts: {
      vendor: TC,
      purchasedAt: '2026-02-13T20:00:00+08:00',
      billing: 'prepaid',
      renewal: false,
      convertedFromPayAsYouGo: false,
      firstNoReasonRefundUsed: false,
      promoNonRefundable: false,
    },
    now: '2026-02-16T10:00:00+08:00',
    expect: { outcome: 'eligible', rule: 'five-day-no-reason', deadline: '2026-02-18' },
  },
  {
    name: 'Tencent Cloud: counted from delivery when it is known',
    facts: {
      vendor: TC,
      purchasedAt: '2026-04-30T23:00:00+08:00',
      deliveredAt: '2026-05-02T09:00:00+08:00',
      billing: 'prepaid',
      renewal: false,
      convertedFromPayAsYouGo: false,
      firstNoReasonRefundUsed: false,
      promoNonRefundable: false,
    },
    now: '2026-05-06T10:00:00+08:00',
    expect: { outcome: 'eligible', rule: 'five-day-no-reason', deadline: '2026-05-07' },
  },
  {
    name: 'Tencent Cloud: renewals do not get the five-day refund → partial',
    facts: {
      vendor: TC,
      purchasedAt: '2026-03-02T10:00:00+08:00',
      billing: 'prepaid',
      renewal: true,
      promoNonRefundable: false,
    },
    now: '2026-03-03T10:00:00+08:00',
    expect: { outcome: 'eligible', rule: 'partial-refund', refund: 'partial' },
  },
  {
    name: 'Tencent Cloud: once per account holder — already used → partial',
    facts: {
      vendor: TC,
      purchasedAt: '2026-03-02T10:00:00+08:00',
      billing: 'prepaid',
      renewal: false,
      convertedFromPayAsYouGo: false,
      firstNoReasonRefundUsed: true,
      promoNonRefundable: false,
    },
    now: '2026-03-03T10:00:00+08:00',
    expect: { outcome: 'eligible', rule: 'partial-refund' },
  },
  {
    name: 'Tencent Cloud: pay-as-you-go converted to prepaid does not qualify → partial',
    facts: {
      vendor: TC,
      purchasedAt: '2026-03-02T10:00:00+08:00',
      billing: 'prepaid',
      renewal: false,
      convertedFromPayAsYouGo: true,
      promoNonRefundable: false,
    },
    now: '2026-03-03T10:00:00+08:00',
    expect: { outcome: 'eligible', rule: 'partial-refund' },
  },
  {
    name: 'Tencent Cloud: whether the five-day refund was used is asked, not guessed — the five-day route leads meanwhile',
    facts: {
      vendor: TC,
      purchasedAt: '2026-03-02T10:00:00+08:00',
      billing: 'prepaid',
      renewal: false,
      convertedFromPayAsYouGo: false,
      promoNonRefundable: false,
      reason: 'changed-mind',
    },
    now: '2026-03-03T10:00:00+08:00',
    expect: {
      outcome: 'eligible',
      rule: 'five-day-no-reason',
      refund: 'full',
      deadline: '2026-03-07',
      questions: ['firstNoReasonRefundUsed'],
      onlyQuestions: true,
    },
  },
  {
    name: 'Tencent Cloud: billing unknown → the five-day route may apply: ask how it is billed, and about a no-refund campaign',
    facts: { vendor: TC, purchasedAt: '2026-03-02T10:00:00+08:00' },
    now: '2026-03-03T10:00:00+08:00',
    expect: {
      outcome: 'eligible',
      rule: 'five-day-no-reason',
      refund: 'full',
      questions: ['billing', 'promoNonRefundable'],
    },
  },
  {
    name: 'Tencent Cloud: CVM outage → SLA voucher; April claims open after Mon May 11 (Labour Day, Sat May 9 make-up)',
    facts: {
      vendor: TC,
      purchasedAt: '2026-01-05',
      billing: 'pay-as-you-go',
      reason: 'outage',
      outageCause: 'vendor',
      sla: { month: '2026-04', compensationPercent: 25 },
    },
    now: '2026-05-08T10:00:00+08:00',
    expect: {
      outcome: 'compensation',
      rule: 'cvm-sla-compensation',
      refund: 'voucher',
      deadline: '2026-06-29',
      nextStepIncludes: '2026-05-11',
    },
  },
  {
    name: 'Tencent Cloud: CVM availability met → no credit (FACTS: CVM SLA)',
    facts: {
      vendor: TC,
      purchasedAt: '2026-01-05',
      billing: 'pay-as-you-go',
      reason: 'outage',
      outageCause: 'vendor',
      sla: { month: '2026-04', compensationPercent: 0 },
    },
    now: '2026-05-12T10:00:00+08:00',
    expect: { outcome: 'not-eligible', rule: 'cvm-sla-met' },
  },

  {
    name: 'Tencent Cloud: a duplicate charge on a "no refund" campaign is a billing error, not a product refund',
    facts: {
      vendor: TC,
      purchasedAt: '2026-03-02T10:00:00+08:00',
      billing: 'prepaid',
      promoNonRefundable: true,
      reason: 'duplicate-charge',
    },
    now: '2026-03-20T10:00:00+08:00',
    expect: { outcome: 'negotiable', rule: 'billing-error', refund: 'full', deadline: null },
  },

  // ── 快连 LetsVPN: seed 003, stores per FACTS.md ──
  {
    name: 'LetsVPN: an App Store purchase goes to Apple — even a "no refund" promotion does not change who decides (003 Q2)',
    facts: {
      vendor: LV,
      purchasedAt: '2026-03-02T10:00:00+08:00',
      channel: 'app-store',
      promoNonRefundable: true,
      newUser: true,
      trialOffered: true,
    },
    now: '2026-03-02T12:00:00+08:00',
    expect: {
      outcome: 'negotiable',
      rule: 'app-store-purchase',
      refund: null,
      claimWith: 'apple',
      deadline: null,
      questions: [],
      onlyQuestions: true,
    },
  },
  {
    name: 'LetsVPN: a Google Play purchase goes to Google (003 Q2; FACTS: 48 h only a hint, no deadline)',
    facts: { vendor: LV, purchasedAt: '2026-03-02T10:00:00+08:00', channel: 'google-play' },
    now: '2026-03-02T12:00:00+08:00',
    expect: { outcome: 'negotiable', rule: 'google-play-purchase', claimWith: 'google', deadline: null },
  },
  {
    name: 'LetsVPN: terminated for breaching the user agreement → not eligible',
    facts: {
      vendor: LV,
      purchasedAt: '2026-03-02T10:00:00+08:00',
      terminatedForViolation: true,
      reason: 'duplicate-charge',
    },
    now: '2026-03-03T10:00:00+08:00',
    expect: { outcome: 'not-eligible', rule: 'terminated-for-violation' },
  },
  {
    name: 'LetsVPN: a duplicate charge → full refund of the charge, with no request window (003 重复或错误扣款)',
    facts: {
      vendor: LV,
      purchasedAt: '2026-03-02T10:00:00+08:00',
      reason: 'duplicate-charge',
      requestWindowDays: 14,
      terminatedForViolation: false,
    },
    now: '2026-03-10T10:00:00+08:00',
    expect: {
      outcome: 'eligible',
      rule: 'charge-error',
      refund: 'full',
      deadline: null,
      questions: [],
      onlyQuestions: true,
    },
  },
  {
    name: 'LetsVPN: a wrong charge is refunded even on a "no refund" promotion (billing error, not a product refund)',
    facts: {
      vendor: LV,
      purchasedAt: '2026-03-02T10:00:00+08:00',
      reason: 'wrong-amount',
      requestWindowDays: 7,
      promoNonRefundable: true,
    },
    now: '2026-03-05T10:00:00+08:00',
    expect: { outcome: 'eligible', rule: 'charge-error', deadline: null },
  },
  {
    name: 'LetsVPN: window unknown → no deadline; say 7–30 days and ask (003 Q1)',
    facts: { vendor: LV, purchasedAt: '2026-03-02T10:00:00+08:00', reason: 'incompatible', supportContacted: true },
    now: '2026-03-05T10:00:00+08:00',
    expect: {
      outcome: 'eligible',
      rule: 'incompatible-unresolved',
      deadline: null,
      questions: ['requestWindowDays'],
      nextStepIncludes: '2026-04-01',
    },
  },
  {
    name: 'LetsVPN: past even the longest (30-day) window → expired whatever the plan',
    facts: {
      vendor: LV,
      purchasedAt: '2026-03-02T10:00:00+08:00',
      reason: 'incompatible',
      supportContacted: true,
      terminatedForViolation: false,
      newUser: false,
    },
    now: '2026-04-02T10:00:00+08:00',
    expect: {
      outcome: 'expired',
      rule: 'incompatible-unresolved',
      deadline: '2026-04-01',
      lapsed: ['incompatible-unresolved'],
    },
  },
  {
    name: 'LetsVPN: a promotion marked non-refundable beats the new-user trial (003 不符合：特价活动)',
    facts: {
      vendor: LV,
      purchasedAt: '2026-03-02T10:00:00+08:00',
      promoNonRefundable: true,
      newUser: true,
      trialOffered: true,
      reason: 'dissatisfied',
    },
    now: '2026-03-02T12:00:00+08:00',
    expect: { outcome: 'not-eligible', rule: 'promo-non-refundable', refund: null },
  },
  {
    name: 'LetsVPN: a regional outage of 80 h → prorated refund, not bound by the request window (003 服务连续中断, Q1, Q3)',
    facts: {
      vendor: LV,
      purchasedAt: '2026-01-02T10:00:00+08:00',
      reason: 'outage',
      outageCause: 'vendor',
      outageHours: 80,
    },
    now: '2026-03-10T10:00:00+08:00',
    expect: { outcome: 'eligible', rule: 'outage-72h', refund: 'partial', deadline: null },
  },
  {
    name: 'LetsVPN: "72 小时以上" includes exactly 72 h',
    facts: {
      vendor: LV,
      purchasedAt: '2026-03-02T10:00:00+08:00',
      reason: 'outage',
      outageCause: 'vendor',
      outageHours: 72,
    },
    now: '2026-03-10T10:00:00+08:00',
    expect: { outcome: 'eligible', rule: 'outage-72h' },
  },
  {
    name: 'LetsVPN: 71 h is a short interruption → not eligible',
    facts: {
      vendor: LV,
      purchasedAt: '2026-03-02T10:00:00+08:00',
      reason: 'outage',
      outageCause: 'vendor',
      outageHours: 71,
    },
    now: '2026-03-10T10:00:00+08:00',
    expect: { outcome: 'not-eligible', rule: 'outage-short' },
  },
  {
    name: 'LetsVPN: an outage from the user’s device or network → not eligible',
    facts: {
      vendor: LV,
      purchasedAt: '2026-03-02T10:00:00+08:00',
      reason: 'outage',
      outageCause: 'user-side',
      outageHours: 100,
    },
    now: '2026-03-10T10:00:00+08:00',
    expect: { outcome: 'not-eligible', rule: 'outage-excluded-cause' },
  },
  {
    name: 'LetsVPN: new-user trial, default 24 h → full refund, deadline flagged as an estimate',
    facts: {
      vendor: LV,
      purchasedAt: '2026-02-13T20:00:00+08:00',
      newUser: true,
      trialOffered: true,
      reason: 'dissatisfied',
      promoNonRefundable: false,
    },
    now: '2026-02-14T10:00:00+08:00',
    expect: { outcome: 'eligible', rule: 'new-user-trial', refund: 'full', deadline: '2026-02-14', estimated: true },
  },
  {
    name: "LetsVPN: the plan's own 48 h trial is exact",
    facts: {
      vendor: LV,
      purchasedAt: '2026-02-13T20:00:00+08:00',
      downloadedAt: '2026-02-13T20:30:00+08:00',
      newUser: true,
      trialOffered: true,
      trialHours: 48,
      promoNonRefundable: false,
    },
    now: '2026-02-15T10:00:00+08:00',
    expect: { outcome: 'eligible', rule: 'new-user-trial', deadline: '2026-02-15', estimated: false },
  },
  {
    name: 'LetsVPN: dissatisfied after the trial ended → expired',
    facts: {
      vendor: LV,
      purchasedAt: '2026-02-13T20:00:00+08:00',
      newUser: true,
      trialOffered: true,
      reason: 'dissatisfied',
      promoNonRefundable: false,
      terminatedForViolation: false,
    },
    now: '2026-02-15T10:00:00+08:00',
    expect: { outcome: 'expired', rule: 'new-user-trial', lapsed: ['new-user-trial'], deadline: '2026-02-14' },
  },
  {
    name: 'LetsVPN: incompatibility support could not fix → prorated refund within the window (003 技术兼容性问题)',
    facts: {
      vendor: LV,
      purchasedAt: '2026-03-02T10:00:00+08:00',
      reason: 'incompatible',
      supportContacted: true,
      requestWindowDays: 30,
    },
    now: '2026-03-20T10:00:00+08:00',
    expect: { outcome: 'eligible', rule: 'incompatible-unresolved', refund: 'partial', deadline: '2026-04-01' },
  },
  {
    name: 'LetsVPN: incompatibility not yet taken to support → contact support first',
    facts: {
      vendor: LV,
      purchasedAt: '2026-03-02T10:00:00+08:00',
      reason: 'incompatible',
      supportContacted: false,
      newUser: false,
    },
    now: '2026-03-05T10:00:00+08:00',
    expect: { outcome: 'not-eligible', rule: 'incompatible-contact-support-first' },
  },
  {
    name: 'LetsVPN: local network / device / preference is not a ground, but within a possible trial the trial route leads and is asked about',
    facts: { vendor: LV, purchasedAt: '2026-03-02T10:00:00+08:00', reason: 'user-error' },
    now: '2026-03-02T12:00:00+08:00',
    expect: { outcome: 'eligible', rule: 'new-user-trial', refund: 'full', questions: ['newUser'] },
  },
  {
    name: 'LetsVPN: local network / device / preference of a known returning user → not eligible',
    facts: { vendor: LV, purchasedAt: '2026-03-02T10:00:00+08:00', reason: 'user-error', newUser: false },
    now: '2026-03-02T12:00:00+08:00',
    expect: { outcome: 'not-eligible', rule: 'user-side-reasons', questions: [], onlyQuestions: true },
  },
  {
    name: 'LetsVPN: once any trial (24 h by default) is over, whether one existed is no longer asked',
    facts: { vendor: LV, purchasedAt: '2026-03-02T10:00:00+08:00', reason: 'user-error' },
    now: '2026-03-05T10:00:00+08:00',
    expect: { outcome: 'not-eligible', rule: 'user-side-reasons', questions: [], onlyQuestions: true },
  },
  {
    name: 'LetsVPN: general dissatisfaction after long use, not a new user → not eligible, nothing to ask',
    facts: { vendor: LV, purchasedAt: '2026-01-02T10:00:00+08:00', reason: 'dissatisfied', newUser: false },
    now: '2026-03-05T10:00:00+08:00',
    expect: { outcome: 'not-eligible', rule: 'dissatisfied-after-trial', questions: [], onlyQuestions: true },
  },
  {
    name: 'LetsVPN: reasons outside the four cases → not eligible by default',
    facts: { vendor: LV, purchasedAt: '2026-03-02T10:00:00+08:00', reason: 'not-as-described', newUser: false },
    now: '2026-03-05T10:00:00+08:00',
    expect: { outcome: 'not-eligible', rule: 'specific-cases-only' },
  },

  // ── Generic software: seed 004 and consumer law (FACTS.md) ──
  {
    name: 'Generic: bought in the App Store → Apple',
    facts: { vendor: GS, purchasedAt: '2026-03-02T10:00:00+08:00', channel: 'app-store' },
    now: '2026-03-03T10:00:00+08:00',
    expect: { outcome: 'negotiable', rule: 'app-store-purchase', claimWith: 'apple' },
  },
  {
    name: 'Generic: bought on Google Play → Google',
    facts: { vendor: GS, purchasedAt: '2026-03-02T10:00:00+08:00', channel: 'google-play' },
    now: '2026-03-03T10:00:00+08:00',
    expect: { outcome: 'negotiable', rule: 'google-play-purchase', claimWith: 'google' },
  },
  {
    name: 'Generic: goods bought online → 7 days from receipt, no reason (CRPL art. 25)',
    facts: {
      vendor: GS,
      purchasedAt: '2026-04-28T10:00:00+08:00',
      deliveredAt: '2026-05-01T15:00:00+08:00',
      boughtOnline: true,
      itemKind: 'goods',
      confirmedNonReturnable: false,
      reason: 'changed-mind',
    },
    now: '2026-05-05T10:00:00+08:00',
    expect: {
      outcome: 'eligible',
      rule: 'seven-day-no-reason',
      refund: 'full',
      deadline: '2026-05-08',
      estimated: false,
    },
  },
  {
    name: 'Generic: after the 7 days the vendor’s own policy is left (negotiable), the lapsed window is reported',
    facts: {
      vendor: GS,
      purchasedAt: '2026-04-28T10:00:00+08:00',
      deliveredAt: '2026-05-01T15:00:00+08:00',
      boughtOnline: true,
      itemKind: 'goods',
      confirmedNonReturnable: false,
      reason: 'changed-mind',
    },
    now: '2026-05-09T10:00:00+08:00',
    expect: { outcome: 'negotiable', rule: 'read-the-policy', lapsed: ['seven-day-no-reason'] },
  },
  {
    name: 'Generic: downloaded software is excluded from the 7-day rule (CRPL art. 25 exception)',
    facts: {
      vendor: GS,
      purchasedAt: '2026-03-02T10:00:00+08:00',
      boughtOnline: true,
      itemKind: 'digital-download',
      reason: 'changed-mind',
    },
    now: '2026-03-03T10:00:00+08:00',
    expect: {
      outcome: 'negotiable',
      rule: 'seven-day-excluded-digital',
      refund: null,
      deadline: null,
      questions: [],
      onlyQuestions: true,
    },
  },
  {
    name: 'Generic: goods confirmed non-returnable at checkout are excluded (interim measures)',
    facts: {
      vendor: GS,
      purchasedAt: '2026-03-02T10:00:00+08:00',
      boughtOnline: true,
      itemKind: 'goods',
      confirmedNonReturnable: true,
      reason: 'changed-mind',
    },
    now: '2026-03-03T10:00:00+08:00',
    expect: { outcome: 'negotiable', rule: 'seven-day-excluded-confirmed' },
  },
  {
    name: 'Generic: severe defect → refund worth asking for, even for downloads (004 软件问题导致的退款)',
    facts: { vendor: GS, purchasedAt: '2026-03-02T10:00:00+08:00', itemKind: 'digital-download', reason: 'defect' },
    now: '2026-03-20T10:00:00+08:00',
    expect: { outcome: 'negotiable', rule: 'severe-defect', refund: 'full' },
  },
  {
    name: 'Generic: not as described (004 案例：赵女士)',
    facts: {
      vendor: GS,
      purchasedAt: '2026-03-02T10:00:00+08:00',
      itemKind: 'online-service',
      reason: 'not-as-described',
    },
    now: '2026-03-20T10:00:00+08:00',
    expect: { outcome: 'negotiable', rule: 'not-as-described', refund: 'full' },
  },
  {
    name: 'Generic: own mistake → a negotiated partial amount (004 人为操作失误)',
    facts: { vendor: GS, purchasedAt: '2026-03-02T10:00:00+08:00', itemKind: 'online-service', reason: 'user-error' },
    now: '2026-03-20T10:00:00+08:00',
    expect: { outcome: 'negotiable', rule: 'user-error', refund: 'partial' },
  },
  {
    name: 'Generic: nothing known → the 7-day route may apply: ask whether it was bought online',
    facts: { vendor: GS, purchasedAt: '2026-03-02T10:00:00+08:00' },
    now: '2026-03-03T10:00:00+08:00',
    // One question per rule, its first unknown condition: itemKind comes once boughtOnline is answered.
    expect: {
      outcome: 'eligible',
      rule: 'seven-day-no-reason',
      refund: 'full',
      questions: ['boughtOnline'],
      onlyQuestions: true,
    },
  },
  {
    name: 'Generic: an online course (a service) is not treated as goods under the 7-day rule',
    facts: {
      vendor: GS,
      purchasedAt: '2026-03-02T10:00:00+08:00',
      boughtOnline: true,
      itemKind: 'online-service',
      reason: 'changed-mind',
    },
    now: '2026-03-03T10:00:00+08:00',
    expect: { outcome: 'negotiable', rule: 'read-the-policy', deadline: null },
  },
  {
    name: 'Generic: refused by the vendor → escalation to 12315 / 黑猫投诉 in the next steps',
    facts: {
      vendor: GS,
      purchasedAt: '2026-03-02T10:00:00+08:00',
      itemKind: 'online-service',
      reason: 'defect',
      vendorRefused: true,
    },
    now: '2026-03-20T10:00:00+08:00',
    expect: { outcome: 'negotiable', rule: 'severe-defect', nextStepIncludes: '12315' },
  },
];

describe('verdict case table', () => {
  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('$name', ({ facts, now, expect: want }) => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const v = evaluateClaim(facts, now, { locale });
      expect(v.outcome).toBe(want.outcome);
      expect(v.rule).toBe(want.rule);
      if (want.refund !== undefined) expect(v.refund).toBe(want.refund);
      if (want.claimWith !== undefined) expect(v.claimWith).toBe(want.claimWith);
      if (want.deadline !== undefined) expect(v.deadline?.date ?? null).toBe(want.deadline);
      if (want.estimated !== undefined) expect(v.deadline?.estimated).toBe(want.estimated);
      const asked = v.questions.map((q) => q.fact);
      if (want.questions) {
        if (want.onlyQuestions) expect(asked).toEqual(want.questions);
        else expect(asked).toEqual(expect.arrayContaining(want.questions));
        expect(v.provisional).toBe(asked.length > 0);
      }
      if (want.lapsed) expect(v.lapsed.map((l) => l.rule)).toEqual(want.lapsed);
      if (want.nextStepIncludes) expect(v.nextSteps.join('\n')).toContain(want.nextStepIncludes);
      // Every verdict cites at least one source, in the requested language.
      expect(v.basis.length).toBeGreaterThan(0);
      expect(v.basis.every((b) => b.source && b.text)).toBe(true);
      expect(v.nextSteps.length).toBeGreaterThan(0);
      expect(v.locale).toBe(locale);
    }
  });

  it('texts differ between zh-CN and en', () => {
    const facts = cases[0]!.facts;
    const zh = evaluateClaim(facts, cases[0]!.now, { locale: 'zh-CN' });
    const en = evaluateClaim(facts, cases[0]!.now, { locale: 'en' });
    expect(zh.basis[0]!.text).not.toBe(en.basis[0]!.text);
    expect(zh.nextSteps[0]).not.toBe(en.nextSteps[0]);
    expect(/[\u4e00-\u9fff]/.test(zh.basis[0]!.text)).toBe(true);
    expect(/^[\x20-\x7E’—–→≥]+$/.test(en.basis[0]!.text)).toBe(true);
  });

  it('decides every rule of every shipped pack in at least one row', () => {
    const decidedRules = new Map<string, Set<string>>();
    for (const c of cases) {
      const v = evaluateClaim(c.facts, c.now);
      const set = decidedRules.get(v.vendor) ?? new Set<string>();
      set.add(v.rule);
      v.lapsed.forEach((l) => set.add(l.rule));
      // An exception counts once it has ruled a route out; a fallback once it stands open.
      v.routes.forEach((r) => {
        if (r.ruledOutBy) set.add(r.ruledOutBy);
        if (r.status === 'open') set.add(r.id);
      });
      decidedRules.set(v.vendor, set);
    }
    const missing = shippedPacks.flatMap((pack) =>
      pack.rules.filter((r) => !decidedRules.get(pack.id)?.has(r.id)).map((r) => `${pack.id}/${r.id}`),
    );
    expect(missing).toEqual([]);
  });
});
