/** Value normalisers shared by the extractors. Extracted values are plain text, never HTML. */

/** Longest value kept from a page; longer text is cut (pages may be hostile). */
export const MAX_VALUE_LENGTH = 300;

export function cleanText(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim()
    .slice(0, MAX_VALUE_LENGTH);
}

/** A label as written on the page, without its trailing colon: "订单号：" → "订单号". */
export function labelText(text: string): string {
  return cleanText(text)
    .replace(/[：:]\s*$/, '')
    .trim();
}

/** "¥1,234.50", "3,145.37 元", "US$12" → 1234.5; null when there is no amount. */
export function parseMoney(text: string): number | null {
  const match = cleanText(text).match(/-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?/);
  if (!match) return null;
  const value = Number(match[0].replace(/,/g, ''));
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : null;
}

/** "2026-11-18 10:58:22", "2026/11/18 10:58", "2026年11月18日" → "2026-11-18 10:58:22" style. */
export function parseDateTime(text: string): string | null {
  const m = cleanText(text).match(
    /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?/,
  );
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const pad = (v: string | undefined) => (v ?? '0').padStart(2, '0');
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  return h === undefined ? date : `${date} ${pad(h)}:${pad(mi)}:${pad(s)}`;
}

/**
 * A purchase term: "1年" "3 年" "12个月" "1 month" → "1年" / "12个月". Text that
 * says more than a term ("剩余 11个月6天") is kept as written; null when no
 * term is named at all.
 */
export function parseTerm(text: string): string | null {
  const t = cleanText(text);
  const zh = t.match(/(\d+)\s*(个月|年|月)/);
  const en = t.match(/(\d+)\s*(years?|months?)/i);
  const hit = zh ?? en;
  if (!hit) return null;
  const normal = `${hit[1]}${/^(年|y)/i.test(hit[2]!) ? '年' : '个月'}`;
  return t.replace(hit[0], '').trim() === '' ? normal : t;
}

/** An order number: the first run of 6–40 letters, digits or dashes. */
export function parseOrderId(text: string): string | null {
  const m = cleanText(text).match(/[A-Za-z0-9][A-Za-z0-9-]{5,39}/);
  return m ? m[0] : null;
}

/** A whole term in months: "1年" → 12, "3个月" → 3, "1 year" → 12; null otherwise ("永久", "剩余 11个月6天"). */
export function termMonths(term: unknown): number | null {
  if (typeof term !== 'string') return null;
  const t = term.trim();
  const years = /^(\d{1,2})\s*(?:年|years?)$/i.exec(t);
  const months = /^(\d{1,3})\s*(?:个月|月|months?)$/i.exec(t);
  const n = years ? Number(years[1]) * 12 : months ? Number(months[1]) : 0;
  return n > 0 ? n : null;
}
