import type { Citation } from '../policy/schema';
import type { LocalizedText } from '../policy/text';

export type SlaService = 'exmail' | 'cvm';

/** A credit tier below the commitment: applies when availability ≥ `atLeast` (null = no lower bound). */
export interface SlaTier {
  /** Percent as a decimal string, exact: "99.9", "99", "95". */
  atLeast: string | null;
  /** Voucher as a percent of the month's fee. */
  percent: number;
}

export interface SlaExclusion {
  code: string;
  label: LocalizedText;
  citation: Citation;
}

/**
 * An SLA as data; the engine in lib/sla knows no vendor. Percent thresholds are
 * strings so that "99.9" is compared exactly, never as a binary float.
 */
export interface SlaPolicy {
  service: SlaService;
  vendor: string;
  name: LocalizedText;
  lastChecked: string;
  /** Commitment levels; the first is the default. */
  commitments: readonly { id: string; label: LocalizedText; percent: string; citation: Citation }[];
  /** Ordered from the highest tier down; the first tier's upper bound is the commitment. */
  tiers: readonly SlaTier[];
  tiersCitation: Citation;
  /** Failures shorter than this do not count (null: the sources set no minimum). */
  minFailureMs: number | null;
  minFailureCitation?: Citation;
  /** What the service period is: the calendar month, or the part of it in use. */
  periodCitation: Citation;
  availabilityCitation: Citation;
  voucherCitation: Citation;
  exclusions: readonly SlaExclusion[];
  claim: { opensAfterBusinessDay: number; closesAfterCalendarDays: number; citation: Citation };
  /** Notes shown with every result (voucher rules, where to claim). */
  notes: readonly { text: LocalizedText; citation: Citation }[];
  /** What the agreement lets the vendor do once a service ends unrenewed (a reminder of its expiry says it). */
  afterEnd?: { text: LocalizedText; citation: Citation };
}
