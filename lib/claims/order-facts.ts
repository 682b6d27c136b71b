import { termMonths } from '../extract/normalize';
import { vendorPages } from '../vendors/registry';
import { pageTimeToIso, parseInstant } from '../time/zone';
import { CHANNELS, ORDER_TYPES } from './facts';

/**
 * One derivation of an order's claim facts, for every surface: the in-page
 * card (an order page, a list row, a checkout), the popup's checker, reminders
 * and ticket drafts. What the page did not show stays unknown — the engine
 * asks — so two surfaces reading the same stored order always hand the engine
 * the same facts.
 */

/** Where an order stands, as its page's status says. */
export const ORDER_STATES = ['paid', 'refunded', 'refunding', 'unpaid', 'cancelled', 'unknown'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

/**
 * What kind of order it is (fact `orderType`). A renewal, an upgrade or a
 * downgrade changes an existing resource; a conversion turns a pay-as-you-go
 * instance into a prepaid one. FACTS.md, Tencent Cloud refunds (five-day
 * refund: "续费、升配、按量转包年包月不适用"; 退还包年包月实例退费说明: an
 * upgrade of a new purchase is returned with it, the upgraded part prorated).
 */
export { ORDER_TYPES };
export type OrderType = (typeof ORDER_TYPES)[number];

/** A stored order: a snapshot's fields (an order page, a list row) and where it was read. */
export interface OrderReading {
  vendor: string;
  fields: Readonly<Record<string, unknown>>;
  url?: string | null;
}

export interface DerivedOrder {
  vendor: string;
  /** Claim facts for `evaluateClaim` (always `vendor`; `purchasedAt` only when the page showed a time). */
  facts: Record<string, unknown>;
  /** Fact keys read from the page (the popup shows them as "from the snapshot"). */
  from: string[];
  state: OrderState;
  /** The status as the page words it (已支付, 已退款 …). */
  statusText: string | null;
  /**
   * The order's refund windows run: it is paid (or shows no status) and its
   * payment time is known. Refunded, refunding, unpaid and cancelled orders
   * start no clock and get no claim.
   */
  clock: boolean;
}

// Tested in order: "退款中" before "已退款", "未支付" before "已支付".
const STATE_PATTERNS: readonly [OrderState, RegExp][] = [
  ['refunding', /退款中|退款处理中|退费中|refund(ing| in progress| pending)/i],
  ['refunded', /已退款|已退费|退款成功|退款完成|部分退款|已退还|refunded/i],
  ['unpaid', /待支付|未支付|待付款|未付款|unpaid|awaiting payment|pending payment|^pending$/i],
  ['cancelled', /已取消|取消|已关闭|关闭|已失效|失效|cancel|closed|expired order/i],
  ['paid', /已支付|支付成功|已付款|已完成|已生效|交易成功|^paid$|completed|success/i],
];

export function orderState(status: unknown): OrderState {
  if (typeof status !== 'string' || !status.trim()) return 'unknown';
  return STATE_PATTERNS.find(([, re]) => re.test(status.trim()))?.[0] ?? 'unknown';
}

// Conversion before new purchase ("按量转包年包月" is no new purchase), downgrade before upgrade ("降配" vs "变配").
const TYPE_PATTERNS: readonly [OrderType, RegExp][] = [
  ['conversion', /按量转包|转包年包月|转包月|转预付|conversion/i],
  ['renewal', /续费|续订|renew/i],
  ['downgrade', /降配|降级|downgrade/i],
  ['upgrade', /升级|升配|变配|配置调整|扩容|upgrade/i],
  ['new', /新购|购买|开通|^new( purchase)?$/i],
];

export function orderTypeOf(text: unknown): OrderType | null {
  if (typeof text !== 'string' || !text.trim()) return null;
  return TYPE_PATTERNS.find(([, re]) => re.test(text.trim()))?.[0] ?? null;
}

/** Facts an order type establishes, and only those (no other fact is implied). */
function typeFacts(type: OrderType): Record<string, unknown> {
  switch (type) {
    case 'new':
      return { orderType: type, renewal: false };
    // `renewal` is the packs' "not a new purchase" fact (its question: 续费或升级订单).
    case 'renewal':
    case 'upgrade':
    case 'downgrade':
      return { orderType: type, renewal: true };
    case 'conversion':
      return { orderType: type, convertedFromPayAsYouGo: true, billing: 'prepaid' };
  }
}

const text = (fields: OrderReading['fields'], key: string): string | undefined => {
  const v = fields[key];
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
};
const money = (fields: OrderReading['fields'], key: string): number | undefined => {
  const v = fields[key];
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
};

function pagesOf(vendor: string) {
  return vendorPages.find((p) => p.vendor === vendor);
}

/** A page on one of the vendor's own hosts is bought from the vendor (generic software has no own host). */
function onOfficialHost(vendor: string, url: string | null | undefined): boolean {
  const pages = pagesOf(vendor);
  if (!url || !pages || pages.hosts.length === 0) return false;
  try {
    return pages.hosts.includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** A whole term in months is a prepaid (包年包月) purchase where the vendor's pages say so. */
function termBilling(vendor: string, months: number | null): Record<string, unknown> {
  return months !== null && pagesOf(vendor)?.termMeansPrepaid ? { billing: 'prepaid' } : {};
}

function withFrom(vendor: string, facts: Record<string, unknown>): Pick<DerivedOrder, 'facts' | 'from'> {
  return { facts: { vendor, ...facts }, from: Object.keys(facts) };
}

/**
 * The claim facts a stored order shows. The payment time starts the windows;
 * where a paid order shows only its creation time (a list with 下单时间), that
 * time is used: it is never later than the payment, so no window is counted
 * longer than it is. `amountPaid` is 实付 (after vouchers); the voucher stays a
 * fact of its own (`amountPaidWithVouchers`), never subtracted here.
 */
export function orderFacts(order: OrderReading): DerivedOrder {
  const { vendor, fields } = order;
  const statusText = text(fields, 'status') ?? null;
  const state = orderState(statusText);
  const facts: Record<string, unknown> = {};

  const paidAt = pageTimeToIso(text(fields, 'paidAt'));
  const createdAt =
    state === 'paid' || state === 'unknown' || state === 'refunded' || state === 'refunding'
      ? pageTimeToIso(text(fields, 'createdAt'))
      : null;
  const purchasedAt = paidAt ?? createdAt;
  if (purchasedAt) facts.purchasedAt = purchasedAt;
  const orderId = text(fields, 'orderId');
  if (orderId) facts.orderId = orderId;
  const product = text(fields, 'product');
  if (product) facts.product = product;
  const amountPaid = money(fields, 'amountPaid');
  if (amountPaid !== undefined) facts.amountPaid = amountPaid;
  const voucher = money(fields, 'voucher');
  if (voucher !== undefined && voucher > 0) facts.amountPaidWithVouchers = voucher;
  const months = termMonths(fields.term);
  if (months !== null) facts.termMonths = months;
  const type = orderTypeOf(fields.orderType);
  Object.assign(facts, termBilling(vendor, months), type ? typeFacts(type) : {});
  const channel = text(fields, 'channel');
  if (channel && (CHANNELS as readonly string[]).includes(channel)) facts.channel = channel;
  else if (onOfficialHost(vendor, order.url)) facts.channel = 'official';

  const clock = (state === 'paid' || state === 'unknown') && purchasedAt !== null;
  return { vendor, ...withFrom(vendor, facts), state, statusText, clock };
}

/**
 * The facts a purchase page establishes, as if paid at `now` (cloud resources
 * and licences are delivered on payment: the windows start then). The price
 * shown is what would be paid.
 */
export function checkoutFacts(vendor: string, fields: Readonly<Record<string, unknown>>, now: string): DerivedOrder {
  if (parseInstant(now) === null) throw new RangeError(`now must be an ISO date-time, got "${now}"`);
  const facts: Record<string, unknown> = { purchasedAt: now, deliveredAt: now };
  const channel = text(fields, 'channel');
  if (channel && (CHANNELS as readonly string[]).includes(channel)) facts.channel = channel;
  if (text(fields, 'promoText')) facts.promoNonRefundable = true;
  const product = text(fields, 'product');
  if (product) facts.product = product;
  const price = money(fields, 'price');
  if (price !== undefined) facts.amountPaid = price;
  const months = termMonths(fields.term);
  if (months !== null) facts.termMonths = months;
  const type = orderTypeOf(fields.orderType);
  // A term to choose is a prepaid purchase where the vendor's pages say so, whatever its wording.
  Object.assign(facts, termBilling(vendor, months ?? (text(fields, 'term') ? 0 : null)), type ? typeFacts(type) : {});
  return { vendor, ...withFrom(vendor, facts), state: 'unknown', statusText: null, clock: true };
}
