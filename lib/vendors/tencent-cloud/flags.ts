import type { VendorFlags } from '../../card/flags';
import { zhEn } from '../../policy/text';

/** What the card advises on a Tencent Cloud purchase page where it differs from the generic advice (FACTS.md, Tencent Cloud refunds). */
export const tencentCloudFlags: VendorFlags = {
  vendor: 'tencent-cloud',
  advice: {
    'non-refundable-promo': {
      title: zhEn('活动价：写明不支持退款', 'Promotion marked non-refundable'),
      advice: zhEn(
        '活动规则优先，付款后连五天无理由退还也不适用；确认能接受再买，并保存此页。',
        'Campaign rules win: not even the five-day refund applies after paying. Buy only if you accept that, and save this page.',
      ),
      citations: [{ source: 'FACTS.md', clause: 'Tencent Cloud refunds: campaign rules override' }],
    },
    'auto-renew': {
      title: zhEn('已勾选自动续费', 'Auto-renew is on'),
      advice: zhEn(
        '到期会自动扣费续费，而续费订单不适用五天无理由退还；不需要就取消勾选。',
        'It renews and charges at expiry, and renewals do not get the five-day refund; untick it if you do not need it.',
      ),
      citations: [
        { source: 'FACTS.md', clause: 'Tencent Cloud refunds: five-day no-reason full refund (五天无理由退还)' },
      ],
    },
    'multi-year': {
      title: zhEn('多年期订单', 'Multi-year term'),
      advice: zhEn(
        '五天后退还只按实付减已用部分（按当前价格与折扣计算），多年期折扣越大，能退的越少。',
        'After five days a refund is only paid minus used (at current price and discount): the deeper the multi-year discount, the less comes back.',
      ),
      citations: [{ source: 'FACTS.md', clause: 'Tencent Cloud refunds: partial refund (普通自助退还)' }],
    },
    'renewal-no-five-day': {
      title: zhEn('本单不享受五天无理由退款', 'This renewal gets no five-day no-reason refund'),
      advice: zhEn(
        '续费订单不适用五天无理由退还；续费后如需退还，只按实付减已用部分（按当前价格与折扣计算）退回余额。续费前先确认时长。',
        'Renewals do not qualify for the five-day no-reason refund; refunded later, they return only paid minus used (at current price and discount) to the balance. Settle the term before renewing.',
      ),
      citations: [
        { source: 'FACTS.md', clause: 'Tencent Cloud refunds: five-day no-reason full refund (五天无理由退还)' },
        { source: 'FACTS.md', clause: 'Tencent Cloud refunds: partial refund (普通自助退还)' },
      ],
    },
  },
};
