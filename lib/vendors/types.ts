
/** Identifiers of the vendor packs the product ships (contract 1 in DESIGN.md). */
export const SHIPPED_VENDORS = ['tencent-exmail', 'tencent-cloud', 'letsvpn', 'generic-software'] as const;
export type ShippedVendorId = (typeof SHIPPED_VENDORS)[number];
/** A shipped vendor or the id of a user-defined pack. */
export type VendorId = ShippedVendorId | (string & {});

export const PAGE_KINDS = ['checkout', 'order', 'console', 'ticket', 'webmail'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export interface PageMatch {
  vendor: VendorId;
  kind: PageKind;
}

/** A page match as it crosses a trust boundary (a message, a stored record). */


export function isShippedVendor(vendor: string): vendor is ShippedVendorId {
  return (SHIPPED_VENDORS as readonly string[]).includes(vendor);
}

/**
 * One way a vendor's page is recognised. `hosts` are exact host names (a page on
 * `evil-cloud.tencent.com.example` or `example.com/buy.cloud.tencent.com` is not
 * a vendor page); `path` is tested against the URL's path name; `text`, when
 * given, must also match the page's text (for hosts that carry several vendors'
 * pages or whose URLs are not known, FACTS.md "URLs and page kinds").
 */
export interface PageRule {
  kind: PageKind;
  hosts: readonly string[];
  path?: RegExp;
  text?: RegExp;
  description: string;
}

/** What a pack says about where it lives on the web. */
export interface VendorPages {
  vendor: ShippedVendorId;
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
