import type { Locale } from '../i18n';
import { engineWords } from '../i18n/engine';
import { lazyList } from '../lazy';
import { localize, type Text } from '../policy/text';

/**
 * Evidence checklist items, named once and referenced by id from every pack.
 * `fromSnapshot` says which captured snapshot fields satisfy the item, so the
 * popup can tick it off from what the extension already saved.
 */
export interface EvidenceItem {
  id: string;
  label: Text;
  /** Snapshot fields whose presence satisfies this item. */
  fromSnapshot?: readonly string[];
}

/** The items, each worded by the engine section (`engine.evidence.<id>`). */
const ITEMS = [
  // Seed 001 §二 "准备必要的材料": account, order and payment, usage, invoice/contract.
  { id: 'account-info', fromSnapshot: ['account'] },
  { id: 'order-number', fromSnapshot: ['orderId'] },
  { id: 'payment-record', fromSnapshot: ['amount', 'paidAt'] },
  { id: 'usage-records' },
  { id: 'invoice-or-contract' },
  // Seed 000, exception "服务尚未激活": proof nothing was set up.
  { id: 'not-activated-proof' },
  // Seed 000 outage exception and seed 002 §3.2: time records, screenshots, outage report.
  { id: 'outage-log', fromSnapshot: ['outageStart'] },
  { id: 'outage-screenshots' },
  { id: 'outage-report' },
  { id: 'duplicate-charge-proof' },
  { id: 'wrong-order-explanation' },
  // Seed 000, reseller channel: keep the reseller's promise in writing.
  { id: 'reseller-written-promise' },
  // Seed 003 §符合退款条件 / 退款申请流程.
  { id: 'support-records' },
  { id: 'problem-description' },
  { id: 'problem-media' },
  { id: 'plan-terms' },
  { id: 'store-receipt' },
  // FACTS.md consumer law: the checkout's "not returnable" confirmation (or its absence) decides the 7-day rule.
  { id: 'checkout-terms', fromSnapshot: ['checkoutTerms'] },
  { id: 'promo-terms' },
  { id: 'delivery-record' },
  { id: 'refusal-record' },
  { id: 'sla-calculation', fromSnapshot: ['sla'] },
] as const satisfies readonly Omit<EvidenceItem, 'label'>[];

/** Worded on first use: the worker reads the engine section after its script has loaded (lib/worker-data.ts). */
export const EVIDENCE_ITEMS: readonly (EvidenceItem & { label: Record<Locale, string> })[] = lazyList(() =>
  ITEMS.map((item) => ({ ...item, label: engineWords(`engine.evidence.${item.id}`) })),
);

export type EvidenceId = (typeof ITEMS)[number]['id'];
export const EVIDENCE_IDS: readonly string[] = ITEMS.map((e) => e.id);

export function evidenceItem(id: string, extra: readonly EvidenceItem[] = []): EvidenceItem | undefined {
  return EVIDENCE_ITEMS.find((e) => e.id === id) ?? extra.find((e) => e.id === id);
}

export function evidenceLabel(id: string, locale: Locale, extra: readonly EvidenceItem[] = []): string {
  const item = evidenceItem(id, extra);
  return item ? localize(item.label, locale) : id;
}

/**
 * A saved snapshot as the claims engine sees it: the evidence store keeps more
 * (files, hashes, chain); the engine only needs what was captured and when.
 */
export interface ClaimSnapshot {
  id?: string;
  kind?: string;
  url?: string;
  title?: string;
  capturedAt: string;
  /** Extracted fields: orderId, product, plan, amount, paidAt, status, account… */
  fields?: Record<string, unknown>;
  /** Evidence items the user has marked this snapshot as proving. */
  evidence?: readonly string[];
}

export interface ChecklistEntry {
  id: string;
  label: string;
  /** Snapshots that satisfy the item (by the user's marking or by captured fields). */
  snapshots: string[];
  have: boolean;
}

function satisfies(snapshot: ClaimSnapshot, item: EvidenceItem): boolean {
  if (snapshot.evidence?.includes(item.id)) return true;
  const fields = snapshot.fields ?? {};
  return !!item.fromSnapshot?.some((f) => fields[f] !== undefined && fields[f] !== null && fields[f] !== '');
}

/** The verdict's evidence list, ticked off from snapshots already captured. */
export function evidenceChecklist(
  ids: readonly string[],
  snapshots: readonly ClaimSnapshot[] = [],
  locale: Locale = 'zh-CN',
  extra: readonly EvidenceItem[] = [],
): ChecklistEntry[] {
  return ids.map((id) => {
    const item = evidenceItem(id, extra) ?? { id, label: id };
    const matched = snapshots
      .map((s, i) => ({ s, key: s.id ?? s.title ?? s.url ?? `snapshot-${i + 1}` }))
      .filter(({ s }) => satisfies(s, item))
      .map(({ key }) => key);
    return { id, label: localize(item.label, locale), snapshots: matched, have: matched.length > 0 };
  });
}
