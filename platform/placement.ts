/**
 * Keeps the in-page card off the page's buy button. The card starts at the
 * top right; when it would cover a visible buy / pay / submit button it moves
 * to the next corner that covers none (top right again if every corner does).
 */
const BUY_WORDS = /立即购买|立即支付|去支付|确认订单|提交订单|立即开通|立即续费|确认支付|购买|支付|pay now|buy now|place order|subscribe|checkout/i;
export const PLACEMENTS = ['top-right', 'top-left', 'bottom-left', 'bottom-right'] as const;
export type Placement = (typeof PLACEMENTS)[number];

function buyButtons(doc: Document): DOMRect[] {
  const candidates = doc.querySelectorAll('button, input[type="submit"], a[role="button"], a[class*="btn"], a[class*="buy"], [type="submit"]');
  const rects: DOMRect[] = [];
  for (const el of Array.from(candidates).slice(0, 400)) {
    const label = (el as HTMLInputElement).value || el.textContent || el.getAttribute('aria-label') || '';
    if (el.getAttribute('type') !== 'submit' && !BUY_WORDS.test(label)) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width > 0 && rect.height > 0) rects.push(rect);
  }
  return rects;
}

const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Moves the card (the host's `data-placement`) so that it covers no buy button; returns where it went. */
export function placeCard(host: HTMLElement, card: HTMLElement): Placement {
  const buttons = buyButtons(host.ownerDocument);
  for (const placement of PLACEMENTS) {
    host.setAttribute('data-placement', placement);
    const box = card.getBoundingClientRect();
    if (!buttons.some((b) => overlaps(b, box))) return placement;
  }
  host.setAttribute('data-placement', 'top-right');
  return 'top-right';
}
