import type { ShippedVendorId, VendorPages } from './types';
import { tencentExmailPages } from './tencent-exmail/pages';
import { tencentCloudPages } from './tencent-cloud/pages';
import { letsvpnPages } from './letsvpn/pages';
import { genericSoftwarePages } from './generic-software/pages';

/**
 * Every shipped vendor, one line each. Order matters for detection: Exmail's
 * pages on Tencent Cloud hosts are more specific than Tencent Cloud's own.
 */
export const vendorPages: readonly VendorPages[] = [
  tencentExmailPages,
  tencentCloudPages,
  letsvpnPages,
  genericSoftwarePages,
];

export function pagesOf(vendor: ShippedVendorId): VendorPages {
  const found = vendorPages.find((p) => p.vendor === vendor);
  if (!found) throw new Error(`unknown vendor ${vendor}`);
  return found;
}

/** Hosts the vendor content script is declared on (the manifest is built from this). */
export function contentScriptHosts(): string[] {
  return [...new Set(vendorPages.flatMap((p) => p.hosts))].sort();
}
