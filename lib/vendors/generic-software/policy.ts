import { definePack } from '../../policy/schema';
import { CITE, escalationAdvice, storeRules } from '../../policy/common';
import { zhEn } from '../../policy/text';

// Seed 004: article on getting a refund for purchased software (any software,
// SaaS or course). FACTS.md: consumer law (CRPL art. 25, the 7-day interim measures).
const S004 = '004_d4e4eea1fdf0fe9a.txt';
const C = {
  policy: { source: S004, clause: '了解退款政策与条件' },
  defect: { source: S004, clause: '了解退款政策与条件：表格“软件问题导致的退款”；案例分享：张先生' },
  described: { source: S004, clause: '与卖家沟通协商：案例（赵女士，功能与宣传不符）' },
  userError: { source: S004, clause: '了解退款政策与条件：表格“人为操作失误”（可协商退款金额）' },
  form: { source: S004, clause: '确认退款申请流程（退款原因、退款金额、证明材料）' },
  negotiate: { source: S004, clause: '与卖家沟通协商：沟通协商技巧' },
  timing: { source: S004, clause: '注意退款时效与售后支持；注意事项：尽早联系、保留证据' },
  flow: { source: S004, clause: '退款流程概述（联系客服、提供购买信息、说明原因）' },
} as const;

const PROOF = ['order-number', 'payment-record', 'invoice-or-contract', 'checkout-terms'];

export const genericSoftwarePolicy = definePack({
  id: 'generic-software',
  name: zhEn('其他软件、SaaS 与在线课程', 'Other software, SaaS and online courses'),
  lastChecked: '2026-12-06',
  covers: zhEn(
    '本产品没有专门规则包的软件、SaaS 和在线课程：通用流程和中国消费者法的七日无理由退货规则。商家自己的退款政策优先核对，可另建自定义规则包。',
    "Software, SaaS and online courses without a pack of their own: the general process and China's 7-day no-reason return rule. Check the vendor's own policy first; you can add a user-defined pack for it.",
  ),
  rules: [
    ...storeRules(CITE.appleGoogle),
    {
      id: 'seven-day-no-reason',
      name: zhEn('七日无理由', '7-day no-reason'),
      when: {
        all: [
          { fact: 'boughtOnline', is: true },
          { fact: 'itemKind', is: 'goods' },
          { fact: 'confirmedNonReturnable', is: false },
        ],
      },
      outcome: 'eligible',
      refund: 'full',
      claimWith: 'vendor',
      summary: zhEn(
        '网购商品自收货之日起 7 日内可无理由退货（《消费者权益保护法》第二十五条），退回的商品应当完好；消费者拆封的音像制品、计算机软件等数字化商品不适用（盒装软件一经拆封即不能无理由退货）。结账时未经醒目确认“不适用”的其他商品，商家不能以此拒绝。',
        'Goods bought online may be returned without reason within 7 days of receipt (CRPL art. 25), and must come back intact; audio-visual products and computer software the buyer has unsealed are excluded (boxed software cannot be returned without reason once opened). For other goods, without a prominent confirmation at checkout the seller cannot exclude them.',
      ),
      citations: [CITE.consumerLaw, CITE.sevenDayMeasures],
      deadline: {
        kind: 'period',
        amount: 7,
        unit: 'calendar-days',
        from: 'delivery',
        label: zhEn('七日无理由退货期限截止', 'The 7-day no-reason return period ends'),
      },
      evidence: ['order-number', 'payment-record', 'delivery-record', 'checkout-terms'],
      channels: ['vendor-support'],
      nextSteps: [
        zhEn(
          '在期限内向商家提出退货退款，写明依据《消费者权益保护法》第二十五条。',
          'Ask the seller for a return and refund before the deadline, citing CRPL art. 25.',
        ),
        zhEn(
          '商品须完好：软件、光盘等不要拆封，否则不再适用七日无理由退货。',
          'Keep the goods intact: do not unseal software or discs, or the 7-day rule no longer applies.',
        ),
        zhEn(
          '保存结账页面（是否有“不适用七天无理由”的确认步骤）。',
          'Keep a snapshot of the checkout page (whether it had a "7-day rule does not apply" confirmation).',
        ),
      ],
    },
    {
      id: 'severe-defect',
      name: zhEn('严重缺陷', 'Severe defect'),
      when: { fact: 'reason', is: 'defect' },
      outcome: 'negotiable',
      refund: 'full',
      claimWith: 'vendor',
      summary: zhEn(
        '软件本身存在严重缺陷或错误、无法正常使用的，常见政策允许申请退款（有用户因严重漏洞获全额退款）。',
        'Severe defects that make the software unusable are a common refund ground (one user got a full refund for a serious bug).',
      ),
      citations: [C.defect],
      evidence: ['problem-description', 'problem-media', 'support-records', ...PROOF],
      channels: ['vendor-support'],
      nextSteps: [
        zhEn(
          '在退款申请表中写明原因、金额，并附上错误截图、报错信息。',
          'In the refund form give the reason and amount, and attach screenshots and error reports.',
        ),
        zhEn(
          '尽早联系，保持冷静礼貌，提供充分证据。',
          'Contact them early, stay calm and polite, and bring full evidence.',
        ),
      ],
    },
    {
      id: 'not-as-described',
      name: zhEn('与宣传不符', 'Not as described'),
      when: { fact: 'reason', is: 'not-as-described' },
      outcome: 'negotiable',
      refund: 'full',
      claimWith: 'vendor',
      summary: zhEn(
        '功能与宣传不符：多次协商后有用户获得全额退款。',
        'Features not as advertised: one user got a full refund after repeated negotiation.',
      ),
      citations: [C.described],
      evidence: [
        'checkout-terms',
        'problem-description',
        'problem-media',
        'support-records',
        'order-number',
        'payment-record',
      ],
      channels: ['vendor-support'],
      nextSteps: [
        zhEn(
          '把宣传页面与实际功能对照截图，作为证据。',
          'Put the advertised claims side by side with the actual behaviour, as screenshots.',
        ),
      ],
    },
    {
      id: 'user-error',
      name: zhEn('操作失误', 'Own mistake'),
      when: { fact: 'reason', is: 'user-error' },
      outcome: 'negotiable',
      refund: 'partial',
      claimWith: 'vendor',
      summary: zhEn(
        '因自身操作失误导致无法正常使用的，能提供证据时可协商退款金额。',
        'If your own mistake made it unusable, with evidence a refund amount can be negotiated.',
      ),
      citations: [C.userError],
      evidence: ['problem-description', 'order-number', 'payment-record'],
      channels: ['vendor-support'],
      nextSteps: [
        zhEn(
          '说明经过，提出一个合理的部分退款金额。',
          'Explain what happened and propose a reasonable partial amount.',
        ),
      ],
    },
    {
      id: 'seven-day-excluded-digital',
      name: zhEn('数字商品', 'Digital goods'),
      when: { fact: 'itemKind', is: 'digital-download' },
      outcome: 'negotiable',
      refund: null,
      claimWith: 'vendor',
      summary: zhEn(
        '在线下载的数字化商品（软件、音视频等）不适用七日无理由退货：只能依据商家自己的退款政策协商。',
        'Digital goods downloaded online (software, audio, video…) are excluded from the 7-day rule: only the vendor’s own refund policy can help.',
      ),
      citations: [CITE.consumerLaw, C.policy],
      evidence: PROOF,
      channels: ['vendor-support'],
      nextSteps: [
        zhEn(
          '查看用户协议或产品说明中的退款条款（例如“开课前 7 天无理由退款”之类的承诺）。',
          'Read the refund terms in the user agreement or product page (e.g. promises such as "7-day no-reason refund before the course starts").',
        ),
      ],
    },
    {
      id: 'seven-day-excluded-confirmed',
      name: zhEn('已确认不退', 'Confirmed non-returnable'),
      when: {
        all: [
          { fact: 'itemKind', is: 'goods' },
          { fact: 'confirmedNonReturnable', is: true },
        ],
      },
      outcome: 'negotiable',
      refund: null,
      claimWith: 'vendor',
      summary: zhEn(
        '购买时已确认“不宜退货”的商品不适用七日无理由退货（商家须在结账时以醒目方式让你确认）。',
        'Goods you confirmed at purchase as not returnable are excluded from the 7-day rule (the seller must have asked for that confirmation prominently at checkout).',
      ),
      citations: [CITE.consumerLaw, CITE.sevenDayMeasures],
      evidence: ['checkout-terms', ...PROOF],
      channels: ['vendor-support'],
      nextSteps: [
        zhEn(
          '核对结账快照：如果确认步骤并不醒目或不存在，商家不能据此拒绝。',
          'Check the checkout snapshot: if the confirmation was not prominent or not there, the seller cannot rely on it.',
        ),
      ],
    },
    {
      id: 'read-the-policy',
      name: zhEn('商家政策', "Vendor's policy"),
      outcome: 'negotiable',
      refund: null,
      claimWith: 'vendor',
      summary: zhEn(
        '不同软件的退款规定不同，通常写在用户协议或产品说明中：先确认退款条件和流程，再带着证据尽早申请。',
        'Refund rules differ between products and are usually in the user agreement or product page: confirm the conditions and the process, then ask early with evidence.',
      ),
      citations: [C.policy, C.flow],
      evidence: PROOF,
      channels: ['vendor-support'],
      nextSteps: [
        zhEn('找到商家的退款政策并保存快照。', "Find the vendor's refund policy and save a snapshot of it."),
        zhEn(
          '通过官网、客服电话或邮件联系，提供订单号、付款时间和账户，说明原因。',
          'Contact them through the site, phone or email with the order number, payment time and account, and explain why.',
        ),
        zhEn(
          '退款申请表通常需要：退款原因、退款金额、证明材料。',
          'Refund forms usually ask for: the reason, the amount, and proof.',
        ),
      ],
    },
  ],
  channels: [
    {
      id: 'vendor-support',
      kind: 'email',
      name: zhEn('商家官方客服（官网、客服电话、邮件）', "The vendor's official support (site, phone, email)"),
      value: null,
      citations: [C.flow],
    },
  ],
  advice: [
    {
      id: 'keep-proof',
      text: zhEn(
        '保留证据：订单信息、付款证明、发票、沟通记录；提供账户信息时注意信息安全。',
        'Keep proof: order details, payment record, invoice, conversations; be careful with account details you share.',
      ),
      citations: [C.timing],
    },
    {
      id: 'negotiation',
      text: zhEn(
        '协商时保持冷静礼貌、提供充分证据；无法达成一致时可寻求第三方调解。',
        'When negotiating stay calm and polite and bring full evidence; if you cannot agree, seek a third party to mediate.',
      ),
      citations: [C.negotiate],
    },
    escalationAdvice,
  ],
});
