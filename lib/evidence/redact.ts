/**
 * Redaction of sensitive values in captured text and serialised DOM (DESIGN.md
 * "Privacy": card numbers, CVV, passwords, ID-card numbers and bank accounts
 * never reach storage). The in-page mask hides input values before a
 * screenshot; these functions are the second pass over what is written.
 */

/** Luhn checksum over a string of digits. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The check digit of an 18-digit resident ID number (GB 11643). */
export function residentIdValid(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === id[17]!.toUpperCase();
}

export const MASK = {
  card: (last4: string) => `**** **** **** ${last4}`,
  id: '******************',
  secret: '******',
} as const;

// Runs of 13 digits or more (a card has 13 to 19), optionally grouped by single spaces or
// dashes, not glued to other digits or letters (so order numbers and instance ids keep their
// shape). Shorter runs (dates, amounts) never reach the callback: an order list has tens of
// thousands of them.
const CARD_RUN = /(?<![\dA-Za-z])\d(?:[ -]?\d){12,}(?![\dA-Za-z])/g;
const ID_CANDIDATE = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
// Issuer prefixes of the card schemes seen in China (UnionPay 62, Visa 4,
// Mastercard 51-55 / 22-27, Amex 34/37, JCB 35, Diners 36/38, Discover 6011/65):
// a Luhn check alone would also hit one random number in ten.
const CARD_PREFIX = /^(4|5[1-5]|2[2-7]|3[4-8]|6)/;

export function looksLikeCard(digits: string): boolean {
  return digits.length >= 13 && digits.length <= 19 && CARD_PREFIX.test(digits) && luhnValid(digits);
}

/**
 * Masks card numbers inside one run of digit groups ("1 4111 1111 1111 1111").
 * Every span of whole groups that reads as a card is masked, and spans that
 * overlap are masked as one: a false match that ends inside a real card (its
 * first group completing a Luhn-valid number with the groups before it) must
 * not leave the rest of that card in the clear.
 */
function maskCardsInGroups(run: string, count?: RedactionCount): string {
  const parts = run.split(/([ -])/); // digits, separator, digits, …
  const groups = parts.filter((_, i) => i % 2 === 0);
  const spans: [from: number, to: number][] = [];
  for (let i = 0; i < groups.length; i++) {
    let to = -1;
    let digits = '';
    for (let j = i; j < groups.length && digits.length <= 19; j++) {
      digits += groups[j];
      if (looksLikeCard(digits)) to = j;
    }
    if (to < 0) continue;
    const last = spans[spans.length - 1];
    if (last && i <= last[1]) last[1] = Math.max(last[1], to);
    else spans.push([i, to]);
  }
  if (spans.length === 0) return run;
  // Separator k follows group k (parts[2k + 1]).
  let out = '';
  let next = 0;
  for (const [from, to] of spans) {
    for (; next < from; next++) out += groups[next]! + parts[2 * next + 1]!;
    if (count) count.cards++;
    out += MASK.card(groups.slice(from, to + 1).join('').slice(-4));
    if (to + 1 < groups.length) out += parts[2 * to + 1]!;
    next = to + 1;
  }
  for (; next < groups.length; next++) out += groups[next]! + (next + 1 < groups.length ? parts[2 * next + 1]! : '');
  return out;
}

export interface RedactionCount {
  cards: number;
  ids: number;
  /** Values of sensitive form fields (password, CVV, bank account…) masked whole. */
  secrets?: number;
}

/**
 * Masks card numbers (scheme prefix and Luhn-valid; keeping the last four digits, which identify
 * the card on a statement) and ID numbers with a valid check digit.
 */
export function redactText(text: string, count?: RedactionCount): string {
  const ids = text.replace(ID_CANDIDATE, (match) => {
    if (!residentIdValid(match)) return match;
    if (count) count.ids++;
    return MASK.id;
  });
  return ids.replace(CARD_RUN, (run) => (mayHoldCard(run) ? maskCardsInGroups(run, count) : run));
}

/**
 * Whether a run of 13 digits or more (`CARD_RUN`) could hold a card number
 * (13 to 19 digits in whole groups): not when every group is longer than 19
 * digits (an order number; a card is never part of a group). Order lists hold
 * thousands of order numbers; this decides them without splitting.
 */
function mayHoldCard(run: string): boolean {
  let group = 0;
  for (let i = 0; i <= run.length; i++) {
    const c = i < run.length ? run.charCodeAt(i) : 32;
    if (c !== 32 && c !== 45) group++;
    else if (group <= 19) return true;
    else group = 0;
  }
  return false;
}

/**
 * What an input's name, id, autocomplete, type, label or placeholder says about
 * it: fields for card numbers, CVV, passwords, bank accounts and ID numbers
 * are masked whatever their value looks like.
 */
const SENSITIVE_FIELD =
  /(card.?(no|num)|cc-?(number|csc|exp)|cvv|cvc|csc|security.?code|password|passwd|pwd|bank.?(account|card|no)|account.?number|iban|id.?(card|no|number)|identity|卡号|信用卡|银行卡|银行账号|银行账户|账号|安全码|验证码|cvv2|有效期|密码|口令|支付密码|身份证|证件号)/i;

export function isSensitiveField(descriptor: string, type?: string): boolean {
  if (type && /^(password)$/i.test(type)) return true;
  return SENSITIVE_FIELD.test(descriptor);
}

// ── Serialised DOM ──────────────────────────────────────────────────────────

/** Input types whose `value` is a fixed choice of the page, not something typed. */
const CHOICE_INPUTS = /^(radio|checkbox|submit|button|reset|image|range|color)$/i;
const ATTRIBUTE = /([^\s"'<>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Math.min(Number(n), 0x10ffff)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Math.min(parseInt(n, 16), 0x10ffff)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The attributes of one start tag, names lower-cased, values decoded. */
export function tagAttributes(tag: string): Map<string, string> {
  const body = tag.replace(/^<[A-Za-z][^\s/>]*/, '').replace(/\/?>$/, '');
  const attributes = new Map<string, string>();
  for (const m of body.matchAll(ATTRIBUTE)) {
    const name = m[1]!.toLowerCase();
    if (!attributes.has(name)) attributes.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attributes;
}

/** The tag with every `name` attribute's value replaced (attribute-aware: a `value=` inside another attribute's quotes is left alone). */
function setAttribute(tag: string, name: string, value: string): string {
  const head = /^<[A-Za-z][^\s/>]*/.exec(tag)?.[0] ?? '';
  return head + tag.slice(head.length).replace(ATTRIBUTE, (whole, attribute: string) => (attribute.toLowerCase() === name ? `${attribute}="${value}"` : whole));
}

const stripTags = (html: string) => decodeEntities(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();

/** `<label for=…>` texts by the id they name: "银行账号" tells what `#bank-account` holds. */
function labelTexts(html: string): Map<string, string> {
  const labels = new Map<string, string>();
  for (const m of html.matchAll(/<label\b([^>]*)>([\s\S]*?)<\/label\s*>/gi)) {
    const target = tagAttributes(`<label${m[1]}>`).get('for');
    if (target) labels.set(target, `${labels.get(target) ?? ''} ${stripTags(m[2]!)}`.trim());
  }
  return labels;
}

function fieldDescriptor(attributes: Map<string, string>, labels: Map<string, string>): string {
  const id = attributes.get('id');
  return ['name', 'id', 'autocomplete', 'placeholder', 'aria-label', 'title', 'data-field']
    .map((name) => attributes.get(name) ?? '')
    .concat(id ? (labels.get(id) ?? '') : '')
    .join(' ');
}

/**
 * Rewrites the start tags whose name matches `name` (a pattern): each is
 * replaced by `change(tag)`, and only tags that change are rebuilt (rebuilding
 * every tag of a 40,000-element page through a replace callback cost four times
 * the scan). The name is found first and the whole tag, honouring quoted
 * attribute values that contain `>`, is read only there: one global scan with
 * the full attribute grammar took ten milliseconds on a 1.5 MB page holding
 * three inputs. As with a global replace, a `<name` inside a tag already read
 * is part of that tag. Nothing changed: `html` itself.
 */
function startTagRewriter(name: string): (html: string, change: (tag: string) => string) => string {
  const find = new RegExp(`<(?:${name})`, 'gi');
  // The rest of the tag, read where its name ends.
  const rest = /(?:\s+[^\s"'<>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/y;
  return (html, change) => {
    let out = '';
    let copied = 0;
    find.lastIndex = 0;
    for (let found = find.exec(html); found; found = find.exec(html)) {
      rest.lastIndex = find.lastIndex;
      if (!rest.test(html)) continue;
      const tag = html.slice(found.index, rest.lastIndex);
      find.lastIndex = rest.lastIndex;
      const changed = change(tag);
      if (changed === tag) continue;
      out += html.slice(copied, found.index) + changed;
      copied = found.index + tag.length;
    }
    return copied === 0 ? html : out + html.slice(copied);
  };
}
const rewriteStartTags = startTagRewriter('[a-zA-Z][^\\s/>]*');
const rewriteInputTags = startTagRewriter('input');

const EVENT_HANDLER = /\s+on[a-z-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+)/gi;
/** Anything EVENT_HANDLER or SCRIPT_URL could match, anywhere in the markup (a cheap superset test). */
const MAY_BE_ACTIVE = /\son[a-z-]+\s*=|javascript|vbscript|data:text\/html/i;
const SCRIPT_URL = /(\s(?:href|src|action|formaction|xlink:href|srcdoc|data)\s*=\s*["']?)\s*(?:javascript|vbscript|data:text\/html)[^"'\s>]*/gi;

/**
 * Removes what could run when a stored page is opened: scripts, inline event
 * handlers, `javascript:` URLs, frames and plugins. A string pass, on top of
 * the DOM clean-up in the page (the page's own serialisation is not trusted).
 */
export function stripActiveContent(html: string): string {
  const inert = html
    .replace(/<script\b[\s\S]*?(?:<\/script\s*>|$)/gi, '')
    .replace(/<(iframe|frame|object|embed|applet)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
    .replace(/<\/?(?:iframe|frame|frameset|object|embed|applet|base|script)\b[^>]*>/gi, '');
  // The tag-by-tag pass below costs most on big pages; a page without a single handler-like
  // attribute or script URL anywhere in its markup has nothing for it to remove.
  if (!MAY_BE_ACTIVE.test(inert)) return inert;
  return rewriteStartTags(inert, (tag) =>
    // Neither pattern can match inside a tag without a handler-like attribute or script URL.
    MAY_BE_ACTIVE.test(tag) ? tag.replace(EVENT_HANDLER, '').replace(SCRIPT_URL, '$1#') : tag,
  );
}

/**
 * Redacts a serialised DOM before it is written: the `value` of every input or
 * textarea that is a card, CVV, password, bank-account or ID field (by type,
 * name, id, autocomplete, placeholder or its label) is masked whole, then card
 * and ID numbers are masked anywhere in the markup (text and attributes).
 */
export function redactDom(html: string, count?: RedactionCount): string {
  const labels = labelTexts(html);
  const inputsMasked = rewriteInputTags(html, (tag) => {
    const attributes = tagAttributes(tag);
    const type = attributes.get('type') ?? 'text';
    if (CHOICE_INPUTS.test(type) || !attributes.has('value')) return tag;
    if (!isSensitiveField(fieldDescriptor(attributes, labels), type)) return tag;
    if (attributes.get('value') === MASK.secret) return tag;
    if (count) count.secrets = (count.secrets ?? 0) + 1;
    return setAttribute(tag, 'value', MASK.secret);
  });
  const masked = inputsMasked.replace(/(<textarea\b[^>]*>)([\s\S]*?)(<\/textarea\s*>)/gi, (whole, open: string, content: string, close: string) => {
    if (content === '' || !isSensitiveField(fieldDescriptor(tagAttributes(open), labels))) return whole;
    if (count) count.secrets = (count.secrets ?? 0) + 1;
    return `${open}${MASK.secret}${close}`;
  });
  return redactText(masked, count);
}
