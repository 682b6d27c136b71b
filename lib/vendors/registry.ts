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
const SHIPPED = [tencentExmailPages, tencentCloudPages, letsvpnPages, genericSoftwarePages] as const;

export type ShippedVendorId = (typeof SHIPPED)[number]['vendor'];

/** What is read from a list of vendors' pages: detection, names and the manifest's hosts use nothing else. */
export function pageRegistry<Id extends string>(list: readonly VendorPages<Id>[]) {
  const pagesFor = (vendor: string): VendorPages<Id> | undefined => list.find((p) => p.vendor === vendor);
  return {
    vendorPages: list,
    SHIPPED_VENDORS: list.map((p) => p.vendor) as readonly Id[],
    pagesOf(vendor: Id): VendorPages<Id> {
      const found = pagesFor(vendor);
      if (!found) throw new Error(`unknown vendor ${vendor}`);
      return found;
    },
    /** The vendor's display name in `locale`; a user pack's id is shown as itself. */
    vendorName: (vendor: string, locale: Locale): string => pagesFor(vendor)?.name[locale] ?? vendor,
    /** The vendor's policy in one line, or null for a vendor the product does not ship. */
    vendorSummary: (vendor: string, locale: Locale): string | null => pagesFor(vendor)?.summary[locale] ?? null,
    /** Hosts the vendor content script is declared on (the manifest is built from this). */
    contentScriptHosts: (): string[] => [...new Set(list.flatMap((p) => p.hosts))].sort(),
  };
}

export const { vendorPages, SHIPPED_VENDORS, pagesOf, vendorName, vendorSummary, contentScriptHosts } =
  pageRegistry<ShippedVendorId>(SHIPPED);

/** The vendor a purchase no other vendor claims falls under (its policy and ticket are the generic ones). */
export const FALLBACK_VENDOR_ID: ShippedVendorId = genericSoftwarePages.vendor;
