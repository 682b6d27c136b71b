import { pageTimeToIso } from '../../lib/time/zone';
import { CHANNELS as PURCHASE_CHANNELS } from '../../lib/claims/facts';
import { termMonths } from '../../lib/extract/normalize';
import { vendorPages } from '../../lib/vendors/registry';
import type { ClaimSnapshot } from '../../lib/claims/evidence';

/**
 * What a saved order snapshot already tells the checker, as claim facts. Only
 * what the page showed is carried over; everything else stays unknown for the
 * engine to ask about. Order pages show times in Beijing time (UTC+8).
 */

export type SnapshotFields = Record<string, string | number | boolean>;

export interface PrefilledFacts {
  facts: Record<string, unknown>;
  /** Fact keys that came from the snapshot (shown as "from the snapshot", still editable). */
  from: string[];
  /** The order's status as the page showed it (已支付, 已退款 …). */
  status: string | null;
}

const NEW_PURCHASE = ['新购', '购买', 'new purchase', 'new'];
const RENEWAL_OR_CHANGE = ['续费', '升级', '变配', '配置调整', '降配', 'renewal', 'upgrade'];

function isOfficialPage(vendor: string, url: string | undefined): boolean {
  if (!url || vendor === 'generic-software') return false;
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return vendorPages.some((p) => p.vendor === vendor && p.hosts.includes(host));
}

export function factsFromSnapshot(vendor: string, fields: SnapshotFields, url?: string): PrefilledFacts {
  const facts: Record<string, unknown> = {};
  const str = (key: string) => (typeof fields[key] === 'string' && (fields[key] as string).trim() ? (fields[key] as string).trim() : undefined);
  const num = (key: string) => (typeof fields[key] === 'number' && Number.isFinite(fields[key]) ? (fields[key] as number) : undefined);

  const paid = str('paidAt') ?? str('createdAt');
  const purchasedAt = paid ? pageTimeToIso(paid) : null;
  if (purchasedAt) facts.purchasedAt = purchasedAt;
  const orderId = str('orderId');
  if (orderId) facts.orderId = orderId;
  const product = str('product');
  if (product) facts.product = product;
  const amountPaid = num('amountPaid') ?? num('price');
  if (amountPaid !== undefined) facts.amountPaid = amountPaid;
  const voucher = num('voucher');
  if (voucher !== undefined && voucher > 0) facts.amountPaidWithVouchers = voucher;
  const term = str('term');
  const months = term ? termMonths(term) : null;
  if (months) facts.termMonths = months;
  const orderType = str('orderType')?.toLowerCase();
  if (orderType && NEW_PURCHASE.includes(orderType)) facts.renewal = false;
  else if (orderType && RENEWAL_OR_CHANGE.some((w) => orderType.includes(w))) facts.renewal = true;
  const channel = str('channel');
  if (channel && (PURCHASE_CHANNELS as readonly string[]).includes(channel)) facts.channel = channel;
  else if (isOfficialPage(vendor, url)) facts.channel = 'official';
  return { facts, from: Object.keys(facts), status: str('status') ?? null };
}

/** A stored snapshot as the claims engine's checklist sees it. */
export function claimSnapshot(body: { id: string; kind: string; url: string; title: string; capturedAt: string; fields: SnapshotFields }): ClaimSnapshot {
  return { id: body.id, kind: body.kind, url: body.url, title: body.title, capturedAt: body.capturedAt, fields: body.fields };
}
