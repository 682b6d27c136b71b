import type { VendorFlags } from '../../card/flags';
import { zhEn } from '../../policy/text';

const S003 = '003_0b8ab3fa7a8ff686.txt';

/** What the card advises on a 快连 purchase page where it differs from the generic advice (seed 003). */
export const letsvpnFlags: VendorFlags = {
  vendor: 'letsvpn',
  advice: {
    'non-refundable-promo': {
      title: zhEn('特价套餐不支持退款', 'Special-offer plan is non-refundable'),
      advice: zhEn(
        '标注“不支持退款”的特价套餐不在退款范围内；不确定能否使用，先用 24 小时体验。',
        'Plans marked "no refund" are outside the refund policy; if unsure it works for you, use the 24-hour trial first.',
      ),
      citations: [{ source: S003, clause: '不符合退款条件：特价活动明确标注“不支持退款”的产品' }],
    },
  },
};
