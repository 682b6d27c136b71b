import type { SlaPolicy } from '../../sla/policy';
import { zhEn } from '../../policy/text';

const SEED = '002_b54d770f95033cbc.txt';

/** 腾讯企业邮服务等级协议 (updated 2020-09-15), seed 002. */
export const exmailSla: SlaPolicy = {
  service: 'exmail',
  vendor: 'tencent-exmail',
  name: zhEn('腾讯企业邮服务等级协议', 'Tencent Exmail Service Level Agreement'),
  lastChecked: '2026-11-22',
  commitments: [
    {
      id: 'standard',
      label: zhEn('服务可用性不低于 99.9%', 'Availability of at least 99.9%'),
      percent: '99.9',
      citation: { source: SEED, clause: '2.2' },
    },
  ],
  // §3.1: <99.9% but ≥99% → 10%; <99% but ≥95% → 20%; <95% → 100% of the month's fee.
  tiers: [
    { atLeast: '99', percent: 10 },
    { atLeast: '95', percent: 20 },
    { atLeast: null, percent: 100 },
  ],
  tiersCitation: { source: SEED, clause: '3.1' },
  // §1.2: failing to send or receive by SMTP, POP, IMAP or Webmail for one minute is unavailability.
  minFailureMs: 60_000,
  minFailureCitation: { source: SEED, clause: '1.2' },
  periodCitation: { source: SEED, clause: '2.1 (服务周期, 服务周期总分钟数)' },
  availabilityCitation: { source: SEED, clause: '2.1 (服务可用性公式)' },
  voucherCitation: { source: SEED, clause: '3.1 (1)(2); 2.1 (月度服务费用)' },
  // §2.3: downtime caused by these reasons is not counted.
  exclusions: [
    {
      code: 'notified-maintenance',
      label: zhEn(
        '腾讯云预先通知的系统维护（割接、维修、升级、故障演练）',
        'Maintenance Tencent Cloud announced in advance (cut-over, repair, upgrade, failure drills)',
      ),
      citation: { source: SEED, clause: '2.3 (1)' },
    },
    {
      code: 'third-party-network',
      label: zhEn(
        '腾讯云所属设备以外的网络、设备故障或配置调整',
        'Failures or changes of networks and devices not owned by Tencent Cloud',
      ),
      citation: { source: SEED, clause: '2.3 (2)' },
    },
    {
      code: 'attack',
      label: zhEn('客户的应用程序受到黑客攻击', "Attacks on the customer's applications"),
      citation: { source: SEED, clause: '2.3 (3)' },
    },
    {
      code: 'credentials',
      label: zhEn(
        '客户维护或保密不当致使数据、口令、密码丢失或泄漏',
        'Data, passwords or keys lost or leaked through the customer’s poor upkeep or secrecy',
      ),
      citation: { source: SEED, clause: '2.3 (4)' },
    },
    {
      code: 'customer-action',
      label: zhEn('客户的疏忽或由客户授权的操作', "The customer's negligence or operations the customer authorised"),
      citation: { source: SEED, clause: '2.3 (5)' },
    },
    {
      code: 'ignored-docs',
      label: zhEn(
        '客户未遵循腾讯云产品使用文档或使用建议',
        "The customer not following Tencent Cloud's documentation or advice",
      ),
      citation: { source: SEED, clause: '2.3 (6)' },
    },
    { code: 'force-majeure', label: zhEn('不可抗力', 'Force majeure'), citation: { source: SEED, clause: '2.3 (7)' } },
  ],
  claim: { opensAfterBusinessDay: 5, closesAfterCalendarDays: 60, citation: { source: SEED, clause: '3.2.1, 3.2.2' } },
  // §5.4: after the service ends, Tencent Cloud may clear all mail and contacts at any time.
  afterEnd: {
    text: zhEn(
      '到期未续约时，腾讯云有权在服务结束后随时清空全部邮件和通讯录（SLA 5.4），请提前续费或备份。',
      'If not renewed, Tencent Cloud may delete all mail and contacts at any time after the service ends (SLA 5.4): renew or back up first.',
    ),
    citation: { source: SEED, clause: '5.4' },
  },
  notes: [
    {
      text: zhEn(
        '赔偿以代金券发放：不能折现、不开发票，仅限购买腾讯企业邮，不可转让或赠予。',
        'Compensation is a voucher: no cash, no invoice, only for buying Exmail, not transferable.',
      ),
      citation: { source: SEED, clause: '3.1 (1)' },
    },
    {
      text: zhEn(
        '只能通过本账号的工单系统申请；其他方式提出视为放弃。对可用性有争议时以腾讯云后台记录为准。',
        "Claims only through the account's ticket system; any other way counts as waiving the claim. In disputes Tencent Cloud's back-end records decide.",
      ),
      citation: { source: SEED, clause: '3.2.1, 3.2.2' },
    },
  ],
};
