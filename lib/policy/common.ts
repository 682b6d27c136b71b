import { CITE } from './cite';
import { zhEn } from './text';
import type { PolicyPackInput } from './schema';

type RuleInput = PolicyPackInput['rules'][number];
type AdviceInput = NonNullable<PolicyPackInput['advice']>[number];

// Re-exported for the packs: both live in files of their own, which the worker's build ships as data.
export { CITE } from './cite';
export { SHARED_CHANNELS } from './shared-channels';

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
