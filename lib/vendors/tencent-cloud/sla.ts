import type { SlaPolicy } from '../../sla/policy';
import { zhEn } from '../../policy/text';

const CVM = { source: 'FACTS.md', clause: 'Tencent Cloud CVM SLA' } as const;

/** 云服务器 CVM 服务等级协议 (new version effective 2020-11-01), as summarised in FACTS.md. */
export const cvmSla: SlaPolicy = {
  service: 'cvm',
  vendor: 'tencent-cloud',
  name: zhEn('腾讯云服务器 CVM 服务等级协议', 'Tencent Cloud CVM Service Level Agreement'),
  lastChecked: '2026-11-22',
  commitments: [
    {
      id: 'single-instance',
      label: zhEn('单实例可用性不低于 99.975%', 'Single instance: at least 99.975%'),
      percent: '99.975',
      citation: CVM,
    },
    {
      id: 'multi-az',
      label: zhEn('同地域多可用区部署不低于 99.995%', 'Multiple zones in one region: at least 99.995%'),
      percent: '99.995',
      citation: CVM,
    },
  ],
  // Below the commitment but ≥99% → 10%; <99% and ≥95% → 25%; <95% → 100%.
  tiers: [
    { atLeast: '99', percent: 10 },
    { atLeast: '95', percent: 25 },
    { atLeast: null, percent: 100 },
  ],
  tiersCitation: CVM,
  // The CVM SLA's own unavailability definition is not in the sources: every logged interval counts.
  minFailureMs: null,
  periodCitation: CVM,
  availabilityCitation: CVM,
  voucherCitation: CVM,
  // FACTS.md lists no CVM exclusions; an outage can still be marked excluded with the code "other" and a note.
  exclusions: [],
  claim: { opensAfterBusinessDay: 5, closesAfterCalendarDays: 60, citation: CVM },
  notes: [
    {
      text: zhEn(
        '赔偿为代金券：不能折现、不开发票，仅限该产品使用，不可转让；封顶为当月服务费（不含代金券 / 优惠券支付部分）。',
        'Credits are vouchers: no cash, no invoice, only for this product, not transferable; capped at the month’s fee excluding what vouchers or coupons paid.',
      ),
      citation: CVM,
    },
    {
      text: zhEn('如两项承诺都未达到，取较高的赔偿。', 'If both commitments are missed, the higher credit applies.'),
      citation: CVM,
    },
    {
      text: zhEn(
        '来源未给出 CVM 的“不可用”定义与免责条款：计算时所有记录的中断都计入，1 分钟门槛不适用。',
        'The sources give no CVM definition of unavailability or exclusions: every logged interval counts; no one-minute threshold is applied.',
      ),
      citation: CVM,
    },
  ],
};
