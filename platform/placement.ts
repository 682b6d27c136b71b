import { EDGE, freeSpot, PREFERRED_TOP, type Box, type Spot } from '../lib/card/place';

/**
 * Keeps the in-page card off what the user works with: it never covers a
 * control (link, button, field, select, ARIA widget) or the text of a risk it
 * flags. Where the opened card has no free place it is shown as its pill; a
 * pill with no free place stays at the top right.
 */

const CONTROL_TAGS = ['a', 'button', 'input', 'select', 'textarea', 'summary', 'label'] as const;
const WIDGET_ROLES = new Set([
  'button',
  'link',
  'radio',
  'checkbox',
  'switch',
  'tab',
  'combobox',
  'listbox',
  'option',
  'menuitem',
  'menuitemradio',
  'menuitemcheckbox',
  'slider',
  'spinbutton',
  'textbox',
  'searchbox',
  'treeitem',
]);

/** Siblings in a row below the viewport after which the rest are skipped, and the last ones always read. */
const BELOW_RUN = 40;
const TAIL = 60;

const inView = (r: DOMRect, width: number, height: number) =>
  r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < height && r.left < width;

const CONTROL_TAG_SET = new Set<string>(CONTROL_TAGS.map((t) => t.toUpperCase()));

function isControl(el: Element): boolean {
  if (CONTROL_TAG_SET.has(el.tagName)) {
    if (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'hidden') return false;
    return el.tagName !== 'A' || el.hasAttribute('href') || el.hasAttribute('role');
  }
  const role = el.getAttribute('role');
  return role !== null && WIDGET_ROLES.has(role);
}

const isButton = (el: Element) =>
  el.tagName === 'BUTTON' ||
  (el.tagName === 'INPUT' && /^(submit|button)$/i.test((el as HTMLInputElement).type)) ||
  el.getAttribute('role') === 'button';

/**
 * The viewport boxes of the page's controls, found by walking the page from
 * the top and going into an element only when its box reaches into the
 * viewport (or has no box of its own): a list of thousands of rows is read for
 * its visible rows only. In document order siblings run down the page, so
 * after a run of them below the viewport the rest are skipped, except the last
 * few (fixed bars and widgets usually close a container). Reading boxes after
 * layout costs no extra layout. The card's own host is skipped.
 */
export function controlBoxes(doc: Document, host: Element): Box[] & { buttons: Box[] } {
  const width = doc.documentElement.clientWidth;
  const height = doc.documentElement.clientHeight;
  const boxes = Object.assign([] as Box[], { buttons: [] as Box[] });
  const visit = (parent: Element) => {
    const children = parent.children;
    const count = children.length;
    const tail = Math.max(0, count - TAIL);
    let below = 0;
    for (let i = 0; i < count; i++) {
      if (below >= BELOW_RUN && i < tail) {
        i = tail - 1;
        below = 0;
        continue;
      }
      const el = children[i]!;
      if (el === host) continue;
      const r = el.getBoundingClientRect();
      below = r.top >= height ? below + 1 : 0;
      const sized = r.width > 0 || r.height > 0;
      if (sized && !inView(r, width, height)) {
        // Its own box is out of view, but a fixed or overflowing descendant may not be: only
        // elements wholly below the viewport with nothing fixed at the page's end are skipped.
        if (r.top >= height || r.bottom <= 0) continue;
      }
      if (isControl(el)) {
        if (!inView(r, width, height)) continue;
        const box = { left: r.left, top: r.top, width: r.width, height: r.height };
        boxes.push(box);
        // Buttons (buy, pay, submit …) are what the card must never cover, even opened by the user where no place is free.
        if (isButton(el)) boxes.buttons.push(box);
        continue;
      }
      if (el.firstElementChild) visit(el);
    }
  };
  if (doc.body) visit(doc.body);
  return boxes;
}

/** Boxes of the page text a flag quotes (its evidence), first 20 characters matched. */
export function quotedTextBoxes(doc: Document, quotes: readonly string[]): Box[] {
  const needles = quotes.map((q) => q.replace(/\s+/g, ' ').trim().slice(0, 20)).filter((q) => q.length >= 4);
  if (needles.length === 0 || !doc.body) return [];
  const width = doc.documentElement.clientWidth;
  const height = doc.documentElement.clientHeight;
  const boxes: Box[] = [];
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  let seen = 0;
  while (walker.nextNode() && seen++ < 20_000) {
    const text = walker.currentNode.nodeValue?.replace(/\s+/g, ' ') ?? '';
    if (!needles.some((n) => text.includes(n) || (text.length >= 4 && n.includes(text.trim())))) continue;
    const parent = walker.currentNode.parentElement;
    if (!parent) continue;
    const r = parent.getBoundingClientRect();
    if (inView(r, width, height)) boxes.push({ left: r.left, top: r.top, width: r.width, height: r.height });
  }
  return boxes;
}

/**
 * Puts the card at `spot` (the card element's own inline style: only the extension's script reaches it).
 * The card sits at the viewport's origin and is moved by its transform: a changed transform is
 * repainted without laying the page out again, where a changed left/top made the browser lay out
 * the whole page a second time in the card's first frame (on a list of thousands of rows, a few ms).
 */
function moveTo(card: HTMLElement, spot: Spot): void {
  card.style.setProperty('transform', `translate(${Math.round(spot.left)}px, ${Math.round(spot.top)}px)`);
}

/**
 * Moves the card to the first free spot; returns false when none exists (the
 * caller then shows the pill). With no free spot the card goes to the top right.
 */
export function placeCard(card: HTMLElement, obstacles: readonly Box[], buttons: readonly Box[] = []): boolean {
  const doc = card.ownerDocument;
  const viewport = { width: doc.documentElement.clientWidth, height: doc.documentElement.clientHeight };
  const box = card.getBoundingClientRect();
  const size = { width: box.width, height: box.height };
  const spot = freeSpot(viewport, size, obstacles);
  // No place free of every control (the user opened the card): at least keep off the page's buttons.
  const fallback = spot ?? freeSpot(viewport, size, buttons);
  moveTo(card, fallback ?? { left: Math.max(EDGE, viewport.width - EDGE - box.width), top: PREFERRED_TOP });
  return spot !== null;
}
