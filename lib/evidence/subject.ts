import { vendorPages } from '../vendors/registry';
import type { SnapshotSummary } from './query';
import type { SnapshotFields } from './schema';

/**
 * What a snapshot is about: one order, or else one page. Snapshots of the same
 * subject are versions of each other (the newer names the older, and an
 * unchanged capture is a duplicate), and reminders follow the newest.
 *
 * An order number means the same order across a vendor's own sites only: a
 * shipped pack with hosts of its own (Tencent Cloud's order is the same on
 * buy. and console.). The generic pack and custom packs are recognised on any
 * site, so there the site is part of the order: a forum page quoting a shop's
 * "订单号 GS-2026-1001" used to become the newer version of the shop's real
 * order, and the order's refund reminder went with it (issue 19).
 */
const VENDOR_WIDE_ORDERS = new Set<string>(
  vendorPages.filter((pack) => pack.hosts.length > 0).map((pack) => pack.vendor),
);

/** Whether this vendor's order numbers are told apart by site. */
export const ordersKeyedBySite = (vendor: string): boolean => !VENDOR_WIDE_ORDERS.has(vendor);

/** The site of a page: its host name, lower case, without a leading "www."; '' when the address has none. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** The subject key of an order of `vendor` shown at `url`. */
export function orderSubject(vendor: string, url: string, orderId: string): string {
  return ordersKeyedBySite(vendor) ? `order:${vendor}@${siteOf(url)}:${orderId}` : `order:${vendor}:${orderId}`;
}

/**
 * The key the same order had before keys named the site; null when it has not
 * changed. Snapshots stored before keep it (it is sealed in their body), so the
 * store still finds an order's earlier versions under it — from the same site.
 */
export function legacyOrderSubject(vendor: string, orderId: string): string | null {
  return ordersKeyedBySite(vendor) ? `order:${vendor}:${orderId}` : null;
}

function orderIdIn(fields: SnapshotFields): string | null {
  const orderId = fields['orderId'];
  if (typeof orderId === 'string' && orderId.trim() !== '') return orderId.trim();
  if (typeof orderId === 'number') return String(orderId);
  return null;
}

/** What identifies the thing a snapshot is about: the order when the page names one, else the page. */
export function subjectKey(vendor: string, url: string, fields: SnapshotFields): string {
  const orderId = orderIdIn(fields);
  if (orderId !== null) return orderSubject(vendor, url, orderId);
  return `page:${url.replace(/#.*$/, '')}`;
}

/**
 * The newest snapshot of each order among `items` (listed newest first), in
 * that order; `seen` carries the orders already met across pages of a list.
 */
export function newestPerOrder(items: readonly SnapshotSummary[], seen: Set<string> = new Set()): SnapshotSummary[] {
  const out: SnapshotSummary[] = [];
  for (const item of items) {
    if (item.kind !== 'order' || !item.orderId) continue;
    const key = orderSubject(item.vendor, item.url, item.orderId);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}
