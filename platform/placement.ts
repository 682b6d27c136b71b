/**
 * Keeps the in-page card off the page's buy button. The card starts at the
 * top right; when it would cover a visible buy / pay / submit button it moves
 * to the next corner that covers none (top right again if every corner does).
 */
const BUY_WORDS = /立即购买|立即支付|去支付|确认订单|提交订单|立即开通|立即续费|确认支付|购买|支付|pay now|buy now|place order|subscribe|checkout/i;
export const PLACEMENTS = ['top-right', 'top-left', 'bottom-left', 'bottom-right'] as const;
export type Placement = (typeof PLACEMENTS)[number];

/**
 * Buy, pay and submit buttons, found with a few simple selectors run one by
 * one: the browser answers each of those from its tag and attribute maps, where
 * one selector list would be matched against every element (on a console with
 * thousands of rows that is most of the cost).
 *
 * Links styled as buttons (`a.btn`, `a.buy-now`) are looked for only when
 * `links` is set, on checkouts, where the buy button often is one. Matching
 * every link's class is the costly part on an order list (three links a row:
 * about 11 ms for 3,000 rows, profiled), whose actions are plain links anyway.
 */
function buyButtons(doc: Document, links: boolean): DOMRect[] {
  const candidates: Element[] = [];
  const take = (list: ArrayLike<Element>) => {
    for (let i = 0; i < list.length && candidates.length < 400; i++) candidates.push(list[i]!);
  };
  take(doc.getElementsByTagName('button'));
  take(Array.from(doc.getElementsByTagName('input')).filter((el) => el.type === 'submit' || el.type === 'button'));
  take(doc.querySelectorAll('[role="button"]'));
  if (links) take(doc.querySelectorAll('a[class*="btn"], a[class*="buy"]'));
  const rects: DOMRect[] = [];
  for (const el of candidates) {
    const type = el.getAttribute('type');
    const label = (el as HTMLInputElement).value || el.textContent || el.getAttribute('aria-label') || '';
    if (type !== 'submit' && !BUY_WORDS.test(label)) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width > 0 && rect.height > 0) rects.push(rect);
  }
  return rects;
}

const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Moves the card (the host's `data-placement`) so that it covers no buy button;
 * returns where it went. `links`: also avoid links styled as buttons (checkouts).
 */
export function placeCard(host: HTMLElement, card: HTMLElement, links: boolean): Placement {
  const buttons = buyButtons(host.ownerDocument, links);
  for (const placement of PLACEMENTS) {
    host.setAttribute('data-placement', placement);
    const box = card.getBoundingClientRect();
    if (!buttons.some((b) => overlaps(b, box))) return placement;
  }
  host.setAttribute('data-placement', 'top-right');
  return 'top-right';
}
