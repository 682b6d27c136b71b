import type { Locale } from '../i18n';
import { formatMoney } from '../policy/text';
import { engineText } from '../i18n/engine';
import { addCalendarMonths, daysBetween, DAY_MS, HOUR_MS, parseInstant, shanghaiDate, startOfDay } from '../time/zone';
import type { FactBag } from './conditions';

export interface RefundEstimate {
  /** Null when the facts needed for the figure are missing (see `missing` and `range`). */
  amount: number | null;
  currency: 'CNY';
  estimated: true;
  method: string;
  missing: string[];
  /** When the figure cannot be computed: the bounds it must lie within, labelled in `method`. */
  range?: { min: number; max: number };
}

/** How a rule estimates its refund (pack schema `estimate`). */
export const ESTIMATE_METHODS = ['paid-minus-vouchers', 'paid-minus-consumed', 'cvm-self-service'] as const;
export type EstimateMethod = (typeof ESTIMATE_METHODS)[number];

const round2 = (n: number) => Math.round(n * 100) / 100;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Refund figures for rules that name a method. Always labelled estimates: the
 * vendor computes the real amount. `amountPaid` is what was actually paid
 * (实付, after vouchers): vouchers are never subtracted from it again.
 */
export function estimateRefund(method: EstimateMethod, facts: FactBag, now: number, locale: Locale): RefundEstimate {
  const paid = num(facts.amountPaid);
  const vouchers = num(facts.amountPaidWithVouchers) ?? 0;
  const money = (n: number) => formatMoney(n, locale);
  const lacking = (missing: string[]): RefundEstimate => ({
    amount: null,
    currency: 'CNY',
    estimated: true,
    method: engineText('engine.estimate.missing', locale, { facts: missing.join(', ') }),
    missing,
  });

  if (paid === null) return lacking(['amountPaid']);
  if (method === 'paid-minus-vouchers') {
    const kept = vouchers > 0 ? engineText('engine.estimate.vouchersKept', locale, { vouchers: money(vouchers) }) : '';
    return {
      amount: round2(paid),
      currency: 'CNY',
      estimated: true,
      method: engineText('engine.estimate.paidBack', locale, { paid: money(paid), vouchers: kept }),
      missing: [],
    };
  }

  const startMs = parseInstant(String(facts.deliveredAt ?? facts.purchasedAt))!;
  const term = num(facts.termMonths);
  if (method === 'cvm-self-service') return cvmEstimate({ paid, vouchers, term, startMs, now, facts, locale });

  if (term === null) return lacking(['termMonths']);
  const startDate = shanghaiDate(startMs);
  const termDays = daysBetween(startDate, addCalendarMonths(startDate, term));
  // Less than one day counts as one day.
  const used = Math.min(termDays, Math.max(1, Math.ceil((now - startMs) / DAY_MS)));
  const consumed = round2((paid * used) / termDays);
  const amount = round2(Math.max(0, paid - consumed));
  return {
    amount,
    currency: 'CNY',
    estimated: true,
    method: engineText('engine.estimate.paidMinusConsumed', locale, {
      paid: money(paid),
      used,
      term: termDays,
      consumed: money(consumed),
      amount: money(amount),
    }),
    missing: [],
  };
}

/**
 * CVM 普通自助退还 (退还包年包月实例退费说明, "CVM 普通自助退还规则"): refund =
 * the current order's payment + orders not yet started − value used, where
 * whole months used count at the prepaid price with its discount and the rest
 * at the pay-as-you-go price of the same configuration, by the second.
 */
function cvmEstimate(a: {
  paid: number;
  vouchers: number;
  term: number | null;
  startMs: number;
  now: number;
  facts: FactBag;
  locale: Locale;
}): RefundEstimate {
  const { paid, vouchers, term, startMs, now, facts, locale } = a;
  const money = (n: number) => formatMoney(n, locale);
  const notStarted = num(facts.notStartedOrdersPaid) ?? 0;
  const price = num(facts.payAsYouGoHourlyPrice);
  const startDate = shanghaiDate(startMs);
  // Whole calendar months since the start (same time of day on the same date).
  let months = 0;
  while (startMs + (startOfDay(addCalendarMonths(startDate, months + 1)) - startOfDay(startDate)) <= now) months += 1;
  const partStart = startMs + (startOfDay(addCalendarMonths(startDate, months)) - startOfDay(startDate));
  const hours = Math.max(0, now - partStart) / HOUR_MS;
  const missing = [
    ...(price === null ? ['payAsYouGoHourlyPrice'] : []),
    ...(months > 0 && term === null ? ['termMonths'] : []),
  ];
  if (price === null || (months > 0 && term === null)) {
    const max = round2(paid + notStarted);
    return {
      amount: null,
      currency: 'CNY',
      estimated: true,
      method: engineText('engine.estimate.cvmNoPrice', locale, { max: money(max) }),
      missing,
      range: { min: 0, max },
    };
  }
  // The prepaid price with its discount is what was paid plus the vouchers used.
  const monthly = months > 0 && term ? (paid + vouchers) / term : 0;
  const consumed = months * monthly + hours * price;
  const amount = round2(Math.max(0, paid + notStarted - consumed));
  return {
    amount,
    currency: 'CNY',
    estimated: true,
    method: engineText('engine.estimate.cvm', locale, {
      paid: money(paid),
      notStarted: notStarted ? engineText('engine.estimate.cvmNotStarted', locale, { amount: money(notStarted) }) : '',
      consumed: money(round2(consumed)),
      months: months
        ? engineText('engine.estimate.cvmMonths', locale, { count: months, value: money(round2(months * monthly)) })
        : '',
      hours: round2(hours),
      price: money(price),
      amount: money(amount),
    }),
    missing: [],
  };
}
