import { zhEn } from './text';
import type { PolicyChannel, PolicyPackInput } from './schema';

type RuleInput = PolicyPackInput['rules'][number];
type AdviceInput = NonNullable<PolicyPackInput['advice']>[number];

/** Citations used by more than one pack. */
export const CITE = {
  appleGoogle: { source: 'FACTS.md', clause: 'URLs and page kinds: Apple / Google Play refunds' },
  consumerLaw: { source: 'FACTS.md', clause: 'Chinese consumer law: CRPL art. 25' },
  sevenDayMeasures: {
    source: 'FACTS.md',
    clause: 'Chinese consumer law: interim measures for 7-day returns (2017-03-15)',
  },
  escalation: { source: 'FACTS.md', clause: 'Chinese consumer law: escalation (12315, 黑猫投诉)' },
  seed004Escalation: {
    source: '004_d4e4eea1fdf0fe9a.txt',
    clause: '与卖家沟通协商 (寻求第三方协助); 导语 (消费者权益保护部门)',
  },
} as const;

/**
 * Channels any pack may reference (their ids are in SHARED_CHANNEL_IDS).
 * The app stores run their own refund processes; 12315 and 黑猫投诉 are where a
 * refused consumer escalates.
 */
export const SHARED_CHANNELS: readonly PolicyChannel[] = [
  {
    id: 'apple-report-a-problem',
    kind: 'web-form',
    name: zhEn('Apple 退款申请（reportaproblem.apple.com）', 'Apple refund request (reportaproblem.apple.com)'),
    value: 'https://reportaproblem.apple.com',
    note: zhEn(
      '登录 → 申请退款 → 选择原因 → 选择项目；通常 24–48 小时内答复；待处理的扣款需先完成。',
      'Sign in → Request a refund → choose a reason → choose the item; usually answered within 24–48 h; a pending charge must clear first.',
    ),
    citations: [CITE.appleGoogle],
  },
  {
    id: 'google-play-order-history',
    kind: 'web-form',
    name: zhEn(
      'Google Play 订单记录（play.google.com/store/account）',
      'Google Play order history (play.google.com/store/account)',
    ),
    value: 'https://play.google.com/store/account',
    note: zhEn(
      '提示（未确认）：购买后约 48 小时内通常可由 Google 退款，之后由开发者决定。',
      'Hint (unconfirmed): within about 48 h of purchase Google can usually refund; later the developer decides.',
    ),
    citations: [CITE.appleGoogle],
  },
  {
    id: 'complaint-12315',
    kind: 'complaint',
    name: zhEn('全国 12315 市场监管投诉平台', 'The 12315 market-regulation complaint platform'),
    value: '12315',
    note: zhEn(
      '监管部门在 7 个工作日内决定是否受理；调解 45 个工作日未达成协议即终止（二手来源）。',
      'The authority decides within 7 working days whether to accept; mediation ends after 45 working days without agreement (secondary source).',
    ),
    citations: [CITE.escalation],
  },
  {
    id: 'complaint-heimao',
    kind: 'complaint',
    name: zhEn('新浪黑猫投诉', 'Sina 黑猫投诉 (Black Cat complaints)'),
    value: null,
    note: zhEn(
      '需填写：被投诉企业、订单号、投诉理由，并上传证据。',
      'Asks for: the company, the order number, the reason, and evidence uploads.',
    ),
    citations: [CITE.escalation],
  },
];

/**
 * A purchase made through an app store is refunded by the store (seed 003
 * FAQ Q2 for 快连; FACTS.md for Apple's and Google's processes). These rules
 * come first in packs whose products are sold in stores, so they beat every
 * vendor rule: the vendor cannot refund a store purchase.
 */
export function storeRules(vendorCitation: { source: string; clause?: string }): RuleInput[] {
  return [
    {
      id: 'app-store-purchase',
      name: zhEn('苹果 App Store', 'App Store'),
      when: { fact: 'channel', is: 'app-store' },
      outcome: 'negotiable',
      refund: null,
      claimWith: 'apple',
      summary: zhEn(
        '通过 App Store 购买的，退款须向苹果申请，按苹果的规则处理；商家无法直接退款。',
        'Bought through the App Store: the refund is requested from Apple under its rules; the vendor cannot refund it.',
      ),
      citations: [vendorCitation, CITE.appleGoogle],
      evidence: ['store-receipt', 'problem-description'],
      channels: ['apple-report-a-problem'],
      nextSteps: [
        zhEn(
          '打开 reportaproblem.apple.com，登录购买时的 Apple ID。',
          'Open reportaproblem.apple.com and sign in with the Apple ID used for the purchase.',
        ),
        zhEn(
          '选择“申请退款”，选原因，再选这笔订阅 / 购买项目。',
          'Choose "Request a refund", pick a reason, then the subscription or item.',
        ),
        zhEn(
          '苹果通常在 24–48 小时内答复；若扣款仍在处理中，需等其完成后再申请。',
          'Apple usually answers within 24–48 h; if the charge is still pending, wait for it to clear first.',
        ),
      ],
    },
    {
      id: 'google-play-purchase',
      name: zhEn('Google Play 商店', 'Google Play'),
      when: { fact: 'channel', is: 'google-play' },
      outcome: 'negotiable',
      refund: null,
      claimWith: 'google',
      summary: zhEn(
        '通过 Google Play 购买的，退款须向 Google Play 申请，按其规则处理；商家无法直接退款。',
        'Bought through Google Play: the refund is requested from Google Play under its rules; the vendor cannot refund it.',
      ),
      citations: [vendorCitation, CITE.appleGoogle],
      evidence: ['store-receipt', 'problem-description'],
      channels: ['google-play-order-history'],
      nextSteps: [
        zhEn(
          '打开 play.google.com/store/account 的订单记录，找到这笔订单并申请退款。',
          'Open the order history at play.google.com/store/account, find the order and ask for a refund.',
        ),
        zhEn(
          '提示（未确认）：购买后约 48 小时内通常可由 Google 直接退款，之后由开发者决定——尽早申请。',
          'Hint (unconfirmed): within about 48 h Google can usually refund directly; later the developer decides — ask early.',
        ),
      ],
    },
    {
      // An exception without `blocks`: it rules out every vendor route after it.
      id: 'store-purchase-not-vendor',
      name: zhEn('商家无法退款', 'Not the vendor’s to refund'),
      when: { fact: 'channel', in: ['app-store', 'google-play'] },
      outcome: 'not-eligible',
      refund: null,
      claimWith: 'vendor',
      summary: zhEn(
        '应用商店的购买只能由商店退款：商家自己的退款规则不适用。',
        "A store purchase can only be refunded by the store: the vendor's own refund rules do not apply.",
      ),
      citations: [vendorCitation, CITE.appleGoogle],
      evidence: [],
      channels: [],
      nextSteps: [],
    },
  ];
}

/** When the vendor has refused, say where to escalate (every pack adds this). */
export const escalationAdvice: AdviceInput = {
  id: 'escalate-after-refusal',
  when: { fact: 'vendorRefused', is: true },
  text: zhEn(
    '商家已拒绝：可向全国 12315 平台投诉，或在黑猫投诉提交（企业、订单号、理由、证据）。先把拒绝记录截图保存。',
    'The vendor refused: you can complain to the 12315 platform, or file on 黑猫投诉 (company, order number, reason, evidence). Save the refusal as a screenshot first.',
  ),
  citations: [CITE.escalation, CITE.seed004Escalation],
};
