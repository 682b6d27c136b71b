import type { Extraction } from './order';
import { MAX_SCANNED_ELEMENTS, valueElement } from './labels';
import { chosenOption, columnCell, isChosen, structuralLabel, TOGGLE_SELECTOR } from './structure';
import type { CheckoutFields } from './schema';
import { cleanText, parseMoney, parseOrderId } from './normalize';

export type { CheckoutFields } from './schema';

/** The fields every purchase page is expected to show; the others count only where a page shows them. */
export const CORE_CHECKOUT_FIELDS = [
  'product',
  'term',
  'autoRenew',
  'promoText',
  'price',
  'originalPrice',
  'channel',
] as const;

const SCANNED = 'dt, dd, th, td, label, span, div, p, li, strong, b, h1, h2, h3, h4, small, em';
const SHORT_TEXT = 90;

const TERM_LABELS = [
  '购买时长',
  '续费时长',
  '时长',
  '购买周期',
  '订阅时长',
  '订阅周期',
  '授权',
  '授权期限',
  'Term',
  'Duration',
  'Billing period',
];
const PRICE_LABELS = [
  '应付金额',
  '应付总额',
  '实付',
  '实付金额',
  '合计',
  '总计',
  '总价',
  '订单总额',
  '配置费用',
  'Total due today',
  'Total due',
  'Amount due',
  'Due today',
  'Total',
];
const ORIGINAL_LABELS = ['原价', '官网原价', '课程原价', '划线价', 'Original price', 'List price', 'Regular price'];
const PRODUCT_LABELS = ['商品', '商品名称', '产品', '产品名称', '套餐', '课程', 'Product', 'Plan'];
const EDITION_LABELS = ['版本', 'Edition'];
const ORDER_TYPE_LABELS = ['订单类型', '类型', 'Order type'];
const SEAT_LABELS = ['账号数', '账户数', '用户数', 'Seats', 'Users'];
const ORDER_ID_LABELS = ['订单号', '订单编号', 'Order ID', 'Order number'];
/** "续费订单不适用五天无理由退还": a renewal page saying renewals get no five-day refund. */
const RENEWAL_NO_FIVE_DAY =
  /续费[^。；;]{0,12}(不适用|不支持|不享受|不参与)[^。；;]{0,8}(五天|5\s*天|无理由)|renewals?[^.;]{0,30}(not eligible|do not qualify)[^.;]{0,30}(five|5)-?day/i;
const AUTO_RENEW_LABELS = ['自动续费', '自动续订', 'Auto-renew', 'Auto renew'];

const AUTO_RENEW = /自动续费|自动续订|自动扣费续费|自动.{0,8}续费|auto-?renew/i;
const AUTO_RENEW_STATEMENT = /(将|会)[^。；;，,]{0,16}自动续(费|订)|renews automatically|auto-renews/i;
const AUTO_RENEW_NEGATED = /(未开启|已关闭|不会|无需)[^。；;]{0,4}自动续/;
const NON_REFUNDABLE = /不支持退款|不予退款|不可退款|不退款|不可退|不支持退还|non-?refundable|no refunds?\b/i;
const PROMOTION = /活动价|活动购买|活动|特价|特惠|促销|限时|秒杀|promo(tion)?|sale\b|special offer/i;
const RESELLER_PROMISE = /(代理商|经销商|服务商|渠道商|reseller).{0,6}(承诺|保证|promise)/i;
const RESELLER_WORDS = /代理商|经销商|授权服务商|渠道商|reseller|authori[sz]ed partner/i;
const DIGITAL_GOODS =
  /(数字商品|虚拟商品|数字产品|digital (goods|products?))[^。；]{0,16}(不支持退|不退|不予退|不可退|non-?returnable|no refund)/i;
const GENERIC_HEADING = /^(购买|确认订单|订单确认|支付订单|订单支付|续费|升级版本|checkout|order summary|payment)$/i;
const DISCOUNT_LABEL = /优惠|折扣|立减|discount|promo/i;

/** The text an element holds directly (not its children's): the label part of "应付总额 <span>¥…</span>". */
function ownText(el: Element): string {
  let text = '';
  for (let node = el.firstChild; node; node = node.nextSibling) if (node.nodeType === 3) text += node.nodeValue ?? '';
  return text;
}

/** "配置费用（1年）：" → "配置费用"; parentheticals and trailing colons are not part of a label. */
function normaliseLabel(text: string): string {
  return cleanText(text)
    .replace(/[（(][^）)]*[）)]?/g, '')
    .replace(/[：:]\s*$/, '')
    .trim();
}

function isHidden(el: Element): boolean {
  const hidden = el.closest('[hidden], [aria-hidden="true"]');
  if (hidden) return true;
  const style = el.getAttribute('style') ?? '';
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

interface LabelledValue {
  label: string;
  text: string;
  /** The element holding the value (for reading controls, struck-through prices …). */
  element: Element | null;
}

/** An element that holds text of its own, with that text read as a label once. */
interface OwnText {
  el: Element;
  own: string;
  label: string;
  /** The label in lower case, for matching. */
  key: string;
}

/**
 * One pass over the scanned elements, shared by every search of the page: each
 * element's own text as a label, and the short texts phrases are looked for
 * in. Reading them once instead of once per search cuts the extraction's work
 * several times over on a big purchase form.
 */
interface PageScan {
  owned: readonly OwnText[];
  short: readonly { el: Element; text: string }[];
}

function scanPage(elements: readonly Element[]): PageScan {
  const owned: OwnText[] = [];
  const short: { el: Element; text: string }[] = [];
  for (const el of elements) {
    const own = ownText(el);
    if (own.trim()) {
      const label = normaliseLabel(own);
      owned.push({ el, own, label, key: label.toLowerCase() });
    }
    if (el.childElementCount > 3) continue;
    const text = cleanText(el.textContent);
    if (text.length > 0 && text.length <= SHORT_TEXT) short.push({ el, text });
  }
  return { owned, short };
}

/**
 * Every value the page shows under one of `labels`: a dt/dd pair, a table
 * column, a "label：value" run, or a label element followed by its value.
 * Hidden elements are skipped; at most MAX_SCANNED_ELEMENTS are looked at.
 */
function labelled(scan: PageScan, labels: readonly string[]): LabelledValue[] {
  const wanted = new Set(labels.map((l) => l.toLowerCase()));
  const out: LabelledValue[] = [];
  for (const { el, own, label, key } of scan.owned) {
    if (own.length > 60 || !wanted.has(key)) continue;
    // Headings title sections and footer link lists ("产品" over a list of apps), not values.
    if (/^H[1-6]$/.test(el.tagName)) continue;
    if (isHidden(el)) continue;
    if (el.tagName === 'TH' || (el.tagName === 'TD' && el.closest('thead'))) {
      const cell = columnCell(el);
      if (cell) out.push({ label, text: cleanText(cell.textContent), element: cell });
      continue;
    }
    // "应付总额 <span>¥3,420.00</span>": the value sits inside the label element.
    const rest = cleanText(el.textContent).replace(cleanText(own), '').trim();
    if (el.childElementCount > 0 && /\d/.test(rest) && !/[（(]/.test(cleanText(own))) {
      out.push({ label, text: rest, element: el });
      continue;
    }
    const next = valueElement(el);
    if (next) out.push({ label, text: cleanText(next.textContent), element: next });
  }
  return out;
}

/** A term as "1年" / "6个月" / "永久"; null when the text names none. */
export function termOf(text: string): string | null {
  const t = cleanText(text);
  if (/永久|终身|lifetime|perpetual/i.test(t)) return '永久';
  if (/半年/.test(t)) return '6个月';
  const zhWords: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 五: 5 };
  const zh = t.match(/(\d+)\s*(个月|年|月)/) ?? t.match(/([一两二三五])\s*(年)/);
  if (zh) {
    const amount = /\d/.test(zh[1]!) ? Number(zh[1]) : zhWords[zh[1]!]!;
    return `${amount}${zh[2] === '年' ? '年' : '个月'}`;
  }
  const en = t.match(/(\d+)\s*(years?|months?)/i);
  if (en) return `${Number(en[1])}${/^y/i.test(en[2]!) ? '年' : '个月'}`;
  if (/\b(annual|yearly)\b/i.test(t)) return '1年';
  if (/\bmonthly\b/i.test(t)) return '1个月';
  return null;
}

function termFromValue(value: LabelledValue): string | null {
  // A choice group (native radios, ARIA radios, a segment of buttons): only the chosen option counts.
  const group = value.element;
  const isGroup = group?.querySelector(
    'input[type="radio"], [role="radio"], [role="radiogroup"], button, [class*="segment"]',
  );
  if (group && isGroup) {
    const chosen = chosenOption(group);
    if (chosen) return termOf(chosen.text);
    if (group.querySelector('input[type="radio"], [role="radio"]')) return null;
  }
  return termOf(value.text);
}

function findTerm(scan: PageScan, root: ParentNode): string | null {
  for (const group of Array.from(root.querySelectorAll('[role="radiogroup"][aria-label]')).slice(0, 50)) {
    const label = normaliseLabel(group.getAttribute('aria-label') ?? '');
    if (!TERM_LABELS.includes(label)) continue;
    const term = termFromValue({ label, text: '', element: group });
    if (term) return term;
  }
  for (const hit of labelled(scan, TERM_LABELS)) {
    const term = termFromValue(hit);
    if (term) return term;
  }
  for (const hit of labelled(scan, ['套餐', 'Plan'])) {
    const term = termOf(hit.text);
    if (term) return term;
  }
  return null;
}

function renewState(text: string): boolean | null {
  if (/未开启|关闭|否|off|no\b|disabled/i.test(text)) return false;
  if (/已开启|开启|是|on\b|yes|enabled/i.test(text)) return true;
  return null;
}

function findAutoRenew(scan: PageScan, root: ParentNode, pageText: string): boolean | null {
  for (const box of Array.from(root.querySelectorAll(TOGGLE_SELECTOR)).slice(0, 300)) {
    const names = `${box.getAttribute('id') ?? ''} ${box.getAttribute('name') ?? ''} ${box.getAttribute('aria-label') ?? ''}`;
    let about = /auto.?renew|自动续/i.test(names);
    // A switch or checkbox whose label sits in the form item's label cell ("自动续费 [开关]").
    if (!about) about = AUTO_RENEW.test(structuralLabel(box) ?? '');
    let node: Element | null = box;
    for (let depth = 0; !about && node && depth < 4; depth++) {
      const text = cleanText(node.textContent);
      const before = node.previousElementSibling ? cleanText(node.previousElementSibling.textContent) : '';
      about = (text.length <= 120 && AUTO_RENEW.test(text)) || (before.length <= 24 && AUTO_RENEW.test(before));
      node = node.parentElement;
    }
    if (about) return isChosen(box);
  }
  for (const hit of labelled(scan, AUTO_RENEW_LABELS)) {
    const state = renewState(hit.text);
    if (state !== null) return state;
  }
  const statement = pageText.match(AUTO_RENEW_STATEMENT);
  if (statement && !AUTO_RENEW_NEGATED.test(statement[0])) return true;
  return null;
}

/** The smallest short element whose text passes `test`, in document order for ties. */
function shortestMatching(scan: PageScan, test: (text: string) => boolean): string | null {
  let best: string | null = null;
  for (const { el, text } of scan.short) {
    if (best !== null && text.length >= best.length) continue;
    if (!test(text) || isHidden(el)) continue;
    best = text;
  }
  return best?.replace(/[。.!！]+$/, '') ?? null;
}

function negativeAmount(text: string): number | null {
  if (!/^[-−–]/.test(text.trim())) return null;
  const value = parseMoney(text.replace(/[−–]/, '-'));
  return value === null ? null : Math.abs(value);
}

function findOriginalPrice(scan: PageScan, priceHit: LabelledValue | undefined, price: number | null): number | null {
  for (const hit of labelled(scan, ORIGINAL_LABELS)) {
    const value = parseMoney(hit.text);
    if (value !== null) return value;
  }
  const container = priceHit?.element;
  if (container) {
    const STRUCK = 's, del, strike, [class~="was"], [class*="origin"], [class*="old-price"]';
    // Inside the price, else beside it ("<b>¥1,066.55</b> <del>¥1,285.00</del>").
    for (const scope of [container, container.parentElement]) {
      const struck = scope ? Array.from(scope.querySelectorAll(STRUCK)).find((el) => !isHidden(el)) : undefined;
      const value = struck ? parseMoney(struck.textContent ?? '') : null;
      if (value !== null && (price === null || value > price)) return value;
    }
  }
  if (price !== null) {
    let discounts = 0;
    for (const { el, label } of scan.owned) {
      if (el.tagName !== 'DT' && el.tagName !== 'TH' && el.tagName !== 'SPAN') continue;
      if (!label || label.length > 24 || !DISCOUNT_LABEL.test(label) || /券|coupon/i.test(label)) continue;
      const amount = negativeAmount(cleanText(el.nextElementSibling?.textContent));
      if (amount !== null) discounts += amount;
    }
    if (discounts > 0) return Math.round((price + discounts) * 100) / 100;
  }
  return null;
}

function findProduct(scan: PageScan, root: ParentNode): string | null {
  const hit = labelled(scan, PRODUCT_LABELS).find((h) => h.text.length > 0 && h.text.length <= 80);
  // "快连 年付（1年）": a term in brackets is not part of the product's name.
  let product = hit
    ? cleanText(hit.text)
        .replace(/[（(][^）)]*[）)]$/, (part) => (termOf(part) ? '' : part))
        .trim() || null
    : null;
  if (!product) {
    const heading = root.querySelector('h1');
    const text = heading ? normaliseLabel(ownText(heading) || (heading.textContent ?? '')) : '';
    if (text && !GENERIC_HEADING.test(text)) product = text.replace(/^购买\s*/, '');
  }
  if (!product) return null;
  const edition = labelled(scan, EDITION_LABELS)
    .map((h) => normaliseLabel(h.text))
    .find((e) => /^\S{1,10}版$|edition$/i.test(e));
  return edition && !product.includes(edition) ? `${product} ${edition}` : product;
}

function orderTypeOf(text: string): string | null {
  if (/续费|renewal/i.test(text)) return '续费';
  if (/升级|升配|变配|upgrade/i.test(text)) return '升级';
  if (/新购|new purchase/i.test(text)) return '新购';
  return null;
}

function seatsOf(hit: LabelledValue): number | null {
  const input = hit.element?.matches('input') ? hit.element : hit.element?.querySelector('input');
  const raw = input ? ((input as { value?: unknown }).value ?? input.getAttribute('value')) : hit.text;
  const m = String(raw ?? '').match(/\d{1,6}/);
  return m ? Number(m[0]) : null;
}

export interface CheckoutContext {
  /** The page's address: the channel follows from the host (app stores, reseller sites). */
  url: string;
  /** Whether the host is one of a shipped vendor's own sites. */
  vendorHost: boolean;
  /** The page's visible text (for statements such as "renews automatically"). */
  text: string;
}

/**
 * Reads a purchase page by its labels and controls — the checked term radio,
 * the auto-renew checkbox, the amount after 应付金额 — rather than by CSS
 * paths. Every value is plain text or a number; bounded work on any page.
 */
export function extractCheckout(root: ParentNode, context: CheckoutContext): Extraction<CheckoutFields> {
  const scan = scanPage(Array.from(root.querySelectorAll(SCANNED)).slice(0, MAX_SCANNED_ELEMENTS));
  const fields: Partial<CheckoutFields> = {};
  const text = context.text.slice(0, 200_000);

  const product = findProduct(scan, root);
  if (product) fields.product = product;
  const term = findTerm(scan, root);
  if (term) fields.term = term;
  const autoRenew = findAutoRenew(scan, root, text);
  if (autoRenew !== null) fields.autoRenew = autoRenew;

  const promo = shortestMatching(scan, (t) => NON_REFUNDABLE.test(t) && PROMOTION.test(t.replace(/优惠券/g, '')));
  if (promo) fields.promoText = promo;

  let priceHit: LabelledValue | undefined;
  for (const label of PRICE_LABELS) {
    priceHit = labelled(scan, [label]).find((h) => parseMoney(h.text) !== null);
    if (priceHit) break;
  }
  const price = priceHit ? parseMoney(priceHit.text) : null;
  if (price !== null) fields.price = price;
  const original = findOriginalPrice(scan, priceHit, price);
  if (original !== null && (price === null || original > price)) fields.originalPrice = original;

  // A vendor's own site warning about resellers' promises is not one.
  const promise = context.vendorHost ? null : shortestMatching(scan, (t) => RESELLER_PROMISE.test(t));
  if (promise) fields.resellerPromise = promise;
  const renewal = shortestMatching(scan, (t) => RENEWAL_NO_FIVE_DAY.test(t));
  if (renewal) fields.renewalNotice = renewal;
  const digital = shortestMatching(scan, (t) => DIGITAL_GOODS.test(t));
  if (digital) fields.digitalGoodsNotice = digital.replace(/^[^：:]{1,8}[：:]\s*/, '');

  let host = '';
  try {
    host = new URL(context.url).hostname;
  } catch {
    host = '';
  }
  if (host === 'apps.apple.com') fields.channel = 'app-store';
  else if (host === 'play.google.com') fields.channel = 'google-play';
  else if (!context.vendorHost && (promise || RESELLER_WORDS.test(text))) fields.channel = 'reseller';
  else fields.channel = 'official';

  const typeHit = labelled(scan, ORDER_TYPE_LABELS)
    .map((h) => orderTypeOf(h.text))
    .find((t) => t !== null);
  const heading = root.querySelector('h1')?.textContent ?? '';
  const orderType = typeHit ?? orderTypeOf(cleanText(heading));
  if (orderType) fields.orderType = orderType;

  const seats = labelled(scan, SEAT_LABELS)
    .map(seatsOf)
    .find((n) => n !== null);
  if (seats != null) fields.seats = seats;
  const orderId = labelled(scan, ORDER_ID_LABELS)
    .map((h) => parseOrderId(h.text))
    .find((id) => id !== null);
  if (orderId) fields.orderId = orderId;

  const found = Object.keys(fields) as (keyof CheckoutFields)[];
  const missing = CORE_CHECKOUT_FIELDS.filter((key) => !(key in fields));
  const confidence =
    Math.round((CORE_CHECKOUT_FIELDS.filter((key) => key in fields).length / CORE_CHECKOUT_FIELDS.length) * 100) / 100;
  return { fields, found, missing, conflicts: [], confidence };
}
