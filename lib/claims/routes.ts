import type { Locale } from '../i18n';
import type { Outcome, PolicyPack, PolicyRule, RefundKind } from '../policy/schema';
import { engineText } from '../i18n/engine';
import { localize } from '../policy/text';
import type { BusinessCalendar } from '../time/calendar';
import { evaluateCondition, rootFact, unknownFacts, type FactBag } from './conditions';
import { evaluateDeadline, type DeadlineState } from './deadline';

/**
 * Routes: every rule of a pack that grants something (eligible, negotiable,
 * compensation) is a route to the money, judged on its own — its condition,
 * its window, and the exceptions (not-eligible rules) that rule it out. A
 * pack's exceptions name what they block (`blocks`); one that names nothing,
 * as packs written before routes do, rules out every rule after it.
 */

export type PlannedStatus = 'open' | 'needs-answers' | 'closed' | 'ruled-out';

export interface PlannedRoute {
  rule: PolicyRule;
  status: PlannedStatus;
  state: DeadlineState;
  needs: string[];
  /** The route's own condition holds (its status may still be closed or ruled out). */
  applies: boolean;
  ruledOutBy?: string;
}

export interface RoutePlan {
  /** Best first. */
  routes: PlannedRoute[];
  /** The best route that is open or needs answers. */
  headline: PlannedRoute | undefined;
  /** The exception that decides when no route is left (the pack's first that holds; the default rule otherwise). */
  exception: PolicyRule;
  /** Exceptions whose condition is unknown and that would rule the headline out. */
  pendingBlockers: { rule: PolicyRule; facts: string[] }[];
  /** Routes waiting on answers that are worth asking about, best first. */
  undecided: PlannedRoute[];
}

interface Ctx {
  facts: FactBag;
  now: number;
  calendar: BusinessCalendar;
  locale: Locale;
}

const REFUND_RANK: Record<RefundKind, number> = { full: 0, partial: 1, difference: 2, voucher: 3 };
const OUTCOME_RANK: Partial<Record<Outcome, number>> = { eligible: 0, compensation: 1, negotiable: 2 };

/** full > partial > difference > voucher > nothing named; then eligible > compensation > negotiable. */
export function routeRank(rule: Pick<PolicyRule, 'refund' | 'outcome'>): [number, number] {
  return [rule.refund === null ? 4 : REFUND_RANK[rule.refund], OUTCOME_RANK[rule.outcome] ?? 3];
}

/** Which exceptions rule out which routes: `blocks`, or (omitted) every later rule. */
function blockersOf(pack: PolicyPack): Map<string, PolicyRule[]> {
  const map = new Map<string, PolicyRule[]>();
  pack.rules.forEach((rule, i) => {
    if (rule.outcome !== 'not-eligible') return;
    const targets = rule.blocks ?? pack.rules.slice(i + 1).map((r) => r.id);
    for (const id of targets) map.set(id, [...(map.get(id) ?? []), rule]);
  });
  return map;
}

/**
 * The fact that says why the user claims. A route that exists only for a reason
 * the user has not given (an outage, a duplicate charge) is listed and asked
 * about, but never becomes the headline: it is a possibility, not news about
 * this order.
 */
const REASON_FACT = 'reason';

export function planRoutes(pack: PolicyPack, ctx: Ctx, remedy?: RefundKind): RoutePlan {
  const blockers = blockersOf(pack);
  const defaultRule = pack.rules[pack.rules.length - 1]!;
  const planned: { route: PlannedRoute; order: number; hypothetical: boolean }[] = [];

  pack.rules.forEach((rule, order) => {
    if (rule.outcome === 'not-eligible') return;
    const truth = evaluateCondition(rule.when, ctx.facts);
    if (truth === 'false') return;
    const state = evaluateDeadline(rule.deadline, ctx);
    const against = blockers.get(rule.id) ?? [];
    const blocker = against.find((b) => evaluateCondition(b.when, ctx.facts) === 'true');
    const needs = truth === 'unknown' ? unknownFacts(rule.when, ctx.facts) : [];
    let status: PlannedStatus;
    if (blocker) status = 'ruled-out';
    else if (state.state === 'lapsed') status = 'closed';
    else if (state.state === 'unknown') {
      status = 'needs-answers';
      if (!needs.includes(state.fact)) needs.push(state.fact);
    } else status = needs.length ? 'needs-answers' : 'open';
    const live = status === 'open' || status === 'needs-answers';
    const route: PlannedRoute = {
      rule,
      status,
      state,
      applies: truth === 'true',
      needs: live || status === 'closed' ? needs : [],
      ...(blocker ? { ruledOutBy: blocker.id } : {}),
    };
    planned.push({ route, order, hypothetical: live && needs.some((f) => rootFact(f) === REASON_FACT) });
  });

  // The default rule (no condition) is the pack's fallback: listed only when no
  // other route is open.
  const others = planned.filter((p) => p.route.rule !== defaultRule);
  const kept = others.some((p) => p.route.status === 'open') ? others : planned;

  const statusRank = (s: PlannedStatus) => (s === 'open' || s === 'needs-answers' ? 0 : s === 'closed' ? 1 : 2);
  kept.sort((a, b) => {
    const ra = routeRank(a.route.rule);
    const rb = routeRank(b.route.rule);
    return (
      statusRank(a.route.status) - statusRank(b.route.status) ||
      Number(a.hypothetical) - Number(b.hypothetical) ||
      ra[0] - rb[0] ||
      ra[1] - rb[1] ||
      // Equal remedies: the one already open, then the one that needs fewer answers.
      a.route.needs.length - b.route.needs.length ||
      a.order - b.order
    );
  });
  const routes = kept.map((p) => p.route);
  const live = (p: (typeof kept)[number]) =>
    (p.route.status === 'open' || p.route.status === 'needs-answers') && !p.hypothetical;
  const headlineEntry =
    (remedy ? kept.find((p) => live(p) && p.route.rule.refund === remedy) : undefined) ?? kept.find(live);
  const headline = headlineEntry?.route;

  // The exception that speaks when no route is left: the one that ruled out the
  // best route, else the pack's first that holds, else the default rule.
  const bestRuledOut = routes.find((r) => r.ruledOutBy !== undefined);
  const exception =
    pack.rules.find((r) => r.id === bestRuledOut?.ruledOutBy) ??
    pack.rules.find((r) => r.outcome === 'not-eligible' && evaluateCondition(r.when, ctx.facts) === 'true') ??
    defaultRule;
  const pendingBlockers = headline
    ? (blockers.get(headline.rule.id) ?? []).flatMap((rule) =>
        evaluateCondition(rule.when, ctx.facts) === 'unknown'
          ? [{ rule, facts: unknownFacts(rule.when, ctx.facts) }]
          : [],
      )
    : [];
  // Worth asking: what the routes that pay at least as much as the headline
  // still need (those that wait on the reason too: "why" is asked when its
  // answer could lead somewhere as good), best first; with no headline, what
  // any route waiting on answers needs.
  const cmp = (a: PolicyRule, b: PolicyRule) => {
    const ra = routeRank(a);
    const rb = routeRank(b);
    return ra[0] - rb[0] || ra[1] - rb[1];
  };
  const undecided = kept
    .filter((p) => p.route.status === 'needs-answers' && (!headline || cmp(p.route.rule, headline.rule) <= 0))
    .sort((a, b) => cmp(a.route.rule, b.route.rule) || a.order - b.order)
    .map((p) => p.route);
  return { routes, headline, exception, pendingBlockers, undecided };
}

/** What a refund kind pays, in words: '全额退款'; with `or`, '全额或部分退款'. Null kind: '退款'. */
export function paysWords(refund: RefundKind | null, or: RefundKind | undefined, locale: Locale): string {
  if (!refund) return engineText('engine.refund.other', locale);
  if (or)
    // "full or partial": the kinds as adjectives of one refund.
    return engineText('engine.refund.either', locale, {
      a: engineText(`engine.refundShort.${refund}`, locale),
      b: engineText(`engine.refundShort.${or}`, locale),
    });
  return engineText(`engine.refund.${refund}`, locale);
}

/** What a route pays, in words: '全额退款', 'voucher credit', '协商退款'. */
export function refundWords(rule: Pick<PolicyRule, 'refund' | 'outcome' | 'refundOr'>, locale: Locale): string {
  if (rule.refund) return paysWords(rule.refund, rule.refundOr, locale);
  return engineText(rule.outcome === 'negotiable' ? 'engine.refund.negotiable' : 'engine.refund.other', locale);
}

/** The short name of a rule: its `name`, or the words of what it pays. */
export function ruleName(rule: Pick<PolicyRule, 'name' | 'refund' | 'outcome' | 'refundOr'>, locale: Locale): string {
  return rule.name ? localize(rule.name, locale) : refundWords(rule, locale);
}

/** A route's label: name + what it pays, e.g. '五天无理由全额退款' / 'Five-day no-reason full refund'. */
export function routeLabel(rule: Pick<PolicyRule, 'name' | 'refund' | 'outcome' | 'refundOr'>, locale: Locale): string {
  const words = refundWords(rule, locale);
  if (!rule.name) return locale === 'en' ? words.charAt(0).toUpperCase() + words.slice(1) : words;
  const name = localize(rule.name, locale);
  return locale === 'en' || /[\x21-\x7e]$/.test(name) ? `${name} ${words}` : `${name}${words}`;
}
