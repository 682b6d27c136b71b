import type { Locale } from '../i18n';
import { formatMoney, localize, t } from '../policy/text';
import { addCalendarMonths, daysBetween, DAY_MS, parseInstant, shanghaiDate } from '../time/zone';
import type { FactBag } from './conditions';

export interface RefundEstimate {
  /** Null when the facts needed for the figure are missing (see `missing`). */
  amount: number | null;
  currency: 'CNY';
  estimated: true;
  method: string;
  missing: string[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

const TEXT = {
  fullMinusVouchers: t(
    '实付金额 {paid} − 代金券 / 优惠券抵扣 {vouchers} = {amount}（代金券不退；退回腾讯云账户余额，按现金 / 赠送金原比例）',
    'Paid {paid} − vouchers/coupons {vouchers} = {amount} (vouchers are not refunded; it returns to the Tencent Cloud balance, split cash/gift credit as paid)',
  ),
  paidMinusConsumed: t(
    '估算：实付 {paid} − 代金券 {vouchers} − 已使用 {used} 天 / 共 {term} 天的价值 {consumed} = {amount}。腾讯云按“当前价格和折扣”计算已消耗价值（不足一天按一天，负数按零），实际金额可能不同。',
    'Estimate: paid {paid} − vouchers {vouchers} − value of {used} of {term} days used {consumed} = {amount}. Tencent Cloud values the used part at the CURRENT price and discount (part days count as whole days, negative results as zero), so the real figure may differ.',
  ),
  missing: t('需要：{facts}', 'Needs: {facts}'),
};

/**
 * Refund figures for rules that name a method. Always labelled estimates: the
 * vendor computes the real amount (FACTS.md, Tencent Cloud refunds).
 */
export function estimateRefund(method: 'paid-minus-consumed' | 'paid-minus-vouchers', facts: FactBag, now: number, locale: Locale): RefundEstimate {
  const paid = typeof facts.amountPaid === 'number' ? facts.amountPaid : null;
  const vouchers = typeof facts.amountPaidWithVouchers === 'number' ? facts.amountPaidWithVouchers : 0;
  const money = (n: number) => formatMoney(n, locale);

  if (method === 'paid-minus-vouchers') {
    if (paid === null) return { amount: null, currency: 'CNY', estimated: true, method: localize(TEXT.missing, locale, { facts: 'amountPaid' }), missing: ['amountPaid'] };
    const amount = round2(Math.max(0, paid - vouchers));
    return { amount, currency: 'CNY', estimated: true, method: localize(TEXT.fullMinusVouchers, locale, { paid: money(paid), vouchers: money(vouchers), amount: money(amount) }), missing: [] };
  }

  const term = typeof facts.termMonths === 'number' ? facts.termMonths : null;
  const missing = [...(paid === null ? ['amountPaid'] : []), ...(term === null ? ['termMonths'] : [])];
  if (paid === null || term === null) return { amount: null, currency: 'CNY', estimated: true, method: localize(TEXT.missing, locale, { facts: missing.join(', ') }), missing };

  const startMs = parseInstant(String(facts.deliveredAt ?? facts.purchasedAt))!;
  const startDate = shanghaiDate(startMs);
  const termDays = daysBetween(startDate, addCalendarMonths(startDate, term));
  // Less than one day counts as one day.
  const used = Math.min(termDays, Math.max(1, Math.ceil((now - startMs) / DAY_MS)));
  const consumed = round2((paid * used) / termDays);
  const amount = round2(Math.max(0, paid - vouchers - consumed));
  return {
    amount,
    currency: 'CNY',
    estimated: true,
    method: localize(TEXT.paidMinusConsumed, locale, { paid: money(paid), vouchers: money(vouchers), used, term: termDays, consumed: money(consumed), amount: money(amount) }),
    missing: [],
  };
}
