import type { Locale } from '../i18n';
import { evidenceChecklist, type ChecklistEntry, type ClaimSnapshot } from '../claims/evidence';
import { orderFacts } from '../claims/order-facts';
import { ClaimFactsSchema, type ClaimFacts } from '../claims/facts';
import { ClaimInputError, evaluateClaim, type Verdict } from '../claims/eligibility';
import type { BusinessCalendar, YearOverride } from '../time/calendar';
import { SHARED_CHANNELS } from '../policy/common';
import { packSetOf, type PackSet } from '../policy/registry';
import { citationTitle } from '../policy/sources';
import { formatMoney, joinList, localize, t, type LocalizedText, type Text } from '../policy/text';
import { parseInstant, shanghaiDateTime } from '../time/zone';
import type { RequestKind, TicketChannel, TicketTemplate } from './template';
import { FALLBACK_VENDOR, VENDORS } from '../vendors/catalog';

/** Ticket templates of the shipped vendors; user packs fall back to the generic (email) one. */
export const TICKET_TEMPLATES: Readonly<Record<string, TicketTemplate>> = Object.fromEntries(VENDORS.map((v) => [v.id, v.ticket]));

export type DraftTarget = 'vendor' | 'reseller' | 'apple' | 'google' | '12315' | 'heimao';

export interface TicketDraft {
  vendor: string;
  target: DraftTarget;
  channel: TicketChannel;
  url: string | null;
  title: string;
  /** Path of the vendor's ticket categories (or of the store's / platform's choices). */
  category: string[];
  description: string;
  /** Vendor form field name → value. */
  fields: Record<string, string>;
  /** The evidence to attach, ticked off from snapshots. */
  attachments: ChecklistEntry[];
  /** Another way to make the same request (e.g. Exmail's hotline), with what to say. */
  alternatives: { channel: 'phone'; number: string; script: string }[];
  notes: string[];
  locale: Locale;
}

export interface DraftOptions {
  /** Escalate instead of writing to the claim's own addressee (after a refusal). */
  target?: 'vendor' | '12315' | 'heimao';
  /** The pack set, or the user's packs as stored, when the verdict's vendor is one of them. */
  packs?: PackSet | readonly unknown[];
  /** Passed on when the verdict is re-read in another locale. */
  calendar?: BusinessCalendar;
  holidayOverrides?: readonly YearOverride[];
  /**
   * The evidence chain's head hash when the draft rests on stored evidence: the
   * description states it, so the vendor's ticket system timestamps the chain.
   */
  evidenceHead?: string;
}

const L = {
  order: t('订单信息', 'Order details'),
  orderId: t('订单号', 'Order number'),
  product: t('产品', 'Product'),
  account: t('账号', 'Account'),
  notGiven: t('（未提供）', '(not given)'),
  paid: t('实付金额', 'Amount paid'),
  amountAndDates: t('金额与日期', 'Amount and dates'),
  vouchers: t('其中代金券 / 优惠券抵扣', 'of which paid with vouchers/coupons'),
  purchased: t('购买时间', 'Purchased'),
  delivered: t('交付 / 开通时间', 'Delivered / opened'),
  situation: t('情况说明', 'What happened'),
  request: t('诉求', 'Request'),
  basis: t('依据', 'Basis'),
  deadline: t('期限', 'Deadline'),
  evidence: t('附件', 'Attached evidence'),
  evidenceHead: t('证据包链头哈希：{hash}', 'Evidence bundle chain head hash: {hash}'),
  contact: t('联系方式', 'Contact'),
  estimated: t('（估算）', ' (estimated)'),
  missingEvidence: t('尚缺证据：{items}', 'Evidence still missing: {items}'),
  slaOnlyTicket: t('SLA 赔偿只能通过工单申请：不要改用电话或邮件。', 'SLA compensation can only be claimed by ticket: do not switch to phone or email.'),
  notEligibleNote: t('按政策该申请通常不被支持：以下草稿请求人工复核，不保证结果。', 'Under the policy this is usually refused: the draft asks for a human review, with no guarantee.'),
  provisional: t('结论仍取决于未回答的问题：{facts}', 'The verdict still depends on unanswered questions: {facts}'),
  greeting: t('您好，', 'Hello,'),
  company: t('被投诉企业', 'Company complained about'),
  companyUnknown: t('（填写商家的公司名称）', "(the seller's company name)"),
  thanks: t('谢谢！', 'Thank you.'),
} satisfies Record<string, LocalizedText>;

const REASON_TEXT: Record<string, LocalizedText> = {
  'changed-mind': t('因业务调整不再需要该服务。', 'We no longer need the service.'),
  dissatisfied: t('服务未达到预期。', 'The service did not meet our expectations.'),
  outage: t('服务发生故障，无法正常使用。', 'The service failed and could not be used.'),
  'wrong-plan': t('下单时选错了套餐 / 年限。', 'The wrong plan or term was selected when ordering.'),
  'duplicate-charge': t('同一订单被重复扣款。', 'The same order was charged twice.'),
  'wrong-amount': t('扣款金额与订单金额不符。', 'The amount charged does not match the order.'),
  'invoice-error': t('开票信息填写错误，导致重新下单。', 'Invoice details were wrong, so the order had to be placed again.'),
  incompatible: t('软件与我们的设备 / 系统不兼容，技术支持也未能解决。', 'The software is incompatible with our device/system and support could not fix it.'),
  defect: t('软件存在严重缺陷，无法正常使用。', 'The software has severe defects and cannot be used.'),
  'not-as-described': t('实际功能与宣传不符。', 'The features do not match what was advertised.'),
  'user-error': t('因我方操作失误导致无法正常使用。', 'A mistake on our side made it unusable.'),
};

const REQUEST_TEXT: Record<string, LocalizedText> = {
  full: t('申请全额退款{amount}。', 'We ask for a full refund{amount}.'),
  'full-or-partial': t('申请全额退款，或至少部分退款{amount}。', 'We ask for a full refund, or at least a partial one{amount}.'),
  partial: t('申请按规定退还剩余费用（实付金额扣除已使用部分）{amount}。', 'We ask for a refund of the remaining value (amount paid minus the part used){amount}.'),
  difference: t('申请修改订单，或退还多付 / 误付的款项。', 'We ask for the order to be changed, or the overpaid amount refunded.'),
  voucher: t('申请按 SLA 发放代金券赔偿{amount}。', 'We ask for the SLA voucher compensation{amount}.'),
  none: t('申请退款，请协助处理。', 'We ask for a refund and your help with it.'),
  review: t('恳请人工复核，考虑退款或其他解决方案。', 'We kindly ask for a human review and a refund or another solution.'),
};

const TITLES: Record<RequestKind, LocalizedText> = {
  refund: t('退款申请：{product}（订单 {orderId}）', 'Refund request: {product} (order {orderId})'),
  difference: t('订单修改 / 退还差额申请：{product}（订单 {orderId}）', 'Order change / refund of the difference: {product} (order {orderId})'),
  compensation: t('SLA 赔偿申请：{product} {month}', 'SLA compensation claim: {product} {month}'),
  review: t('退款复核申请：{product}（订单 {orderId}）', 'Request for a refund review: {product} (order {orderId})'),
};

const SLA_TEXT = t(
  '{month} 服务可用性为 {availability}（承诺 {commitment}%，不可用 {minutes} 分钟），对应赔偿档位为月度服务费的 {percent}%{voucher}。',
  'Availability in {month} was {availability} (commitment {commitment}%, {minutes} minutes unavailable), which is the {percent}% tier of the monthly fee{voucher}.',
);
const NOT_ACTIVATED = t('付款后尚未启用：未验证域名、未创建管理员、未添加成员。', 'Paid but never set up: no domain verified, no admin created, no members added.');
const OUTAGE_HOURS = t('最长一次连续故障约 {hours} 小时，原因在服务方。', 'The longest continuous outage lasted about {hours} hours, on the vendor’s side.');
const RESELLER_PROMISE = t('购买时贵方{written}承诺 {days} 天内可无理由退订。', 'When we bought, you promised {written}that it could be cancelled without reason within {days} days.');
const RESELLER_PROMISE_NO_DAYS = t('购买时贵方{written}承诺可以无理由退订。', 'When we bought, you promised {written}that it could be cancelled without reason.');
const REFUSED = t('此前已向商家申请退款，被拒绝。', 'We asked the vendor for a refund and were refused.');
const DEADLINE_LINE = t('本申请在“{label}”（{date}）之前提出。', 'This request is made before "{label}" ({date}).');
const DEADLINE_ESTIMATED = t('（该日期为估算）', ' (this date is an estimate)');

const STORE = {
  apple: {
    title: t('Apple 退款申请：{product}', 'Apple refund request: {product}'),
    category: [t('申请退款', 'Request a refund'), t('选择最符合的原因', 'Choose the reason that fits best'), t('{product}', '{product}')],
    steps: t(
      '打开 reportaproblem.apple.com，用购买时的 Apple ID 登录 → 选择“申请退款” → 选择原因 → 选择 {product} → 在说明框中粘贴下面的文字。通常 24–48 小时内答复；待处理的扣款需先完成。',
      'Open reportaproblem.apple.com and sign in with the Apple ID used to buy → "Request a refund" → choose a reason → choose {product} → paste the text below in the description box. Apple usually answers within 24–48 h; a pending charge must clear first.',
    ),
  },
  google: {
    title: t('Google Play 退款申请：{product}', 'Google Play refund request: {product}'),
    category: [t('订单记录', 'Order history'), t('{product}', '{product}'), t('申请退款 / 报告问题', 'Request a refund / report a problem')],
    steps: t(
      '打开 play.google.com/store/account 的订单记录 → 找到 {product} 的订单 → 申请退款并粘贴下面的文字。提示（未确认）：约 48 小时内通常可由 Google 直接退款，之后由开发者决定。',
      'Open the order history at play.google.com/store/account → find the {product} order → ask for a refund and paste the text below. Hint (unconfirmed): within about 48 h Google can usually refund directly; later the developer decides.',
    ),
  },
} as const;

/**
 * Where each complaint is filed: the platforms' own sites (FACTS.md "Chinese consumer law":
 * the 12315 market-regulation complaint platform, and Sina's 黑猫投诉).
 */
export const COMPLAINT_PORTALS = { '12315': 'https://www.12315.cn', heimao: 'https://tousu.sina.com.cn' } as const;

const ESCALATION = {
  '12315': {
    title: t('投诉：{company} 拒绝退款（订单 {orderId}）', 'Complaint: {company} refused a refund (order {orderId})'),
    category: [t('全国 12315 平台', '12315 platform'), t('投诉', 'Complaint')],
  },
  heimao: {
    title: t('投诉：{company} 拒绝退款（订单 {orderId}）', 'Complaint: {company} refused a refund (order {orderId})'),
    category: [t('黑猫投诉', '黑猫投诉 (Black Cat)'), t('发起投诉', 'File a complaint')],
  },
} as const;

/** The note listing the evidence still missing (a form shows the attachment list instead, and leaves it out). */
export function missingEvidenceNote(missing: readonly string[], locale: Locale): string {
  return localize(L.missingEvidence, locale, { items: joinList(missing, locale) });
}

function latestField(snapshots: readonly ClaimSnapshot[], key: string): unknown {
  const withField = snapshots
    .filter((s) => s.fields && s.fields[key] !== undefined && s.fields[key] !== null && s.fields[key] !== '')
    .sort((a, b) => (parseInstant(b.capturedAt) ?? 0) - (parseInstant(a.capturedAt) ?? 0));
  return withField[0]?.fields?.[key];
}

/** What the newest order snapshot that shows a payment says was paid, and with which vouchers. */
function paymentShown(vendor: string, snapshots: readonly ClaimSnapshot[]): { amountPaid: number; vouchers: number | undefined } | null {
  const newestFirst = [...snapshots].sort((a, b) => (parseInstant(b.capturedAt) ?? 0) - (parseInstant(a.capturedAt) ?? 0));
  for (const snapshot of newestFirst) {
    if (snapshot.kind !== 'order' || !snapshot.fields) continue;
    const { facts } = orderFacts({ vendor, fields: snapshot.fields });
    if (typeof facts.amountPaid === 'number')
      return { amountPaid: facts.amountPaid, vouchers: typeof facts.amountPaidWithVouchers === 'number' ? facts.amountPaidWithVouchers : undefined };
  }
  return null;
}

function requestKind(verdict: Verdict): RequestKind {
  if (verdict.outcome === 'not-eligible' || verdict.outcome === 'expired') return 'review';
  if (verdict.refund === 'voucher') return 'compensation';
  if (verdict.refund === 'difference') return 'difference';
  return 'refund';
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * Contract 1, `draftTicket(verdict, facts, snapshots?, locale?)`: the request
 * written out for where it goes — the vendor's ticket form, a phone script,
 * the reseller, Apple/Google's refund flow, or (after a refusal) 12315 and
 * 黑猫投诉. The description states order, product, amounts, dates, the request,
 * the clauses it rests on and the evidence attached.
 */
export function draftTicket(
  given: Verdict,
  facts: unknown,
  snapshots: readonly ClaimSnapshot[] = [],
  locale: Locale = 'zh-CN',
  options: DraftOptions = {},
): TicketDraft {
  const parsed = ClaimFactsSchema.safeParse(facts);
  if (!parsed.success) throw new ClaimInputError(parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(facts)'}: ${i.message}`), locale);
  const f: ClaimFacts = parsed.data;
  // The verdict's texts are in the locale it was evaluated in; a draft in
  // another language re-reads the same facts at the same moment.
  const reread =
    given.locale !== locale
      ? evaluateClaim(facts, given.evaluatedAt, { locale, packs: options.packs, calendar: options.calendar, holidayOverrides: options.holidayOverrides })
      : given;
  const verdict = reread.rule === given.rule && reread.outcome === given.outcome ? reread : given;
  const pack = packSetOf(options.packs).find(verdict.vendor);
  const template = TICKET_TEMPLATES[verdict.vendor] ?? { ...FALLBACK_VENDOR.ticket, vendor: verdict.vendor };
  const loc = (text: Text, params?: Record<string, string | number | null | undefined>) => localize(text, locale, params);

  const product = asText(f.product) ?? asText(latestField(snapshots, 'product')) ?? (TICKET_TEMPLATES[verdict.vendor] ? loc(template.defaultProduct) : loc(pack.name));
  const orderId = asText(f.orderId) ?? asText(latestField(snapshots, 'orderId'));
  const account = asText(f.account) ?? asText(latestField(snapshots, 'account'));
  // 实付 (after vouchers) as the newest order snapshot shows it, read as every surface reads an order;
  // an order amount (订单金额) is not what was paid.
  const shown = typeof f.amountPaid === 'number' ? null : paymentShown(verdict.vendor, snapshots);
  const amount = typeof f.amountPaid === 'number' ? f.amountPaid : shown?.amountPaid;
  const vouchers = f.amountPaidWithVouchers ?? shown?.vouchers;
  const sla = f.sla as Partial<{ month: string; availabilityText: string; commitment: { percent: string }; unavailableMinutes: number; compensationPercent: number; voucher: number | null }> | undefined;
  const kind = requestKind(verdict);
  const target: DraftTarget = options.target && options.target !== 'vendor' ? options.target : verdict.claimWith;
  const company = asText(f.vendorName) ?? (template.company ? loc(template.company) : TICKET_TEMPLATES[verdict.vendor] ? loc(L.companyUnknown) : loc(pack.name));
  const orderText = orderId ?? loc(L.notGiven);

  // ── Sections shared by every draft ──
  const zh = locale === 'zh-CN';
  const [colon, semi] = zh ? ['：', '；'] : [': ', '; '];
  const when = (iso: string) => shanghaiDateTime(parseInstant(iso)!).replace('T', ' ').slice(0, 16) + (zh ? '' : ' (UTC+8)');
  const orderLine = `${loc(L.orderId)}${colon}${orderText}${semi}${loc(L.product)}${colon}${product}${account && !template.fields.confidential ? `${semi}${loc(L.account)}${colon}${account}` : ''}`;
  const amountParts = [
    amount !== undefined ? `${loc(L.paid)}${colon}${formatMoney(amount, locale)}${vouchers ? `${zh ? '（' : ' ('}${loc(L.vouchers)} ${formatMoney(vouchers, locale)}${zh ? '）' : ')'}` : ''}` : undefined,
    `${loc(L.purchased)}${colon}${when(f.purchasedAt)}`,
    f.deliveredAt ? `${loc(L.delivered)}${colon}${when(f.deliveredAt)}` : undefined,
  ].filter(Boolean);
  const situation: string[] = [];
  if (f.reason && REASON_TEXT[f.reason]) situation.push(loc(REASON_TEXT[f.reason]!));
  if (f.activated === false) situation.push(loc(NOT_ACTIVATED));
  if (f.reason === 'outage' && typeof f.outageHours === 'number' && f.outageCause === 'vendor') situation.push(loc(OUTAGE_HOURS, { hours: f.outageHours }));
  if (sla && typeof sla.compensationPercent === 'number' && sla.month) {
    situation.push(
      loc(SLA_TEXT, {
        month: sla.month,
        availability: sla.availabilityText ?? '?',
        commitment: sla.commitment?.percent ?? '?',
        minutes: typeof sla.unavailableMinutes === 'number' ? Math.round(sla.unavailableMinutes * 100) / 100 : '?',
        percent: sla.compensationPercent,
        voucher: typeof sla.voucher === 'number' ? (locale === 'zh-CN' ? `，即 ${formatMoney(sla.voucher, locale)}` : `, i.e. ${formatMoney(sla.voucher, locale)}`) : '',
      }),
    );
  }
  if (f.resellerPromise && (target === 'reseller' || verdict.claimWith === 'reseller'))
    situation.push(loc(f.resellerPromise.days ? RESELLER_PROMISE : RESELLER_PROMISE_NO_DAYS, { days: f.resellerPromise.days, written: f.resellerPromise.written ? (locale === 'zh-CN' ? '书面' : 'in writing ') : '' }));
  if (target === '12315' || target === 'heimao') situation.push(loc(REFUSED));

  const estimate = verdict.refundEstimate?.amount;
  const amountSuffix =
    kind === 'compensation' && typeof sla?.voucher === 'number'
      ? (locale === 'zh-CN' ? `（${formatMoney(sla.voucher, locale)}）` : ` (${formatMoney(sla.voucher, locale)})`)
      : typeof estimate === 'number'
        ? (locale === 'zh-CN' ? `（约 ${formatMoney(estimate, locale)}，估算）` : ` (about ${formatMoney(estimate, locale)}, estimated)`)
        : '';
  const requestText =
    kind === 'review' ? loc(REQUEST_TEXT.review!) : loc(REQUEST_TEXT[verdict.refundOr ? `${verdict.refund}-or-${verdict.refundOr}` : (verdict.refund ?? 'none')] ?? REQUEST_TEXT[verdict.refund ?? 'none'] ?? REQUEST_TEXT.none!, { amount: amountSuffix });

  const [open, close] = zh ? ['（', '）'] : [' (', ')'];
  // One line per statement, with every clause behind it: "… （《SLA》 2.2、3.1）".
  const byText = new Map<string, Map<string, string[]>>();
  for (const b of verdict.basis) {
    const sources = byText.get(b.text) ?? new Map<string, string[]>();
    const title = citationTitle({ source: b.source }, locale);
    const clauses = sources.get(title) ?? [];
    if (b.clause && b.source !== 'FACTS.md') clauses.push(b.clause);
    else if (b.source === 'FACTS.md') {
      const factsTitle = citationTitle(b, locale);
      if (!sources.has(factsTitle)) sources.set(factsTitle, []);
      byText.set(b.text, sources);
      continue;
    }
    sources.set(title, clauses);
    byText.set(b.text, sources);
  }
  const basisLines = [...byText.entries()].map(
    ([text, sources]) => `- ${text}${open}${[...sources.entries()].map(([title, clauses]) => (clauses.length ? `${title} ${clauses.join(zh ? '、' : '; ')}` : title)).join(zh ? '；' : '; ')}${close}`,
  );
  const attachments = evidenceChecklist(
    [...new Set([...verdict.evidence, ...(target === '12315' || target === 'heimao' ? ['refusal-record'] : [])])],
    [...snapshots, ...(sla ? [{ capturedAt: '1970-01-01', title: 'SLA', fields: { sla: true } }] : [])],
    locale,
    pack.evidence.map((e) => ({ id: e.id, label: e.label })),
  );
  const deadlineLine = verdict.deadline && kind !== 'review'
    ? loc(DEADLINE_LINE, { label: verdict.deadline.label, date: verdict.deadline.date }) + (verdict.deadline.estimated ? loc(DEADLINE_ESTIMATED) : '')
    : undefined;
  const contact = f.contact;
  const contactLine = contact ? [contact.name, contact.phone, contact.email, contact.contactTime].filter(Boolean).join(' / ') : undefined;

  const section = (label: LocalizedText, body: string) => (locale === 'zh-CN' ? `【${loc(label)}】${body}` : `${loc(label)}: ${body}`);
  const complaint = target === '12315' || target === 'heimao';
  const description = [
    complaint ? section(L.company, company) : loc(L.greeting),
    section(L.order, orderLine),
    section(L.amountAndDates, amountParts.join(semi)),
    situation.length ? section(L.situation, situation.join(' ')) : undefined,
    section(L.request, requestText),
    basisLines.length ? `${section(L.basis, '')}\n${basisLines.join('\n')}` : undefined,
    deadlineLine ? section(L.deadline, deadlineLine) : undefined,
    section(L.evidence, joinList(attachments.map((a) => a.label), locale)),
    options.evidenceHead && snapshots.length > 0 ? loc(L.evidenceHead, { hash: options.evidenceHead }) : undefined,
    contactLine ? section(L.contact, contactLine) : undefined,
    complaint ? undefined : loc(L.thanks),
  ]
    .filter((x): x is string => !!x)
    .join('\n');

  const notes: string[] = [];
  const missing = attachments.filter((a) => !a.have).map((a) => a.label);
  if (missing.length) notes.push(missingEvidenceNote(missing, locale));
  if (kind === 'review') notes.push(loc(L.notEligibleNote));
  // The questions as the checker asks them, never the engine's fact names.
  if (verdict.provisional) notes.push(loc(L.provisional, { facts: verdict.questions.map((q) => q.text).join(zh ? '；' : '; ') }));
  const titleParams = { product, orderId: orderText, month: sla?.month ?? '', company };

  // ── App stores: what to choose in their own refund flows ──
  if (target === 'apple' || target === 'google') {
    const store = STORE[target];
    const channel = SHARED_CHANNELS.find((c) => c.id === (target === 'apple' ? 'apple-report-a-problem' : 'google-play-order-history'))!;
    const pasteText = [...situation, requestText, orderId ? `${loc(L.orderId)}${colon}${orderId}` : undefined].filter(Boolean).join(' ');
    return {
      vendor: verdict.vendor,
      target,
      channel: 'web-form',
      url: channel.value ?? null,
      title: loc(store.title, titleParams),
      category: store.category.map((c) => loc(c, titleParams)),
      description: `${loc(store.steps, titleParams)}\n\n${pasteText}`,
      fields: { item: product, description: pasteText },
      attachments,
      alternatives: [],
      notes,
      locale,
    };
  }

  // ── Escalation after a refusal: 12315, 黑猫投诉 (company, order number, reason, evidence) ──
  if (target === '12315' || target === 'heimao') {
    const esc = ESCALATION[target];
    const channel = SHARED_CHANNELS.find((c) => c.id === (target === '12315' ? 'complaint-12315' : 'complaint-heimao'))!;
    return {
      vendor: verdict.vendor,
      target,
      channel: 'web-form',
      url: COMPLAINT_PORTALS[target],
      title: loc(esc.title, titleParams),
      category: esc.category.map((c) => loc(c)),
      description,
      fields: {
        company,
        orderId: orderId ?? '',
        amount: amount !== undefined ? String(amount) : '',
        reason: situation.join(' '),
        request: requestText,
        evidence: joinList(attachments.map((a) => a.label), locale),
      },
      attachments,
      alternatives: [],
      notes: [...notes, ...(channel.note ? [loc(channel.note)] : [])],
      locale,
    };
  }

  // ── The reseller: a written message ──
  if (target === 'reseller') {
    return {
      vendor: verdict.vendor,
      target,
      channel: 'email',
      url: null,
      title: loc(TITLES[kind], titleParams),
      category: [],
      description,
      fields: { subject: loc(TITLES[kind], titleParams), body: description },
      attachments,
      alternatives: [],
      notes,
      locale,
    };
  }

  // ── The vendor's own form ──
  const logical: Record<string, string | undefined> = {
    title: loc(TITLES[kind], titleParams),
    subject: loc(TITLES[kind], titleParams),
    description,
    confidential: account ? `${loc(L.account)}${colon}${account}` : undefined,
    phone: contact?.phone,
    email: contact?.email,
    contactTime: contact?.contactTime,
    orderId,
    account,
    name: contact?.name,
    amount: amount !== undefined ? String(amount) : undefined,
    reason: f.reason && REASON_TEXT[f.reason] ? loc(REASON_TEXT[f.reason]!) : undefined,
  };
  const fields: Record<string, string> = {};
  for (const [logicalName, formName] of Object.entries(template.fields)) {
    const value = logical[logicalName];
    if (formName && value !== undefined) fields[formName] = value;
  }
  const alternatives: TicketDraft['alternatives'] = [];
  if (template.phone && kind !== 'compensation') {
    alternatives.push({
      channel: 'phone',
      number: template.phone.number,
      script: [loc(L.greeting), orderLine + (zh ? '。' : '.'), ...situation, requestText, basisLines[0]?.slice(2)].filter(Boolean).join(' '),
    });
  }
  if (kind === 'compensation') notes.push(loc(L.slaOnlyTicket));
  if (template.note) notes.push(loc(template.note));
  return {
    vendor: verdict.vendor,
    target: 'vendor',
    channel: template.channel,
    url: template.url,
    title: loc(TITLES[kind], titleParams),
    category: template.category[kind].map((c) => loc(c, { product })),
    description,
    fields,
    attachments,
    alternatives,
    notes,
    locale,
  };
}
