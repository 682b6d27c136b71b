import type { Locale, MessageKey, Translate } from '../i18n/core';
import { ticketTranslator } from '../i18n/tickets';
import { evidenceChecklist, type ChecklistEntry, type ClaimSnapshot } from '../claims/evidence';
import { orderFacts } from '../claims/order-facts';
import { ClaimFactsSchema, type ClaimFacts } from '../claims/facts';
import { ClaimInputError, evaluateClaim, type Verdict } from '../claims/eligibility';
import type { BusinessCalendar, YearOverride } from '../time/calendar';
import { SHARED_CHANNELS } from '../policy/shared-channels';
import { packSetOf, type PackSet } from '../policy/registry';
import { citationTitle } from '../policy/sources';
import { isAnecdote } from '../card/anecdote';
import { formatMoney, joinList, localize } from '../policy/text';
import { parseInstant, shanghaiDateTime } from '../time/zone';
import type { RequestKind, TicketChannel, TicketTemplate } from './template';
import { FALLBACK_VENDOR, VENDORS } from '../vendors/catalog';
import { lazyRecord } from '../lazy';

/** Ticket templates of the shipped vendors; user packs fall back to the generic (email) one. Built on first use. */
export const TICKET_TEMPLATES: Readonly<Record<string, TicketTemplate>> = lazyRecord(() =>
  Object.fromEntries(VENDORS.map((v) => [v.id, v.ticket])),
);

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

// The user's words live in the catalog (lib/i18n/sections/tickets.ts), punctuation included.
const REASONS = new Set([
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
]);
const REQUESTS = new Set(['full', 'full-or-partial', 'partial', 'difference', 'voucher', 'none', 'review']);
const reasonKey = (reason: string | undefined): MessageKey | null =>
  reason && REASONS.has(reason) ? (`ticket.reason.${reason}` as MessageKey) : null;
const requestKey = (request: string): MessageKey | null =>
  REQUESTS.has(request) ? (`ticket.request.${request}` as MessageKey) : null;

const STORE = {
  apple: {
    title: 'ticket.store.apple.title',
    category: ['ticket.store.apple.category1', 'ticket.store.apple.category2', null],
    steps: 'ticket.store.apple.steps',
  },
  google: {
    title: 'ticket.store.google.title',
    category: ['ticket.store.google.category1', null, 'ticket.store.google.category3'],
    steps: 'ticket.store.google.steps',
  },
} as const satisfies Record<string, { title: MessageKey; category: readonly (MessageKey | null)[]; steps: MessageKey }>;

/**
 * Where each complaint is filed: the platforms' own sites (FACTS.md "Chinese consumer law":
 * the 12315 market-regulation complaint platform, and Sina's 黑猫投诉).
 */
export const COMPLAINT_PORTALS = { '12315': 'https://www.12315.cn', heimao: 'https://tousu.sina.com.cn' } as const;

const ESCALATION = {
  '12315': { category: ['ticket.complaint.12315.platform', 'ticket.complaint.12315.action'] },
  heimao: { category: ['ticket.complaint.heimao.platform', 'ticket.complaint.heimao.action'] },
} as const satisfies Record<string, { category: readonly MessageKey[] }>;

/** The note listing the evidence still missing (a form shows the attachment list instead, and leaves it out). */
export function missingEvidenceNote(missing: readonly string[], locale: Locale): string {
  return ticketTranslator(locale)('ticket.missingEvidence', { items: joinList(missing, locale) });
}

function latestField(snapshots: readonly ClaimSnapshot[], key: string): unknown {
  const withField = snapshots
    .filter((s) => s.fields && s.fields[key] !== undefined && s.fields[key] !== null && s.fields[key] !== '')
    .sort((a, b) => (parseInstant(b.capturedAt) ?? 0) - (parseInstant(a.capturedAt) ?? 0));
  return withField[0]?.fields?.[key];
}

/** What the newest order snapshot that shows a payment says was paid, and with which vouchers. */
function paymentShown(
  vendor: string,
  snapshots: readonly ClaimSnapshot[],
): { amountPaid: number; vouchers: number | undefined } | null {
  const newestFirst = [...snapshots].sort(
    (a, b) => (parseInstant(b.capturedAt) ?? 0) - (parseInstant(a.capturedAt) ?? 0),
  );
  for (const snapshot of newestFirst) {
    if (snapshot.kind !== 'order' || !snapshot.fields) continue;
    const { facts } = orderFacts({ vendor, fields: snapshot.fields });
    if (typeof facts.amountPaid === 'number')
      return {
        amountPaid: facts.amountPaid,
        vouchers: typeof facts.amountPaidWithVouchers === 'number' ? facts.amountPaidWithVouchers : undefined,
      };
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

type SlaFacts = Partial<{
  month: string;
  availabilityText: string;
  commitment: { percent: string };
  unavailableMinutes: number;
  compensationPercent: number;
  voucher: number | null;
}>;

/** What every draft of one request shares: who, what, how much, why, on what basis. */
interface DraftParts {
  t: Translate;
  locale: Locale;
  verdict: Verdict;
  template: TicketTemplate;
  kind: RequestKind;
  target: DraftTarget;
  product: string;
  orderId: string | undefined;
  orderText: string;
  account: string | undefined;
  amount: number | undefined;
  company: string;
  orderLine: string;
  situation: string[];
  requestText: string;
  basisLines: string[];
  attachments: ChecklistEntry[];
  description: string;
  notes: string[];
  titleParams: Record<string, string>;
  contact: ClaimFacts['contact'];
  reason: string | undefined;
}

/** The facts' own situation, in the words a vendor reads. */
function situationOf(
  f: ClaimFacts,
  sla: SlaFacts | undefined,
  verdict: Verdict,
  target: DraftTarget,
  t: Translate,
  locale: Locale,
): string[] {
  const situation: string[] = [];
  const reason = reasonKey(f.reason);
  if (reason) situation.push(t(reason));
  if (f.activated === false) situation.push(t('ticket.notActivated'));
  if (f.reason === 'outage' && typeof f.outageHours === 'number' && f.outageCause === 'vendor')
    situation.push(t('ticket.outageHours', { hours: f.outageHours }));
  if (sla && typeof sla.compensationPercent === 'number' && sla.month) {
    situation.push(
      t('ticket.sla', {
        month: sla.month,
        availability: sla.availabilityText ?? '?',
        commitment: sla.commitment?.percent ?? '?',
        minutes: typeof sla.unavailableMinutes === 'number' ? Math.round(sla.unavailableMinutes * 100) / 100 : '?',
        percent: sla.compensationPercent,
        voucher:
          typeof sla.voucher === 'number' ? t('ticket.sla.voucher', { amount: formatMoney(sla.voucher, locale) }) : '',
      }),
    );
  }
  const promise = f.resellerPromise;
  if (promise && (target === 'reseller' || verdict.claimWith === 'reseller')) {
    const written = promise.written ? t('ticket.resellerPromise.written') : '';
    situation.push(
      promise.days
        ? t('ticket.resellerPromise', { days: promise.days, written })
        : t('ticket.resellerPromise.noDays', { written }),
    );
  }
  if (target === '12315' || target === 'heimao') situation.push(t('ticket.refused'));
  return situation;
}

/** The request: what is asked for, with the amount when it is known or estimated. */
function requestTextOf(
  verdict: Verdict,
  kind: RequestKind,
  sla: SlaFacts | undefined,
  t: Translate,
  locale: Locale,
): string {
  if (kind === 'review') return t('ticket.request.review');
  const estimate = verdict.refundEstimate?.amount;
  const amount =
    kind === 'compensation' && typeof sla?.voucher === 'number'
      ? t('ticket.amount.voucher', { amount: formatMoney(sla.voucher, locale) })
      : typeof estimate === 'number'
        ? t('ticket.amount.estimate', { amount: formatMoney(estimate, locale) })
        : '';
  const key =
    requestKey(verdict.refundOr ? `${verdict.refund}-or-${verdict.refundOr}` : (verdict.refund ?? 'none')) ??
    requestKey(verdict.refund ?? 'none') ??
    'ticket.request.none';
  return t(key, { amount });
}

/** One line per statement, with every clause behind it: "… （《SLA》 2.2、3.1）". */
function basisLinesOf(verdict: Verdict, t: Translate, locale: Locale): string[] {
  const byText = new Map<string, Map<string, string[]>>();
  // A user's story in a source illustrates a rule; a claim rests on the rule's own clauses.
  const ruled = new Set(verdict.basis.filter((b) => !isAnecdote(b)).map((b) => b.text));
  for (const b of verdict.basis.filter((item) => !isAnecdote(item) || !ruled.has(item.text))) {
    const sources = byText.get(b.text) ?? new Map<string, string[]>();
    byText.set(b.text, sources);
    if (b.source === 'FACTS.md') {
      const factsTitle = citationTitle(b, locale);
      if (!sources.has(factsTitle)) sources.set(factsTitle, []);
      continue;
    }
    const title = citationTitle({ source: b.source }, locale);
    const clauses = sources.get(title) ?? [];
    if (b.clause) clauses.push(b.clause);
    sources.set(title, clauses);
  }
  const sep = t('ticket.layout.sep');
  const clauseSep = t('ticket.layout.clauseSep');
  return [...byText.entries()].map(([text, sources]) =>
    t('ticket.layout.basisLine', {
      text,
      sources: [...sources.entries()]
        .map(([title, clauses]) => (clauses.length ? `${title} ${clauses.join(clauseSep)}` : title))
        .join(sep),
    }),
  );
}

/** Reads the facts, the snapshots and the template into what every kind of draft is made of. */
// eslint-disable-next-line max-lines-per-function -- One pass over the facts, each block one part of the description.
function draftParts(
  given: Verdict,
  f: ClaimFacts,
  facts: unknown,
  snapshots: readonly ClaimSnapshot[],
  locale: Locale,
  options: DraftOptions,
): DraftParts {
  const t = ticketTranslator(locale);
  const packs = packSetOf(options.packs);
  // The verdict's texts are in the locale it was evaluated in; a draft in
  // another language re-reads the same facts at the same moment.
  const reread =
    given.locale !== locale
      ? evaluateClaim(facts, given.evaluatedAt, {
          locale,
          packs,
          calendar: options.calendar,
          holidayOverrides: options.holidayOverrides,
        })
      : given;
  const verdict = reread.rule === given.rule && reread.outcome === given.outcome ? reread : given;
  const pack = packs.find(verdict.vendor);
  const own = TICKET_TEMPLATES[verdict.vendor];
  const template = own ?? { ...FALLBACK_VENDOR.ticket, vendor: verdict.vendor };
  const product =
    asText(f.product) ??
    asText(latestField(snapshots, 'product')) ??
    localize(own ? template.defaultProduct : pack.name, locale);
  const orderId = asText(f.orderId) ?? asText(latestField(snapshots, 'orderId'));
  const account = asText(f.account) ?? asText(latestField(snapshots, 'account'));
  // 实付 (after vouchers) as the newest order snapshot shows it, read as every surface reads an order;
  // an order amount (订单金额) is not what was paid.
  const shown = typeof f.amountPaid === 'number' ? null : paymentShown(verdict.vendor, snapshots);
  const amount = typeof f.amountPaid === 'number' ? f.amountPaid : shown?.amountPaid;
  const vouchers = f.amountPaidWithVouchers ?? shown?.vouchers;
  const sla = f.sla as SlaFacts | undefined;
  const kind = requestKind(verdict);
  const target: DraftTarget = options.target && options.target !== 'vendor' ? options.target : verdict.claimWith;
  const company =
    asText(f.vendorName) ??
    (template.company
      ? localize(template.company, locale)
      : own
        ? t('ticket.companyUnknown')
        : localize(pack.name, locale));
  const orderText = orderId ?? t('ticket.notGiven');

  const sep = t('ticket.layout.sep');
  const field = (label: MessageKey, value: string) => t('ticket.layout.field', { label: t(label), value });
  const when = (iso: string) =>
    t('ticket.layout.time', { time: shanghaiDateTime(parseInstant(iso)!).replace('T', ' ').slice(0, 16) });
  const orderLine = [
    field('ticket.label.orderId', orderText),
    field('ticket.label.product', product),
    account && !template.fields.confidential ? field('ticket.label.account', account) : undefined,
  ]
    .filter(Boolean)
    .join(sep);
  const paid =
    amount !== undefined
      ? field('ticket.label.paid', formatMoney(amount, locale)) +
        (vouchers ? t('ticket.vouchersPaid', { amount: formatMoney(vouchers, locale) }) : '')
      : undefined;
  const amountParts = [
    paid,
    field('ticket.label.purchased', when(f.purchasedAt)),
    f.deliveredAt ? field('ticket.label.delivered', when(f.deliveredAt)) : undefined,
  ].filter(Boolean);
  const situation = situationOf(f, sla, verdict, target, t, locale);
  const requestText = requestTextOf(verdict, kind, sla, t, locale);
  const basisLines = basisLinesOf(verdict, t, locale);
  const complaint = target === '12315' || target === 'heimao';
  const attachments = evidenceChecklist(
    [...new Set([...verdict.evidence, ...(complaint ? ['refusal-record'] : [])])],
    [...snapshots, ...(sla ? [{ capturedAt: '1970-01-01', title: 'SLA', fields: { sla: true } }] : [])],
    locale,
    pack.evidence.map((e) => ({ id: e.id, label: e.label })),
  );
  const deadlineLine =
    verdict.deadline && kind !== 'review'
      ? t('ticket.deadlineLine', { label: verdict.deadline.label, date: verdict.deadline.date }) +
        (verdict.deadline.estimated ? t('ticket.deadlineEstimated') : '')
      : undefined;
  const contact = f.contact;
  const contactLine = contact
    ? [contact.name, contact.phone, contact.email, contact.contactTime].filter(Boolean).join(' / ')
    : undefined;

  const section = (label: MessageKey, body: string) => t('ticket.layout.section', { label: t(label), body });
  const description = [
    complaint ? section('ticket.label.company', company) : t('ticket.greeting'),
    section('ticket.label.order', orderLine),
    section('ticket.label.amountAndDates', amountParts.join(sep)),
    situation.length ? section('ticket.label.situation', situation.join(' ')) : undefined,
    section('ticket.label.request', requestText),
    basisLines.length ? `${section('ticket.label.basis', '')}\n${basisLines.join('\n')}` : undefined,
    deadlineLine ? section('ticket.label.deadline', deadlineLine) : undefined,
    section(
      'ticket.label.evidence',
      joinList(
        attachments.map((a) => a.label),
        locale,
      ),
    ),
    options.evidenceHead && snapshots.length > 0 ? t('ticket.evidenceHead', { hash: options.evidenceHead }) : undefined,
    contactLine ? section('ticket.label.contact', contactLine) : undefined,
    complaint ? undefined : t('ticket.thanks'),
  ]
    .filter((x): x is string => !!x)
    .join('\n');

  const notes: string[] = [];
  const missing = attachments.filter((a) => !a.have).map((a) => a.label);
  if (missing.length) notes.push(missingEvidenceNote(missing, locale));
  if (kind === 'review') notes.push(t('ticket.notEligibleNote'));
  // The questions as the checker asks them, never the engine's fact names.
  if (verdict.provisional)
    notes.push(t('ticket.provisional', { facts: verdict.questions.map((q) => q.text).join(sep) }));
  const titleParams = { product, orderId: orderText, month: sla?.month ?? '', company };
  return {
    t,
    locale,
    verdict,
    template,
    kind,
    target,
    product,
    orderId,
    orderText,
    account,
    amount,
    company,
    orderLine,
    situation,
    requestText,
    basisLines,
    attachments,
    description,
    notes,
    titleParams,
    contact,
    reason: f.reason,
  };
}

/** App stores: what to choose in their own refund flows. */
function storeDraft(p: DraftParts, target: 'apple' | 'google'): TicketDraft {
  const { t } = p;
  const store = STORE[target];
  const channel = SHARED_CHANNELS.find(
    (c) => c.id === (target === 'apple' ? 'apple-report-a-problem' : 'google-play-order-history'),
  )!;
  const pasteText = [
    ...p.situation,
    p.requestText,
    p.orderId ? t('ticket.layout.field', { label: t('ticket.label.orderId'), value: p.orderId }) : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  return {
    vendor: p.verdict.vendor,
    target,
    channel: 'web-form',
    url: channel.value ?? null,
    title: t(store.title, p.titleParams),
    category: store.category.map((key) => (key ? t(key) : p.product)),
    description: `${t(store.steps, p.titleParams)}\n\n${pasteText}`,
    fields: { item: p.product, description: pasteText },
    attachments: p.attachments,
    alternatives: [],
    notes: p.notes,
    locale: p.locale,
  };
}

/** Escalation after a refusal: 12315, 黑猫投诉 (company, order number, reason, evidence). */
function complaintDraft(p: DraftParts, target: '12315' | 'heimao'): TicketDraft {
  const { t } = p;
  const channel = SHARED_CHANNELS.find((c) => c.id === (target === '12315' ? 'complaint-12315' : 'complaint-heimao'))!;
  return {
    vendor: p.verdict.vendor,
    target,
    channel: 'web-form',
    url: COMPLAINT_PORTALS[target],
    title: t('ticket.complaint.title', p.titleParams),
    category: ESCALATION[target].category.map((key) => t(key)),
    description: p.description,
    fields: {
      company: p.company,
      orderId: p.orderId ?? '',
      amount: p.amount !== undefined ? String(p.amount) : '',
      reason: p.situation.join(' '),
      request: p.requestText,
      evidence: joinList(
        p.attachments.map((a) => a.label),
        p.locale,
      ),
    },
    attachments: p.attachments,
    alternatives: [],
    notes: [...p.notes, ...(channel.note ? [localize(channel.note, p.locale)] : [])],
    locale: p.locale,
  };
}

/** The vendor's own form, with a phone script where the vendor has a hotline. */
function vendorDraft(p: DraftParts): TicketDraft {
  const { t, template, kind, contact } = p;
  const title = t(`ticket.title.${kind}`, p.titleParams);
  const reason = reasonKey(p.reason);
  const logical: Record<string, string | undefined> = {
    title,
    subject: title,
    description: p.description,
    confidential: p.account
      ? t('ticket.layout.field', { label: t('ticket.label.account'), value: p.account })
      : undefined,
    phone: contact?.phone,
    email: contact?.email,
    contactTime: contact?.contactTime,
    orderId: p.orderId,
    account: p.account,
    name: contact?.name,
    amount: p.amount !== undefined ? String(p.amount) : undefined,
    reason: reason ? t(reason) : undefined,
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
      script: [
        t('ticket.greeting'),
        t('ticket.layout.sentence', { text: p.orderLine }),
        ...p.situation,
        p.requestText,
        p.basisLines[0]?.slice(2),
      ]
        .filter(Boolean)
        .join(' '),
    });
  }
  const notes = [...p.notes];
  if (kind === 'compensation') notes.push(t('ticket.slaOnlyTicket'));
  if (template.note) notes.push(localize(template.note, p.locale));
  return {
    vendor: p.verdict.vendor,
    target: 'vendor',
    channel: template.channel,
    url: template.url,
    title,
    category: template.category[kind].map((c) => localize(c, p.locale, { product: p.product })),
    description: p.description,
    fields,
    attachments: p.attachments,
    alternatives,
    notes,
    locale: p.locale,
  };
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
  if (!parsed.success)
    throw new ClaimInputError(
      parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(facts)'}: ${i.message}`),
      locale,
    );
  const p = draftParts(given, parsed.data, facts, snapshots, locale, options);
  if (p.target === 'apple' || p.target === 'google') return storeDraft(p, p.target);
  if (p.target === '12315' || p.target === 'heimao') return complaintDraft(p, p.target);
  if (p.target === 'reseller') {
    // The reseller: a written message.
    const title = p.t(`ticket.title.${p.kind}`, p.titleParams);
    return {
      vendor: p.verdict.vendor,
      target: 'reseller',
      channel: 'email',
      url: null,
      title,
      category: [],
      description: p.description,
      fields: { subject: title, body: p.description },
      attachments: p.attachments,
      alternatives: [],
      notes: p.notes,
      locale,
    };
  }
  return vendorDraft(p);
}
