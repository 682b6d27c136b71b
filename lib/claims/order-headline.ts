import type { Locale } from '../i18n';
import { engineText } from '../i18n/engine';
import { parseInstant } from '../time/zone';
import { evaluateClaim, type EvaluateOptions, type Verdict } from './eligibility';
import { headlineWords, type HeadlineWords } from './headline';
import { orderFacts, type DerivedOrder, type OrderState } from './order-facts';

/**
 * An order's headline: what every surface says about it first. An order that
 * was refunded, is being refunded, was never paid or was cancelled has no
 * claim, and says so; any other order's words are the verdict's.
 */

/** The states that have no claim, each with its line (`engine.order.<state>`). */
const NO_CLAIM = ['refunded', 'refunding', 'unpaid', 'cancelled'] as const;
const hasNoClaim = (state: OrderState): state is (typeof NO_CLAIM)[number] =>
  (NO_CLAIM as readonly OrderState[]).includes(state);

const plain = (line: string, confirmed: boolean): HeadlineWords => ({
  tone: 'neutral',
  line,
  deadline: null,
  deadlineDate: null,
  estimated: false,
  confirmed,
});

/** The words for an order that has no claim to evaluate (refunded, unpaid …, or no payment time); null when it has one. */
export function orderStateWords(
  order: Pick<DerivedOrder, 'state' | 'facts'>,
  locale: Locale,
  now: string,
): HeadlineWords | null {
  if (hasNoClaim(order.state)) return plain(engineText(`engine.order.${order.state}`, locale), true);
  const paid = typeof order.facts.purchasedAt === 'string' ? parseInstant(order.facts.purchasedAt) : null;
  const nowMs = parseInstant(now);
  if (paid === null || nowMs === null || paid > nowMs) return plain(engineText('engine.order.noTime', locale), false);
  return null;
}

/** The headline of an order whose verdict the caller already has (the popup evaluates with the user's answers). */
export function orderWords(
  order: Pick<DerivedOrder, 'state' | 'facts'>,
  verdict: Verdict | null,
  locale: Locale,
  now: string,
): HeadlineWords {
  return (
    orderStateWords(order, locale, now) ??
    (verdict ? headlineWords(verdict, locale, now) : plain(engineText('engine.order.noTime', locale), false))
  );
}

export interface OrderVerdict {
  /** Null when the order has no claim (see `orderStateWords`). */
  verdict: Verdict | null;
  words: HeadlineWords;
}

/** Evaluates a stored order's facts as they are (no answers yet) and words its headline. */
export function evaluateOrder(order: DerivedOrder, now: string, options: EvaluateOptions = {}): OrderVerdict {
  const locale = options.locale ?? 'zh-CN';
  const none = orderStateWords(order, locale, now);
  if (none) return { verdict: null, words: none };
  const verdict = evaluateClaim(order.facts, now, options);
  return { verdict, words: headlineWords(verdict, locale, now) };
}

/** A stored snapshot, as far as its headline needs it. */
export interface StoredOrderSnapshot {
  id: string;
  vendor: string;
  kind: string;
  url: string;
  fields: Readonly<Record<string, unknown>>;
}

/**
 * The headline of each stored snapshot that is an order (null for any other
 * snapshot, or one the engine cannot read, e.g. of a custom pack since removed).
 */
export function snapshotHeadlines(
  snapshots: readonly StoredOrderSnapshot[],
  now: string,
  options: EvaluateOptions = {},
): Record<string, HeadlineWords | null> {
  const out: Record<string, HeadlineWords | null> = {};
  for (const s of snapshots) {
    if (s.kind !== 'order') {
      out[s.id] = null;
      continue;
    }
    const order = orderFacts({ vendor: s.vendor, fields: s.fields, url: s.url });
    try {
      out[s.id] = evaluateOrder(order, now, options).words;
    } catch {
      out[s.id] = null;
    }
  }
  return out;
}
