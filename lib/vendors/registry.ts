import type { Locale } from '../i18n/core';
import type { VendorPages } from './types';
import { tencentExmailPages } from './tencent-exmail/pages';
import { tencentCloudPages } from './tencent-cloud/pages';
import { letsvpnPages } from './letsvpn/pages';
import { genericSoftwarePages } from './generic-software/pages';

/**
 * Every shipped vendor, one line each: the list every vendor id is read from
 * (`SHIPPED_VENDORS`, `ShippedVendorId`). Each entry is the light part of the
 * vendor's folder (pages.ts: page rules, name, summary), which scripts inside
 * web pages load; the rest of the vendor (policy, ticket, flags, SLA) is its
 * definition in index.ts, keyed by these ids in catalog.ts. Order matters for
 * detection: Exmail's pages on Tencent Cloud hosts are more specific than
 * Tencent Cloud's own.
 */
export const vendorPages = [tencentExmailPages, tencentCloudPages, letsvpnPages, genericSoftwarePages] as const;

export type ShippedVendorId = (typeof vendorPages)[number]['vendor'];
export const SHIPPED_VENDORS: readonly ShippedVendorId[] = vendorPages.map((p) => p.vendor);

/** The vendor a purchase no other vendor claims falls under (its policy and ticket are the generic ones). */
export const FALLBACK_VENDOR_ID: ShippedVendorId = genericSoftwarePages.vendor;

function pagesFor(vendor: string): VendorPages | undefined {
  return (vendorPages as readonly VendorPages[]).find((p) => p.vendor === vendor);
}

export function pagesOf(vendor: ShippedVendorId): VendorPages<ShippedVendorId> {
  const found = pagesFor(vendor);
  if (!found) throw new Error(`unknown vendor ${vendor}`);
  return found as VendorPages<ShippedVendorId>;
}

/** The vendor's display name in `locale`; a user pack's id is shown as itself. */
export function vendorName(vendor: string, locale: Locale): string {
  return pagesFor(vendor)?.name[locale] ?? vendor;
}

/** The vendor's policy in one line, or null for a vendor the product does not ship. */
export function vendorSummary(vendor: string, locale: Locale): string | null {
  return pagesFor(vendor)?.summary[locale] ?? null;
}

/** Hosts the vendor content script is declared on (the manifest is built from this). */
export function contentScriptHosts(): string[] {
  return [...new Set(vendorPages.flatMap((p) => p.hosts))].sort();
}
