import type { Locale } from '../i18n';
import type { CheckoutFields } from '../extract/checkout';
import { termMonths } from '../extract/normalize';
import { citationTitle } from '../policy/sources';
import { localize, type LocalizedText } from '../policy/text';
import { FALLBACK_FLAGS, VENDORS } from '../vendors/catalog';
import type { Citation } from '../policy/schema';
import { findPack } from '../policy/registry';
import { isAnecdote } from './anecdote';

/** Contract 2 in DESIGN.md: the `data-flag` ids of the risks the card shows. */
export const RISK_FLAGS = [
  'non-refundable-promo',
  'auto-renew',
  'multi-year',
  'reseller-verbal-promise',
  'no-refund-after-activation',
  'third-party-store',
  // Added to contract 2: a renewal whose page says renewals get no five-day refund.
  'renewal-no-five-day',
] as const;
export type RiskFlagId = (typeof RISK_FLAGS)[number];

/** One line of advice on a risk, with the clauses it rests on. */
export interface FlagAdvice {
  title: LocalizedText;
  advice: LocalizedText;
  citations: readonly Citation[];
}

/** A vendor's risk-flag wording (lib/vendors/<vendor>/flags.ts), where it differs from the generic advice. */
export interface VendorFlags {
  vendor: string;
  advice: Partial<Record<RiskFlagId, FlagAdvice>>;
  /** Risks every purchase page of the vendor carries, whatever the page shows. */
  always?: readonly RiskFlagId[];
}

const own = (vendor: string) => VENDORS.find((v) => v.id === vendor)?.flags;

export interface RiskFlag {
  id: RiskFlagId;
  title: string;
  advice: string;
  /** What on the page raised it (the promotion's words, the term …), as text. */
  evidence: string | null;
  citations: { title: string; source: string; clause?: string }[];
}

/** The advice table, for tests that hold every entry to a citation. */
export function flagAdviceEntries(): { id: RiskFlagId; vendor: string; citations: readonly Citation[] }[] {
  return VENDORS.map((v) => v.flags).flatMap((v) =>
    RISK_FLAGS.flatMap((id) => (v.advice[id] ? [{ id, vendor: v.vendor, citations: v.advice[id]!.citations }] : [])),
  );
}

/**
 * The citations a flag shows: never a user's story, and for advice borrowed from
 * the generic table, never another vendor's document (an Exmail article under a
 * 快连 risk); the shared facts and the vendor's own documents stay.
 */
function shownCitations(vendor: string, borrowed: boolean, citations: readonly Citation[]): readonly Citation[] {
  const kept = citations.filter((c) => !isAnecdote(c));
  if (!borrowed || vendor === FALLBACK_FLAGS.vendor) return kept;
  const ownSources = new Set(findPack(vendor, []).rules.flatMap((r) => r.citations.map((c) => c.source)));
  // Source documents are the seed .txt files; shared notes (the facts file) hold for every vendor.
  return kept.filter((c) => !/\.txt$/.test(c.source) || ownSources.has(c.source));
}

function flag(id: RiskFlagId, vendor: string, evidence: string | null, locale: Locale): RiskFlag {
  const mine = own(vendor)?.advice[id];
  const entry = mine ?? FALLBACK_FLAGS.advice[id];
  return {
    id,
    title: localize(entry.title, locale),
    advice: localize(entry.advice, locale),
    evidence,
    citations: shownCitations(vendor, !mine, entry.citations).map((c) => ({
      title: citationTitle(c, locale),
      source: c.source,
      ...(c.clause ? { clause: c.clause } : {}),
    })),
  };
}

/**
 * The risks a purchase page shows, in contract order. Only what the page
 * itself shows raises a flag; nothing is assumed.
 */
export function riskFlags(vendor: string, fields: Partial<CheckoutFields>, locale: Locale): RiskFlag[] {
  const out: RiskFlag[] = [];
  if (fields.promoText) out.push(flag('non-refundable-promo', vendor, fields.promoText, locale));
  if (fields.autoRenew === true) out.push(flag('auto-renew', vendor, null, locale));
  const months = termMonths(fields.term);
  if (months !== null && months > 12) out.push(flag('multi-year', vendor, fields.term ?? null, locale));
  if (fields.resellerPromise || fields.channel === 'reseller')
    out.push(flag('reseller-verbal-promise', vendor, fields.resellerPromise ?? null, locale));
  if (own(vendor)?.always?.includes('no-refund-after-activation') || fields.digitalGoodsNotice)
    out.push(flag('no-refund-after-activation', vendor, fields.digitalGoodsNotice ?? null, locale));
  if (fields.channel === 'app-store' || fields.channel === 'google-play')
    out.push(flag('third-party-store', vendor, null, locale));
  if (fields.renewalNotice) out.push(flag('renewal-no-five-day', vendor, fields.renewalNotice, locale));
  return out;
}
