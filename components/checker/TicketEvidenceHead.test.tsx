import { render, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { evaluateClaim } from '../../lib';
import { StaticLocale } from '../i18n';
import { claimSnapshot } from './snapshotFacts';
import { TicketEditor } from './TicketEditor';
import { fakeServices, NOW, ORDER_ID, paidOrderSnapshot } from '../../test/doubles/checker';

/** The draft quotes the evidence chain's head the worker reports, when it rests on stored snapshots. */
const HEAD = '9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b';
const facts = {
  vendor: 'tencent-cloud',
  purchasedAt: '2026-11-18T10:59:07+08:00',
  channel: 'official',
  orderId: ORDER_ID,
  product: '云服务器 CVM',
  amountPaid: 3145.37,
  renewal: false,
  billing: 'prepaid',
  promoNonRefundable: false,
  reason: 'changed-mind',
  convertedFromPayAsYouGo: false,
  firstNoReasonRefundUsed: false,
};

function show(snapshots: ReturnType<typeof claimSnapshot>[], evidenceHead: () => Promise<string>) {
  const { services } = fakeServices();
  render(
    <StaticLocale locale="zh-CN">
      <TicketEditor
        verdict={evaluateClaim(facts, NOW, { locale: 'zh-CN' })}
        facts={facts}
        snapshots={snapshots}
        packs={[]}
        holidayOverrides={[]}
        refused={false}
        target="vendor"
        onTarget={() => undefined}
        contact={{ name: '', phone: '', email: '' }}
        onContact={() => undefined}
        services={{ ...services, evidenceHead }}
      />
    </StaticLocale>,
  );
  return document.querySelector('[data-field="description"]') as HTMLTextAreaElement;
}

describe('TicketEditor: the evidence chain head', () => {
  it('is quoted in the description of a draft made from stored snapshots', async () => {
    const evidenceHead = vi.fn(async () => HEAD);
    const description = show([claimSnapshot({ ...paidOrderSnapshot })], evidenceHead);
    await waitFor(() => expect(description.value).toContain(`证据包链头哈希：${HEAD}`));
    expect(evidenceHead).toHaveBeenCalledTimes(1);
  });

  it('is not asked for, nor quoted, without stored snapshots', async () => {
    const evidenceHead = vi.fn(async () => HEAD);
    const description = show([], evidenceHead);
    expect(description.value).toContain('【订单信息】');
    expect(evidenceHead).not.toHaveBeenCalled();
    expect(description.value).not.toContain('链头哈希');
  });
});
