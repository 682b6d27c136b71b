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
function maskCardsInGroups(run: string, count?: RedactionCount, inPlace = false): string {
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
    if (inPlace) {
      const span = parts.slice(2 * from, 2 * to + 1).join('');
      let left = groups.slice(from, to + 1).join('').length - 4;
      out += span.replace(/\d/g, (d) => (left-- > 0 ? '*' : d));
    } else
      out += MASK.card(
        groups
          .slice(from, to + 1)
          .join('')
          .slice(-4),
      );
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
 * the card on a statement), ID numbers with a valid check digit, and bank accounts named by
 * their label. Written the usual way, a card becomes `**** **** **** 1881`; written any other
 * way (dots, no-break spaces, full-width digits, glued to letters, broken over a line) its
 * digits are starred where they stand (`starSecrets`).
 */
export function redactText(text: string, count?: RedactionCount): string {
  return starSecrets(redactUsual(text, count), count);
}

/**
 * `redactText` that keeps the string's length (every masked digit becomes a
 * star where it stands, the last four of a card kept), reading inline gaps as
 * markup does: what the live page's text nodes are masked with, each node
 * taking back its own slice. Gaps are as in `starSecrets` with `markup`.
 */
export function redactInPlace(text: string, count?: RedactionCount): string {
  return starSecrets(redactUsual(text, count, true), count, true);
}

/** Marks where a frame the page could not read stood in a copy (see `maskLivePage`). */
export const COVERED_FRAME_ATTRIBUTE = 'data-rg-covered-frame';
const COVERED_FRAME_MARKER = new RegExp(`<div ${COVERED_FRAME_ATTRIBUTE}="[^"<>]*"></div>`, 'g');
export const countCoveredFrames = (html: string): number =>
  html.includes(COVERED_FRAME_ATTRIBUTE) ? (html.match(COVERED_FRAME_MARKER)?.length ?? 0) : 0;

/** `redactText` without its last pass (`redactDom` runs that pass over the markup instead); `inPlace`: as `redactInPlace`. */
function redactUsual(text: string, count?: RedactionCount, inPlace = false): string {
  const accounts = starBankAccounts(text, count);
  const ids = accounts.replace(ID_CANDIDATE, (match) => {
    if (!residentIdValid(match)) return match;
    if (count) count.ids++;
    return inPlace ? '*'.repeat(match.length) : MASK.id;
  });
  return ids.replace(CARD_RUN, (run) => (mayHoldCard(run) ? maskCardsInGroups(run, count, inPlace) : run));
}

// ── Secrets written any other way, starred in place ─────────────────────────

const DIGIT = '[0-9\\uff10-\\uff19]';
/** A digit, ASCII or full-width, as its value (-1: not a digit). */
function digitValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  return -1;
}

/**
 * What may stand between the digit groups of one number as a person reads it:
 * in text, up to three spaces of any kind (no-break, ideographic, thin), dots,
 * dashes or a line break; in markup also entities for those spaces and inline
 * elements (`<span>4012</span><span>8888</span>` reads as one number).
 */
const TEXT_GAP = '(?:[ \\t\\r\\n.\\-\\u00a0\\u2002-\\u200b\\u202f\\u2063\\u3000]){0,3}';
const INLINE_TAG =
  '</?(?:span|b|i|em|strong|font|a|small|u|s|mark|code|bdi|bdo|sub|sup|label|wbr|br|ins|del)\\b[^<>]*>';
const SPACE_ENTITY = '&(?:nbsp|ensp|emsp|thinsp|#160|#xa0|#8194|#8195|#8201|#12288|#x3000);';
const MARKUP_GAP = `(?:[\\s.\\-\\u00a0\\u2002-\\u200b\\u202f\\u2063\\u3000]|${SPACE_ENTITY}|${INLINE_TAG}){0,64}`;
// Thirteen digits or more (a card has 13 to 19, an ID 18), gaps allowed, not next to another digit,
// starting with four digits together (every layout of `cardLayout` and `idLayout` does: it keeps
// the scan from trying every amount and date). The gap and the digit never match the same
// character, so a failed run backtracks only through its gaps.
const looseRun = (gap: string) =>
  new RegExp(`(?<!${DIGIT})${DIGIT}{4}(?:${gap}${DIGIT}){9,}(?:${gap}[Xx])?(?!${DIGIT})`, 'g');
const TEXT_RUN = looseRun(TEXT_GAP);
const MARKUP_RUN = looseRun(MARKUP_GAP);
/** Inside a markup run: a tag or an entity (no digit of theirs is part of the number). */
const MARKUP_TOKEN = /<[^<>]*>|&#?\w+;/g;

/** Group lengths a card is printed in: 4-4-4-4(-3), 4-6-5, 4-6-4, 6-13. */
function cardLayout(lengths: readonly number[]): boolean {
  if (lengths.length === 1) return true;
  const key = lengths.join('-');
  if (key === '4-6-5' || key === '4-6-4' || key === '6-13' || key === '6-12') return true;
  return (
    lengths.slice(0, -1).every((n) => n === 4) && lengths[lengths.length - 1]! >= 1 && lengths[lengths.length - 1]! <= 4
  );
}
/** Group lengths an ID number is written in: whole, 6-8-4 or 6-4-4-4. */
const idLayout = (lengths: readonly number[]) => ['18', '6-8-4', '6-4-4-4'].includes(lengths.join('-'));

/** An ID number's birth date (digits 7 to 14) is a real date from 1900 on. */
function birthDatePlausible(id: string): boolean {
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

interface DigitGroup {
  /** Offsets in the run of each digit of the group. */
  at: number[];
  digits: string;
  /** Whether nothing visible separates it from the group before (only tags, or text nodes joined by U+2063). */
  glued: boolean;
}

/** The digit groups of a run: digits separated by gaps (in markup, tags and entities are gaps too). */
function digitGroups(run: string, markup: boolean): DigitGroup[] {
  // 1: inside a tag (an invisible gap), 2: inside an entity (a space).
  const skip = new Uint8Array(run.length);
  if (markup && (run.includes('<') || run.includes('&'))) {
    for (const m of run.matchAll(MARKUP_TOKEN)) skip.fill(m[0].startsWith('<') ? 1 : 2, m.index, m.index + m[0].length);
  }
  const groups: DigitGroup[] = [];
  let current: DigitGroup | null = null;
  let invisibleGap = true;
  for (let i = 0; i < run.length; i++) {
    const code = run.charCodeAt(i);
    const value = skip[i] ? -1 : digitValue(code);
    const isCheck = !skip[i] && (code === 88 || code === 120) && current !== null;
    if (value >= 0 || isCheck) {
      if (!current) groups.push((current = { at: [], digits: '', glued: groups.length > 0 && invisibleGap }));
      current.at.push(i);
      current.digits += value >= 0 ? String(value) : 'X';
    } else {
      if (current) invisibleGap = true;
      current = null;
      if (!(skip[i] === 1 || code === 0x2063)) invisibleGap = false;
    }
  }
  return groups;
}

/**
 * Stars, in one run, every span of whole groups that reads as a card (scheme
 * prefix, Luhn, printed layout; the last four digits kept) or an ID number
 * (check digit, birth date, layout). The run keeps its length.
 */
function starRun(run: string, markup: boolean, count?: RedactionCount, glued = false): string {
  const groups = digitGroups(run, markup);
  // One unbroken run glued to letters is an identifier (ins-4111…a), unless a scheme name is what
  // it is glued to; an ID number's check digit and birth date are specific enough either way.
  const cardsAllowed = !(glued && groups.length === 1);
  const chars = run.split('');
  let changed = false;
  const star = (from: number, to: number, keep: number) => {
    const at = groups.slice(from, to + 1).flatMap((g) => g.at);
    for (const i of at.slice(0, at.length - keep)) chars[i] = '*';
    changed = true;
  };
  for (let i = 0; i < groups.length; i++) {
    let digits = '';
    const lengths: number[] = [];
    // The same groups with those that nothing visible separates read as one (<span>35660020</span><span>20360505</span>).
    const seen: number[] = [];
    const layout = (test: (lengths: readonly number[]) => boolean) => test(lengths) || test(seen);
    for (let j = i; j < groups.length && digits.length < 19; j++) {
      digits += groups[j]!.digits;
      lengths.push(groups[j]!.digits.length);
      if (j > i && groups[j]!.glued) seen[seen.length - 1] = seen[seen.length - 1]! + groups[j]!.digits.length;
      else seen.push(groups[j]!.digits.length);
      if (digits.length === 18 && layout(idLayout) && residentIdValid(digits) && birthDatePlausible(digits)) {
        if (count) count.ids++;
        star(i, j, 0);
        i = j;
        break;
      }
      if (
        cardsAllowed &&
        !digits.includes('X') &&
        looksLikeCard(digits) &&
        layout(cardLayout) &&
        !(
          j + 1 < groups.length &&
          lengths.length === 1 &&
          digits.length < 16 &&
          groups[j + 1]!.digits.length + digits.length <= 19 &&
          looksLikeCard(digits + groups[j + 1]!.digits)
        )
      ) {
        if (count) count.cards++;
        star(i, j, 4);
        i = j;
        break;
      }
    }
  }
  return changed ? chars.join('') : run;
}

/**
 * Card and ID numbers the usual patterns miss, starred where they stand (the
 * string keeps its length, so a caller can map the result back onto DOM text
 * nodes): `markup` also reads entities and inline elements as gaps.
 */
export function starSecrets(text: string, count?: RedactionCount, markup = false): string {
  const run = markup ? MARKUP_RUN : TEXT_RUN;
  let out = '';
  let copied = 0;
  run.lastIndex = 0;
  for (let found = run.exec(text); found; found = run.exec(text)) {
    const match = found[0];
    // Most runs on an order list are order numbers: one group of twenty digits or more, never a card or an ID.
    if (match.length > 19 && PLAIN_DIGITS.test(match)) continue;
    const offset = found.index;
    const before = text.slice(Math.max(0, offset - 12), offset);
    const after = text.charAt(offset + match.length);
    const glued = (/[A-Za-z]$/.test(before) || /[A-Za-z]/.test(after)) && !SCHEME_WORD.test(before);
    const starred = starRun(match, markup, count, glued);
    if (starred === match) continue;
    out += text.slice(copied, offset) + starred;
    copied = offset + match.length;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

const PLAIN_DIGITS = /^[0-9]+$/;

/** Words a card number is written straight after (VISA4024…, 卡号4024…). */
const SCHEME_WORD =
  /(?:visa|master|mastercard|mc|unionpay|cup|amex|jcb|discover|diners|card|cc|ccnum|卡|卡号)[:：#]?$/i;

/**
 * A bank account is just a long number: what says so is its label (对公账号,
 * 银行账户, 收款账号, bank account no.). The digits after such a label are
 * starred, the last four kept. A bare "账号" is not enough: 账号ID is the
 * cloud account, which is evidence.
 */
const BANK_ACCOUNT = new RegExp(
  `((?:银行|对公|公司|收款|付款|开户|汇款|打款|结算|退款)(?:账号|帐号|账户|帐户)|银行卡号?|账户号码|帐户号码|bank\\s*(?:account|acct|card)(?:\\s*(?:no\\.?|number|#))?|account\\s*(?:no\\.?|number)|iban)` +
    `([\\s:：#]{0,4})(${DIGIT}(?:[ \\-\\u00a0\\u3000]?${DIGIT}){7,33})(?!${DIGIT})`,
  'gi',
);

function starBankAccounts(text: string, count?: RedactionCount): string {
  return text.replace(BANK_ACCOUNT, (whole, label: string, gap: string, number: string) => {
    const digits = number.replace(/[^0-9\uff10-\uff19]/g, '');
    if (count) {
      if (looksLikeCard(digits.replace(/[\uff10-\uff19]/g, (d) => String(d.charCodeAt(0) - 0xff10)))) count.cards++;
      else count.secrets = (count.secrets ?? 0) + 1;
    }
    let left = digits.length - 4;
    const starred = number.replace(/[0-9\uff10-\uff19]/g, (d) => (left-- > 0 ? '*' : d));
    return label + gap + starred;
  });
}

// ── URLs ────────────────────────────────────────────────────────────────────

/**
 * Query parameters that carry a session or a credential (webmail's `sid`, an
 * OAuth `access_token`, a signed `ticket`): dropped from every stored URL. A
 * name is read word by word (`api_key`, `SessionId`, `x-auth-token`).
 */
const SESSION_WORDS = new Set([
  'sid',
  'ssid',
  'sessid',
  'sessionid',
  'jsessionid',
  'phpsessid',
  'session',
  'sess',
  'token',
  'tokens',
  'auth',
  'authorization',
  'authkey',
  'apikey',
  'accesskey',
  'secretkey',
  'skey',
  'secret',
  'sig',
  'signature',
  'password',
  'passwd',
  'pwd',
  'csrf',
  'xsrf',
  'otp',
  'cookie',
]);
/**
 * Words that name a credential only as the whole name: `key=…` and `ticket=ST-…`
 * are, `ticketId` (a support ticket's number, evidence) and `keyword` are not.
 */
const SESSION_NAMES = new Set(['key', 'ticket', 'pass', 'st']);

/** Whether a query parameter or form field name says it carries a session or credential (a hidden `csrf_token` too). */
export function isSessionParam(name: string): boolean {
  if (name === '') return false;
  const whole = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (SESSION_NAMES.has(whole) || SESSION_WORDS.has(whole)) return true;
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((w) => SESSION_WORDS.has(w));
}

function decodeComponent(part: string, plusIsSpace: boolean): string {
  const spaced = plusIsSpace ? part.replace(/\+/g, ' ') : part;
  try {
    return decodeURIComponent(spaced);
  } catch {
    // A malformed escape: decode what can be decoded, byte sequence by byte sequence.
    return spaced.replace(/(?:%[0-9a-f]{2})+/gi, (seq) => {
      try {
        return decodeURIComponent(seq);
      } catch {
        return seq;
      }
    });
  }
}

/** One path segment, query value or fragment: decoded, redacted, and re-encoded only when something was masked. */
function redactComponent(raw: string, plusIsSpace: boolean, count?: RedactionCount): string {
  if (!/\d|%[0-9a-f]{2}|[\uff10-\uff19]/i.test(raw)) return raw;
  const decoded = decodeComponent(raw, plusIsSpace);
  const redacted = redactText(decoded, count);
  return redacted === decoded ? raw : encodeURIComponent(redacted).replace(/%2A/gi, '*');
}

function redactQuery(query: string, count?: RedactionCount): string {
  const kept: string[] = [];
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    if (name !== '' && isSessionParam(decodeComponent(name, true))) continue;
    kept.push(
      eq < 0 ? redactComponent(pair, true, count) : `${name}=${redactComponent(pair.slice(eq + 1), true, count)}`,
    );
  }
  return kept.join('&');
}

/**
 * A URL as it may be stored: decoded before redaction (`?cc=4556+0239+…` and
 * `%20`-joined groups are card numbers too), session-like query parameters
 * (and such parameters in a `#…` fragment) dropped. Unchanged when nothing in
 * it is secret.
 */
export function redactUrl(url: string, count?: RedactionCount): string {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const hash = hashAt < 0 ? null : url.slice(hashAt + 1);
  const queryAt = beforeHash.indexOf('?');
  const path = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt);
  const query = queryAt < 0 ? null : beforeHash.slice(queryAt + 1);
  const pathOut = path
    .split('/')
    .map((segment) => redactComponent(segment, false, count))
    .join('/');
  const queryOut = query === null ? null : redactQuery(query, count);
  const hashOut =
    hash === null ? null : hash.includes('=') ? redactQuery(hash, count) : redactComponent(hash, false, count);
  const out =
    pathOut +
    (queryOut === null || queryOut === '' ? (query === '' ? '?' : '') : `?${queryOut}`) +
    (hashOut === null ? '' : `#${hashOut}`);
  return redactText(out, count);
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
  /(card.?(no|num)|cc-?(number|csc|exp)|cvv|cvc|csc|security.?code|password|passwd|pwd|bank.?(account|card|no)|account.?number|iban|id.?(card|no|number)|identity|卡号|信用卡|银行卡|银行账号|银行账户|账号|安全码|验证码|cvv2|有效期|(对公|收款|付款|开户|结算|汇款|退款)(账|帐)(号|户)|密码|口令|支付密码|交易密码|取款密码|身份证|证件号|\bpin\b|pin.?code)/i;

export function isSensitiveField(descriptor: string, type?: string): boolean {
  if (type && /^(password)$/i.test(type)) return true;
  return SENSITIVE_FIELD.test(descriptor);
}

// ── Serialised DOM ──────────────────────────────────────────────────────────

/** Input types whose `value` is a fixed choice of the page, not something typed. */
const CHOICE_INPUTS = /^(radio|checkbox|submit|button|reset|image|range|color)$/i;
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

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
  return (
    head +
    tag
      .slice(head.length)
      .replace(ATTRIBUTE, (whole, attribute: string) =>
        attribute.toLowerCase() === name ? `${attribute}="${value}"` : whole,
      )
  );
}

const stripTags = (html: string) =>
  decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

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

/** A start tag after its name: attributes (quoted values may hold `>`), then `>` or `/>`. */
const START_TAG_REST = /(?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/;

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
function startTagRewriter(name: string): (html: string, change: (tag: string, at: number) => string) => string {
  const find = new RegExp(`<(?:${name})`, 'gi');
  // The rest of the tag, read where its name ends.
  const rest = new RegExp(START_TAG_REST.source, 'y');
  return (html, change) => {
    let out = '';
    let copied = 0;
    find.lastIndex = 0;
    for (let found = find.exec(html); found; found = find.exec(html)) {
      rest.lastIndex = find.lastIndex;
      if (!rest.test(html)) continue;
      const tag = html.slice(found.index, rest.lastIndex);
      find.lastIndex = rest.lastIndex;
      const changed = change(tag, found.index);
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
const SCRIPT_URL =
  /(\s(?:href|src|action|formaction|xlink:href|srcdoc|data)\s*=\s*["']?)\s*(?:javascript|vbscript|data:text\/html)[^"'\s>]*/gi;

/**
 * Removes what could run when a stored page is opened: scripts, inline event
 * handlers, `javascript:` URLs, frames and plugins. A string pass, on top of
 * the DOM clean-up in the page (the page's own serialisation is not trusted).
 */
export function stripActiveContent(html: string): string {
  const inert = withoutActiveElements(html);
  // The tag-by-tag pass below costs most on big pages; a page without a single handler-like
  // attribute or script URL anywhere in its markup has nothing for it to remove.
  if (!MAY_BE_ACTIVE.test(inert)) return inert;
  return rewriteStartTags(inert, (tag) =>
    // Neither pattern can match inside a tag without a handler-like attribute or script URL.
    MAY_BE_ACTIVE.test(tag) ? inertTag(tag) : tag,
  );
}

/** Scripts, frames and plugins removed, with their start and end tags wherever they stand. */
const withoutActiveElements = (html: string): string =>
  html
    .replace(/<script\b[\s\S]*?(?:<\/script\s*>|$)/gi, '')
    .replace(/<(iframe|frame|object|embed|applet)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
    .replace(/<\/?(?:iframe|frame|frameset|object|embed|applet|base|script)\b[^>]*>/gi, '');

const inertTag = (tag: string): string => tag.replace(EVENT_HANDLER, '').replace(SCRIPT_URL, '$1#');

const MAY_BE_ACTIVE_ALL = new RegExp(MAY_BE_ACTIVE.source, 'gi');
/** A whole start tag read where it begins (as `startTagRewriter` reads one). */
const START_TAG_AT = new RegExp(`<[a-zA-Z][^\\s/>]*${START_TAG_REST.source}`, 'y');

/**
 * `stripActiveContent` for markup the browser has just serialised in the page
 * (`outerHTML`), where one stray `onclick` must not cost a pass over every tag:
 * only the tags holding a handler-like attribute or script URL are read, each
 * from the last `<` before the match (the browser escapes `<` inside attribute
 * values, so that is where the tag starts). On such markup the result is
 * `stripActiveContent`'s; the worker runs that again on what the page sends
 * and trusts none of it.
 */
export function stripActiveContentSerialised(html: string): string {
  const inert = withoutActiveElements(html);
  let out = '';
  let copied = 0;
  MAY_BE_ACTIVE_ALL.lastIndex = 0;
  for (let found = MAY_BE_ACTIVE_ALL.exec(inert); found; found = MAY_BE_ACTIVE_ALL.exec(inert)) {
    const start = inert.lastIndexOf('<', found.index);
    if (start < copied) continue;
    START_TAG_AT.lastIndex = start;
    const tag = START_TAG_AT.exec(inert)?.[0];
    // Text that reads like a handler (prose about `javascript`) is not inside a tag: nothing to do.
    if (tag === undefined || start + tag.length <= found.index) continue;
    MAY_BE_ACTIVE_ALL.lastIndex = start + tag.length;
    const changed = inertTag(tag);
    if (changed === tag) continue;
    out += inert.slice(copied, start) + changed;
    copied = start + tag.length;
  }
  return copied === 0 ? inert : out + inert.slice(copied);
}

/**
 * Redacts a serialised DOM before it is written: the `value` of every input or
 * textarea that is a card, CVV, password, bank-account or ID field (by type,
 * name, id, autocomplete, placeholder or its label) is masked whole, then card
 * and ID numbers are masked anywhere in the markup (text and attributes).
 */
export function redactDom(html: string, count?: RedactionCount): string {
  const labels = labelTexts(html);
  const inputsMasked = rewriteInputTags(html, (tag, at) => {
    const attributes = tagAttributes(tag);
    const type = attributes.get('type') ?? 'text';
    if (CHOICE_INPUTS.test(type) || !attributes.has('value')) return tag;
    if (attributes.get('value') === MASK.secret || attributes.get('value') === '') return tag;
    const sessionLike = isSessionParam(attributes.get('name') ?? '');
    if (
      !sessionLike &&
      !isSensitiveField(fieldDescriptor(attributes, labels), type) &&
      !isSensitiveField(textBefore(html, at))
    )
      return tag;
    if (count) count.secrets = (count.secrets ?? 0) + 1;
    return setAttribute(tag, 'value', MASK.secret);
  });
  const masked = inputsMasked.replace(
    /(<textarea\b[^>]*>)([\s\S]*?)(<\/textarea\s*>)/gi,
    (whole, open: string, content: string, close: string, at: number) => {
      if (
        content === '' ||
        (!isSensitiveField(fieldDescriptor(tagAttributes(open), labels)) &&
          !isSensitiveField(textBefore(inputsMasked, at)))
      )
        return whole;
      if (count) count.secrets = (count.secrets ?? 0) + 1;
      return `${open}${MASK.secret}${close}`;
    },
  );
  // Then the numbers as the page renders them: across inline elements, entities and line breaks.
  return starSecrets(redactUsual(masked, count), count, true);
}

/**
 * The text just before a form control in the markup, when it is short enough
 * to be its label: a neighbouring `<span>银行账号</span>`, the label cell of a
 * table row, the label of a form-item wrapper. Only the nearest text counts
 * (the label of the row above is not this field's).
 */
function textBefore(html: string, at: number): string {
  const preceding = html.slice(Math.max(0, at - 400), at);
  const pieces = preceding.split(/<[^>]*>/);
  for (let i = pieces.length - 1; i >= 0; i--) {
    const text = decodeEntities(pieces[i]!).replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    return text.length <= 24 ? text : '';
  }
  return '';
}
