import type { ListQuery, SnapshotSummary } from './query';
import type { SnapshotBody } from './schema';
import { ordersKeyedBySite, siteOf } from './subject';

/**
 * Which saved order a tab shows: the newest snapshot saved from the same
 * address that names an order, with the bodies of that order's latest
 * snapshots. The checker opens on it; the worker answers it in one message
 * (`tab.order`) so the popup waits for one round trip, not three.
 */

/** Snapshots of one order the checker reads (newest first): enough for the timeline and the checklist. */
export const SNAPSHOTS_READ = 5;

/**
 * Snapshots of the tab's vendor looked through for the tab's own page, newest
 * first: a first short page (the page in front of the user was usually saved
 * moments ago), then the rest of TAB_LOOKUP.
 */
const TAB_FIRST_LOOK = 10;
const TAB_LOOKUP = 100;

/** An order as the checker lists it: its newest snapshot's vendor, number, time, status and title. */
export interface OrderRef {
  vendor: string;
  orderId: string;
  capturedAt: string;
  status: string | null;
  title: string;
}

/** What a tab shows, as `tab.order` answers it (its schema is with the other messages, lib/messages.ts). */
export interface TabOrder {
  ref: OrderRef | null;
  /** The order's snapshots, newest first, at most SNAPSHOTS_READ (empty without an order). */
  bodies: SnapshotBody[];
}

/** Reads snapshots the way the worker's store does (the checker passes messages, the worker its store). */
export interface SnapshotReader {
  listSnapshots(query: ListQuery): Promise<{ items: SnapshotSummary[] }>;
  getBodies(ids: string[]): Promise<{ bodies: SnapshotBody[] }>;
}

/**
 * The bodies of one order's latest snapshots. A list already read (newest
 * first, e.g. the vendor's recent snapshots) saves the second query when it
 * names them.
 */
export async function readOrderBodies(
  reader: SnapshotReader,
  ref: { vendor: string; orderId: string },
  listed?: readonly SnapshotSummary[],
): Promise<SnapshotBody[]> {
  const items =
    listed ??
    (
      await reader.listSnapshots({
        vendor: ref.vendor,
        orderId: ref.orderId,
        exactOrder: true,
        countAll: false,
        offset: 0,
        limit: 20,
      })
    ).items;
  const mine = items.filter((i) => i.vendor === ref.vendor && i.orderId === ref.orderId).slice(0, SNAPSHOTS_READ);
  return mine.length > 0 ? (await reader.getBodies(mine.map((i) => i.id))).bodies : [];
}

/**
 * The order shown at `tab.url` (a page of `tab.vendor`); none when the tab is
 * no vendor page or nothing was saved from it. The page's own order number
 * (`tab.orderId`, what its card read), when known, finds a snapshot saved
 * before the vendor's newest TAB_LOOKUP: a store of years of orders.
 */
export async function findTabOrder(
  reader: SnapshotReader,
  tab: { vendor: string | null; url: string | null; orderId?: string | null },
): Promise<TabOrder> {
  if (!tab.vendor || !tab.url) return { ref: null, bodies: [] };
  let { items } = await reader.listSnapshots({ vendor: tab.vendor, countAll: false, offset: 0, limit: TAB_FIRST_LOOK });
  let hit = items.find((i) => i.url === tab.url && i.orderId);
  if (!hit && items.length === TAB_FIRST_LOOK) {
    const more = await reader.listSnapshots({
      vendor: tab.vendor,
      countAll: false,
      offset: TAB_FIRST_LOOK,
      limit: TAB_LOOKUP - TAB_FIRST_LOOK,
    });
    items = [...items, ...more.items];
    hit = more.items.find((i) => i.url === tab.url && i.orderId);
  }
  if (!hit && items.length === TAB_LOOKUP && tab.orderId) {
    // The order's own snapshots, by its number (an index look-up, whatever the store's size).
    const ofNumber = await reader.listSnapshots({
      vendor: tab.vendor,
      orderId: tab.orderId,
      exactOrder: true,
      site: siteOf(tab.url),
      countAll: false,
      offset: 0,
      limit: 20,
    });
    items = ofNumber.items;
    hit = items.find((i) => i.url === tab.url && i.orderId === tab.orderId);
  }
  if (!hit?.orderId) return { ref: null, bodies: [] };
  const ref: OrderRef = {
    vendor: hit.vendor,
    orderId: hit.orderId,
    capturedAt: hit.capturedAt,
    status: hit.status,
    title: hit.title,
  };
  // A generic order is one site's: another site's page naming the same number is not part of it.
  const site = siteOf(hit.url);
  const ofOrder = ordersKeyedBySite(hit.vendor) ? items.filter((i) => siteOf(i.url) === site) : items;
  return { ref, bodies: await readOrderBodies(reader, ref, ofOrder) };
}
