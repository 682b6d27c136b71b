import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../claims/eligibility';
import type { ClaimSnapshot } from '../claims/evidence';
import { draftTicket } from './draft';

/**
 * A ticket drafted from stored evidence states the evidence chain's head hash,
 * so the vendor's own ticket system records when that chain existed: a bundle
 * rewritten later cannot keep the head the ticket quotes.
 */
const HEAD = '5d1f0c9e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d';
const NOW = '2026-11-23T10:00:00+08:00';
const facts = {
  vendor: 'tencent-cloud',
  purchasedAt: '2026-11-22T10:00:00+08:00',
  billing: 'prepaid',
  renewal: false,
  convertedFromPayAsYouGo: false,
  firstNoReasonRefundUsed: false,
  promoNonRefundable: false,
  reason: 'changed-mind',
  orderId: '20261122000123',
  product: '云服务器 CVM',
  amountPaid: 300,
};
const snapshots: ClaimSnapshot[] = [
  {
    id: 'snap-000004',
    kind: 'order',
    capturedAt: '2026-11-22T10:05:00+08:00',
    fields: { orderId: '20261122000123', status: '已支付' },
  },
];

describe('the evidence chain head in a ticket draft', () => {
  it('is one line of the description when the draft rests on stored snapshots, in either language', () => {
    const zh = draftTicket(evaluateClaim(facts, NOW, { locale: 'zh-CN' }), facts, snapshots, 'zh-CN', {
      evidenceHead: HEAD,
    });
    expect(zh.description.split('\n')).toContain(`证据包链头哈希：${HEAD}`);
    const en = draftTicket(evaluateClaim(facts, NOW, { locale: 'en' }), facts, snapshots, 'en', { evidenceHead: HEAD });
    expect(en.description.split('\n')).toContain(`Evidence bundle chain head hash: ${HEAD}`);
    // In the form field that carries the description too.
    expect(Object.values(zh.fields).some((v) => v.includes(HEAD))).toBe(true);
  });

  it('is left out without stored evidence or without a head', () => {
    const verdict = evaluateClaim(facts, NOW, { locale: 'zh-CN' });
    expect(draftTicket(verdict, facts, [], 'zh-CN', { evidenceHead: HEAD }).description).not.toContain(HEAD);
    expect(draftTicket(verdict, facts, snapshots, 'zh-CN').description).not.toContain('链头哈希');
  });

  it('reaches the complaint drafts after a refusal as well', () => {
    const verdict = evaluateClaim(facts, NOW, { locale: 'zh-CN' });
    expect(
      draftTicket(verdict, facts, snapshots, 'zh-CN', { target: '12315', evidenceHead: HEAD }).description,
    ).toContain(HEAD);
  });
});
