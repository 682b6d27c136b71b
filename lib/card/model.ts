import type { Locale } from '../i18n';
import { evaluateClaim, type Route, type Verdict } from '../claims/eligibility';
import { evaluateDeadline } from '../claims/deadline';
import { FACT_DEFAULTS } from '../claims/facts';
import { headlineWords, type HeadlineWords } from '../claims/headline';
import { evaluateOrder } from '../claims/order-headline';
import { checkoutFacts, orderFacts, type OrderState } from '../claims/order-facts';
import type { CheckoutFields } from '../extract/checkout';
import type { OrderFields } from '../extract/order';
import { packSetOf, type PackSet } from '../policy/registry';
import type { Outcome, PolicyPack, PolicyRule, RefundKind } from '../policy/schema';
import { citationTitle } from '../policy/sources';
import { localize } from '../policy/text';
import { SLA_POLICIES, slaClaimWindow } from '../sla/compute';
import { defaultCalendar } from '../time/calendar';
import {
  addCalendarMonths,
  firstDayOfMonth,
  monthOf,
  parseInstant,
  shanghaiDate,
  type IsoDate,
  type IsoMonth,
} from '../time/zone';
import { riskFlags, type RiskFlag } from './flags';
import { isAnecdote } from './anecdote';
import type { CardRequest } from './schema';
import { cardNotice, cardPresence, type CardNotice, type CardPresence } from './presence';
import { NO_SIGNALS } from './signals';
import { timelineOf } from '../pictures/timeline-input';
import type { TimelineInput } from '../pictures/timeline';
import { pillWords, type PillWords } from './pill';

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
  /** The routes' timeline (lib/pictures), as if paid now. */
  timeline: TimelineInput | null;
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
  /** The routes' timeline from the order's payment (lib/pictures); null where there are no clocks. */
  timeline: TimelineInput | null;
}

interface CardOptions {
  locale: Locale;
  /** The pack set (or the user's packs as stored in the settings). */
  packs?: PackSet | readonly unknown[];
}

const packOf = (vendor: string, options: CardOptions): PolicyPack => packSetOf(options.packs).find(vendor);

/** What the card cites: the clauses a rule rests on, never a user's story in the source. */
const cite = (citations: PolicyRule['citations'], locale: Locale): CardCitation[] =>
  citations
    .filter((c) => !isAnecdote(c))
    .map((c) => ({ title: citationTitle(c, locale), source: c.source, ...(c.clause ? { clause: c.clause } : {}) }));

const live = (route: Route) => route.status === 'open' || route.status === 'needs-answers';

/**
 * The card's clocks are the verdict's routes that run on a period from
 * payment or delivery: open or waiting on answers (conditional), or closed
 * (lapsed). A route some exception rules out has no clock.
 */
function routeClocks(
  verdict: Verdict,
  pack: PolicyPack,
  facts: Record<string, unknown>,
  nowMs: number,
  locale: Locale,
): CardClock[] {
  const seen = new Set<string>();
  const clocks: CardClock[] = [];
  for (const route of verdict.routes) {
    const rule = pack.rules.find((r) => r.id === route.id);
    if (!rule || rule.deadline?.kind !== 'period' || route.status === 'ruled-out') continue;
    const d = route.deadline;
    if (!d && !live(route)) continue;
    // A window whose length the page does not give (e.g. "7–30 days, per plan"): what the source says about it.
    const unknown = d
      ? null
      : evaluateDeadline(rule.deadline, {
          facts: { ...FACT_DEFAULTS, ...facts },
          now: nowMs,
          calendar: defaultCalendar,
          locale,
        });
    // A window whose length is unknown is named without it (not "套餐退款申请期限（… 天）").
    const label = d
      ? d.label
      : localize(rule.deadline.label, locale, { amount: '…' }).replace(/\s*[（(][^（）()]*…[^（）()]*[）)]/g, '');
    if (seen.has(label)) continue;
    seen.add(label);
    clocks.push({
      rule: route.id,
      label,
      date: d?.date ?? null,
      estimated: d?.estimated ?? false,
      state: route.status === 'closed' ? 'lapsed' : d ? 'open' : 'unknown',
      conditional: route.status === 'needs-answers',
      outcome: route.outcome,
      summary: localize(rule.summary, locale),
      note: unknown?.state === 'unknown' ? unknown.note : null,
      citations: cite(rule.citations, locale),
    });
  }
  return clocks;
}

/** Other routes still open or waiting on answers, beyond the headline and the clocks (at most five). */
function otherRoutes(verdict: Verdict, pack: PolicyPack, shown: ReadonlySet<string>, locale: Locale): CardException[] {
  return verdict.routes
    .filter((route) => live(route) && !shown.has(route.id))
    .flatMap((route) => {
      const rule = pack.rules.find((r) => r.id === route.id);
      return rule && rule.when !== undefined
        ? [
            {
              rule: route.id,
              outcome: route.outcome,
              summary: localize(rule.summary, locale),
              citations: cite(rule.citations, locale),
            },
          ]
        : [];
    })
    .slice(0, 5);
}

/**
 * What the checkout card says for this purchase, computed as if paid at `now`:
 * the policy's answer for a change of mind, the clocks that start at payment,
 * the exceptions that could still apply, and the risks the page shows.
 */
export function checkoutCard(
  vendor: string,
  fields: Partial<CheckoutFields>,
  now: string,
  options: CardOptions,
): CheckoutCardModel {
  const { facts } = checkoutFacts(vendor, fields, now);
  const nowMs = parseInstant(now)!;
  const verdict: Verdict = evaluateClaim({ ...facts, reason: 'changed-mind' }, now, {
    locale: options.locale,
    packs: options.packs,
  });
  const pack = packOf(vendor, options);
  const clocks = routeClocks(verdict, pack, facts, nowMs, options.locale);
  const exceptions = otherRoutes(verdict, pack, new Set([verdict.rule, ...clocks.map((c) => c.rule)]), options.locale);
  return {
    vendor,
    words: headlineWords(verdict, options.locale, now),
    headline: {
      outcome: verdict.outcome,
      refund: verdict.refund,
      rule: verdict.rule,
      basis: verdict.basis
        .filter((b) => !isAnecdote(b))
        .map((b) => ({ text: b.text, citation: citationTitle(b, options.locale) })),
    },
    clocks,
    exceptions,
    flags: riskFlags(vendor, fields, options.locale),
    timeline: timelineOf(verdict),
  };
}

/** The SLA claim window for last month, for vendors with an SLA. */
export function lastMonthSla(vendor: string, now: string): SlaWindow | null {
  // The vendor's SLA, as its definition names it (lib/vendors/*/sla.ts).
  const policy = Object.values(SLA_POLICIES).find((p) => p.vendor === vendor);
  const nowMs = parseInstant(now);
  if (!policy || nowMs === null) return null;
  const today = shanghaiDate(nowMs);
  const month = monthOf(addCalendarMonths(firstDayOfMonth(monthOf(today)), -1));
  const claim = slaClaimWindow(month, defaultCalendar, policy);
  return { month, ...claim, open: today > claim.opensAfter && today <= claim.closesOn };
}

/**
 * The deadlines that follow from an order shown on an order page, counted
 * from its payment (or creation) time, and last month's SLA claim window.
 */
export function orderCard(
  vendor: string,
  order: Partial<OrderFields> | Readonly<Record<string, unknown>>,
  now: string,
  options: CardOptions & { url?: string | null },
): OrderCardModel {
  const nowMs = parseInstant(now);
  if (nowMs === null) throw new RangeError(`now must be an ISO date-time, got "${now}"`);
  const derived = orderFacts({ vendor, fields: order, url: options.url });
  // Refunded, unpaid and cancelled orders (and one paid after `now`) have no verdict, so no clock.
  const { verdict, words } = evaluateOrder(derived, now, { locale: options.locale, packs: options.packs });
  const purchasedAt = typeof derived.facts.purchasedAt === 'string' ? derived.facts.purchasedAt : null;
  const clocks =
    verdict && derived.clock ? routeClocks(verdict, packOf(vendor, options), derived.facts, nowMs, options.locale) : [];
  return {
    vendor,
    orderId: typeof order.orderId === 'string' ? order.orderId : null,
    purchasedAt,
    status: derived.statusText,
    state: derived.state,
    words,
    clocks,
    sla: lastMonthSla(vendor, now),
    timeline: verdict && derived.clock ? timelineOf(verdict) : null,
  };
}

export interface CardContent {
  checkout: CheckoutCardModel | null;
  order: OrderCardModel | null;
  orderRows: { orderId: string; status: string | null; words: HeadlineWords; clock: CardClock | null }[];
  /** Whether the card shows at all, as a pill, or opened (lib/card/presence). */
  presence: CardPresence;
  /** What a page where the moment matters calls for (not set up yet, an outage logged, a ticket form). */
  notice: CardNotice | null;
  /** The pill's one line and its buttons' words, so the page script draws the pill without a catalog. */
  pill: PillWords;
}

/**
 * Everything the in-page card says about a page, from what the content script
 * read there: a checkout's policy, clocks and risks; an order's deadlines (or
 * each listed order's next one); a console's SLA claim window.
 */
export function cardContent(
  request: Omit<CardRequest, 'page'> & { page?: CardRequest['page'] },
  now: string,
  options: CardOptions & {
    url?: string | null;
    /**
     * The newest stored snapshot of each listed order (by order number): a list
     * row shows less than the order's own page (no term, no 实付), so the row
     * reads what was saved, overlaid with what the list shows now (its status).
     * The row then says what the popup and reminders say for that order.
     */
    stored?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  },
): CardContent {
  const { match } = request;
  const content: Omit<CardContent, 'pill'> = {
    checkout: null,
    order: null,
    orderRows: [],
    presence: 'pill',
    notice: null,
  };
  if (match.kind === 'checkout') content.checkout = checkoutCard(match.vendor, request.checkout ?? {}, now, options);
  if (match.kind === 'order' || match.kind === 'console')
    content.order = orderCard(match.vendor, request.order ?? {}, now, options);
  if (match.kind === 'order') {
    content.orderRows = request.rows
      .filter((row) => row.orderId)
      .map((row) => {
        const card = orderCard(match.vendor, { ...options.stored?.[row.orderId!], ...row }, now, options);
        return { orderId: row.orderId!, status: row.status ?? null, words: card.words, clock: card.clocks[0] ?? null };
      });
  }
  content.notice = cardNotice(match, request.page ?? NO_SIGNALS, now, options.locale);
  const { checkout, order } = content;
  const fields = request.checkout ?? {};
  content.presence = cardPresence(
    {
      match,
      notice: content.notice,
      flags: checkout?.flags.length ?? 0,
      hasSubject:
        match.kind === 'checkout'
          ? Boolean(
              fields.term ||
              fields.price !== undefined ||
              fields.autoRenew !== undefined ||
              fields.promoText ||
              fields.digitalGoodsNotice ||
              fields.resellerPromise ||
              fields.channel === 'app-store',
            )
          : Boolean(content.orderRows.length > 0 || order?.orderId || order?.purchasedAt),
      deadlines: [
        // Only deadlines still open count: a lapsed window is no reason to open the card.
        ...(order?.clocks ?? []).filter((c) => c.state === 'open').map((c) => c.date),
        ...content.orderRows.filter((r) => r.clock?.state === 'open').map((r) => r.clock!.date),
        ...(match.kind === 'checkout' ? [] : [order?.words.deadlineDate ?? null]),
      ],
    },
    now,
  );
  return { ...content, pill: pillWords(content, options.locale) };
}
