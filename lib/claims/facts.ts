import { z } from '../zod';
import { isIsoMonth, parseInstant } from '../time/zone';
import { engineWords } from '../i18n/engine';
import { lazyRecord } from '../lazy';
import type { LocalizedText } from '../policy/text';

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

/**
 * How the popup asks for a fact it still needs: the kind of answer, or the choices of an enum. The words are the engine
 * section's `engine.ask.<fact>`, and `engine.ask.<fact>.<choice>` for each choice.
 */
const ASK = {
  reason: [
    'changed-mind',
    'dissatisfied',
    'outage',
    'wrong-plan',
    'duplicate-charge',
    'wrong-amount',
    'invoice-error',
    'incompatible',
    'defect',
    'not-as-described',
    'user-error',
  ],
  channel: CHANNELS,
  activated: yesNo,
  outageHours: 'number',
  outageCause: OUTAGE_CAUSES,
  outageMonth: 'month',
  promoNonRefundable: yesNo,
  terminatedForViolation: yesNo,
  resellerPromise: 'object',
  sla: 'object',
  outageStart: 'date',
  supportContacted: yesNo,
  firstNoReasonRefundUsed: yesNo,
  renewal: yesNo,
  billing: BILLING_MODES,
  convertedFromPayAsYouGo: yesNo,
  instanceFamily: ['SN2', 'CN2', 'FX2', 'other'],
  payAsYouGoHourlyPrice: 'number',
  notStartedOrdersPaid: 'number',
  downloadedAt: 'date',
  outageLargeScale: yesNo,
  outageInUserRegion: yesNo,
  newUser: yesNo,
  trialOffered: yesNo,
  trialHours: 'number',
  requestWindowDays: 'number',
  itemKind: ITEM_KINDS,
  boughtOnline: yesNo,
  confirmedNonReturnable: yesNo,
  vendorRefused: yesNo,
  deliveredAt: 'date',
} as const satisfies Record<string, Exclude<FactQuestion['type'], 'enum'> | readonly string[]>;

type Asked = typeof ASK;
/** Every key the questions read; the typecheck fails on one the engine section does not hold. */
type AskKey = {
  [F in keyof Asked & string]:
    `engine.ask.${F}` | (Asked[F] extends readonly string[] ? `engine.ask.${F}.${Asked[F][number]}` : never);
}[keyof Asked & string];

function asked(fact: string, spec: Asked[keyof Asked]): FactQuestion {
  const text = engineWords(`engine.ask.${fact}` as AskKey);
  if (typeof spec === 'string') return { type: spec, text };
  return {
    type: 'enum',
    text,
    options: spec.map((value) => ({ value, label: engineWords(`engine.ask.${fact}.${value}` as AskKey) })),
  };
}

/** How the popup asks for a fact it still needs (worded on first use, like EVIDENCE_ITEMS). */
export const FACT_QUESTIONS: Record<string, FactQuestion> = lazyRecord(() =>
  Object.fromEntries(Object.entries(ASK).map(([fact, spec]) => [fact, asked(fact, spec)])),
);

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
  return { type: 'object', text: engineWords('engine.askOther', { fact }) };
}
