import type { Locale } from '../i18n';
import type { CheckoutFields } from '../extract/checkout';
import { termMonths } from '../extract/normalize';
import { citationTitle } from '../policy/sources';
import { localize, t, type LocalizedText } from '../policy/text';
import type { Citation } from '../policy/schema';

/** Contract 2 in DESIGN.md: the `data-flag` ids of the risks the card shows. */
export const RISK_FLAGS = ['non-refundable-promo', 'auto-renew', 'multi-year', 'reseller-verbal-promise', 'no-refund-after-activation', 'third-party-store'] as const;
export type RiskFlagId = (typeof RISK_FLAGS)[number];

const S000 = '000_b578c39791e62d25.txt';
const S003 = '003_0b8ab3fa7a8ff686.txt';

interface FlagAdvice {
  title: LocalizedText;
  advice: LocalizedText;
  citations: readonly Citation[];
}

/**
 * One line of advice per risk, per vendor where the sources differ ('*' for
 * every other vendor). Each cites the clause it rests on.
 */
const ADVICE: Record<RiskFlagId, Record<string, FlagAdvice>> = {
  'non-refundable-promo': {
    'tencent-cloud': {
      title: t('活动价：写明不支持退款', 'Promotion marked non-refundable'),
      advice: t('活动规则优先，付款后连五天无理由退还也不适用；确认能接受再买，并保存此页。', 'Campaign rules win: not even the five-day refund applies after paying. Buy only if you accept that, and save this page.'),
      citations: [{ source: 'FACTS.md', clause: 'Tencent Cloud refunds: campaign rules override' }],
    },
    letsvpn: {
      title: t('特价套餐不支持退款', 'Special-offer plan is non-refundable'),
      advice: t('标注“不支持退款”的特价套餐不在退款范围内；不确定能否使用，先用 24 小时体验。', 'Plans marked "no refund" are outside the refund policy; if unsure it works for you, use the 24-hour trial first.'),
      citations: [{ source: S003, clause: '不符合退款条件：特价活动明确标注“不支持退款”的产品' }],
    },
    '*': {
      title: t('页面写明不支持退款', 'The page says no refunds'),
      advice: t('商家须在下单时显著提示并经你确认才能排除退货；保存此页，留下提示与确认的证据。', 'A seller may exclude returns only with a prominent notice you confirm at checkout; save this page as proof of what was shown.'),
      citations: [{ source: 'FACTS.md', clause: 'Chinese consumer law: interim measures for 7-day returns (2017-03-15)' }],
    },
  },
  'auto-renew': {
    'tencent-cloud': {
      title: t('已勾选自动续费', 'Auto-renew is on'),
      advice: t('到期会自动扣费续费，而续费订单不适用五天无理由退还；不需要就取消勾选。', 'It renews and charges at expiry, and renewals do not get the five-day refund; untick it if you do not need it.'),
      citations: [{ source: 'FACTS.md', clause: 'Tencent Cloud refunds: five-day no-reason full refund (五天无理由退还)' }],
    },
    '*': {
      title: t('自动续费已开启', 'Auto-renew is on'),
      advice: t('到期前会自动扣费；先读《自动续费规则》，记下关闭自动续费的位置。', 'You will be charged again before expiry; read the auto-renewal terms and note where to switch it off.'),
      citations: [{ source: S000, clause: '购买建议：仔细阅读服务协议（《自动续费规则》）' }],
    },
  },
  'multi-year': {
    'tencent-cloud': {
      title: t('多年期订单', 'Multi-year term'),
      advice: t('五天后退还只按实付减已用部分（按当前价格与折扣计算），多年期折扣越大，能退的越少。', 'After five days a refund is only paid minus used (at current price and discount): the deeper the multi-year discount, the less comes back.'),
      citations: [{ source: 'FACTS.md', clause: 'Tencent Cloud refunds: partial refund (普通自助退还)' }],
    },
    '*': {
      title: t('多年期订单', 'Multi-year term'),
      advice: t('开通后通常不退；有用户买了促销三年套餐，用了一个月申诉被拒。先用免费版或短期套餐试用。', 'Usually not refundable once started: a buyer of a promotional three-year plan was refused after a month. Try the free or a short plan first.'),
      citations: [{ source: S000, clause: '真实用户案例：张总（促销三年套餐，使用一个月后申诉被拒）' }],
    },
  },
  'reseller-verbal-promise': {
    '*': {
      title: t('代理商的退款承诺', "A reseller's refund promise"),
      advice: t('代理商承诺只约束代理商、不约束厂商；请索取书面凭证（合同或订单条款）并保存此页。', "A reseller's promise binds the reseller, not the vendor: get it in writing (contract or order terms) and save this page."),
      citations: [
        { source: S000, clause: '例外：通过第三方代理商购买，享有额外退换权益' },
        { source: S000, clause: '真实用户案例：王女士（代理商口头承诺，拿回全款）' },
      ],
    },
  },
  'no-refund-after-activation': {
    'tencent-exmail': {
      title: t('开通后原则上不退款', 'No refund once activated'),
      advice: t('验证域名、创建管理员或添加成员任一操作即算开通；付款后先别操作，确认要用再开通。', 'Verifying the domain, creating an admin or adding members counts as activation: hold off after paying until you are sure.'),
      citations: [
        { source: S000, clause: '《服务协议》第8.3条（开通付费服务后已付费用不予退还）' },
        { source: S000, clause: '例外：服务尚未激活或未开始使用' },
      ],
    },
    '*': {
      title: t('下载或激活后不可退', 'No returns once downloaded or activated'),
      advice: t('已下载的软件等数字商品不适用七日无理由退货；激活前先确认兼容与授权范围。', 'Downloaded software and other digital goods are outside the 7-day no-reason return; check compatibility and licence scope before activating.'),
      citations: [{ source: 'FACTS.md', clause: 'Chinese consumer law: CRPL art. 25' }],
    },
  },
  'third-party-store': {
    '*': {
      title: t('应用商店购买', 'Bought through an app store'),
      advice: t('应用商店里的购买只能向商店（Apple / Google Play）申请退款，商家无法直接退。', 'In-store purchases are refunded by the store (Apple / Google Play) only; the vendor cannot refund them.'),
      citations: [
        { source: S003, clause: 'FAQ Q2（App Store、Google Play 购买向平台申请）' },
        { source: 'FACTS.md', clause: 'URLs and page kinds: Apple / Google Play refunds' },
      ],
    },
  },
};

export interface RiskFlag {
  id: RiskFlagId;
  title: string;
  advice: string;
  /** What on the page raised it (the promotion's words, the term …), as text. */
  evidence: string | null;
  citations: { title: string; source: string; clause?: string }[];
}

/** The advice table, for tests that hold every entry to a citation. */
export function flagAdviceEntries(): { id: RiskFlagId; vendor: string; citations: readonly Citation[] }[] {
  return RISK_FLAGS.flatMap((id) => Object.entries(ADVICE[id]).map(([vendor, entry]) => ({ id, vendor, citations: entry.citations })));
}

function flag(id: RiskFlagId, vendor: string, evidence: string | null, locale: Locale): RiskFlag {
  const entry = ADVICE[id][vendor] ?? ADVICE[id]['*']!;
  return {
    id,
    title: localize(entry.title, locale),
    advice: localize(entry.advice, locale),
    evidence,
    citations: entry.citations.map((c) => ({ title: citationTitle(c, locale), source: c.source, ...(c.clause ? { clause: c.clause } : {}) })),
  };
}

/**
 * The risks a purchase page shows, in contract order. Only what the page
 * itself shows raises a flag; nothing is assumed.
 */
export function riskFlags(vendor: string, fields: Partial<CheckoutFields>, locale: Locale): RiskFlag[] {
  const out: RiskFlag[] = [];
  if (fields.promoText) out.push(flag('non-refundable-promo', vendor, fields.promoText, locale));
  if (fields.autoRenew === true) out.push(flag('auto-renew', vendor, null, locale));
  const months = termMonths(fields.term);
  if (months !== null && months > 12) out.push(flag('multi-year', vendor, fields.term ?? null, locale));
  if (fields.resellerPromise || fields.channel === 'reseller') out.push(flag('reseller-verbal-promise', vendor, fields.resellerPromise ?? null, locale));
  if (vendor === 'tencent-exmail' || fields.digitalGoodsNotice) out.push(flag('no-refund-after-activation', vendor, fields.digitalGoodsNotice ?? null, locale));
  if (fields.channel === 'app-store' || fields.channel === 'google-play') out.push(flag('third-party-store', vendor, null, locale));
  return out;
}
