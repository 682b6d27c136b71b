import type { VendorPages } from './types';

/** A vendor folder's pages.ts, with its id kept as a literal type (so the registry can list ids). */
export function defineVendorPages<const Id extends string>(pages: VendorPages<Id>): VendorPages<Id> {
  return pages;
}
