import { cleanText, labelText } from './normalize';
import { columnCell } from './structure';

/** How many elements a scan looks at, so a huge or hostile page costs bounded work. */
export const MAX_SCANNED_ELEMENTS = 20_000;
const LABEL_MAX_LENGTH = 24;

/** The element kinds that carry a label on the vendors' pages (dt, th, cells, label spans). */
const LABEL_SELECTOR = 'dt, th, td, label, span, div, p, li, strong, b, em, h3, h4';

export interface LabelHit {
  label: string;
  value: string;
}

/**
 * The element holding the value for a label element: the body cell under a
 * header cell (never the next header cell: "产品 | 计费模式" is a header row),
 * else the next sibling — of the label, or of the wrapper it alone fills
 * (`<div class="tea-form__label"><label>订单号</label></div><div>…</div>`).
 */
export function valueElement(el: Element): Element | null {
  const header = el.closest('th') ?? (el.tagName === 'TD' && el.closest('thead') ? el : null) ?? el.closest('thead td');
  if (header) return columnCell(header);
  let node: Element = el;
  for (let depth = 0; depth < 3; depth++) {
    const next = node.nextElementSibling;
    if (next) return next.tagName === 'TH' ? null : next;
    const parent = node.parentElement;
    if (!parent || parent.childElementCount !== 1 || /^(BODY|HTML|TR|TABLE|FORM)$/.test(parent.tagName)) return null;
    node = parent;
  }
  return null;
}

/**
 * Finds values by the label next to them — `<dt>订单号</dt><dd>…</dd>`,
 * `<span>实付金额：</span><span>…</span>`, `<td>订单号：2026…</td>` — rather
 * than by CSS paths, so small layout changes do not break it. Returns every
 * hit in document order (a page script that writes fake labels later shows up
 * as a second, conflicting hit).
 */
export function findLabelled(root: ParentNode, labels: readonly string[], skip?: (el: Element) => boolean): LabelHit[] {
  const wanted = new Set(labels);
  const hits: LabelHit[] = [];
  const elements = root.querySelectorAll(LABEL_SELECTOR);
  const limit = Math.min(elements.length, MAX_SCANNED_ELEMENTS);
  for (let i = 0; i < limit; i++) {
    const el = elements[i]!;
    if (el.childElementCount > 2) continue;
    const raw = el.textContent ?? '';
    if (raw.length > LABEL_MAX_LENGTH * 4) continue;
    if (skip?.(el)) continue;
    const text = cleanText(raw);
    const label = labelText(text);
    if (wanted.has(label) && label.length <= LABEL_MAX_LENGTH) {
      // A view the page has hidden (an SPA's previous route) is not what the page shows.
      if (el.closest('[hidden]')) continue;
      const value = cleanText(valueElement(el)?.textContent);
      if (value) hits.push({ label, value });
      continue;
    }
    // "订单号：2026…" in one element
    const inline = text.match(/^([^：:]{1,24})\s*[：:]\s*(.+)$/);
    if (inline && wanted.has(inline[1]!.trim()) && el.childElementCount === 0 && !el.closest('[hidden]')) {
      hits.push({ label: inline[1]!.trim(), value: inline[2]! });
    }
  }
  return hits;
}
