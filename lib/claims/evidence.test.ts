import { describe, it, expect } from 'vitest';
import { EVIDENCE_ITEMS, evidenceChecklist, evidenceLabel } from './evidence';

describe('evidence checklist', () => {
  it('ids are unique and labelled in both languages', () => {
    const ids = EVIDENCE_ITEMS.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(evidenceLabel('order-number', 'zh-CN')).toBe('订单号');
    expect(evidenceLabel('order-number', 'en')).toBe('Order number');
    expect(evidenceLabel('custom-thing', 'en', [{ id: 'custom-thing', label: 'A custom item' }])).toBe('A custom item');
  });

  it('seed 001 §二 materials are all in the catalog', () => {
    for (const id of ['account-info', 'order-number', 'payment-record', 'usage-records', 'invoice-or-contract'])
      expect(ids()).toContain(id);
  });

  it('is ticked off by captured fields or by the user marking a snapshot', () => {
    const list = evidenceChecklist(
      ['order-number', 'payment-record', 'not-activated-proof'],
      [
        { id: 'a', capturedAt: '2026-03-01T10:00:00+08:00', fields: { orderId: 'X1', amount: '' } },
        { id: 'b', capturedAt: '2026-03-01T10:01:00+08:00', evidence: ['not-activated-proof'] },
        {
          capturedAt: '2026-03-01T10:02:00+08:00',
          url: 'https://console.cloud.tencent.com/expense/deal',
          fields: { paidAt: '2026-03-01' },
        },
      ],
      'en',
    );
    expect(list).toEqual([
      { id: 'order-number', label: 'Order number', snapshots: ['a'], have: true },
      {
        id: 'payment-record',
        label: 'Payment record / payment receipt screenshot',
        snapshots: ['https://console.cloud.tencent.com/expense/deal'],
        have: true,
      },
      { id: 'not-activated-proof', label: expect.stringContaining('never set up'), snapshots: ['b'], have: true },
    ]);
    expect(evidenceChecklist(['usage-records'], [])[0]).toMatchObject({
      have: false,
      label: expect.stringContaining('使用记录'),
    });
  });
});

function ids() {
  return EVIDENCE_ITEMS.map((e) => e.id as string);
}
