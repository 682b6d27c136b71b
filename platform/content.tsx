import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { PageLocale } from '../components/i18n-context';
import { PageCard } from '../components/PageCard';
import type { CardContent } from '../lib/card/model';
import { MAX_CARD_ROWS } from '../lib/card/limits';
import { extractCheckout } from '../lib/extract/checkout';
import { extractOrder, extractOrderList } from '../lib/extract/order';
import type { Locale } from '../lib/i18n/core';
import type { RequestOf } from '../lib/messages';
import { contentScriptHosts } from '../lib/vendors/registry';
import { detectPageWith, detectionText, DETECT_TEXT_LIMIT } from '../lib/detect';
import type { PageMatch } from '../lib/vendors/types';
import { pageTranslator } from '../lib/i18n/page';
import { capturePage, pageOrderFields, painted, settled, watchFieldTypes, type SaveOutcome } from './capture';
import { hideCardOn } from './card-prefs';
import { controlBoxes, placeCard, quotedTextBoxes } from './placement';
import { readsNotActivated, showsWebmailFailure } from '../lib/card/signals';
import { currentLocale } from './locale';
import { sendMessage, wakeWorker } from './page-messaging';
import { acceptTrustedInputOnly } from './trusted-input';
import { CAPTURING_ATTRIBUTE, registerCard } from './card-visibility';
import { pageSettings } from './page-settings';

/** The element name and attributes are contract 2 in DESIGN.md. */
export const UI_ELEMENT = 'refund-guard-ui';

const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', UI_ELEMENT.toUpperCase()]);

/**
 * The page's text for detection: text nodes outside scripts, styles and our
 * own card, up to the detector's limit. A tree walk does not force layout
 * (innerText would) and stops early on huge pages.
 */
function pageText(): string {
  const body = document.body;
  if (!body) return detectionText(document.title, '');
  // Text nodes only, filtered here rather than in a NodeFilter callback: one call into
  // the page per node instead of two, which matters on pages with thousands of rows.
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  let length = 0;
  while (length < DETECT_TEXT_LIMIT && walker.nextNode()) {
    const node = walker.currentNode;
    const parent = node.parentElement;
    if (parent && NOT_TEXT.has(parent.tagName)) continue;
    const text = node.nodeValue ?? '';
    parts.push(text);
    length += text.length;
  }
  return detectionText(document.title, parts.join(' '));
}

/**
 * Resolves once the page has loaded and painted a frame (or 3 s have passed).
 * The card waits for it: inserted while a big page was still finishing its
 * first layout, it made the browser lay the whole page out a second time
 * (traced on the 3,000-order list: about 500 ms of forced layout).
 */
async function pageRendered(): Promise<void> {
  if (document.readyState !== 'complete') {
    // A page whose last image or tracker never finishes still gets its card.
    await new Promise<void>((done) => {
      const slow = setTimeout(done, 3000);
      window.addEventListener(
        'load',
        () => {
          clearTimeout(slow);
          done();
        },
        { once: true },
      );
    });
  }
  await painted();
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
    if (!host.isConnected) (document.body ?? document.documentElement).append(host);
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
    if (host.parentNode && host.parentNode !== document.documentElement) observer.observe(host.parentNode, { childList: true });
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

const sameMatch = (a: PageMatch | null, b: PageMatch | null) => a?.vendor === b?.vendor && a?.kind === b?.kind;

const EMPTY: CardContent = { checkout: null, order: null, orderRows: [], presence: 'pill', notice: null };

/** What the page shows, read by its labels and controls: the request for the card's content. */
function cardRequest(match: PageMatch, locale: Locale): RequestOf<'card.content'> {
  const request: RequestOf<'card.content'> = {
    match,
    locale,
    checkout: null,
    order: null,
    rows: [],
    page: {
      notActivated: match.kind === 'console' && readsNotActivated(pageText()),
      title: match.kind === 'webmail' ? document.title.slice(0, 200) : '',
      ticketForm: match.kind === 'ticket' && document.querySelector('textarea') !== null,
      failureShown: match.kind === 'webmail' && showsWebmailFailure(pageText().slice(0, 4000)),
    },
  };
  if (match.kind === 'checkout') {
    const vendorHost = contentScriptHosts().includes(location.hostname);
    request.checkout = extractCheckout(document, { url: location.href, vendorHost, text: pageText() }).fields;
  } else if (match.kind === 'order') {
    const rows = extractOrderList(document, MAX_CARD_ROWS);
    if (rows.length > 1) request.rows = rows;
    else request.order = extractOrder(document).fields;
  }
  return request;
}

/**
 * Reads the page and asks the worker what the card shows. Null when there is
 * nothing new to draw: the page reads as it did last time (`lastKey`), or the
 * extractors cannot read it. A worker that does not answer leaves the card its
 * summary alone.
 */
async function readCard(match: PageMatch, locale: Locale, lastKey: string): Promise<{ key: string; content: CardContent } | null> {
  let request: RequestOf<'card.content'>;
  try {
    request = cardRequest(match, locale);
  } catch {
    return null;
  }
  const key = JSON.stringify(request);
  if (key === lastKey) return null;
  const content = await sendMessage('card.content', request).catch(() => EMPTY);
  return { key: content === EMPTY ? '' : key, content };
}

/**
 * Recognises the page, tells the worker, and shows the card. Consoles are
 * single-page apps: on every location change the page is detected again, the
 * previous card is removed and at most one card is mounted.
 */
export async function runPageScript(ctx: ContentScriptContext, css: string): Promise<void> {
  // From the start: a password field the page later shows as text ("show PIN") stays a secret.
  ctx.onInvalidated(watchFieldTypes());
  await pageRendered();
  const settings = await pageSettings(location.hostname);
  const locale = currentLocale(settings.locale);
  let ui: ShadowRootContentScriptUi<Root> | null = null;
  let shown: PageMatch | null = null;
  let dismissed = settings.cardHidden;
  let render: (() => void) | null = null;
  /** Keeps the shown card off the buy button (again after a resize). */
  let placeShown: (() => void) | null = null;
  let stopObserving: (() => void) | null = null;
  const t = pageTranslator(locale);
  // Order pages carry their order (订单号, 状态, 实付金额 …) into the snapshot, so
  // revisits dedupe by order and a changed status links to the earlier one.
  const save = (match: PageMatch, source: 'auto' | 'manual') =>
    capturePage({ match, source, t, fields: match.kind === 'order' ? pageOrderFields() : {} });
  const autoListeners = new Set<(outcome: SaveOutcome) => void>();
  const subscribeAutoCapture = (listener: (outcome: SaveOutcome) => void) => {
    autoListeners.add(listener);
    return () => void autoListeners.delete(listener);
  };
  let autoRun = 0;
  // Order pages are snapshotted on their own once they stop changing (consoles render late),
  // again after every in-app navigation; an unchanged page adds nothing (the worker dedupes).
  const autoCapture = async (match: PageMatch) => {
    const run = ++autoRun;
    await settled();
    if (run !== autoRun || ctx.isInvalid || !sameMatch(detectPageWith(location.href, pageText), match)) return;
    // An order list is not one order: it changes with every new order, and a snapshot of
    // thousands of rows is costly. Lists are saved on request; each order's own page is automatic.
    if (extractOrderList(document, 2).length > 1) return;
    const outcome = await save(match, 'auto');
    for (const listener of autoListeners) listener(outcome);
  };

  const update = async () => {
    const match = detectPageWith(location.href, pageText);
    void sendMessage('page.detected', { url: location.href, title: document.title.slice(0, 2000), match }).catch(() => {
      // The worker is restarted by the next event; the popup asks again then.
    });
    if (match?.kind === 'order') void autoCapture(match);
    if (ui && sameMatch(match, shown)) {
      // Same kind of page, new content (an SPA route): read it again once it has rendered.
      void settled().then(() => render?.());
      return;
    }
    ui?.remove();
    ui = null;
    render = null;
    shown = match;
    if (!match || dismissed || ctx.isInvalid) return;
    // The card is drawn once, with what the worker computed: a first empty draw cost the page a
    // second layout and paint (on a console with thousands of rows, each is tens of milliseconds).
    const first = (await readCard(match, locale, '')) ?? { key: '', content: EMPTY };
    if (!sameMatch(shown, match) || ui || ctx.isInvalid) return;
    // Nothing to act on here (an inbox, a login, a members list, a product page): the toolbar badge is enough.
    if (first.content.presence === 'none') return;
    /** Ends this card's guard and its watch over the host (set once mounted). */
    let releaseHost: (() => void) | null = null;
    const created = await createShadowRootUi<Root>(ctx, {
      name: UI_ELEMENT,
      // Closed: page script cannot reach the card's controls or read what it shows.
      mode: 'closed',
      css,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container, shadow, host) {
        host.setAttribute('data-kind', match.kind);
        host.setAttribute('data-vendor', match.vendor);
        raiseToTopLayer(host);
        // Only the user's own input acts on the card (saving, opening the checker, hiding it …).
        const stopGuard = acceptTrustedInputOnly(shadow);
        const stopKeeping = keepOnPage(host);
        // Hidden while the page is pictured as evidence: a switch inside the closed root, out of the page's reach.
        const stopCapture = registerCard((hidden) => container.toggleAttribute(CAPTURING_ATTRIBUTE, hidden));
        const root = createRoot(container);
        const close = () => {
          dismissed = true;
          ui?.remove();
          ui = null;
          render = null;
        };
        let drawn = 0;
        // The card moves off the page's buy button once it has been laid out, and again whenever
        // its size changes: the observer reports after layout, so reading positions costs no extra layout.
        let observed: Element | null = null;
        const resized = new ResizeObserver(() => place());
        let shownContent = first.content;
        /** Set when the open card found no free place as first shown: it is drawn as its pill. */
        let pillOnly = false;
        /** The first placement decides pill or open; later ones (a resize, the user opening it) only move it. */
        let placedOnce = false;
        const paint = (content: CardContent) => {
          shownContent = content;
          flushSync(() =>
            root.render(
              <PageLocale locale={locale}>
                <PageCard
                  match={match}
                  checkout={content.checkout}
                  order={content.order}
                  orderRows={content.orderRows}
                  presence={pillOnly || content.presence !== 'expanded' ? 'pill' : 'expanded'}
                  notice={content.notice}
                  onSaveEvidence={() => save(match, 'manual')}
                  onActionIntent={wakeWorker}
                  subscribeAutoCapture={subscribeAutoCapture}
                  onOpenChecker={async () => {
                    await sendMessage('ui.openChecker', {});
                  }}
                  onDismiss={close}
                  onNeverOnSite={() => {
                    void hideCardOn(location.hostname);
                    close();
                  }}
                />
              </PageLocale>,
            ),
          );
          const card = shadow.querySelector('.rg-card');
          if (card !== observed) {
            if (observed) resized.unobserve(observed);
            if (card) resized.observe(card);
            observed = card;
          }
        };
        // Later reads of the page (an SPA route that re-rendered, the form changing) redraw the
        // card; a page that reads the same as last time costs no round trip.
        let lastRequest = first.key;
        const draw = async () => {
          const run = ++drawn;
          const next = await readCard(match, locale, lastRequest);
          if (!next || run !== drawn || ctx.isInvalid) return;
          lastRequest = next.key;
          paint(next.content);
        };
        const place = () => {
          const cardElement = shadow.querySelector<HTMLElement>('.rg-card');
          if (!cardElement) return;
          const quotes = (shownContent.checkout?.flags ?? []).flatMap((f) => (f.evidence ? [f.evidence] : []));
          const controls = controlBoxes(document, host);
          const fits = placeCard(cardElement, [...controls, ...quotedTextBoxes(document, quotes)], controls.buttons);
          const first = !placedOnce;
          placedOnce = true;
          if (!fits && first && cardElement.dataset.collapsed === 'false') {
            // No free place for the open card as first shown: it stays a pill (placed again on resize).
            pillOnly = true;
            paint(shownContent);
          }
        };
        placeShown = place;
        stopObserving = () => resized.disconnect();
        releaseHost = () => {
          stopKeeping();
          stopGuard();
          stopCapture();
        };
        paint(first.content);
        void settled().then(() => render?.());
        render = () => void draw();
        return root;
      },
      onRemove(root) {
        releaseHost?.();
        releaseHost = null;
        root?.unmount();
        stopObserving?.();
        placeShown = null;
      },
    });
    // A newer navigation may have mounted its own card while this one loaded.
    if (!sameMatch(shown, match) || ui) {
      created.remove();
      return;
    }
    ui = created;
    ui.mount();
  };

  await update();
  ctx.addEventListener(window, 'wxt:locationchange', () => void update());
  ctx.addEventListener(window, 'resize', () => placeShown?.());
  // The buyer changes the term, ticks auto-renew …: the card follows the form.
  let pending: number | undefined;
  const followForm = () => {
    window.clearTimeout(pending);
    pending = window.setTimeout(() => render?.(), 120);
  };
  ctx.addEventListener(document, 'change', followForm);
  // Console components choose with buttons (a Segment's role="radio"), which fire no change event.
  ctx.addEventListener(document, 'click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest('[role="radio"], [role="checkbox"], [role="switch"], [role="option"], [role="tab"], [aria-pressed]')) followForm();
  });
}
