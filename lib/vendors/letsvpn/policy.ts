import { definePack } from '../../policy/schema';
import { escalationAdvice, storeRules } from '../../policy/common';
import { zhEn } from '../../policy/text';

// Seed 003: article on 快连's refund policy. FACTS.md: the site's own policy text
// could not be confirmed beyond this source — the pack encodes seed 003 and says so.
const S003 = '003_0b8ab3fa7a8ff686.txt';
const C = {
  incompatible: { source: S003, clause: '符合退款条件：技术兼容性问题' },
  outage: { source: S003, clause: '符合退款条件：服务连续中断（72小时以上）' },
  trial: { source: S003, clause: '符合退款条件：新用户体验期退款' },
  chargeError: { source: S003, clause: '符合退款条件：重复扣款或错误扣款' },
  exViolation: { source: S003, clause: '不符合退款条件：因违反用户协议导致的服务终止' },
  exDissatisfied: { source: S003, clause: '不符合退款条件：已使用较长时间后的一般性不满意' },
  exUserSide: { source: S003, clause: '不符合退款条件：用户本地网络限制、设备配置不足或个人偏好改变' },
  exPromo: { source: S003, clause: '不符合退款条件：特价活动明确标注“不支持退款”的产品' },
  prepare: { source: S003, clause: '退款申请流程：第一步 准备工作' },
  submit: { source: S003, clause: '退款申请流程：第二步 提交申请' },
  review: { source: S003, clause: '退款申请流程：第三步 等待审核（1-3个工作日，节假日顺延）' },
  payout: { source: S003, clause: '退款申请流程：第四步 审核结果与执行（原路退回，到账时间）' },
  ends: { source: S003, clause: '退款申请流程：第五步 服务终止' },
  window: { source: S003, clause: 'FAQ Q1（时间限制：通常7-30天，视套餐而定）' },
  stores: { source: S003, clause: 'FAQ Q2（App Store、Google Play 购买向平台申请）' },
  amount: { source: S003, clause: 'FAQ Q3（全额或按比例退款）' },
  during: { source: S003, clause: 'FAQ Q4（退款期间暂停使用）' },
  appeal: { source: S003, clause: 'FAQ Q5（要求更高级别专员复核）' },
  caveat: { source: 'FACTS.md', clause: 'URLs and page kinds: 快连 (site policy not confirmed beyond source 003)' },
} as const;

/** FAQ Q1: most requests must come within 7–30 days of purchase, depending on the plan. */
const requestWindow = {
  kind: 'period' as const,
  amount: { fact: 'requestWindowDays', range: [7, 30] as [number, number] },
  unit: 'calendar-days' as const,
  from: 'purchase' as const,
  label: zhEn('套餐退款申请期限（{amount} 天）截止', "The plan's {amount}-day refund request window ends"),
  unknown: zhEn(
    '申请期限视套餐而定，通常为购买后 7–30 天（即 {earliest} 至 {latest} 之间截止）；来源没有给出各套餐的天数，请查看购买时的套餐条款。',
    "The window depends on the plan, usually 7–30 days after purchase (so it closes between {earliest} and {latest}); the source gives no per-plan numbers — check your plan's terms at purchase.",
  ),
};

const SUPPORT = ['support-form', 'support-email'];

export const letsvpnPolicy = definePack({
  id: 'letsvpn',
  name: zhEn('快连 VPN', 'LetsVPN (快连)'),
  lastChecked: '2026-12-06',
  covers: zhEn(
    '快连的订阅套餐：官网购买由快连处理；App Store / Google Play 购买由平台处理。官网政策原文未能在来源 003 之外核实。',
    "LetsVPN subscription plans: bought on the official site, LetsVPN handles refunds; bought in the App Store / Google Play, the store does. The site's own policy text could not be confirmed beyond source 003.",
  ),
  rules: [
    ...storeRules(C.stores),
    {
      id: 'terminated-for-violation',
      name: zhEn('违规终止', 'Terminated for a breach'),
      when: { fact: 'terminatedForViolation', is: true },
      outcome: 'not-eligible',
      refund: null,
      claimWith: 'vendor',
      summary: zhEn(
        '因违反用户协议导致的服务终止，不符合退款条件。',
        'Service terminated for breaching the user agreement: not eligible.',
      ),
      citations: [C.exViolation],
      evidence: [],
      channels: SUPPORT,
      nextSteps: [
        zhEn(
          '如认为终止有误，可联系客服要求复核并提供证据。',
          'If you think the termination was wrong, ask support for a review with evidence.',
        ),
      ],
    },
    {
      // Before the promotion exclusion: a duplicate or wrong charge is a billing
      // error, not a refund of the promotional product itself.
      id: 'charge-error',
      name: zhEn('重复或错误扣款', 'Duplicate or wrong charge'),
      when: { fact: 'reason', in: ['duplicate-charge', 'wrong-amount'] },
      outcome: 'eligible',
      refund: 'full',
      claimWith: 'vendor',
      // No request window: the source lists charge errors on their own, and its
      // 7–30-day window (FAQ Q1) is for the plan's refund requests.
      summary: zhEn(
        '系统原因导致的重复扣款、金额错误扣款，经核实后全额退还该笔错误扣款；来源没有为扣款错误设申请期限。',
        'A duplicate or wrong-amount charge caused by the system is refunded in full once verified; the source sets no request window for charge errors.',
      ),
      citations: [C.chargeError],
      evidence: ['order-number', 'payment-record', 'duplicate-charge-proof'],
      channels: SUPPORT,
      nextSteps: [
        zhEn(
          '提交申请时附上两笔（或错误金额）扣款的支付截图和订单号。',
          'Attach the payment screenshots of both charges (or of the wrong amount) and the order number.',
        ),
      ],
    },
    {
      id: 'promo-non-refundable',
      name: zhEn('活动不退', 'Promotion no-refund'),
      blocks: ['outage-72h', 'new-user-trial', 'incompatible-unresolved'],
      when: { fact: 'promoNonRefundable', is: true },
      outcome: 'not-eligible',
      refund: null,
      claimWith: 'vendor',
      summary: zhEn(
        '特价活动期间明确标注“不支持退款”的产品不退——体验期也不适用。',
        'A promotional product clearly marked "no refund" is not refundable — not even within a trial period.',
      ),
      citations: [C.exPromo],
      evidence: ['promo-terms'],
      channels: SUPPORT,
      nextSteps: [
        zhEn(
          '核对购买页面的标注（保存快照）；若并未明确标注，可向客服说明。',
          'Check the purchase page (save a snapshot); if it was not clearly marked, tell support.',
        ),
      ],
    },
    {
      id: 'outage-excluded-cause',
      name: zhEn('非快连原因的中断', "Interruption not on LetsVPN's side"),
      blocks: ['outage-72h'],
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
        '中断由不可抗力或用户设备 / 本地网络造成的，不符合退款条件。',
        'An interruption caused by force majeure or by the user’s device / local network is not eligible.',
      ),
      citations: [C.outage, C.exUserSide],
      evidence: [],
      channels: SUPPORT,
      nextSteps: [
        zhEn('联系技术支持排查本地网络和设备问题。', 'Ask support to help troubleshoot your network and device.'),
      ],
    },
    {
      id: 'outage-72h',
      name: zhEn('连续中断 72 小时', '72-hour interruption'),
      when: {
        all: [
          { fact: 'reason', is: 'outage' },
          { fact: 'outageCause', is: 'vendor' },
          { fact: 'outageHours', gte: 72 },
          { fact: 'outageLargeScale', is: true },
          { fact: 'outageInUserRegion', is: true },
        ],
      },
      outcome: 'eligible',
      refund: 'partial',
      claimWith: 'vendor',
      summary: zhEn(
        '快连在你所在区域连续中断 72 小时以上（大规模，非不可抗力、非用户设备原因）可申请退款；非体验期退款通常按已使用时间比例计算。重大服务故障不受申请期限限制。',
        'A large-scale interruption in your region of 72 hours or more (not force majeure, not your device) qualifies; outside the trial, refunds are usually prorated by time used. Major service failures are not bound by the request window.',
      ),
      citations: [C.outage, C.amount, C.window],
      evidence: ['outage-log', 'outage-screenshots', 'order-number', 'payment-record'],
      channels: SUPPORT,
      nextSteps: [
        zhEn(
          '记录中断开始与结束时间，并截图连接失败的界面。',
          'Record when the interruption started and ended, and screenshot the failed connections.',
        ),
        zhEn('按比例退款的具体计算方式会在审核通过后告知。', 'The exact prorated amount is told after approval.'),
      ],
    },
    {
      id: 'outage-short',
      name: zhEn('短时或局部中断', 'Short or local interruption'),
      blocks: ['outage-72h'],
      when: {
        all: [
          { fact: 'reason', is: 'outage' },
          {
            any: [
              { fact: 'outageHours', lt: 72 },
              { fact: 'outageLargeScale', is: false },
              { fact: 'outageInUserRegion', is: false },
            ],
          },
        ],
      },
      outcome: 'not-eligible',
      refund: null,
      claimWith: 'vendor',
      summary: zhEn(
        '局部或短时（不足连续 72 小时）的波动，或不在你所在区域的中断，不在退款范围内。',
        'Local or short interruptions (under 72 continuous hours), or ones outside your region, do not qualify.',
      ),
      citations: [C.outage],
      evidence: [],
      channels: SUPPORT,
      nextSteps: [
        zhEn(
          '可查看官网的服务状态页面，并向客服反馈问题。',
          "Check the site's service status page and report the problem to support.",
        ),
      ],
    },
    {
      id: 'new-user-trial',
      name: zhEn('新用户体验期', 'New-user trial'),
      when: {
        all: [
          { fact: 'newUser', is: true },
          { fact: 'trialOffered', is: true },
        ],
      },
      outcome: 'eligible',
      refund: 'full',
      claimWith: 'vendor',
      summary: zhEn(
        '部分套餐提供新用户体验期（如下载后 24 小时内），期间不满意可申请全额退款；具体时长以购买时显示的条款为准。',
        'Some plans give new users a trial period (e.g. 24 hours after download) during which a dissatisfied user gets a full refund; the exact length is in the terms shown at purchase.',
      ),
      citations: [C.trial, C.amount],
      deadline: {
        kind: 'period',
        amount: { fact: 'trialHours', default: 24 },
        unit: 'hours',
        // "如下载后24小时内": the trial runs from download.
        from: 'download',
        label: zhEn('新用户体验期（{amount} 小时）结束', 'New-user trial period ({amount} h) ends'),
      },
      evidence: ['order-number', 'payment-record', 'plan-terms'],
      channels: SUPPORT,
      nextSteps: [
        zhEn(
          '在体验期结束前提交退款申请；体验期时长以你购买时的条款为准（24 小时只是来源中的例子）。',
          'Ask before the trial ends; its length is whatever your terms said at purchase (24 h is only the example in the source).',
        ),
      ],
    },
    {
      id: 'incompatible-unresolved',
      name: zhEn('兼容性问题', 'Incompatibility'),
      when: {
        all: [
          { fact: 'reason', is: 'incompatible' },
          { fact: 'supportContacted', is: true },
        ],
      },
      outcome: 'eligible',
      refund: 'partial',
      claimWith: 'vendor',
      summary: zhEn(
        '与设备系统存在无法解决的兼容性问题，且官方技术支持无法解决的，可申请退款（需问题描述和沟通记录）；非体验期通常按比例退款。',
        'An incompatibility with your device that official support could not fix qualifies (with a description and the support records); outside the trial the refund is usually prorated.',
      ),
      citations: [C.incompatible, C.amount, C.window],
      deadline: requestWindow,
      evidence: ['support-records', 'problem-description', 'problem-media', 'order-number', 'payment-record'],
      channels: SUPPORT,
      nextSteps: [
        zhEn(
          '附上详细的问题描述（设备、系统版本）和与客服的沟通记录。',
          'Attach a detailed description (device, OS version) and your conversations with support.',
        ),
      ],
    },
    {
      id: 'incompatible-contact-support-first',
      name: zhEn('先联系技术支持', 'Support first'),
      blocks: [],
      when: { fact: 'reason', is: 'incompatible' },
      outcome: 'not-eligible',
      refund: null,
      claimWith: 'vendor',
      summary: zhEn(
        '兼容性问题只有在官方技术支持也无法解决时才符合退款条件。',
        'An incompatibility qualifies only once official support has failed to fix it.',
      ),
      citations: [C.incompatible],
      evidence: ['problem-description', 'problem-media'],
      channels: SUPPORT,
      nextSteps: [
        zhEn(
          '先联系技术支持并保留沟通记录；若仍无法解决，即可申请退款（注意申请期限）。',
          'Contact support first and keep the records; if it still cannot be fixed, you may apply (mind the request window).',
        ),
      ],
    },
    {
      id: 'user-side-reasons',
      name: zhEn('用户自身原因', 'Reasons on your side'),
      blocks: [],
      when: { fact: 'reason', is: 'user-error' },
      outcome: 'not-eligible',
      refund: null,
      claimWith: 'vendor',
      summary: zhEn(
        '因用户本地网络限制、设备配置不足或个人偏好改变，不符合退款条件。',
        "Local network limits, an under-powered device or a change of preference on the user's side are not eligible.",
      ),
      citations: [C.exUserSide],
      evidence: [],
      channels: SUPPORT,
      nextSteps: [zhEn('可联系客服寻求设置上的帮助。', 'Support can help with setup.')],
    },
    {
      id: 'dissatisfied-after-trial',
      name: zhEn('体验期外不满意', 'Dissatisfied after the trial'),
      blocks: [],
      when: { fact: 'reason', in: ['dissatisfied', 'changed-mind'] },
      outcome: 'not-eligible',
      refund: null,
      claimWith: 'vendor',
      summary: zhEn(
        '体验期外、已使用较长时间后的一般性不满意，不符合退款条件。',
        'General dissatisfaction after longer use, outside a trial period, is not eligible.',
      ),
      citations: [C.exDissatisfied, C.exUserSide],
      evidence: [],
      channels: SUPPORT,
      nextSteps: [
        zhEn(
          '可向客服反馈具体问题，很多技术问题可通过指导解决。',
          'Report the concrete problem to support; many can be solved with guidance.',
        ),
      ],
    },
    {
      id: 'specific-cases-only',
      name: zhEn('仅限特定情形', 'Specific cases only'),
      outcome: 'not-eligible',
      refund: null,
      claimWith: 'vendor',
      summary: zhEn(
        '快连的退款政策不是无条件的，只针对特定情形：无法解决的兼容性问题、连续 72 小时以上中断、新用户体验期、重复或错误扣款。',
        "LetsVPN's policy is not unconditional; it covers specific cases: unfixable incompatibility, interruptions of 72 h or more, the new-user trial, duplicate or wrong charges.",
      ),
      citations: [C.incompatible, C.outage, C.trial, C.chargeError],
      evidence: ['order-number', 'payment-record'],
      channels: SUPPORT,
      nextSteps: [
        zhEn(
          '如情况接近上述情形，仍可联系客服说明；对结果不满意可要求更高级别专员复核。',
          'If your case is close to one of these, you can still explain it to support; if you disagree with the result, ask for a higher-level review.',
        ),
      ],
    },
  ],
  channels: [
    {
      id: 'support-form',
      kind: 'web-form',
      name: zhEn('快连官网“联系客服”/“退款申请”', 'LetsVPN site: "Contact support" / "Refund request"'),
      value: 'https://letsvpn.world',
      note: zhEn(
        '登录官网账户后提交；表单地址未在来源中给出。',
        'Sign in to your account on the site first; the form address is not given in the sources.',
      ),
      citations: [C.submit, C.caveat],
    },
    {
      id: 'support-email',
      kind: 'email',
      name: zhEn('快连邮件支持', 'LetsVPN email support'),
      value: null,
      note: zhEn('来源提到邮件支持，但未给出地址。', 'The source mentions email support but gives no address.'),
      citations: [{ source: S003, clause: '快连服务的品质保障措施：多层次客服支持（在线聊天、邮件支持）' }],
    },
  ],
  advice: [
    {
      id: 'prepare-proof',
      text: zhEn(
        '准备购买凭证（订单号、支付截图）、问题描述和证据（截图、录屏），描述客观准确。',
        'Prepare proof of purchase (order number, payment screenshot), a description of the problem and evidence (screenshots, recordings); keep it objective.',
      ),
      citations: [C.prepare, C.submit],
    },
    {
      id: 'channel-fee-may-be-deducted',
      text: zhEn(
        '体验期退款通常全额退还；其他情况可能按已使用时间比例计算，或扣除支付通道手续费（如有），具体金额审核通过后告知。',
        'A trial refund is usually in full; otherwise it may be prorated by time used, or a payment-channel fee (if any) deducted; the amount is told after approval.',
      ),
      citations: [C.amount],
    },
    {
      id: 'pause-use-during-review',
      text: zhEn(
        '提交后建议暂停使用：退款成功后服务立即终止，审核期间大量使用可能影响结果。',
        'After applying, pause using the service: it ends as soon as the refund succeeds, and heavy use during review may affect the result.',
      ),
      citations: [C.during, C.ends],
    },
    {
      id: 'ask-higher-review',
      when: { fact: 'vendorRefused', is: true },
      text: zhEn(
        '对结果不满意：再次联系客服，要求更高级别专员复核，礼貌并补充证据。',
        'Disagree with the result: contact support again and ask for a higher-level specialist to review, politely and with more evidence.',
      ),
      citations: [C.appeal],
    },
    {
      id: 'policy-not-confirmed',
      text: zhEn(
        '注意：快连官网退款政策原文未能核实，以上依据第三方整理的文章。',
        "Note: LetsVPN's own policy text could not be confirmed; this is based on a third-party article.",
      ),
      citations: [C.caveat],
    },
    escalationAdvice,
  ],
  processing: [
    {
      id: 'review',
      label: zhEn('客服审核（1–3 个工作日，节假日顺延）', 'Support review (1–3 business days, holidays excluded)'),
      min: 1,
      max: 3,
      unit: 'business-days',
      citations: [C.review],
    },
    {
      id: 'payout-card',
      when: { fact: 'paymentMethod', is: 'card' },
      label: zhEn('信用卡到账（3–10 个工作日）', 'Back on the credit card (3–10 business days)'),
      min: 3,
      max: 10,
      unit: 'business-days',
      after: 'review',
      citations: [C.payout],
    },
    {
      id: 'payout-alipay-wechat',
      when: { fact: 'paymentMethod', in: ['alipay', 'wechat'] },
      label: zhEn('支付宝 / 微信到账（1–5 个工作日）', 'Back on Alipay / WeChat Pay (1–5 business days)'),
      min: 1,
      max: 5,
      unit: 'business-days',
      after: 'review',
      citations: [C.payout],
    },
  ],
});
