import { cardContent, type CardContent } from '../../lib/card/model';
import { PackSet } from '../../lib/policy/registry';
import { ordersKeyedBySite, siteOf } from '../../lib/evidence/subject';
import type { RequestOf } from '../../lib/messages';
import { loadSettings } from '../../platform/settings';
import type { EvidenceStore } from '../../platform/evidence-db';

/** How many snapshots of one order number are looked through for the one from this site. */
const LOOKUP = 5;

/**
 * The newest stored snapshot of each order listed on the page, by order
 * number (an order list shows less than the order's own page). Orders of
 * vendors whose numbers are per site are matched on the page's site too.
 */
async function storedOrders(
  store: EvidenceStore,
  request: RequestOf<'card.content'>,
  url: string | null,
): Promise<Record<string, Record<string, unknown>>> {
  const { vendor } = request.match;
  const site = url && ordersKeyedBySite(vendor) ? siteOf(url) : null;
  const ids: string[] = [];
  for (const orderId of new Set(request.rows.map((r) => r.orderId).filter((id): id is string => Boolean(id)))) {
    const { items } = await store.list({
      vendor,
      orderId,
      exactOrder: true,
      countAll: false,
      offset: 0,
      limit: LOOKUP,
    });
    const hit = items.find((i) => i.orderId === orderId && (site === null || siteOf(i.url) === site));
    if (hit) ids.push(hit.id);
  }
  if (ids.length === 0) return {};
  const out: Record<string, Record<string, unknown>> = {};
  for (const body of await store.bodies(ids)) {
    const orderId = body.fields.orderId;
    if (typeof orderId === 'string' && !(orderId in out)) out[orderId] = body.fields;
  }
  return out;
}

/**
 * What the in-page card says, computed here so the policy engine and the
 * holiday calendar never load into a web page. A custom pack that does not
 * validate is left out rather than leaving the card empty.
 */
export async function cardContentFor(
  request: RequestOf<'card.content'>,
  url: string | null,
  now: Date,
  store?: () => EvidenceStore,
): Promise<CardContent> {
  const [{ settings }, stored] = await Promise.all([
    loadSettings(),
    store && request.match.kind === 'order' && request.rows.length > 0
      ? storedOrders(store(), request, url).catch(() => ({}))
      : Promise.resolve({}),
  ]);
  const at = now.toISOString();
  return cardContent(request, at, { locale: request.locale, packs: PackSet.of(settings.customPacks), url, stored });
}
