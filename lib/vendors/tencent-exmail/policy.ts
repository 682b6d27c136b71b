import { definePack } from '../../policy/schema';
import { escalationAdvice } from '../../policy/common';
import { zhEn } from '../../policy/text';

// Seed 000: article on Exmail refunds, quoting the service agreement §8.3.
// Seed 002: the Exmail SLA (official, updated 2020-09-15).
const S000 = '000_b578c39791e62d25.txt';
const S002 = '002_b54d770f95033cbc.txt';
const C = {
  noRefund: { source: S000, clause: '《服务协议》第8.3条（开通付费服务后已付费用不予退还）' },
  notActivated: { source: S000, clause: '例外：服务尚未激活或未开始使用' },
  caseXiaoLi: { source: S000, clause: '真实用户案例：小李（未添加成员、未绑定域名，成功退款）' },
  caseZhang: { source: S000, clause: '真实用户案例：张总（促销三年套餐，使用一个月后申诉被拒）' },
  caseWang: { source: S000, clause: '真实用户案例：王女士（代理商口头承诺，拿回全款）' },
  outage: { source: S000, clause: '例外：因平台故障导致长期无法正常使用（超过72小时）' },
  mistake: { source: S000, clause: '例外：误购或多付订单' },
  reseller: { source: S000, clause: '例外：通过第三方代理商购买，享有额外退换权益' },
  contact: { source: S000, clause: '建议：发现问题尽早沟通（95078、腾讯云控制台工单）' },
  violation: { source: S002, clause: '5.3.1' },
  dns: { source: S002, clause: '4.1.4' },
  contactUs: { source: S002, clause: '联系我们' },
  exclusions: { source: S002, clause: '2.3' },
  commitment: { source: S002, clause: '2.2' },
  tiers: { source: S002, clause: '3.1' },
  window: { source: S002, clause: '3.2.1, 3.2.2' },
  dataDeletion: { source: S002, clause: '5.4.3' },
} as const;

const TENCENT_EVIDENCE = ['order-number', 'payment-record', 'account-info'];

/** §3.1 (1): credits are vouchers, with a validity period. */
const voucherStep = zhEn(
  '赔偿以代金券发放：须遵守代金券的使用期限等规则，不能折现、不开发票、不能转让，只能用于本服务——及时使用。',
  'The credit is a voucher with a validity period and other rules: it cannot be cashed, invoiced or transferred and only buys this service — use it in time.',
);

export const tencentExmailPolicy = definePack({
  id: 'tencent-exmail',
  name: zhEn('腾讯企业邮箱', 'Tencent Exmail'),
  lastChecked: '2026-12-06',
  covers: zhEn(
    '腾讯企业邮付费版（标准版、尊享版、旗舰版等，按年订阅），经腾讯云官网或代理商购买。',
    'Paid editions of Tencent Exmail (standard, premium, flagship…, yearly), bought on Tencent Cloud or from a reseller.',
  ),
  rules: [
    {
      id: 'terminated-for-violation',
      name: zhEn('违规终止', 'Terminated for a breach'),
      when: { fact: 'terminatedForViolation', is: true },
      outcome: 'not-eligible',
      refund: null,
      claimWith: 'vendor',
      summary: zhEn(
        '因违反协议被暂停或终止服务的，腾讯云已收取的费用不予退还。',
        'When the service is suspended or ended for breaching the agreement, fees already paid are kept.',
      ),
      citations: [C.violation],
      evidence: ['support-records'],
      channels: ['console-ticket', 'hotline-95078'],
      nextSteps: [
        zhEn(
          '如认为处罚有误，可通过工单申诉，附上说明与证据。',
          'If you believe the penalty is wrong, appeal by ticket with an explanation and evidence.',
        ),
      ],
    },
    {
      id: 'reseller-written-promise',
      name: zhEn('代理商书面承诺', "Reseller's written promise"),
      when: {
        all: [
          { fact: 'channel', is: 'reseller' },
          { fact: 'resellerPromise.written', is: true },
        ],
      },
      outcome: 'eligible',
      refund: 'full',
      claimWith: 'reseller',
      summary: zhEn(
        '经代理商购买的，代理商自有的书面承诺（如“7天内无理由退订”）适用，向代理商申请；这类承诺不在腾讯官方协议中。',
        "Bought from a reseller: the reseller's own written promise (e.g. 7-day no-reason cancellation) applies and is claimed from the reseller; it is not part of Tencent's agreement.",
      ),
      citations: [C.reseller],
      deadline: {
        kind: 'period',
        amount: { fact: 'resellerPromise.days' },
        unit: 'calendar-days',
        from: 'purchase',
        label: zhEn('代理商承诺的 {amount} 天退订期截止', "The reseller's {amount}-day cancellation promise ends"),
      },
      evidence: ['reseller-written-promise', 'order-number', 'payment-record', 'invoice-or-contract'],
      channels: ['reseller-contact'],
      nextSteps: [
        zhEn(
          '在期限内以书面方式（邮件 / 聊天）向代理商提出退订，引用其书面承诺。',
          'Ask the reseller in writing (email/chat) before the deadline, quoting its written promise.',
        ),
        zhEn(
          '附上承诺原文截图、订单号和付款凭证。',
          'Attach a screenshot of the promise, the order number and the payment record.',
        ),
      ],
    },
    {
      id: 'reseller-verbal-promise',
      name: zhEn('代理商口头承诺', "Reseller's verbal promise"),
      when: {
        all: [
          { fact: 'channel', is: 'reseller' },
          { fact: 'resellerPromise.written', is: false },
        ],
      },
      outcome: 'negotiable',
      refund: 'full',
      claimWith: 'reseller',
      summary: zhEn(
        '代理商只有口头承诺：可以向代理商争取（有用户凭口头承诺拿回全款），但建议事先取得书面承诺。',
        'The reseller only promised verbally: worth asking the reseller (one user got a full refund on a verbal promise), but such promises should be in writing.',
      ),
      citations: [C.caseWang, C.reseller],
      // A verbal promise often names no period: then there is no date to invent.
      deadline: {
        kind: 'period',
        amount: { fact: 'resellerPromise.days', ifUnknown: 'no-deadline' },
        unit: 'calendar-days',
        from: 'purchase',
        label: zhEn('代理商口头承诺的 {amount} 天期限', "The reseller's verbal {amount}-day promise"),
      },
      evidence: ['order-number', 'payment-record', 'support-records'],
      channels: ['reseller-contact'],
      nextSteps: [
        zhEn(
          '尽快联系代理商，请其以书面形式确认此前的承诺。',
          'Contact the reseller soon and ask it to confirm its promise in writing.',
        ),
        zhEn('保留所有聊天记录和通话时间。', 'Keep every chat log and note call times.'),
      ],
    },
    {
      id: 'mistaken-order',
      name: zhEn('误购或多付', 'Wrong or duplicate order'),
      when: { fact: 'reason', in: ['wrong-plan', 'duplicate-charge', 'wrong-amount', 'invoice-error'] },
      outcome: 'negotiable',
      refund: 'difference',
      claimWith: 'vendor',
      summary: zhEn(
        '误购（如选了3年而非1年）、重复支付、开票信息错误导致重新下单：提供支付凭证、订单号和说明，腾讯往往酌情允许修改订单或退还多付款项。',
        'Wrong plan (e.g. 3 years instead of 1), duplicate payment, or a re-order because of invoice errors: with payment proof, order number and an explanation, Tencent often lets you change the order or refunds the overpayment.',
      ),
      citations: [C.mistake],
      evidence: ['order-number', 'payment-record', 'duplicate-charge-proof', 'wrong-order-explanation'],
      channels: ['console-ticket', 'hotline-95078'],
      nextSteps: [
        zhEn(
          '尽快提交工单或拨打 95078，说明原本要买的套餐与实际订单的差别。',
          'Open a ticket or call 95078 soon and explain what you meant to buy versus what was ordered.',
        ),
        zhEn('请求修改订单或退还差额。', 'Ask for the order to be changed or the difference refunded.'),
      ],
    },
    {
      id: 'outage-excluded-cause',
      name: zhEn('非腾讯原因的故障', "Outage not on Tencent's side"),
      blocks: ['outage-over-72h', 'outage-sla'],
      when: {
        all: [
          { fact: 'reason', is: 'outage' },
          { fact: 'outageCause', in: ['force-majeure', 'user-side', 'dns-misconfiguration'] },
        ],
      },
      outcome: 'not-eligible',
      refund: null,
      claimWith: 'vendor',
      summary: zhEn(
        '不可抗力，或客户自己的网络、设备、配置、操作导致的不可用，不计入 SLA 不可用时间；域名解析（DNS）配置由客户负责，配置错误导致无法使用的，腾讯云不承担责任。',
        "Downtime from force majeure, or from the customer's own network, devices, configuration or actions, is not counted by the SLA; the domain's DNS configuration is the customer's, and Tencent is not liable when a wrong one stops the service.",
      ),
      citations: [C.exclusions, C.dns],
      evidence: ['outage-log'],
      channels: ['console-ticket'],
      nextSteps: [
        zhEn(
          '若故障其实在腾讯一侧，收集证据（官方公告、多地同时失败）后按 SLA 申请。',
          "If the failure was in fact on Tencent's side, gather evidence (notices, failures from several networks) and claim under the SLA.",
        ),
      ],
    },
    {
      id: 'outage-sla-met',
      name: zhEn('SLA 已达标', 'SLA met'),
      blocks: ['outage-over-72h', 'outage-sla'],
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
        '当月服务可用性达到 99.9% 承诺，没有 SLA 赔偿。',
        "The month's availability met the 99.9% commitment: no SLA compensation.",
      ),
      citations: [C.commitment, C.tiers],
      evidence: ['outage-log', 'sla-calculation'],
      channels: ['console-ticket'],
      nextSteps: [
        zhEn(
          '检查故障记录是否完整（每次不少于 1 分钟的收发失败都应记录）。',
          'Check the outage log is complete (every send/receive failure of a minute or more counts).',
        ),
      ],
    },
    {
      id: 'outage-over-72h',
      name: zhEn('故障超过 72 小时', 'Outage over 72 h'),
      when: {
        all: [
          { fact: 'reason', is: 'outage' },
          { fact: 'outageCause', is: 'vendor' },
          { fact: 'outageHours', gt: 72 },
        ],
      },
      outcome: 'compensation',
      refund: 'voucher',
      claimWith: 'vendor',
      summary: zhEn(
        '腾讯一方的故障连续超过 72 小时：可按 SLA 申请代金券赔偿；情况严重的，可申请终止服务并退还未使用周期的费用。',
        "A failure on Tencent's side lasting over 72 hours: claim the SLA voucher; in severe cases you may ask to end the service with a refund of the unused period.",
      ),
      citations: [C.outage, C.tiers, C.window],
      deadline: {
        kind: 'sla-claim-window',
        service: 'exmail',
        label: zhEn('{month} 的 SLA 赔偿申请截止', 'SLA claim for {month} closes'),
      },
      evidence: [
        'outage-log',
        'outage-screenshots',
        'outage-report',
        'sla-calculation',
        'order-number',
        'payment-record',
      ],
      channels: ['console-ticket', 'hotline-4009100100'],
      nextSteps: [
        voucherStep,
        zhEn(
          '只能通过腾讯云控制台的工单申请赔偿（电话、邮件等其他方式视为放弃）。',
          'Claim only through a Tencent Cloud console ticket (phone, email or other routes count as waiving the claim).',
        ),
        zhEn(
          '可在同一工单中提出：因故障严重，请求终止服务并退还未使用周期的费用（需协商）。',
          'In the same ticket you may ask, given the severity, to end the service and refund the unused period (negotiable).',
        ),
        zhEn(
          '成功与否取决于故障责任归属：附上清晰的时间记录、截图和中断报告。',
          'Success depends on who was responsible: attach a clear time log, screenshots and the interruption report.',
        ),
      ],
    },
    {
      id: 'outage-sla',
      name: zhEn('SLA 月度可用性', 'Monthly SLA'),
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
        '当月可用性低于 99.9% 时按档位赔偿代金券：≥99% 为月费 10%，≥95% 为 20%，低于 95% 为 100%。',
        'Below 99.9% availability in a month, a voucher by tier: ≥99% → 10% of the monthly fee, ≥95% → 20%, below 95% → 100%.',
      ),
      citations: [C.commitment, C.tiers, C.window],
      deadline: {
        kind: 'sla-claim-window',
        service: 'exmail',
        label: zhEn('{month} 的 SLA 赔偿申请截止', 'SLA claim for {month} closes'),
      },
      evidence: ['outage-log', 'outage-screenshots', 'sla-calculation', 'order-number'],
      channels: ['console-ticket', 'hotline-4009100100'],
      nextSteps: [
        voucherStep,
        zhEn(
          '用故障记录计算当月可用性（“SLA 计算”）：不足 1 分钟的失败不计。',
          "Compute the month's availability from the outage log (SLA calculator): failures under a minute do not count.",
        ),
        zhEn('只能通过腾讯云控制台的工单申请赔偿。', 'Claim only through a Tencent Cloud console ticket.'),
      ],
    },
    {
      id: 'not-activated',
      name: zhEn('未启用', 'Never set up'),
      when: { fact: 'activated', is: false },
      outcome: 'negotiable',
      // "有一定几率申请到全额或部分退款"
      refund: 'full',
      refundOr: 'partial',
      claimWith: 'vendor',
      summary: zhEn(
        '付款后尚未启用（未验证域名、未创建管理员、未添加成员），可视为“服务未实质启用”，及时联系有一定几率获得全额或部分退款。',
        'Paid but never set up (no domain verified, no admin created, no members added) counts as not really in use: contacting support quickly has a fair chance of a full or partial refund.',
      ),
      citations: [C.notActivated, C.caseXiaoLi],
      evidence: ['not-activated-proof', 'order-number', 'payment-record', 'account-info'],
      channels: ['hotline-95078', 'console-ticket'],
      nextSteps: [
        zhEn(
          '立即联系：来源中的成功案例是在购买后 24 小时内联系客服的（来源未给出硬性期限）。',
          'Contact them now: the success case in the source called within 24 hours of buying (the source sets no hard deadline).',
        ),
        zhEn(
          '在此之前不要验证域名、创建管理员或添加成员；截图保存“未启用”的状态。',
          'Until then, do not verify the domain, create an admin or add members; screenshot the untouched state.',
        ),
      ],
    },
    {
      id: 'no-refund-after-activation',
      name: zhEn('启用后不退', 'No refund after set-up'),
      outcome: 'not-eligible',
      refund: null,
      claimWith: 'vendor',
      summary: zhEn(
        '《服务协议》第8.3条：开通付费服务后，若无特殊说明，已支付的服务费用不予退还。付款并启用后，不支持无理由退款。',
        'Service agreement §8.3: once a paid service is opened, fees paid are not refunded unless stated otherwise. After paying and activating there is no no-reason refund.',
      ),
      citations: [C.noRefund, C.caseZhang],
      evidence: TENCENT_EVIDENCE,
      channels: ['hotline-95078', 'console-ticket'],
      nextSteps: [
        zhEn(
          '核对是否符合例外：未启用、腾讯故障超过 72 小时、误购 / 重复支付 / 开票错误、代理商承诺。',
          'Check the exceptions: never set up, a Tencent outage over 72 h, wrong plan / duplicate payment / invoice error, a reseller promise.',
        ),
        zhEn(
          '仍可拨打 95078 或提交工单说明情况，争取人工协调（不保证结果）。',
          'You can still call 95078 or open a ticket to ask for a human review (no guarantee).',
        ),
      ],
    },
  ],
  channels: [
    {
      id: 'hotline-95078',
      kind: 'phone',
      name: zhEn('腾讯企业邮箱客服热线 95078', 'Tencent Exmail hotline 95078'),
      value: '95078',
      citations: [C.contact],
    },
    {
      id: 'console-ticket',
      kind: 'ticket',
      name: zhEn('腾讯云控制台工单', 'Tencent Cloud console ticket'),
      value: 'https://console.cloud.tencent.com/workorder',
      note: zhEn(
        'SLA 赔偿只能通过本账号的工单系统申请。',
        "SLA claims are accepted only through the account's ticket system.",
      ),
      citations: [C.contact, C.window, { source: 'FACTS.md', clause: 'URLs and page kinds: Tencent Cloud tickets' }],
    },
    {
      id: 'hotline-4009100100',
      kind: 'phone',
      name: zhEn('腾讯云热线 4009100100（咨询）', 'Tencent Cloud hotline 4009100100 (questions)'),
      value: '4009100100',
      note: zhEn(
        '可咨询 SLA 与赔偿问题；赔偿申请本身只能通过工单提交（3.2.1），电话不算申请。',
        'For questions about the SLA and credits; the claim itself can only be filed by ticket (3.2.1) — a call does not count as one.',
      ),
      citations: [C.contactUs, C.window],
    },
    {
      id: 'reseller-contact',
      kind: 'email',
      name: zhEn('购买时的代理商（书面联系）', 'The reseller you bought from (in writing)'),
      value: null,
      note: zhEn('代理商的联系方式以你的合同 / 订单为准。', 'Use the contact details in your contract or order.'),
      citations: [C.reseller],
    },
  ],
  advice: [
    {
      id: 'reseller-terms-are-not-tencents',
      when: { fact: 'channel', is: 'reseller' },
      text: zhEn(
        '代理商的退款承诺不在腾讯官方协议中，属于渠道商自主行为：向代理商主张，并保留书面记录。',
        "A reseller's refund promise is not in Tencent's agreement; it is the reseller's own: claim it from the reseller and keep it in writing.",
      ),
      citations: [C.reseller],
    },
    {
      id: 'data-deleted-after-service-end',
      text: zhEn(
        '提醒：服务结束（到期未续或终止）后，腾讯云有权随时清空全部邮件和通讯录，请提前备份。',
        'Reminder: after the service ends (not renewed, or terminated) Tencent Cloud may delete all mail and contacts at any time — back up first.',
      ),
      citations: [C.dataDeletion],
    },
    escalationAdvice,
  ],
});
