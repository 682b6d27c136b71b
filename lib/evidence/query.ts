import { z } from '../zod';
import { termMonths } from '../extract/normalize';
import { pageTimeToIso } from '../time/zone';
import type { SnapshotBody } from './schema';

/** The locker's list query: filters are ANDed, paging is by offset over newest-first results. */
export const listQuerySchema = z.object({
  vendor: z.optional(z.string().check(z.maxLength(64))),
  orderId: z.optional(z.string().check(z.maxLength(100))),
  /** Asia/Shanghai calendar dates, inclusive. */
  from: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  to: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  search: z.optional(z.string().check(z.maxLength(200))),
  /** Only this exact order number (read through the store's order index, not a scan). */
  exactOrder: z.optional(z.boolean()),
  /**
   * With `exactOrder`: the site the order was seen on. A vendor whose orders are told apart by site
   * keys them by it, so only with it is its order read through the index too.
   */
  site: z.optional(z.string().check(z.maxLength(253))),
  /** False: stop at the first page of matches; `total` then counts only what was read (default: count all). */
  countAll: z.optional(z.boolean()),
  offset: z._default(z.int().check(z.nonnegative(), z.maximum(1_000_000)), 0),
  limit: z._default(z.int().check(z.minimum(1), z.maximum(100)), 20),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export const snapshotSummarySchema = z.object({
  id: z.string(),
  seq: z.int(),
  vendor: z.string(),
  kind: z.string(),
  url: z.string(),
  title: z.string(),
  capturedAt: z.string(),
  capturedAtShanghai: z.string(),
  source: z.enum(['auto', 'manual']),
  orderId: z.nullable(z.string()),
  status: z.nullable(z.string()),
  previousSnapshotId: z.nullable(z.string()),
  hasScreenshot: z.boolean(),
  noteCount: z.int().check(z.nonnegative()),
  /** What an order snapshot shows of the purchase (absent on other pages): the locker's rows and the SLA page's fee. */
  product: z.optional(z.nullable(z.string())),
  amountPaid: z.optional(z.nullable(z.number().check(z.nonnegative()))),
  termMonths: z.optional(z.nullable(z.int().check(z.positive()))),
  /** The payment (or, failing that, creation) time the page shows, as an ISO instant. */
  paidAt: z.optional(z.nullable(z.string())),
});
export type SnapshotSummary = z.infer<typeof snapshotSummarySchema>;

export function orderIdOf(fields: SnapshotBody['fields']): string | null {
  const value = fields['orderId'];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

export interface Searchable {
  body: SnapshotBody;
  text: string;
  notes: readonly string[];
}

/** Whether one snapshot passes the filters (the paging is the caller's). */
export function matchesQuery(
  item: Searchable,
  query: Omit<ListQuery, 'offset' | 'limit' | 'exactOrder' | 'countAll'> & { exactOrder?: boolean },
): boolean {
  const { body } = item;
  if (query.vendor && body.vendor !== query.vendor) return false;
  if (query.orderId?.trim()) {
    const orderId = orderIdOf(body.fields);
    const wanted = query.orderId.trim();
    if (!orderId || (query.exactOrder ? orderId !== wanted : !orderId.includes(wanted))) return false;
  }
  const day = body.capturedAtShanghai.slice(0, 10);
  if (query.from && day < query.from) return false;
  if (query.to && day > query.to) return false;
  const needle = query.search?.trim().toLowerCase();
  if (needle) {
    const haystack = [
      body.title,
      body.url,
      body.note,
      item.text,
      ...item.notes,
      ...Object.values(body.fields).map(String),
    ];
    if (!haystack.some((s) => s.toLowerCase().includes(needle))) return false;
  }
  return true;
}

export function summarise(body: SnapshotBody, seq: number, noteCount: number): SnapshotSummary {
  const status = body.fields['status'];
  const product = body.fields['product'];
  const amount = body.fields['amountPaid'];
  return {
    id: body.id,
    seq,
    vendor: body.vendor,
    kind: body.kind,
    url: body.url,
    title: body.title,
    capturedAt: body.capturedAt,
    capturedAtShanghai: body.capturedAtShanghai,
    source: body.source,
    orderId: orderIdOf(body.fields),
    status: typeof status === 'string' ? status : null,
    previousSnapshotId: body.previousSnapshotId,
    hasScreenshot: body.parts.screenshot !== null,
    noteCount,
    product: typeof product === 'string' && product.trim() ? product.trim() : null,
    amountPaid: typeof amount === 'number' && Number.isFinite(amount) && amount >= 0 ? amount : null,
    termMonths: termMonths(body.fields['term']),
    paidAt: pageTimeToIso(body.fields['paidAt']) ?? pageTimeToIso(body.fields['createdAt']),
  };
}
