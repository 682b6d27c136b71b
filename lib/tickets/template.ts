import type { LocalizedText } from '../policy/text';
import type { Citation } from '../policy/schema';

export type TicketChannel = 'ticket' | 'email' | 'phone' | 'web-form';
/** What kind of request a draft makes, which picks the category. */
export type RequestKind = 'refund' | 'difference' | 'compensation' | 'review';

/** Logical ticket fields the engine fills; a template maps them to the vendor form's own field names. */
export const LOGICAL_FIELDS = [
  'title',
  'description',
  'confidential',
  'phone',
  'email',
  'contactTime',
  'orderId',
  'account',
  'name',
  'amount',
  'reason',
  'subject',
  'to',
] as const;
export type LogicalField = (typeof LOGICAL_FIELDS)[number];

/**
 * A vendor's ticket form, as data: where it lives, its category path per kind of
 * request, and its field names. Form-filling in the content script uses
 * `fields` to find inputs; labels not confirmed by a source say so in `note`.
 */
export interface TicketTemplate {
  vendor: string;
  channel: TicketChannel;
  url: string | null;
  /** Category path per request; `{product}` is replaced by the product name. */
  category: Readonly<Record<RequestKind, readonly LocalizedText[]>>;
  /** Logical field → the vendor form's field name. Only mapped fields are filled. */
  fields: Partial<Record<LogicalField, string>>;
  /** Product name when the facts and snapshots give none. */
  defaultProduct: LocalizedText;
  /** The company that sells it, for complaints; null when the sources do not name it. */
  company: LocalizedText | null;
  /** A phone line that may be used instead (never for SLA claims, which are ticket-only). */
  phone?: { number: string; citation: Citation };
  note?: LocalizedText;
  citations: readonly Citation[];
}
