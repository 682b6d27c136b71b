import { acceptTrustedInputOnly } from '../../platform/trusted-input';
import { CAPTURING_ATTRIBUTE, registerCard } from '../../platform/card-visibility';
import type { PageMatch } from '../../lib/vendors/types';

/** The element name and attributes are contract 2 in DESIGN.md. */
export const UI_ELEMENT = 'refund-guard-ui';

/** The card's place in the page: its host element, its closed shadow root and the element it draws in. */
export interface CardHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  container: HTMLElement;
  /** Takes the card off the page and ends its guards. */
  remove(): void;
}

/**
 * Puts the card's host in the browser's top layer (a manual popover) where
 * the Popover API exists. A fixed element added to the page makes the browser
 * walk the whole page's paint properties again (traced on the 3,000-order
 * list: about 25 ms); an element in the top layer is painted apart from the
 * page and costs no such walk. Elsewhere the host stays a fixed element.
 */
function raiseToTopLayer(host: HTMLElement): void {
  if (typeof host.showPopover !== 'function') return;
  host.setAttribute('popover', 'manual');
  try {
    host.showPopover();
  } catch {
    host.removeAttribute('popover');
  }
}

/**
 * Puts the card back when page script takes it off the page (removes its host,
 * or hides its popover), on the next frame so that a page that keeps removing it
 * cannot make the two loop within one task. Returns a function that stops.
 */
function keepOnPage(host: HTMLElement): () => void {
  let frame = 0;
  const restore = () => {
    frame = 0;
    if (!host.isConnected) document.documentElement.append(host);
    if (host.hasAttribute('popover') && !host.matches(':popover-open')) raiseToTopLayer(host);
    watch();
  };
  const check = () => {
    if (frame || (host.isConnected && (!host.hasAttribute('popover') || host.matches(':popover-open')))) return;
    frame = requestAnimationFrame(restore);
  };
  // The host's own parent and the document element (a page may replace <body>): child lists only, no subtree.
  const observer = new MutationObserver(check);
  const watch = () => {
    observer.disconnect();
    observer.observe(document.documentElement, { childList: true });
    if (host.parentNode && host.parentNode !== document.documentElement)
      observer.observe(host.parentNode, { childList: true });
  };
  watch();
  host.addEventListener('toggle', check);
  return () => {
    observer.disconnect();
    host.removeEventListener('toggle', check);
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
  };
}

/**
 * Adds the card's host at the end of the page: a `refund-guard-ui` element
 * with a closed shadow root (page script cannot reach the card's controls or
 * read what it shows), in the top layer, guarded so that only the user's own
 * input acts on it, put back when a page removes it, and hidden while the page
 * is pictured as evidence (a switch inside the closed root).
 */
export function addCardHost(match: PageMatch, css: string): CardHost {
  const host = document.createElement(UI_ELEMENT);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = `:host{all:initial !important;}\n${css}`;
  const container = document.createElement('div');
  shadow.append(style, container);
  host.setAttribute('data-kind', match.kind);
  host.setAttribute('data-vendor', match.vendor);
  // After <body>, not inside it: the page's body keeps its layout (on a list of thousands of
  // rows, a child added to <body> made the browser lay the body out again).
  document.documentElement.append(host);
  raiseToTopLayer(host);
  const stopGuard = acceptTrustedInputOnly(shadow);
  const stopKeeping = keepOnPage(host);
  const stopCapture = registerCard((hidden) => container.toggleAttribute(CAPTURING_ATTRIBUTE, hidden));
  let removed = false;
  return {
    host,
    shadow,
    container,
    remove() {
      if (removed) return;
      removed = true;
      stopKeeping();
      stopGuard();
      stopCapture();
      host.remove();
    },
  };
}
