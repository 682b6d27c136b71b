import { z } from '../zod';
import { isIsoMonth, parseInstant } from '../time/zone';
import { zhEn, type LocalizedText } from '../policy/text';

/** Contract 1 fact values (DESIGN.md), extended where a pack needs more. */
export const CHANNELS = ['official', 'reseller', 'app-store', 'google-play'] as const;
export const REASONS = [
  'changed-mind',
  'dissatisfied',
  'outage',
  'wrong-plan',
  'duplicate-charge',
  'wrong-amount',
  'incompatible',
  'defect',
  'not-as-described',
  'user-error',
  // extension: seed 000's third mistake case, "开票信息填写错误导致重新下单"
  'invoice-error',
] as const;
export const OUTAGE_CAUSES = ['vendor', 'force-majeure', 'user-side', 'dns-misconfiguration'] as const;
export const BILLING_MODES = ['prepaid', 'pay-as-you-go'] as const;
/** What an order page says the order is (lib/claims/order-facts reads it): a conversion is pay-as-you-go turned prepaid. */
export const ORDER_TYPES = ['new', 'renewal', 'upgrade', 'downgrade', 'conversion'] as const;
export const ITEM_KINDS = ['goods', 'digital-download', 'online-service'] as const;
export const PAYMENT_METHODS = ['card', 'alipay', 'wechat', 'other'] as const;

const isoInstant = z.string().check(
  z.refine((v) => parseInstant(v) !== null, {
    message: 'must be an ISO date or date-time, e.g. 2026-03-01 or 2026-03-01T10:00:00+08:00',
  }),
);
const money = z.number().check(z.nonnegative());

/**
 * The facts `evaluateClaim` reads. Every key but `vendor` and `purchasedAt`
 * is optional: a missing fact is unknown, never assumed. Keys a user-defined
 * pack invents are allowed through untouched.
 */
export const ClaimFactsSchema = z.looseObject({
  vendor: z.string().check(z.minLength(1)),
  purchasedAt: isoInstant,
  /** When the service/goods were delivered or opened (default: unknown; deadlines "from delivery" then use purchasedAt and say so). */
  deliveredAt: z.optional(isoInstant),
  channel: z.optional(z.enum(CHANNELS)),
  reason: z.optional(z.enum(REASONS)),
  activated: z.optional(z.boolean()),
  outageHours: z.optional(z.number().check(z.nonnegative())),
  outageCause: z.optional(z.enum(OUTAGE_CAUSES)),
  /** 快连: the interruption was large-scale (not a local or short fluctuation). */
  outageLargeScale: z.optional(z.boolean()),
  /** 快连: the interruption hit the user's own region. */
  outageInUserRegion: z.optional(z.boolean()),
  /** The month of the outage, for SLA claim windows when no `sla` result is given. */
  outageMonth: z.optional(z.string().check(z.refine(isIsoMonth, 'must be a month written YYYY-MM'))),
  /** When the outage began (its month decides the SLA claim window). */
  outageStart: z.optional(isoInstant),
  promoNonRefundable: z.optional(z.boolean()),
  /** Tencent Cloud: ordered through a promotion or referral channel (no self-service refund). */
  promotionChannel: z.optional(z.boolean()),
  terminatedForViolation: z.optional(z.boolean()),
  /** The reseller's refund promise; `false` when it promised nothing. */
  /** `days` is left out when the promise named no period (nothing is invented for it). */
  resellerPromise: z.optional(
    z.union([z.object({ days: z.optional(z.int().check(z.positive())), written: z.boolean() }), z.literal(false)]),
  ),
  supportContacted: z.optional(z.boolean()),
  firstNoReasonRefundUsed: z.optional(z.boolean()),
  renewal: z.optional(z.boolean()),
  /** The order's type as its page shows it; `renewal` stays the packs' "not a new purchase" fact. */
  orderType: z.optional(z.enum(ORDER_TYPES)),
  billing: z.optional(z.enum(BILLING_MODES)),
  /** Tencent Cloud: a pay-as-you-go instance later converted to prepaid. */
  convertedFromPayAsYouGo: z.optional(z.boolean()),
  /** Tencent Cloud CVM: the instance family, e.g. "S5", "SN2" (some have no self-service return). */
  instanceFamily: z.optional(z.string().check(z.minLength(1))),
  /** Tencent Cloud CVM: the pay-as-you-go price of the same configuration, CNY per hour (the used part is valued at it). */
  payAsYouGoHourlyPrice: z.optional(money),
  /** Tencent Cloud: what was paid for orders of this resource that have not started yet (renewals), refunded whole. */
  notStartedOrdersPaid: z.optional(money),
  /** When the app was downloaded (快连's trial runs from download). */
  downloadedAt: z.optional(isoInstant),
  newUser: z.optional(z.boolean()),
  trialOffered: z.optional(z.boolean()),
  trialHours: z.optional(z.number().check(z.positive())),
  requestWindowDays: z.optional(z.int().check(z.positive())),
  itemKind: z.optional(z.enum(ITEM_KINDS)),
  boughtOnline: z.optional(z.boolean()),
  confirmedNonReturnable: z.optional(z.boolean()),
  vendorRefused: z.optional(z.boolean()),
  paymentMethod: z.optional(z.enum(PAYMENT_METHODS)),
  /** The seller's company name, for tickets and complaints (user-defined and generic vendors). */
  vendorName: z.optional(z.string()),
  orderId: z.optional(z.string()),
  product: z.optional(z.string()),
  amountPaid: z.optional(money),
  /** Part of the price covered by vouchers/coupons (never refunded, never in SLA fees). */
  amountPaidWithVouchers: z.optional(money),
  termMonths: z.optional(z.int().check(z.positive())),
  account: z.optional(z.string()),
  contact: z.optional(
    z.object({
      name: z.optional(z.string()),
      phone: z.optional(z.string()),
      email: z.optional(z.string()),
      contactTime: z.optional(z.string()),
    }),
  ),
  sla: z.optional(z.record(z.string(), z.unknown())),
});

export type ClaimFacts = z.infer<typeof ClaimFactsSchema>;

/** Facts with a documented default (contract 1: channel defaults to official). */
export const FACT_DEFAULTS: Readonly<Record<string, unknown>> = { channel: 'official' };

export interface FactQuestion {
  text: LocalizedText;
  type: 'boolean' | 'number' | 'enum' | 'date' | 'month' | 'object';
  options?: readonly { value: string; label: LocalizedText }[];
}

const yesNo = 'boolean' as const;

/** How the popup asks for a fact it still needs. */
export const FACT_QUESTIONS: Record<string, FactQuestion> = {
  reason: {
    type: 'enum',
    text: zhEn('为什么要退款？', 'Why do you want a refund?'),
    options: [
      { value: 'changed-mind', label: zhEn('不想要了 / 改变主意', 'Changed my mind') },
      { value: 'dissatisfied', label: zhEn('对服务不满意', 'Not satisfied with the service') },
      { value: 'outage', label: zhEn('服务故障 / 中断', 'Outage / service interruption') },
      { value: 'wrong-plan', label: zhEn('买错套餐 / 年限', 'Bought the wrong plan or term') },
      { value: 'duplicate-charge', label: zhEn('重复扣款', 'Charged twice') },
      { value: 'wrong-amount', label: zhEn('扣款金额错误', 'Charged the wrong amount') },
      { value: 'invoice-error', label: zhEn('开票信息错误需重新下单', 'Invoice details wrong, had to re-order') },
      { value: 'incompatible', label: zhEn('与设备 / 系统不兼容', 'Incompatible with my device or system') },
      { value: 'defect', label: zhEn('软件严重缺陷，无法正常使用', 'Severe defect, cannot be used') },
      { value: 'not-as-described', label: zhEn('与宣传不符', 'Not as described') },
      { value: 'user-error', label: zhEn('自己操作失误', 'My own mistake') },
    ],
  },
  channel: {
    type: 'enum',
    text: zhEn('在哪里购买的？', 'Where did you buy it?'),
    options: [
      { value: 'official', label: zhEn('官网 / 官方控制台', 'Official site / console') },
      { value: 'reseller', label: zhEn('代理商 / 渠道商', 'A reseller') },
      { value: 'app-store', label: zhEn('苹果 App Store', 'Apple App Store') },
      { value: 'google-play', label: zhEn('Google Play', 'Google Play') },
    ],
  },
  activated: {
    type: yesNo,
    text: zhEn(
      '是否已启用？（已验证域名、已创建管理员或已添加成员，任一即算）',
      'Has it been set up? (domain verified, admin created, or members added — any one counts)',
    ),
  },
  outageHours: {
    type: 'number',
    text: zhEn('最长一次连续故障有多少小时？', 'How many hours did the longest continuous outage last?'),
  },
  outageCause: {
    type: 'enum',
    text: zhEn('故障原因在哪一方？', 'Whose side was the outage on?'),
    options: [
      { value: 'vendor', label: zhEn('服务商（服务器、系统、网络故障）', "The vendor's (servers, system, network)") },
      { value: 'force-majeure', label: zhEn('不可抗力', 'Force majeure') },
      { value: 'user-side', label: zhEn('我方网络、设备或配置', 'My own network, device or configuration') },
      { value: 'dns-misconfiguration', label: zhEn('域名解析（DNS）配置错误', 'A wrong domain (DNS) configuration') },
    ],
  },
  outageMonth: {
    type: 'month',
    text: zhEn('故障发生在哪个月？（YYYY-MM）', 'In which month was the outage? (YYYY-MM)'),
  },
  promoNonRefundable: {
    type: yesNo,
    text: zhEn(
      '购买时活动页面是否写明“不支持退款”？',
      'Did the campaign or promotion say "no refund" when you bought?',
    ),
  },
  terminatedForViolation: {
    type: yesNo,
    text: zhEn('服务是否因违反协议被终止？', 'Was the service terminated for a breach of the terms?'),
  },
  resellerPromise: {
    type: 'object',
    text: zhEn(
      '代理商是否承诺过可退款？承诺了几天、是否有书面记录？（没有承诺请填“无”）',
      'Did the reseller promise refunds? For how many days, and is it in writing? (answer "none" if it promised nothing)',
    ),
  },
  sla: {
    type: 'object',
    text: zhEn(
      '请先用故障记录计算当月 SLA（可用性与赔偿档位）。',
      "First compute the month's SLA from the outage log (availability and credit tier).",
    ),
  },
  outageStart: { type: 'date', text: zhEn('故障何时开始？', 'When did the outage start?') },
  supportContacted: {
    type: yesNo,
    text: zhEn('是否已联系客服 / 技术支持且问题仍未解决？', 'Have you contacted support without getting it fixed?'),
  },
  firstNoReasonRefundUsed: {
    type: yesNo,
    text: zhEn(
      '该账号主体是否已在同一产品上用过“五天无理由退还”？（每个账号每个产品一次；云服务器 CVM 限 1 台实例）',
      'Has this account holder already used the five-day no-reason refund on the same product? (Once per account per product; for CVM, one CVM instance.)',
    ),
  },
  renewal: { type: yesNo, text: zhEn('这是续费或升级订单吗？', 'Is this a renewal or upgrade order?') },
  billing: {
    type: 'enum',
    text: zhEn('计费方式是？', 'How is it billed?'),
    options: [
      { value: 'prepaid', label: zhEn('包年包月（预付费）', 'Prepaid (monthly/yearly)') },
      { value: 'pay-as-you-go', label: zhEn('按量计费', 'Pay-as-you-go') },
    ],
  },
  convertedFromPayAsYouGo: {
    type: yesNo,
    text: zhEn('该实例是否由按量计费转为包年包月？', 'Was this instance converted from pay-as-you-go to prepaid?'),
  },
  instanceFamily: {
    type: 'enum',
    text: zhEn('实例是哪个机型族？', 'Which instance family is it?'),
    options: [
      { value: 'SN2', label: zhEn('标准网络增强型 SN2', 'Network-enhanced standard SN2') },
      { value: 'CN2', label: zhEn('计算网络增强型 CN2', 'Network-enhanced compute CN2') },
      { value: 'FX2', label: zhEn('FPGA 计算型 FX2', 'FPGA compute FX2') },
      { value: 'other', label: zhEn('其他机型', 'Another family') },
    ],
  },
  payAsYouGoHourlyPrice: {
    type: 'number',
    text: zhEn(
      '同配置按量计费实例的单价是多少（元 / 小时）？（购买页可查）',
      'What is the pay-as-you-go price of the same configuration (CNY per hour)? (shown on the purchase page)',
    ),
  },
  notStartedOrdersPaid: {
    type: 'number',
    text: zhEn(
      '该实例还有尚未开始的续费订单吗？付了多少？',
      'Does the instance have renewal orders that have not started yet? How much was paid for them?',
    ),
  },
  downloadedAt: {
    type: 'date',
    text: zhEn(
      '何时下载了应用？（体验期从下载起算）',
      'When did you download the app? (The trial runs from download.)',
    ),
  },
  outageLargeScale: {
    type: yesNo,
    text: zhEn(
      '这次中断是大规模的吗？（不是局部或短时波动）',
      'Was the interruption large-scale (not a local or short fluctuation)?',
    ),
  },
  outageInUserRegion: {
    type: yesNo,
    text: zhEn('中断是否发生在你所在的地区？', 'Did the interruption hit your own region?'),
  },
  newUser: { type: yesNo, text: zhEn('你是第一次购买的新用户吗？', 'Is this your first purchase (new user)?') },
  trialOffered: {
    type: yesNo,
    text: zhEn('购买时的套餐条款是否提供体验期退款？', "Did the plan's terms at purchase offer a trial-period refund?"),
  },
  trialHours: {
    type: 'number',
    text: zhEn('套餐条款写的体验期是多少小时？', "How many hours is the plan's trial period?"),
  },
  requestWindowDays: {
    type: 'number',
    text: zhEn(
      '套餐条款写的退款申请期限是几天？（通常 7–30 天）',
      "How many days does your plan's terms allow for refund requests? (usually 7–30)",
    ),
  },
  itemKind: {
    type: 'enum',
    text: zhEn('买的是什么？', 'What did you buy?'),
    options: [
      { value: 'goods', label: zhEn('实物商品（含实体介质软件）', 'Physical goods (including boxed software)') },
      {
        value: 'digital-download',
        label: zhEn('在线下载的数字商品（软件、音视频）', 'A digital download (software, audio, video)'),
      },
      { value: 'online-service', label: zhEn('在线服务 / 订阅 / 课程', 'An online service, subscription or course') },
    ],
  },
  boughtOnline: { type: yesNo, text: zhEn('是在网上购买的吗？', 'Did you buy it online?') },
  confirmedNonReturnable: {
    type: yesNo,
    text: zhEn(
      '结账时是否勾选 / 确认过“不适用七天无理由退货”？',
      'At checkout, did you confirm it is not returnable (7-day rule excluded)?',
    ),
  },
  vendorRefused: { type: yesNo, text: zhEn('商家是否已拒绝退款？', 'Has the vendor already refused?') },
  deliveredAt: { type: 'date', text: zhEn('何时收到 / 开通？', 'When was it delivered / opened?') },
};

export function factQuestion(
  fact: string,
  packQuestions?: Record<string, { text: LocalizedText | string }>,
): FactQuestion {
  const known = FACT_QUESTIONS[fact];
  if (known) return known;
  const custom = packQuestions?.[fact];
  if (custom) {
    const text = typeof custom.text === 'string' ? { 'zh-CN': custom.text, en: custom.text } : custom.text;
    return { type: 'object', text };
  }
  return { type: 'object', text: zhEn(`请补充：${fact}`, `Please provide: ${fact}`) };
}
