import type { FlagAdvice, RiskFlagId, VendorFlags } from '../../card/flags';
import { zhEn } from '../../policy/text';

const S000 = '000_b578c39791e62d25.txt';
const S003 = '003_0b8ab3fa7a8ff686.txt';

/**
 * The card's advice on each risk for any vendor whose own definition says
 * nothing more specific (user-defined vendors too). Each cites the clause it
 * rests on.
 */
export const genericSoftwareFlags: VendorFlags & { advice: Record<RiskFlagId, FlagAdvice> } = {
  vendor: 'generic-software',
  advice: {
    'non-refundable-promo': {
      title: zhEn('页面写明不支持退款', 'The page says no refunds'),
      advice: zhEn(
        '商家须在下单时显著提示并经你确认才能排除退货；保存此页，留下提示与确认的证据。',
        'A seller may exclude returns only with a prominent notice you confirm at checkout; save this page as proof of what was shown.',
      ),
      citations: [
        { source: 'FACTS.md', clause: 'Chinese consumer law: interim measures for 7-day returns (2017-03-15)' },
      ],
    },
    'auto-renew': {
      title: zhEn('自动续费已开启', 'Auto-renew is on'),
      advice: zhEn(
        '到期前会自动扣费；先读《自动续费规则》，记下关闭自动续费的位置。',
        'You will be charged again before expiry; read the auto-renewal terms and note where to switch it off.',
      ),
      citations: [{ source: S000, clause: '购买建议：仔细阅读服务协议（《自动续费规则》）' }],
    },
    'multi-year': {
      title: zhEn('多年期订单', 'Multi-year term'),
      advice: zhEn(
        '开通后通常不退；有用户买了促销三年套餐，用了一个月申诉被拒。先用免费版或短期套餐试用。',
        'Usually not refundable once started: a buyer of a promotional three-year plan was refused after a month. Try the free or a short plan first.',
      ),
      citations: [{ source: S000, clause: '真实用户案例：张总（促销三年套餐，使用一个月后申诉被拒）' }],
    },
    'reseller-verbal-promise': {
      title: zhEn('代理商的退款承诺', "A reseller's refund promise"),
      advice: zhEn(
        '代理商承诺只约束代理商、不约束厂商；请索取书面凭证（合同或订单条款）并保存此页。',
        "A reseller's promise binds the reseller, not the vendor: get it in writing (contract or order terms) and save this page.",
      ),
      citations: [
        { source: S000, clause: '例外：通过第三方代理商购买，享有额外退换权益' },
        { source: S000, clause: '真实用户案例：王女士（代理商口头承诺，拿回全款）' },
      ],
    },
    'no-refund-after-activation': {
      title: zhEn('下载或激活后不可退', 'No returns once downloaded or activated'),
      advice: zhEn(
        '已下载的软件等数字商品不适用七日无理由退货；激活前先确认兼容与授权范围。',
        'Downloaded software and other digital goods are outside the 7-day no-reason return; check compatibility and licence scope before activating.',
      ),
      citations: [{ source: 'FACTS.md', clause: 'Chinese consumer law: CRPL art. 25' }],
    },
    'third-party-store': {
      title: zhEn('应用商店购买', 'Bought through an app store'),
      advice: zhEn(
        '应用商店里的购买只能向商店（Apple / Google Play）申请退款，商家无法直接退。',
        'In-store purchases are refunded by the store (Apple / Google Play) only; the vendor cannot refund them.',
      ),
      citations: [
        { source: S003, clause: 'FAQ Q2（App Store、Google Play 购买向平台申请）' },
        { source: 'FACTS.md', clause: 'URLs and page kinds: Apple / Google Play refunds' },
      ],
    },
    'renewal-no-five-day': {
      title: zhEn('续费不适用无理由退款', 'Renewals get no no-reason refund'),
      advice: zhEn(
        '页面写明续费不适用无理由退款：先确认续费时长再付款；续费后退款通常只按未使用部分计算。',
        'The page says a renewal gets no no-reason refund: settle the term before paying; a renewal is usually refunded only for the unused part.',
      ),
      citations: [{ source: '004_d4e4eea1fdf0fe9a.txt', clause: '了解退款政策与条件' }],
    },
  },
};
