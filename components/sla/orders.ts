import type { SnapshotSummary } from '../../lib/evidence/query';
import { SLA_POLICIES } from '../../lib/sla/compute';
import type { SlaService } from '../../lib/sla/policy';
import { parseInstant, shanghaiDate } from '../../lib/time/zone';

const dayOf = (iso: string | null | undefined): string | null => {
  const ms = iso ? parseInstant(iso) : null;
  return ms === null || ms === undefined ? null : shanghaiDate(ms);
};

/** The stored order a service month's fee is taken from, and the monthly fee it implies. */
export interface FeeFromOrder {
  snapshotId: string;
  orderId: string | null;
  product: string | null;
  amountPaid: number;
  termMonths: number;
  /** 实付 ÷ months of the term, in yuan to the fen. */
  monthlyFee: number;
  /** Beijing calendar date of the payment (the claim's purchase date). */
  purchasedOn: string | null;
}

/** CVM orders are told from other Tencent Cloud orders by the product the page names. */
const CVM_PRODUCT = /云服务器|CVM/i;

function serves(service: SlaService, s: SnapshotSummary): boolean {
  if (s.vendor !== SLA_POLICIES[service].vendor) return false;
  return service === 'cvm' ? CVM_PRODUCT.test(s.product ?? '') : true;
}

/**
 * The newest stored order of the service, paid before the month ended, that
 * shows both its amount and its term (a prepaid 包年包月 order: the monthly
 * fee is what was paid spread over the months bought).
 */
export function feeFromOrders(
  snapshots: readonly SnapshotSummary[],
  service: SlaService,
  month: string,
): FeeFromOrder | null {
  const monthEnd = `${month}-31`;
  const candidates = snapshots
    .filter(
      (s) =>
        s.orderId &&
        serves(service, s) &&
        typeof s.amountPaid === 'number' &&
        s.amountPaid > 0 &&
        typeof s.termMonths === 'number',
    )
    .filter((s) => (dayOf(s.paidAt) ?? '') <= monthEnd)
    .sort((a, b) => (b.paidAt ?? b.capturedAt).localeCompare(a.paidAt ?? a.capturedAt));
  const order = candidates[0];
  if (!order) return null;
  const amountPaid = order.amountPaid!;
  const termMonths = order.termMonths!;
  return {
    snapshotId: order.id,
    orderId: order.orderId,
    product: order.product ?? null,
    amountPaid,
    termMonths,
    monthlyFee: Math.round((amountPaid / termMonths) * 100) / 100,
    purchasedOn: dayOf(order.paidAt),
  };
}
