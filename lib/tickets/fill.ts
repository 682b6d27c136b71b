import type { TicketDraft } from './draft';
import type { LogicalField, TicketTemplate } from './template';

/**
 * Which control of a vendor's ticket form gets which value of a ticket draft.
 * Pure: the page side describes its form's controls (labels, ids, names,
 * types), this decides, and the page side writes the values. Forms are read
 * by what a person reads — the label — with the vendor's field names as a
 * hint, so a renamed `name` attribute does not break filling.
 */

/** The draft's parts a ticket form can take. */
export const FILL_FIELDS = [
  'title',
  'orderId',
  'description',
  'confidential',
  'phone',
  'email',
  'name',
  'account',
  'amount',
] as const;
export type FillField = (typeof FILL_FIELDS)[number];
export type FillValues = Partial<Record<FillField, string>>;

/** One form control as the page shows it. */
export interface FormControlInfo {
  /** Position in the page's own list of controls (the page maps it back to the element). */
  index: number;
  tag: 'input' | 'textarea' | 'select';
  /** `type` of an input, lower-case ('' for none); 'textarea'; 'select-one' / 'select-multiple'. */
  type: string;
  id: string;
  name: string;
  /** Texts that label the control: label[for] and wrapping labels, aria-label, aria-labelledby. */
  labels: readonly string[];
  placeholder: string;
  disabled: boolean;
  readOnly: boolean;
  visible: boolean;
  /** The control's maxlength (null when it has none). */
  maxLength: number | null;
}

export interface FillAssignment {
  index: number;
  field: FillField;
  value: string;
  /** The control's label as the page shows it (or its name), for the report. */
  label: string;
  /** The value was cut to the control's maxlength. */
  truncated: boolean;
}

export interface FillPlan {
  assignments: FillAssignment[];
  /** Fields with a value that no control of the form takes. */
  missing: FillField[];
}

interface Vocabulary {
  /** Label texts, most specific first (compared without spaces, colons, asterisks, case). */
  labels: readonly string[];
  /** Field names and ids that mean this field. */
  names: readonly string[];
  /** Control types this value fits best. */
  prefers?: readonly string[];
  multiline?: boolean;
}

const VOCABULARY: Record<FillField, Vocabulary> = {
  title: {
    labels: ['问题标题', '工单标题', '标题', '主题', '邮件主题', 'title', 'subject', 'summary'],
    names: ['title', 'subject', 'summary'],
  },
  orderId: {
    labels: ['关联订单号', '订单号', '订单编号', '订单id', '关联订单', 'orderid', 'ordernumber', 'orderno'],
    names: ['orderid', 'order', 'orderno', 'dealname', 'ordernumber'],
  },
  description: {
    labels: [
      '问题描述',
      '详细描述',
      '问题详情',
      '描述',
      '详细说明',
      '内容',
      '留言',
      'description',
      'details',
      'message',
      'content',
    ],
    names: ['description', 'content', 'message', 'body', 'detail', 'details'],
    multiline: true,
  },
  confidential: {
    labels: ['机密信息', '保密信息', '敏感信息', 'confidential', 'private'],
    names: ['confidential', 'confidentialcontent', 'secret'],
    multiline: true,
  },
  phone: {
    labels: ['手机号', '手机号码', '联系电话', '电话', '手机', 'phone', 'mobile', 'telephone'],
    names: ['phone', 'mobile', 'tel', 'telephone'],
    prefers: ['tel'],
  },
  email: {
    labels: ['邮箱', '电子邮箱', '联系邮箱', '邮件地址', 'email', 'e-mail', 'emailaddress'],
    names: ['email', 'mail'],
    prefers: ['email'],
  },
  name: {
    labels: ['联系人', '联系人姓名', '姓名', '称呼', 'name', 'yourname', 'contactname'],
    names: ['name', 'contactname', 'contact'],
  },
  account: {
    labels: ['账号id', '账号', '账户', '账号uin', 'account', 'accountid'],
    names: ['account', 'accountid', 'uin'],
  },
  amount: { labels: ['退款金额', '金额', '实付金额', 'amount', 'refundamount'], names: ['amount', 'refundamount'] },
};

/** Input types a text value can go into. Others (files, checkboxes, passwords, search boxes…) are never touched. */
const TEXT_TYPES = new Set(['', 'text', 'email', 'tel', 'number', 'url', 'textarea']);

/** "问题标题：" "* Title (optional)" → "问题标题" "title". */
export function normalizeLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/[（(][^）)]*(选填|可选|必填|optional|required)[^）)]*[）)]/g, '')
    .replace(/[\s\u00a0\u3000*＊:：_.-]+/g, '');
}

const DEFAULT_LABEL_SCORES = { exact: 100, contains: 70, name: 60, nameContains: 40, placeholder: 30 } as const;

function labelScore(texts: readonly string[], vocabulary: readonly string[], contains: number, exact: number): number {
  let best = 0;
  for (const raw of texts) {
    const text = normalizeLabel(raw);
    if (!text) continue;
    vocabulary.forEach((word, rank) => {
      const w = normalizeLabel(word);
      // Earlier words are more specific; a long label that merely mentions a word scores less.
      if (text === w) best = Math.max(best, exact - rank);
      else if (text.includes(w)) best = Math.max(best, contains - rank - Math.min(20, text.length - w.length));
    });
  }
  return best;
}

/** How well a control fits a field (0 = not at all). */
export function scoreControl(control: FormControlInfo, field: FillField, hint?: string): number {
  if (!control.visible || control.disabled || control.readOnly) return 0;
  if (control.tag === 'select' || !TEXT_TYPES.has(control.type)) return 0;
  const v = VOCABULARY[field];
  const s = DEFAULT_LABEL_SCORES;
  let score = labelScore(control.labels, v.labels, s.contains, s.exact);
  const ids = [control.name, control.id].map(normalizeLabel).filter(Boolean);
  const names = [...(hint ? [normalizeLabel(hint)] : []), ...v.names.map(normalizeLabel)];
  if (ids.some((id) => names.includes(id))) score = Math.max(score, s.name);
  else if (ids.some((id) => names.some((n) => n.length >= 4 && id.includes(n))))
    score = Math.max(score, s.nameContains);
  if (score === 0 && control.placeholder)
    score = labelScore([control.placeholder], v.labels, s.placeholder, s.placeholder);
  if (score === 0) return 0;
  const multiline = control.tag === 'textarea';
  if (v.multiline && !multiline) score -= 25;
  if (!v.multiline && multiline) score -= 25;
  if (v.prefers?.includes(control.type)) score += 5;
  if (control.type === 'email' && field !== 'email') score -= 40;
  if (control.type === 'tel' && field !== 'phone') score -= 40;
  if (control.type === 'number' && field !== 'amount' && field !== 'phone') score -= 40;
  return Math.max(0, score);
}

const MIN_SCORE = 25;

/**
 * Pairs values with controls: the best-fitting pairs first, each control and
 * each field used once. Values that find no control are reported as missing,
 * never forced into a control that merely comes close.
 */
export function planFill(
  controls: readonly FormControlInfo[],
  values: FillValues,
  hints: Partial<Record<FillField, string>> = {},
): FillPlan {
  const wanted = FILL_FIELDS.filter((f) => typeof values[f] === 'string' && values[f]!.trim() !== '');
  const pairs: { score: number; field: FillField; control: FormControlInfo }[] = [];
  for (const field of wanted) {
    for (const control of controls) {
      const score = scoreControl(control, field, hints[field]);
      if (score >= MIN_SCORE) pairs.push({ score, field, control });
    }
  }
  pairs.sort(
    (a, b) =>
      b.score - a.score ||
      FILL_FIELDS.indexOf(a.field) - FILL_FIELDS.indexOf(b.field) ||
      a.control.index - b.control.index,
  );
  const usedControls = new Set<number>();
  const usedFields = new Set<FillField>();
  const assignments: FillAssignment[] = [];
  for (const { field, control } of pairs) {
    if (usedControls.has(control.index) || usedFields.has(field)) continue;
    usedControls.add(control.index);
    usedFields.add(field);
    const full = values[field]!;
    const limit = control.maxLength !== null && control.maxLength > 0 ? control.maxLength : null;
    const value = limit !== null && full.length > limit ? full.slice(0, limit) : full;
    const label = control.labels.map((l) => l.trim()).find(Boolean) ?? (control.name || control.id);
    assignments.push({
      index: control.index,
      field,
      value,
      label: label.replace(/[\s:：*]+$/, ''),
      truncated: value !== full,
    });
  }
  assignments.sort((a, b) => a.index - b.index);
  return { assignments, missing: wanted.filter((f) => !usedFields.has(f)) };
}

/**
 * The vendor form's own field names for each draft part (from its ticket
 * template, `TICKET_TEMPLATES[vendor]`), used as hints.
 */
export function fillHints(template: TicketTemplate | undefined): Partial<Record<FillField, string>> {
  const hints: Partial<Record<FillField, string>> = {};
  if (!template) return hints;
  for (const [logical, formName] of Object.entries(template.fields) as [LogicalField, string | undefined][]) {
    if (formName && (FILL_FIELDS as readonly string[]).includes(logical)) hints[logical as FillField] = formName;
  }
  return hints;
}

export interface DraftFillInput {
  /** The vendor's ticket template (`TICKET_TEMPLATES[vendor]`), whose field names locate the draft's values. */
  template: TicketTemplate | undefined;
  /** The draft as the user edited it. */
  draft: Pick<TicketDraft, 'title' | 'description' | 'fields'>;
  orderId?: string;
  contact?: { name?: string; phone?: string; email?: string };
  account?: string;
  amount?: number;
}

/** The values a ticket form gets from a (possibly edited) draft and the claim's facts. */
export function fillValuesFromDraft({
  template,
  draft,
  orderId,
  contact,
  account,
  amount,
}: DraftFillInput): FillValues {
  const fromDraft = (logical: LogicalField) => {
    const formName = template?.fields[logical];
    return formName ? draft.fields[formName] : undefined;
  };
  const values: FillValues = {
    title: draft.title,
    description: draft.description,
    orderId: orderId ?? fromDraft('orderId'),
    confidential: fromDraft('confidential'),
    phone: contact?.phone ?? fromDraft('phone'),
    email: contact?.email ?? fromDraft('email'),
    name: contact?.name ?? fromDraft('name'),
    account: account ?? fromDraft('account'),
    amount: amount !== undefined ? String(amount) : fromDraft('amount'),
  };
  for (const key of FILL_FIELDS) if (!values[key]?.trim()) delete values[key];
  return values;
}
