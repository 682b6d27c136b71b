import { definePack } from '../../policy/schema';
import { escalationAdvice } from '../../policy/common';
import { TENCENT_DOCS } from '../../policy/sources';
import { zhEn } from '../../policy/text';

// Seed 001: article on the Tencent Cloud server refund procedure (退费手续).
// FACTS.md: Tencent Cloud's own refund documentation and the CVM SLA.
const S001 = '001_03ccb7fdb36f449b.txt';
const C = {
  refunds: { source: 'FACTS.md', clause: 'Tencent Cloud refunds' },
  fiveDay: { source: 'FACTS.md', clause: 'Tencent Cloud refunds: five-day no-reason full refund (五天无理由退还)' },
  partial: { source: 'FACTS.md', clause: 'Tencent Cloud refunds: partial refund (普通自助退还)' },
  vouchers: { source: 'FACTS.md', clause: 'Tencent Cloud refunds: coupons/vouchers, refund to account balance' },
  campaign: { source: 'FACTS.md', clause: 'Tencent Cloud refunds: campaign rules override' },
  payg: { source: 'FACTS.md', clause: 'Tencent Cloud refunds: pay-as-you-go' },
  timing: {
    source: 'FACTS.md',
    clause: 'Tencent Cloud refunds: self-service minutes, tickets two working days, recycle bin 7 days',
  },
  hotline: { source: 'FACTS.md', clause: 'Tencent Cloud refunds: hotline 4009100100' },
  otherProducts: { source: 'FACTS.md', clause: 'Tencent Cloud refunds: other products have their own rules' },
  cvmSla: { source: 'FACTS.md', clause: 'Tencent Cloud CVM SLA' },
  tickets: { source: 'FACTS.md', clause: 'URLs and page kinds: Tencent Cloud tickets' },
  policy: { source: S001, clause: '一、明确退费政策' },
  materials: { source: S001, clause: '二、准备必要的材料' },
  submit: { source: S001, clause: '三、提交退费申请（官网自助、客服热线、邮件）' },
  review: { source: S001, clause: '四、等待审核结果' },
  after: { source: S001, clause: '五、后续处理（申诉、消费者协会）' },
  // Tencent's own CVM refund document (qcloud-documents), by heading.
  docFiveDay: { source: TENCENT_DOCS.cvmRefund, clause: '五天无理由自助退还' },
  docLimits: { source: TENCENT_DOCS.cvmRefund, clause: '普通自助退还使用限制' },
  docFormula: { source: TENCENT_DOCS.cvmRefund, clause: 'CVM 普通自助退还规则' },
  docNotes: { source: TENCENT_DOCS.cvmRefund, clause: 'CVM 包年包月实例自助退还说明' },
  docSla: { source: TENCENT_DOCS.cvmSla, clause: '2.2、3.1、3.2' },
  docSlaExclusions: { source: TENCENT_DOCS.cvmSla, clause: '4. 免责条款' },
} as const;

/** 普通自助退还使用限制: SN2, CN2 and FX2 instances (and campaign/referral orders) have no self-service return. */
const NO_SELF_SERVICE = {
  any: [
    { fact: 'instanceFamily', in: ['SN2', 'CN2', 'FX2'] },
    { fact: 'promotionChannel', is: true },
  ],
};
const TICKET_ONLY = [{ when: NO_SELF_SERVICE, channels: ['console-ticket', 'hotline-4009100100'] }];

/** Seed 001 §二: the materials to prepare. */
const MATERIALS = ['account-info', 'order-number', 'payment-record', 'usage-records', 'invoice-or-contract'];

const balanceStep = zhEn(
  '退款退回腾讯云账户余额（按原现金 / 赠送金比例），不是银行卡；代金券、现金券、折扣券不退。',
  'The refund goes to your Tencent Cloud account balance (split cash/gift credit as paid), not to your card; vouchers and coupons are not refunded.',
);
const returnStep = zhEn(
  '在云服务器控制台的实例列表中，对该实例选择“更多 › 销毁/退还”，按提示确认（自助退还几分钟完成）。',
  'In the CVM console’s instance list, choose "More › 销毁/退还" (terminate/return) on the instance and confirm (self-service completes in minutes).',
);
const recycleStep = zhEn(
  '退还后云服务器进入回收站保留 7 天：先备份数据。',
  'A returned CVM stays in the recycle bin for 7 days: back up your data first.',
);

export const tencentCloudPolicy = definePack({
  id: 'tencent-cloud',
  name: zhEn('腾讯云（云服务器 CVM 及其他包年包月产品）', 'Tencent Cloud (CVM and other prepaid products)'),
  lastChecked: '2026-12-06',
  covers: zhEn(
    '按“云服务退货说明”退还的包年包月资源，尤其是云服务器 CVM。其他产品可能有自己的规则（如部分 SDK 套餐未绑定 15 天内可退，部分预付费套餐不支持退款）——请核对产品页面。',
    'Prepaid (包年包月) resources refunded under the general 云服务退货说明, CVM in particular. Other products may have their own rules (e.g. some SDK packages 15 days if unbound; some prepaid packages not refundable at all) — check the product page.',
  ),
  rules: [
    {
      id: 'pay-as-you-go',
      name: zhEn('按量计费', 'Pay-as-you-go'),
      blocks: ['five-day-no-reason', 'partial-refund', 'check-product-rules'],
      when: { fact: 'billing', is: 'pay-as-you-go' },
      outcome: 'not-eligible',
      refund: null,
      claimWith: 'vendor',
      summary: zhEn(
        '按量计费资源没有可退的预付款：直接释放资源即可停止计费。',
        'Pay-as-you-go resources have nothing prepaid to refund: release them to stop billing.',
      ),
      citations: [C.payg],
      evidence: [],
      channels: ['console-self-service'],
      nextSteps: [
        zhEn(
          '在控制台释放 / 销毁不再需要的按量计费资源。',
          'Release the pay-as-you-go resources you no longer need in the console.',
        ),
      ],
    },
    {
      id: 'campaign-no-refund',
      name: zhEn('活动不退', 'Campaign no-refund'),
      blocks: ['five-day-no-reason', 'partial-refund', 'check-product-rules'],
      when: { fact: 'promoNonRefundable', is: true },
      outcome: 'not-eligible',
      refund: null,
      claimWith: 'vendor',
      summary: zhEn(
        '活动规则优先：活动写明“不支持退款”的，没有退款（五天无理由也不适用）。',
        'Campaign rules come first: if the campaign said "no refund", there is none (not even the five-day refund).',
      ),
      citations: [C.campaign],
      evidence: ['promo-terms', 'order-number'],
      channels: ['console-ticket'],
      nextSteps: [
        zhEn(
          '核对活动页面的原文（保存快照）：若页面并未写明不退，可提交工单说明。',
          'Check the campaign page itself (save a snapshot): if it did not actually say "no refund", open a ticket.',
        ),
      ],
    },
    {
      // A charge made in error is not a refund of the campaign's product, so the
      // campaign's no-refund does not block it. The sources give no clause of
      // their own for it: this rests on the refund procedure and is negotiable.
      id: 'billing-error',
      name: zhEn('重复或错误扣费', 'Duplicate or wrong charge'),
      when: { fact: 'reason', in: ['duplicate-charge', 'wrong-amount'] },
      outcome: 'negotiable',
      refund: 'full',
      claimWith: 'vendor',
      summary: zhEn(
        '重复扣费或金额错误：退还的是错扣的那笔钱，不是活动商品的退款，因此活动“不退款”不适用。来源没有专门条款：通过工单说明并附上两笔扣费记录。',
        'A duplicate or wrong charge: what comes back is the money charged in error, not a refund of the campaign product, so a campaign’s "no refund" does not apply. The sources have no clause of their own for it: explain by ticket with both charge records.',
      ),
      citations: [C.policy, C.campaign],
      evidence: ['order-number', 'payment-record', 'duplicate-charge-proof', 'account-info'],
      channels: ['console-ticket', 'hotline-4009100100'],
      nextSteps: [
        zhEn(
          '在工单中写明两笔（或金额错误的）扣费的时间、金额和订单号，请求退还错扣的部分。',
          'In the ticket, give the time, amount and order number of both charges (or of the wrong one) and ask for the amount charged in error back.',
        ),
      ],
    },
    {
      id: 'cvm-sla-met',
      name: zhEn('SLA 已达标', 'SLA met'),
      blocks: ['cvm-sla-compensation'],
      when: {
        all: [
          { fact: 'reason', is: 'outage' },
          { fact: 'sla.compensationPercent', is: 0 },
        ],
      },
      outcome: 'not-eligible',
      refund: null,
      claimWith: 'vendor',
      summary: zhEn(
        '当月可用性达到 CVM 承诺（单实例 99.975%），没有 SLA 赔偿。',
        "The month's availability met the CVM commitment (99.975% for a single instance): no SLA credit.",
      ),
      citations: [C.cvmSla, C.docSla],
      evidence: ['outage-log', 'sla-calculation'],
      channels: ['console-ticket'],
      nextSteps: [
        zhEn(
          '退款与 SLA 赔偿是两回事：包年包月资源仍可按退还规则申请（以“不想要了”为原因重新检查）。',
          'A refund is separate from SLA credit: prepaid resources can still be returned under the refund rules (check again with reason "changed mind").',
        ),
      ],
    },
    {
      id: 'cvm-sla-compensation',
      name: zhEn('CVM 可用性 SLA', 'CVM SLA'),
      when: {
        all: [
          { fact: 'reason', is: 'outage' },
          { fact: 'outageCause', is: 'vendor' },
        ],
      },
      outcome: 'compensation',
      refund: 'voucher',
      claimWith: 'vendor',
      summary: zhEn(
        'CVM 可用性低于承诺（单实例 99.975%，同地域多可用区 99.995%）时赔偿代金券：≥99% 为月费 10%，≥95% 为 25%，低于 95% 为 100%。',
        'Below the CVM commitment (99.975% single instance, 99.995% multi-zone), a voucher: ≥99% → 10% of the monthly fee, ≥95% → 25%, below 95% → 100%.',
      ),
      citations: [C.cvmSla, C.docSla, C.docSlaExclusions],
      deadline: {
        kind: 'sla-claim-window',
        service: 'cvm',
        label: zhEn('{month} 的 CVM SLA 赔偿申请截止', 'CVM SLA claim for {month} closes'),
      },
      evidence: ['outage-log', 'outage-screenshots', 'sla-calculation', 'order-number'],
      channels: ['console-ticket'],
      nextSteps: [
        zhEn(
          '用故障记录计算当月可用性，只能通过本账号的工单系统申请。',
          "Compute the month's availability from the outage log; claim only through the account's ticket system.",
        ),
        zhEn(
          '赔偿的代金券须遵守其使用期限，不能折现、不开发票，只能用于购买云服务器：及时使用。',
          'The credit voucher has a validity period, cannot be cashed or invoiced, and only buys CVM: use it in time.',
        ),
        zhEn(
          '退款是另一条路：包年包月资源仍可按退还规则申请。',
          'A refund is a separate route: prepaid resources can still be returned under the refund rules.',
        ),
      ],
    },
    {
      id: 'five-day-no-reason',
      name: zhEn('五天无理由', 'Five-day no-reason'),
      when: {
        all: [
          { fact: 'billing', is: 'prepaid' },
          { fact: 'renewal', is: false },
          { fact: 'convertedFromPayAsYouGo', is: false },
          { fact: 'firstNoReasonRefundUsed', is: false },
        ],
      },
      outcome: 'eligible',
      refund: 'full',
      claimWith: 'vendor',
      summary: zhEn(
        '五天无理由退还：每个账号在同一产品上一次（云服务器 CVM 为 1 台实例），新购包年包月订单自交付起 5 天内（含第 5 天）全额退还实付金额（抵扣的代金券不退）；续费、升配、按量转包年包月不适用。',
        'Five-day no-reason refund: once per account per product (for CVM, one instance), the amount actually paid of a NEW prepaid order comes back in full within 5 days of delivery, day 5 included (vouchers used are not refunded); renewals, upgrades and pay-as-you-go conversions do not qualify.',
      ),
      // Tencent's own document (docFiveDay) is cited by the notes; FACTS.md's entry summarises the same page.
      citations: [C.fiveDay, C.vouchers],
      deadline: {
        kind: 'period',
        amount: 5,
        unit: 'calendar-days',
        from: 'delivery',
        label: zhEn('五天无理由退还截止（含第 5 天）', 'Five-day no-reason refund ends (day 5 included)'),
      },
      evidence: MATERIALS,
      channels: ['console-self-service', 'console-ticket', 'hotline-4009100100'],
      channelsWhen: TICKET_ONLY,
      estimate: 'paid-minus-vouchers',
      nextSteps: [returnStep, balanceStep, recycleStep],
    },
    {
      id: 'partial-refund',
      name: zhEn('普通自助退还', 'Self-service return'),
      when: { fact: 'billing', is: 'prepaid' },
      outcome: 'eligible',
      refund: 'partial',
      claimWith: 'vendor',
      summary: zhEn(
        '普通自助退还：退款 = 实付金额 + 未开始订单金额 − 已使用价值；CVM 已满整月的按包年包月价格和折扣扣除，不满整月的按同配置按量计费价格、精确到秒扣除；结果为负按零。CVM 每账号最多自助退还 199 台；SN2、CN2、FX2 等机型和部分活动资源不支持自助退还，需提交工单。',
        'Ordinary self-service return: refund = amount paid + orders not yet started − value used; for CVM, whole months used count at the prepaid price and discount, the rest at the pay-as-you-go price of the same configuration, by the second; a negative result counts as zero. CVM allows up to 199 self-service returns per account; SN2, CN2, FX2 and some campaign resources have no self-service return and need a ticket.',
      ),
      citations: [C.partial, C.vouchers, C.docFormula, C.docLimits],
      evidence: MATERIALS,
      channels: ['console-self-service', 'console-ticket', 'hotline-4009100100'],
      channelsWhen: TICKET_ONLY,
      estimate: 'cvm-self-service',
      nextSteps: [
        zhEn(
          '在控制台对该实例选择“更多 › 销毁/退还”，确认页会显示实际退款金额。',
          'In the console, choose "More › 销毁/退还" (terminate/return) on the instance; the confirmation page shows the actual refund.',
        ),
        balanceStep,
        recycleStep,
      ],
    },
    {
      id: 'check-product-rules',
      name: zhEn('按产品规则', 'Product rules'),
      outcome: 'negotiable',
      refund: null,
      claimWith: 'vendor',
      summary: zhEn(
        '腾讯云支持部分类型的退款，但会按合同条款和使用情况设限；一次性费用、部分增值服务可能不退。先确认产品的计费方式和退款规则。',
        'Tencent Cloud refunds some kinds of purchase, limited by the contract and actual use; one-off fees and some add-ons may not be refundable. First confirm how the product is billed and its refund rules.',
      ),
      citations: [C.policy, C.otherProducts],
      evidence: MATERIALS,
      channels: ['console-ticket', 'hotline-4009100100', 'email-application'],
      nextSteps: [
        zhEn(
          '准备材料：账户信息、订单号和支付记录、使用记录、发票或合同。',
          'Prepare: account details, order number and payment record, usage records, invoice or contract.',
        ),
        zhEn('通过工单详细说明退费原因和诉求。', 'Explain the reason and what you ask for in a ticket.'),
      ],
    },
  ],
  channels: [
    {
      id: 'console-self-service',
      kind: 'self-service',
      name: zhEn('控制台自助退还（“退还”/“申请退费”）', 'Console self-service return ("退还" / "申请退费")'),
      value: 'https://console.cloud.tencent.com',
      note: zhEn(
        '自助退还几分钟完成；结果在订单页显示为“已退款”。',
        'Self-service completes in minutes; the order page then shows 已退款.',
      ),
      citations: [C.submit, C.timing],
    },
    {
      id: 'console-ticket',
      kind: 'ticket',
      name: zhEn(
        '腾讯云工单（选择产品 → 问题类型 → 填写表单）',
        'Tencent Cloud ticket (product → problem type → form)',
      ),
      value: 'https://console.cloud.tencent.com/workorder/category',
      note: zhEn(
        '工单退款在两个工作日内审核；活动 / 推广渠道订单不能自助退，须提交工单。',
        'Ticket refunds are reviewed within two working days; orders from campaign/referral channels cannot self-refund and need a ticket.',
      ),
      citations: [C.tickets, C.timing, C.refunds],
    },
    {
      id: 'hotline-4009100100',
      kind: 'phone',
      name: zhEn('腾讯云客服热线 4009100100', 'Tencent Cloud hotline 4009100100'),
      value: '4009100100',
      citations: [C.hotline, C.submit],
    },
    {
      id: 'email-application',
      kind: 'email',
      name: zhEn('邮件申请', 'Application by email'),
      value: null,
      note: zhEn(
        '来源提到可按指定格式发邮件申请，但未给出地址：先向客服索取。',
        'The source mentions applying by email in a set format but gives no address: ask support for it.',
      ),
      citations: [C.submit],
    },
  ],
  advice: [
    {
      id: 'promotion-channel-needs-ticket',
      when: { fact: 'promotionChannel', is: true },
      text: zhEn(
        '活动 / 推广渠道下的订单不能自助退还，需要提交工单。',
        'Orders placed through a campaign or referral channel cannot be self-refunded: open a ticket.',
      ),
      citations: [C.refunds],
    },
    {
      id: 'keep-contact-open',
      text: zhEn(
        '审核期间保持电话和邮箱畅通，按要求补充材料；结果不满意可申诉，或向消费者协会求助。',
        'During review keep your phone and email reachable and add material when asked; if you disagree you can appeal or turn to a consumer association.',
      ),
      citations: [C.review, C.after],
    },
    {
      id: 'abusive-returns-may-be-refused',
      when: { fact: 'billing', is: 'prepaid' },
      text: zhEn(
        '注意：如出现疑似异常/恶意退货，腾讯云有权拒绝退货申请。',
        'Note: Tencent Cloud may refuse a return it suspects to be abnormal or abusive.',
      ),
      citations: [C.docFiveDay, C.docNotes, C.refunds],
    },
    {
      id: 'no-self-service-for-this-instance',
      when: { fact: 'instanceFamily', in: ['SN2', 'CN2', 'FX2'] },
      text: zhEn(
        'SN2、CN2、FX2 实例暂不支持自助退还：请提交工单申请。',
        'SN2, CN2 and FX2 instances cannot be returned by self-service yet: ask by ticket.',
      ),
      citations: [C.docLimits],
    },
    escalationAdvice,
  ],
  processing: [
    {
      id: 'ticket-review',
      label: zhEn('工单审核（两个工作日内）', 'Ticket review (within two working days)'),
      min: 0,
      max: 2,
      unit: 'business-days',
      citations: [C.timing],
    },
  ],
});
