import type { ClaimSnapshot } from '../../lib/claims/evidence';
import type { OrderState } from '../../lib/claims/order-facts';

/**
 * What a saved order snapshot already tells the checker: its claim facts come
 * from lib/claims/order-facts (the derivation the card and reminders use too).
 */

export type SnapshotFields = Record<string, string | number | boolean>;

export interface PrefilledFacts {
  facts: Record<string, unknown>;
  /** Fact keys that came from the snapshot (shown as "from the snapshot", still editable). */
  from: string[];
  /** The order's status as the page showed it (已支付, 已退款 …). */
  status: string | null;
  /** Where the order stands (a refunded order has no claim). */
  state: OrderState;
}

/** A stored snapshot as the claims engine's checklist sees it. */
export function claimSnapshot(body: {
  id: string;
  kind: string;
  url: string;
  title: string;
  capturedAt: string;
  fields: SnapshotFields;
}): ClaimSnapshot {
  return {
    id: body.id,
    kind: body.kind,
    url: body.url,
    title: body.title,
    capturedAt: body.capturedAt,
    fields: body.fields,
  };
}
