import { SHIPPED_VENDORS, type ShippedVendorId } from './registry';

/**
 * Identifiers of the vendor packs the product ships (contract 1 in DESIGN.md),
 * read from the one list of vendors, lib/vendors/registry.ts.
 */
export { SHIPPED_VENDORS, type ShippedVendorId };
/** A shipped vendor or the id of a user-defined pack. */
export type VendorId = ShippedVendorId | (string & {});

export const PAGE_KINDS = ['checkout', 'order', 'console', 'ticket', 'webmail'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export interface PageMatch {
  vendor: VendorId;
  kind: PageKind;
}

export function isShippedVendor(vendor: string): vendor is ShippedVendorId {
  return (SHIPPED_VENDORS as readonly string[]).includes(vendor);
}

/**
 * One way a vendor's page is recognised. `hosts` are exact host names (a page on
 * `evil-cloud.tencent.com.example` or `example.com/buy.cloud.tencent.com` is not
 * a vendor page); `path` is tested against the URL's path name; `text`, when
 * given, must also match the page's text (for hosts that carry several vendors'
 * pages or whose URLs are not known, FACTS.md "URLs and page kinds"). What page a rule means is
 * said in a comment above it: nothing reads it at run time, and as a field it was shipped in every
 * page script and in the worker.
 */
export interface PageRule {
  kind: PageKind;
  hosts: readonly string[];
  path?: RegExp;
  text?: RegExp;
}

/** A name or a line of text in both languages, as plain data (page scripts read it). */
export interface VendorWords {
  'zh-CN': string;
  en: string;
}

/**
 * What a vendor's folder says about where it lives on the web, and how it is
 * named: the part of a vendor that scripts inside web pages load (pages.ts).
 */
export interface VendorPages<Id extends string = string> {
  vendor: Id;
  /** The vendor's display name (card, popup, lists, locker). */
  name: VendorWords;
  /** Its refund policy in one line (the card's policy line, the popup's vendor list). */
  summary: VendorWords;
  /** Hosts the vendor content script is injected on. */
  hosts: readonly string[];
  /** Tried in order; the first match wins, so specific rules come first. */
  rules: readonly PageRule[];
  /**
   * An order or purchase with a term in months or years is prepaid (包年包月):
   * the vendor also sells by usage, and only prepaid purchases have a term.
   */
  termMeansPrepaid?: boolean;
  /**
   * A page of a site no vendor claims is this vendor's when its text matches
   * every pattern (the generic checkout: sites the user enabled or checked once).
   */
  anySite?: { kind: PageKind; text: readonly RegExp[] };
}
