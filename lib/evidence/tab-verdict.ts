import { evaluateClaim } from '../claims/eligibility';
import type { HeadlineWords } from '../claims/headline';
import { orderFacts, type OrderState } from '../claims/order-facts';
import { orderWords } from '../claims/order-headline';
import { LOCALES, type Locale } from '../i18n/core';
import type { ClaimWith, Outcome } from '../policy/schema';
import { localize } from '../policy/text';
import { PackSet } from '../policy/registry';
import { createCalendar, yearOverridesSchema, type YearOverride } from '../time/calendar';
import { vendorName } from '../vendors/registry';
import type { TabOrder } from './tab-order';

/**
 * The first verdict on the tab's saved order, in the words the popup's checker
 * shows above it (its headline, who to claim with, how many questions are
 * open). The worker computes it with its `tab.order` answer, so the popup's
 * first view needs neither the policy engine nor the vendor packs; the checker
 * computes the same from the same facts once its code has loaded.
 */

/** What a saved order's latest snapshot tells a claim: its facts, which of them it gave, its status and state. */
export interface PrefilledOrder {
  facts: Record<string, unknown>;
  from: string[];
  status: string | null;
  state: OrderState;
}

/** The facts a saved order shows, derived as every surface derives them (lib/claims/order-facts). */
export function prefilledOrder(vendor: string, fields: Record<string, unknown>, url: string): PrefilledOrder {
  const {
    facts: { vendor: _vendor, ...facts },
    from,
    statusText,
    state,
  } = orderFacts({ vendor, fields, url });
  return { facts, from, status: statusText, state };
}

/** The checker's top for one language: the vendor's name, the verdict's outcome and headline. */
export interface TabVerdictWords {
  vendorName: string;
  outcome: Outcome;
  claimWith: ClaimWith;
  /** The engine's questions still open (the verdict is provisional while any is). */
  openQuestions: number;
  words: HeadlineWords;
}

/** The first verdict in each interface language (the popup's language is settled as it opens). */
export type TabVerdict = Record<Locale, TabVerdictWords>;

/** The settings a claim is evaluated with: the user's packs that validate, the holiday overrides that load. */
export interface UsableSettings {
  packs: PackSet;
  holidayOverrides: YearOverride[];
  /** What was left out, and why (the checker lists these). */
  problems: { kind: 'pack' | 'holidays'; message: string }[];
}

/**
 * Custom packs that validate (and do not shadow a shipped vendor), holiday overrides that load; the rest is reported,
 * not used. The checker and the worker's first verdict read the stored settings through this one function.
 */
export function usableSettings(raw: {
  customPacks: readonly unknown[];
  holidayOverrides: readonly unknown[];
}): UsableSettings {
  const packs = PackSet.of(raw.customPacks);
  const problems: UsableSettings['problems'] = packs.problems.map((p) => ({
    kind: 'pack',
    message: p.errors.slice(0, 3).join('; '),
  }));
  let holidayOverrides: YearOverride[] = [];
  if (raw.holidayOverrides.length) {
    try {
      // createCalendar checks its input and says what is wrong, line by line (stored settings are unchecked).
      createCalendar(raw.holidayOverrides as readonly YearOverride[]);
      holidayOverrides = yearOverridesSchema().parse(raw.holidayOverrides);
    } catch (error) {
      problems.push({ kind: 'holidays', message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { packs, holidayOverrides, problems };
}

export type TabVerdictOptions = Pick<UsableSettings, 'packs' | 'holidayOverrides'>;

/**
 * The verdict the checker opens on for the tab's order, as of `now`, before any
 * answer: null without an order, without a purchase time, or when the engine
 * cannot evaluate the facts (the checker then asks, as it would).
 */
export function tabVerdict(order: TabOrder, now: string, options: TabVerdictOptions): TabVerdict | null {
  const { ref, bodies } = order;
  const latest = bodies[0];
  if (!ref || !latest) return null;
  const prefilled = prefilledOrder(ref.vendor, latest.fields, latest.url);
  const facts: Record<string, unknown> = { ...withoutUndefined(prefilled.facts), vendor: ref.vendor };
  if (typeof facts.purchasedAt !== 'string') return null;
  const one = (locale: Locale): TabVerdictWords => {
    const verdict = evaluateClaim(facts, now, {
      locale,
      packs: options.packs,
      holidayOverrides: [...options.holidayOverrides],
    });
    const custom = options.packs.user.find((p) => p.id === ref.vendor);
    return {
      vendorName: custom ? localize(custom.name, locale) : vendorName(ref.vendor, locale),
      outcome: verdict.outcome,
      claimWith: verdict.claimWith,
      openQuestions: verdict.questions.length,
      words: orderWords({ state: prefilled.state, facts }, verdict, locale, now),
    };
  };
  try {
    return Object.fromEntries(LOCALES.map((locale) => [locale, one(locale)])) as TabVerdict;
  } catch {
    return null;
  }
}

const withoutUndefined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
