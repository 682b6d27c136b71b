import { z } from '../zod';
import { lazy } from '../lazy';
import type { Locale } from '../i18n';
import { engineTranslator as translator } from '../i18n/engine';
import { localizeIssue } from '../policy/issues';
import { localize, zhEn, type LocalizedText } from '../policy/text';
import { defaultCalendar, type BusinessCalendar } from '../time/calendar';
import {
  addCalendarDays,
  isIsoMonth,
  lastDayOfMonth,
  MINUTE_MS,
  monthBounds,
  nextMonth,
  parseInstant,
  shanghaiDateTime,
  type IsoDate,
  type IsoMonth,
} from '../time/zone';
import { clipIntervals, mergeIntervals, subtractIntervals, totalLength, type Interval } from './intervals';
import type { SlaPolicy, SlaService } from './policy';
import { SLA_POLICIES } from './registry';

export { SLA_POLICIES };

/** A service by its own id or its vendor's (the log and the CLI accept either). */
const SERVICE_ALIASES: Readonly<Record<string, SlaService>> = Object.fromEntries(
  Object.values(SLA_POLICIES).flatMap((p) => [
    [p.service, p.service],
    [p.vendor, p.service],
  ]),
);

const slaInputSchema = lazy(() => {
  const instant = z.string().check(
    z.refine((v) => parseInstant(v) !== null, {
      message: 'must be an ISO date-time, e.g. 2026-03-04T10:00:00+08:00',
    }),
  );
  const money = z.number().check(z.nonnegative());
  return z.strictObject({
    service: z
      .string()
      .check(
        z.refine((s) => s in SERVICE_ALIASES, { message: `must be one of ${Object.keys(SERVICE_ALIASES).join(', ')}` }),
      ),
    month: z.string().check(z.refine(isIsoMonth, 'must be a month written YYYY-MM')),
    outages: z.array(
      z.strictObject({
        start: instant,
        end: instant,
        /** An exclusion code of the SLA (seed 002 §2.3), or "other" with a note. */
        excluded: z.optional(z.string().check(z.minLength(1))),
        note: z.optional(z.string()),
      }),
    ),
    monthlyFee: z.optional(money),
    prepaid: z.optional(
      z.strictObject({ amount: money, months: z.int().check(z.positive()), paidWithVouchers: z.optional(money) }),
    ),
    /** Part of the monthly fee paid with vouchers/coupons (excluded from the cap). */
    paidWithVouchers: z.optional(money),
    serviceStart: z.optional(instant),
    serviceEnd: z.optional(instant),
    commitment: z.optional(z.string()),
  });
});

export type SlaInput = z.input<ReturnType<typeof slaInputSchema>>;

export class SlaInputError extends Error {
  constructor(
    readonly issues: string[],
    locale: Locale = 'en',
  ) {
    super(`${translator(locale)('error.slaInput')}:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'SlaInputError';
  }
}

export interface SlaInterval {
  start: string;
  end: string;
  minutes: number;
}

export interface SlaClaimWindow {
  /** The 5th business day of the following month: claims may be filed after it. */
  opensAfter: IsoDate;
  /** The 60th calendar day after the month ends: the last day to file. */
  closesOn: IsoDate;
  /** True when a business day was counted without an official holiday schedule. */
  estimated: boolean;
  channel: 'ticket';
}

export interface SlaResult {
  service: SlaService;
  month: IsoMonth;
  period: { start: string; end: string; partial: boolean };
  totalMinutes: number;
  unavailableMinutes: number;
  /** Percent, unrounded. */
  availability: number;
  /** Percent truncated (never rounded up over a threshold) to 4 decimals, e.g. "99.8992%". */
  availabilityText: string;
  commitment: { id: string; percent: string };
  meetsCommitment: boolean;
  compensationPercent: number;
  tier: { below: string; atLeast: string | null; percent: number } | null;
  /** The month's fee the voucher is computed on (voucher-paid part excluded); null when not given. */
  monthlyFee: number | null;
  voucher: number | null;
  counted: SlaInterval[];
  ignored: (SlaInterval & { reason: 'under-one-minute' | 'outside-period'; text: string })[];
  excluded: (SlaInterval & { code: string; text: string; source: string; clause?: string })[];
  claim: SlaClaimWindow;
  basis: { source: string; clause?: string; text: string }[];
  notes: string[];
}

export interface SlaOptions {
  calendar?: BusinessCalendar;
  locale?: Locale;
}

/** "99.975" → 99975/100000 as a fraction of 1, so thresholds compare exactly. */
export function percentAsFraction(percent: string): { num: number; den: number } {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(percent);
  if (!m) throw new RangeError(`not a percent: ${percent}`);
  const decimals = m[2] ?? '';
  return { num: Number(`${m[1]}${decimals}`), den: 10 ** (decimals.length + 2) };
}

/** availability ≥ percent, exactly: (total − down) / total ≥ num / den. */
export function meetsPercent(totalMs: number, downMs: number, percent: string): boolean {
  const { num, den } = percentAsFraction(percent);
  return (totalMs - downMs) * den >= num * totalMs;
}

/** The credit for an availability, per the policy's tiers ("or higher" lower bounds). */
export function compensationFor(policy: SlaPolicy, totalMs: number, downMs: number, commitmentPercent: string) {
  if (meetsPercent(totalMs, downMs, commitmentPercent)) return { percent: 0, tier: null };
  let below = commitmentPercent;
  for (const tier of policy.tiers) {
    if (tier.atLeast === null || meetsPercent(totalMs, downMs, tier.atLeast))
      return { percent: tier.percent, tier: { below, atLeast: tier.atLeast, percent: tier.percent } };
    below = tier.atLeast;
  }
  throw new Error(`SLA ${policy.service}: the last tier must have no lower bound`);
}

/** Seed 002 §3.2 (and the same window for CVM, FACTS.md): when an SLA claim may be filed. */
export function slaClaimWindow(
  month: IsoMonth,
  calendar: BusinessCalendar = defaultCalendar,
  policy: SlaPolicy = SLA_POLICIES.exmail,
): SlaClaimWindow {
  const opens = calendar.nthBusinessDayOfMonth(nextMonth(month), policy.claim.opensAfterBusinessDay);
  return {
    opensAfter: opens.date,
    closesOn: addCalendarDays(lastDayOfMonth(month), policy.claim.closesAfterCalendarDays),
    estimated: opens.estimated,
    channel: 'ticket',
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const minutes = (ms: number) => ms / MINUTE_MS;
const view = (i: Interval): SlaInterval => ({
  start: shanghaiDateTime(i.start),
  end: shanghaiDateTime(i.end),
  minutes: minutes(i.end - i.start),
});

const TEXT = {
  underMinute: zhEn('不足 1 分钟的失败不计为不可用', 'Failures shorter than one minute do not count'),
  outside: zhEn('不在该服务周期内', 'Outside the service period'),
  other: zhEn('其他免责原因（用户说明）', 'Other exclusion (stated by the user)'),
  availability: zhEn(
    '服务可用性 =（1 − 不可用分钟数 / 服务周期总分钟数）× 100%',
    'Availability = (1 − unavailable minutes / total minutes in the period) × 100%',
  ),
  period: zhEn(
    '服务周期为一个自然月；不满一个月按当月实际使用时间计算',
    'The service period is the calendar month, or the part of it in use',
  ),
  minFailure: zhEn(
    '通过 SMTP、POP、IMAP 或 Webmail 收发邮件失败达到一分钟，视为服务不可用',
    'Failing to send or receive by SMTP, POP, IMAP or Webmail for one minute counts as unavailable',
  ),
  tiers: zhEn(
    '未达承诺时按档位赔偿代金券（“等于或高于”为下限）',
    'Below the commitment, a voucher by tier (lower bounds are "or higher")',
  ),
  window: zhEn(
    '次月第 5 个工作日后、月度结束后 60 个自然日内，仅通过工单申请',
    'After the 5th business day of the next month, within 60 calendar days after the month, by ticket only',
  ),
  voucher: zhEn(
    '赔偿不超过当月服务费（不含代金券、优惠券抵扣部分）；预付多月按月分摊',
    "Capped at the month's fee (excluding voucher/coupon payments); multi-month prepayments are spread per month",
  ),
} satisfies Record<string, LocalizedText>;

function formatIssues(error: z.core.$ZodError, locale: Locale): string[] {
  return error.issues.map((i) => localizeIssue(i, locale));
}

/** Problems the schema cannot see, in the reader's language. */
const INPUT_TEXT = {
  commitment: zhEn('commitment：应为以下之一：{ids}', 'commitment: must be one of {ids}'),
  period: zhEn(
    'serviceStart/serviceEnd：{month} 期间服务未在使用',
    'serviceStart/serviceEnd: the service was not in use during {month}',
  ),
  order: zhEn(
    'outages[{i}]：结束时间（{end}）应晚于开始时间（{start}）',
    'outages[{i}]: end ({end}) must be after start ({start})',
  ),
  exclusion: zhEn(
    'outages[{i}].excluded：“{code}”不是本 SLA 的免责情形；可用：{codes}',
    'outages[{i}].excluded: "{code}" is not an exclusion of this SLA; use one of {codes}',
  ),
  otherNote: zhEn(
    'outages[{i}].note：“other”免责需要写明原因',
    'outages[{i}].note: an "other" exclusion needs a note saying why',
  ),
  feeTwice: zhEn('monthlyFee/prepaid：只能给出其中一个', 'monthlyFee/prepaid: give one of them, not both'),
  vouchers: zhEn('paidWithVouchers：超过了费用本身', 'paidWithVouchers: more than the fee itself'),
};

/**
 * Contract 1, `computeSla(input)`: outage log → availability → tier → voucher →
 * claim window, for Exmail (seed 002) and CVM (FACTS.md). All times Asia/Shanghai.
 */
// eslint-disable-next-line max-lines-per-function -- Contract 1's steps in order (log, availability, tier, voucher, window), each feeding the next.
export function computeSla(input: SlaInput, options: SlaOptions = {}): SlaResult {
  const locale = options.locale ?? 'zh-CN';
  const parsed = slaInputSchema().safeParse(input);
  if (!parsed.success) throw new SlaInputError(formatIssues(parsed.error, locale), locale);
  const data = parsed.data;
  const say = (text: keyof typeof INPUT_TEXT, params: Record<string, string | number | undefined> = {}) =>
    localize(INPUT_TEXT[text], locale, params);
  const calendar = options.calendar ?? defaultCalendar;
  const service = SERVICE_ALIASES[data.service] as SlaService;
  const policy = SLA_POLICIES[service];
  const issues: string[] = [];

  const commitment = data.commitment ? policy.commitments.find((c) => c.id === data.commitment) : policy.commitments[0];
  if (!commitment) issues.push(say('commitment', { ids: policy.commitments.map((c) => c.id).join(', ') }));

  const bounds = monthBounds(data.month);
  let periodStart = bounds.start;
  let periodEnd = bounds.end;
  if (data.serviceStart) periodStart = Math.max(periodStart, parseInstant(data.serviceStart)!);
  if (data.serviceEnd) periodEnd = Math.min(periodEnd, parseInstant(data.serviceEnd)!);
  if (periodEnd <= periodStart) issues.push(say('period', { month: data.month }));

  const exclusionCodes = new Set(policy.exclusions.map((e) => e.code));
  const outages = data.outages.map((o, i) => {
    const start = parseInstant(o.start)!;
    const end = parseInstant(o.end)!;
    if (end <= start) issues.push(say('order', { i, end: o.end, start: o.start }));
    if (o.excluded !== undefined && o.excluded !== 'other' && !exclusionCodes.has(o.excluded))
      issues.push(say('exclusion', { i, code: o.excluded, codes: [...exclusionCodes, 'other'].join(', ') }));
    if (o.excluded === 'other' && !o.note?.trim()) issues.push(say('otherNote', { i }));
    return { start, end, excluded: o.excluded, note: o.note };
  });

  let monthlyFee: number | null = null;
  if (data.monthlyFee !== undefined && data.prepaid) issues.push(say('feeTwice'));
  else if (data.monthlyFee !== undefined) monthlyFee = data.monthlyFee - (data.paidWithVouchers ?? 0);
  else if (data.prepaid)
    monthlyFee = (data.prepaid.amount - (data.prepaid.paidWithVouchers ?? 0)) / data.prepaid.months;
  if (monthlyFee !== null && monthlyFee < 0) issues.push(say('vouchers'));
  if (issues.length) throw new SlaInputError(issues, locale);

  const period: Interval = { start: periodStart, end: periodEnd };
  const totalMs = periodEnd - periodStart;

  // §1.2 applies to a whole continuous failure, so merge first and test the
  // threshold before clipping to the month: month splits then add up.
  const failures = mergeIntervals(outages.filter((o) => o.excluded === undefined));
  const minMs = policy.minFailureMs;
  const longEnough = failures.filter((f) => minMs === null || f.end - f.start >= minMs);
  const tooShort = failures.filter((f) => minMs !== null && f.end - f.start < minMs);
  const excludedSpans = outages.filter((o) => o.excluded !== undefined);
  const counted = clipIntervals(subtractIntervals(longEnough, excludedSpans), period.start, period.end);
  const downMs = totalLength(counted);

  const ignored: SlaResult['ignored'] = [
    ...clipIntervals(tooShort, period.start, period.end).map((i) => ({
      ...view(i),
      reason: 'under-one-minute' as const,
      text: localize(TEXT.underMinute, locale),
    })),
    ...outages
      .filter((o) => o.end > o.start && (o.end <= period.start || o.start >= period.end))
      .map((o) => ({ ...view(o), reason: 'outside-period' as const, text: localize(TEXT.outside, locale) })),
  ];
  const excluded: SlaResult['excluded'] = excludedSpans.flatMap((o) =>
    clipIntervals([o], period.start, period.end).map((i) => {
      const def = policy.exclusions.find((e) => e.code === o.excluded);
      const text = def ? localize(def.label, locale) : `${localize(TEXT.other, locale)}: ${o.note ?? ''}`;
      return {
        ...view(i),
        code: o.excluded!,
        text,
        source: def?.citation.source ?? 'user',
        clause: def?.citation.clause,
      };
    }),
  );

  const commitmentPercent = commitment!.percent;
  const { percent, tier } = compensationFor(policy, totalMs, downMs, commitmentPercent);
  const voucher = monthlyFee === null ? null : Math.min(round2((monthlyFee * percent) / 100), round2(monthlyFee));
  const availability = (1 - downMs / totalMs) * 100;
  const truncated = Math.floor(availability * 10_000) / 10_000;

  const basis = [
    { ...policy.availabilityCitation, text: localize(TEXT.availability, locale) },
    { ...policy.periodCitation, text: localize(TEXT.period, locale) },
    ...(policy.minFailureCitation ? [{ ...policy.minFailureCitation, text: localize(TEXT.minFailure, locale) }] : []),
    { ...commitment!.citation, text: localize(commitment!.label, locale) },
    { ...policy.tiersCitation, text: localize(TEXT.tiers, locale) },
    { ...policy.voucherCitation, text: localize(TEXT.voucher, locale) },
    { ...policy.claim.citation, text: localize(TEXT.window, locale) },
  ];

  return {
    service,
    month: data.month,
    period: {
      start: shanghaiDateTime(periodStart),
      end: shanghaiDateTime(periodEnd),
      partial: periodStart !== bounds.start || periodEnd !== bounds.end,
    },
    totalMinutes: minutes(totalMs),
    unavailableMinutes: minutes(downMs),
    availability,
    availabilityText: `${truncated.toFixed(4)}%`,
    commitment: { id: commitment!.id, percent: commitmentPercent },
    meetsCommitment: percent === 0,
    compensationPercent: percent,
    tier,
    monthlyFee: monthlyFee === null ? null : round2(monthlyFee),
    voucher,
    counted: counted.map(view),
    ignored,
    excluded,
    claim: slaClaimWindow(data.month, calendar, policy),
    basis,
    notes: policy.notes.map((n) => localize(n.text, locale)),
  };
}
