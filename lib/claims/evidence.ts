import type { Locale } from '../i18n';
import { localize, zhEn, type Text } from '../policy/text';

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

export const EVIDENCE_ITEMS = [
  // Seed 001 §二 "准备必要的材料": account, order and payment, usage, invoice/contract.
  {
    id: 'account-info',
    label: zhEn(
      '账户信息（注册邮箱、手机号、用户名 / 账号 ID）',
      'Account details (sign-up email, phone, user name / account ID)',
    ),
    fromSnapshot: ['account'],
  },
  { id: 'order-number', label: zhEn('订单号', 'Order number'), fromSnapshot: ['orderId'] },
  {
    id: 'payment-record',
    label: zhEn('支付记录 / 支付凭证截图', 'Payment record / payment receipt screenshot'),
    fromSnapshot: ['amount', 'paidAt'],
  },
  {
    id: 'usage-records',
    label: zhEn('使用记录（使用时间、功能模块、操作记录）', 'Usage records (time in use, features, activity log)'),
  },
  { id: 'invoice-or-contract', label: zhEn('发票或合同', 'Invoice or contract') },
  // Seed 000, exception "服务尚未激活": proof nothing was set up.
  {
    id: 'not-activated-proof',
    label: zhEn(
      '未激活证明：未验证域名、未创建管理员、未添加成员的截图',
      'Proof it was never set up: no domain verified, no admin created, no members added (screenshots)',
    ),
  },
  // Seed 000 outage exception and seed 002 §3.2: time records, screenshots, outage report.
  {
    id: 'outage-log',
    label: zhEn('故障时间记录（开始、结束、影响的功能）', 'Outage time log (start, end, what failed)'),
    fromSnapshot: ['outageStart'],
  },
  {
    id: 'outage-screenshots',
    label: zhEn(
      '故障截图（收发失败、登录失败、报错页面）',
      'Screenshots of the failure (send/receive or login errors)',
    ),
  },
  {
    id: 'outage-report',
    label: zhEn('服务中断报告 / 官方故障公告', 'Service interruption report / vendor incident notice'),
  },
  {
    id: 'duplicate-charge-proof',
    label: zhEn('两笔（或错误金额）扣款的支付记录', 'Payment records of both charges (or of the wrong amount)'),
  },
  {
    id: 'wrong-order-explanation',
    label: zhEn(
      '误购说明（原本想买什么、实际下了什么单）',
      'What went wrong (what you meant to buy vs. what was ordered)',
    ),
  },
  // Seed 000, reseller channel: keep the reseller's promise in writing.
  {
    id: 'reseller-written-promise',
    label: zhEn(
      '代理商的书面退款承诺（合同、聊天记录、邮件）',
      "The reseller's written refund promise (contract, chat log, email)",
    ),
  },
  // Seed 003 §符合退款条件 / 退款申请流程.
  { id: 'support-records', label: zhEn('与客服 / 技术支持的沟通记录', 'Records of your conversations with support') },
  {
    id: 'problem-description',
    label: zhEn('问题描述（设备、系统版本、现象）', 'Description of the problem (device, OS version, what happens)'),
  },
  { id: 'problem-media', label: zhEn('问题截图或录屏', 'Screenshots or screen recording of the problem') },
  {
    id: 'plan-terms',
    label: zhEn(
      '购买时显示的套餐条款（体验期、退款期限）',
      'The plan terms shown at purchase (trial period, refund window)',
    ),
  },
  {
    id: 'store-receipt',
    label: zhEn('应用商店收据 / 订单号（Apple / Google）', 'App store receipt / order ID (Apple / Google)'),
  },
  // FACTS.md consumer law: the checkout's "not returnable" confirmation (or its absence) decides the 7-day rule.
  {
    id: 'checkout-terms',
    label: zhEn(
      '结账页面的退款 / 不退换提示截图',
      'Snapshot of the checkout page with its refund / non-returnable notice',
    ),
    fromSnapshot: ['checkoutTerms'],
  },
  { id: 'promo-terms', label: zhEn('活动页面的退款规则截图', "Snapshot of the campaign's refund terms") },
  { id: 'delivery-record', label: zhEn('收货 / 开通时间记录', 'Record of when it was delivered / activated') },
  { id: 'refusal-record', label: zhEn('商家拒绝退款的记录', "The vendor's refusal, in writing or a screenshot") },
  {
    id: 'sla-calculation',
    label: zhEn(
      'SLA 可用性计算（月份、不可用分钟数、可用性、赔偿档位）',
      'SLA calculation (month, unavailable minutes, availability, credit tier)',
    ),
    fromSnapshot: ['sla'],
  },
] as const satisfies readonly EvidenceItem[];

export type EvidenceId = (typeof EVIDENCE_ITEMS)[number]['id'];
export const EVIDENCE_IDS: readonly string[] = EVIDENCE_ITEMS.map((e) => e.id);

export function evidenceItem(id: string, extra: readonly EvidenceItem[] = []): EvidenceItem | undefined {
  return (EVIDENCE_ITEMS as readonly EvidenceItem[]).find((e) => e.id === id) ?? extra.find((e) => e.id === id);
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
