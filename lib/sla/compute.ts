import { z } from '../zod';
import { lazy, lazyRecord } from '../lazy';
import type { Locale } from '../i18n';
import { engineTranslator as translator } from '../i18n/engine';
import { localizeIssue } from '../policy/issues';
import { localize } from '../policy/text';
import { engineText } from '../i18n/engine';
import type { MessageKey } from '../i18n/core';
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
const SERVICE_ALIASES: Readonly<Record<string, SlaService>> = lazyRecord(() =>
  Object.fromEntries(
    Object.values(SLA_POLICIES).flatMap((p) => [
      [p.service, p.service],
      [p.vendor, p.service],
    ]),
  ),
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

function formatIssues(error: z.core.$ZodError, locale: Locale): string[] {
  return error.issues.map((i) => localizeIssue(i, locale));
}

/** Problems the schema cannot see, in the reader's language. */
const INPUT_TEXT = {
  commitment: 'engine.sla.input.commitment',
  period: 'engine.sla.input.period',
  order: 'engine.sla.input.order',
  exclusion: 'engine.sla.input.exclusion',
  otherNote: 'engine.sla.input.otherNote',
  feeTwice: 'engine.sla.input.feeTwice',
  vouchers: 'engine.sla.input.vouchers',
} as const satisfies Record<string, MessageKey>;

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
    engineText(INPUT_TEXT[text], locale, params);
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
      text: engineText('engine.sla.underMinute', locale),
    })),
    ...outages
      .filter((o) => o.end > o.start && (o.end <= period.start || o.start >= period.end))
      .map((o) => ({ ...view(o), reason: 'outside-period' as const, text: engineText('engine.sla.outside', locale) })),
  ];
  const excluded: SlaResult['excluded'] = excludedSpans.flatMap((o) =>
    clipIntervals([o], period.start, period.end).map((i) => {
      const def = policy.exclusions.find((e) => e.code === o.excluded);
      const text = def ? localize(def.label, locale) : `${engineText('engine.sla.other', locale)}: ${o.note ?? ''}`;
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
    { ...policy.availabilityCitation, text: engineText('engine.sla.availability', locale) },
    { ...policy.periodCitation, text: engineText('engine.sla.period', locale) },
    ...(policy.minFailureCitation
      ? [{ ...policy.minFailureCitation, text: engineText('engine.sla.minFailure', locale) }]
      : []),
    { ...commitment!.citation, text: localize(commitment!.label, locale) },
    { ...policy.tiersCitation, text: engineText('engine.sla.tiers', locale) },
    { ...policy.voucherCitation, text: engineText('engine.sla.voucher', locale) },
    { ...policy.claim.citation, text: engineText('engine.sla.window', locale) },
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
