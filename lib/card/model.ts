import type { Locale } from '../i18n';
import { evaluateClaim, type Verdict } from '../claims/eligibility';
import { evaluateCondition, type FactBag } from '../claims/conditions';
import { evaluateDeadline } from '../claims/deadline';
import { FACT_DEFAULTS } from '../claims/facts';
import { headlineWords, type HeadlineWords } from '../claims/headline';
import { evaluateOrder } from '../claims/order-headline';
import { checkoutFacts, orderFacts, type OrderState } from '../claims/order-facts';
import type { CheckoutFields } from '../extract/checkout';
import type { OrderFields } from '../extract/order';
import { findPack, loadUserPacks } from '../policy/registry';
import type { Outcome, PolicyRule, RefundKind } from '../policy/schema';
import { citationTitle } from '../policy/sources';
import { localize } from '../policy/text';
import { SLA_POLICIES, slaClaimWindow } from '../sla/compute';
import { defaultCalendar } from '../time/calendar';
import { addCalendarMonths, firstDayOfMonth, monthOf, parseInstant, shanghaiDate, type IsoDate, type IsoMonth } from '../time/zone';
import { riskFlags, type RiskFlag } from './flags';
import type { CardRequest } from './schema';

export interface CardCitation {
  title: string;
  source: string;
  clause?: string;
}

/** A clock that starts at payment, with its date computed from the purchase time. */
export interface CardClock {
  rule: string;
  label: string;
  /** Asia/Shanghai date the window ends on; null when the sources leave it unknown. */
  date: IsoDate | null;
  estimated: boolean;
  state: 'open' | 'lapsed' | 'unknown';
  /** True when the rule's conditions are not all known from the page (e.g. "once per account"). */
  conditional: boolean;
  outcome: Outcome;
  summary: string;
  note: string | null;
  citations: CardCitation[];
}

export interface CardException {
  rule: string;
  outcome: Outcome;
  summary: string;
  citations: CardCitation[];
}

export interface CheckoutCardModel {
  vendor: string;
  /** The headline, in the words every surface uses (lib/claims/headline). */
  words: HeadlineWords;
  /** What the policy says for this purchase if the buyer changes their mind after paying. */
  headline: { outcome: Outcome; refund: RefundKind | null; rule: string; basis: { text: string; citation: string }[] };
  clocks: CardClock[];
  exceptions: CardException[];
  flags: RiskFlag[];
}

export interface SlaWindow {
  month: IsoMonth;
  opensAfter: IsoDate;
  closesOn: IsoDate;
  estimated: boolean;
  /** Open for filing at `now`. */
  open: boolean;
}

export interface OrderCardModel {
  vendor: string;
  orderId: string | null;
  purchasedAt: string | null;
  status: string | null;
  state: OrderState;
  /** The order's headline, in the words every surface uses. */
  words: HeadlineWords;
  clocks: CardClock[];
  /** The SLA claim window for the month before `now` (Exmail, CVM). */
  sla: SlaWindow | null;
}

interface CardOptions {
  locale: Locale;
  /** User-defined packs (settings). */
  packs?: readonly unknown[];
}

const cite = (citations: PolicyRule['citations'], locale: Locale): CardCitation[] =>
  citations.map((c) => ({ title: citationTitle(c, locale), source: c.source, ...(c.clause ? { clause: c.clause } : {}) }));

/**
 * The rules that could still decide a claim: the first rule whose condition
 * is certainly true wins, so nothing after it can apply, and rules whose
 * condition is certainly false never do.
 */
function reachableRules(rules: readonly PolicyRule[], bag: FactBag): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const rule of rules) {
    const truth = evaluateCondition(rule.when, bag);
    if (truth === 'false') continue;
    out.push(rule);
    if (truth === 'true') break;
  }
  return out;
}

function ruleClocks(vendor: string, facts: FactBag, nowMs: number, options: CardOptions): CardClock[] {
  const pack = findPack(vendor, options.packs ? loadUserPacks(options.packs) : []);
  const bag: FactBag = { ...FACT_DEFAULTS, ...facts };
  const seen = new Set<string>();
  const clocks: CardClock[] = [];
  for (const rule of reachableRules(pack.rules, bag)) {
    if (rule.deadline?.kind !== 'period' || rule.outcome === 'not-eligible') continue;
    const truth = evaluateCondition(rule.when, bag);
    const state = evaluateDeadline(rule.deadline, { facts: bag, now: nowMs, calendar: defaultCalendar, locale: options.locale });
    if (state.state === 'none') continue;
    const label = state.state === 'unknown' ? localize(rule.deadline.label, options.locale, { amount: '…' }) : state.deadline.label;
    if (seen.has(label)) continue;
    seen.add(label);
    clocks.push({
      rule: rule.id,
      label,
      date: state.state === 'unknown' ? null : state.deadline.date,
      estimated: state.state === 'unknown' ? false : state.deadline.estimated,
      state: state.state,
      conditional: truth === 'unknown',
      outcome: rule.outcome,
      summary: localize(rule.summary, options.locale),
      note: state.state === 'unknown' ? state.note : null,
      citations: cite(rule.citations, options.locale),
    });
  }
  return clocks;
}

/**
 * What the checkout card says for this purchase, computed as if paid at `now`:
 * the policy's answer for a change of mind, the clocks that start at payment,
 * the exceptions that could still apply, and the risks the page shows.
 */
export function checkoutCard(vendor: string, fields: Partial<CheckoutFields>, now: string, options: CardOptions): CheckoutCardModel {
  const { facts } = checkoutFacts(vendor, fields, now);
  const nowMs = parseInstant(now)!;
  const verdict: Verdict = evaluateClaim({ ...facts, reason: 'changed-mind' }, now, { locale: options.locale, packs: options.packs });
  const clocks = ruleClocks(vendor, facts, nowMs, options);
  const pack = findPack(vendor, options.packs ? loadUserPacks(options.packs) : []);
  const bag: FactBag = { ...FACT_DEFAULTS, ...facts };
  const shown = new Set([verdict.rule, ...clocks.map((c) => c.rule)]);
  const exceptions = reachableRules(pack.rules, bag)
    .filter((rule) => !shown.has(rule.id) && rule.outcome !== 'not-eligible' && rule.when !== undefined)
    .slice(0, 5)
    .map((rule) => ({ rule: rule.id, outcome: rule.outcome, summary: localize(rule.summary, options.locale), citations: cite(rule.citations, options.locale) }));
  return {
    vendor,
    words: headlineWords(verdict, options.locale, now),
    headline: {
      outcome: verdict.outcome,
      refund: verdict.refund,
      rule: verdict.rule,
      basis: verdict.basis.map((b) => ({ text: b.text, citation: citationTitle(b, options.locale) })),
    },
    clocks,
    exceptions,
    flags: riskFlags(vendor, fields, options.locale),
  };
}

const SLA_SERVICE: Record<string, keyof typeof SLA_POLICIES | undefined> = { 'tencent-exmail': 'exmail', 'tencent-cloud': 'cvm' };

/** The SLA claim window for last month, for vendors with an SLA. */
export function lastMonthSla(vendor: string, now: string): SlaWindow | null {
  const service = SLA_SERVICE[vendor];
  const nowMs = parseInstant(now);
  if (!service || nowMs === null) return null;
  const today = shanghaiDate(nowMs);
  const month = monthOf(addCalendarMonths(firstDayOfMonth(monthOf(today)), -1));
  const claim = slaClaimWindow(month, defaultCalendar, SLA_POLICIES[service]);
  return { month, ...claim, open: today > claim.opensAfter && today <= claim.closesOn };
}

/**
 * The deadlines that follow from an order shown on an order page, counted
 * from its payment (or creation) time, and last month's SLA claim window.
 */
export function orderCard(vendor: string, order: Partial<OrderFields>, now: string, options: CardOptions & { url?: string | null }): OrderCardModel {
  const nowMs = parseInstant(now);
  if (nowMs === null) throw new RangeError(`now must be an ISO date-time, got "${now}"`);
  const derived = orderFacts({ vendor, fields: order, url: options.url });
  const { words } = evaluateOrder(derived, now, { locale: options.locale, packs: options.packs });
  const purchasedAt = typeof derived.facts.purchasedAt === 'string' ? derived.facts.purchasedAt : null;
  // Refunded, unpaid and cancelled orders start no clock (nor does one paid after `now`).
  const clocks = derived.clock && purchasedAt && parseInstant(purchasedAt)! <= nowMs ? ruleClocks(vendor, derived.facts, nowMs, options) : [];
  return {
    vendor,
    orderId: order.orderId ?? null,
    purchasedAt,
    status: derived.statusText,
    state: derived.state,
    words,
    clocks,
    sla: lastMonthSla(vendor, now),
  };
}

export interface CardContent {
  checkout: CheckoutCardModel | null;
  order: OrderCardModel | null;
  orderRows: { orderId: string; status: string | null; words: HeadlineWords; clock: CardClock | null }[];
}

/**
 * Everything the in-page card says about a page, from what the content script
 * read there: a checkout's policy, clocks and risks; an order's deadlines (or
 * each listed order's next one); a console's SLA claim window.
 */
export function cardContent(request: CardRequest, now: string, options: CardOptions & { url?: string | null }): CardContent {
  const { match } = request;
  const content: CardContent = { checkout: null, order: null, orderRows: [] };
  if (match.kind === 'checkout') content.checkout = checkoutCard(match.vendor, request.checkout ?? {}, now, options);
  if (match.kind === 'order' || match.kind === 'console') content.order = orderCard(match.vendor, request.order ?? {}, now, options);
  if (match.kind === 'order') {
    content.orderRows = request.rows
      .filter((row) => row.orderId)
      .map((row) => {
        const card = orderCard(match.vendor, row, now, options);
        return { orderId: row.orderId!, status: row.status ?? null, words: card.words, clock: card.clocks[0] ?? null };
      });
  }
  return content;
}
