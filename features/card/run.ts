import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardContent } from '../../lib/card/model';
import { detectPageWith } from '../../lib/detect';
import type { Locale } from '../../lib/i18n/core';
import { extractOrderList } from '../../lib/extract/order';
import type { PageMatch } from '../../lib/vendors/types';
import type { SaveOutcome } from '../../platform/capture';
import { settled, watchFieldTypes } from '../../platform/page-watch';
import { hideCardOn } from '../../platform/card-prefs';
import { currentLocale } from '../../platform/locale';
import { sendMessage } from '../../platform/page-messaging';
import { pageSettings } from '../../platform/page-settings';
import { controlBoxes, placeCard, quotedTextBoxes } from '../../platform/placement';
import { addCardHost } from './host';
import { loadCardUi } from './load';
import type { OpenedCard } from './opened';
import { drawPill } from './pill';
import { pageText, readCard } from './read';

/**
 * Resolves once the page has loaded and the browser is idle (or 3 s, then 1 s, have passed).
 * The card waits for it: inserted while a big page was still finishing its
 * first layout, it made the browser lay the whole page out a second time
 * (traced on the 3,000-order list: about 500 ms of forced layout). An idle
 * callback comes after any frame the page still had to draw and asks for none;
 * the two animation frames waited for before each cost the page a frame of its
 * own (on that list, about 10 ms of compositing for nothing drawn).
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
  await new Promise<void>((done) =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(() => done(), { timeout: 1000 })
      : setTimeout(done, 50),
  );
}

const sameMatch = (a: PageMatch | null, b: PageMatch | null) => a?.vendor === b?.vendor && a?.kind === b?.kind;

/** One card on the page: its pill (drawn here), or the opened card once its code has arrived. */
interface ShownCard {
  /** Reads the page again and redraws when it reads differently. */
  redraw(): void;
  /** Places the card again (the window was resized). */
  place(): void;
  /** The opened card's code, loaded and drawn (collapsed unless `userOpened`); null when it could not load. */
  open(userOpened: boolean): Promise<OpenedCard | null>;
  remove(): void;
}

interface CardSetup {
  ctx: ContentScriptContext;
  css: string;
  locale: Locale;
  /** Called when the user closes the card (× or "never on this site"). */
  onClosed(): void;
  save(match: PageMatch, source: 'auto' | 'manual'): Promise<SaveOutcome>;
  subscribeAutoCapture(listener: (outcome: SaveOutcome) => void): () => void;
}

/** Places the pill clear of the page's controls and of the text its checkout flags quote. */
function placePillOffControls(pill: HTMLElement, cardHost: Parameters<typeof controlBoxes>[1], content: CardContent) {
  const controls = controlBoxes(document, cardHost);
  const quotes = (content.checkout?.flags ?? []).flatMap((f) => (f.evidence ? [f.evidence] : []));
  placeCard(pill, quotes.length > 0 ? [...controls, ...quotedTextBoxes(document, quotes)] : controls, controls.buttons);
}

/**
 * Shows the card for `match` with its first content: a pill drawn with a few
 * DOM calls, or, when the card opens by itself, the opened card (its code
 * loaded first). The pill keeps off the page's controls as the opened card does.
 */
function showCard(match: PageMatch, first: { key: string; content: CardContent }, setup: CardSetup): ShownCard {
  const host = addCardHost(match, setup.css);
  let { key, content } = first;
  let opened: OpenedCard | null = null;
  let opening: Promise<OpenedCard | null> | null = null;
  let removed = false;
  let drawn = 0;
  const placePill = () => {
    const pill = host.container.querySelector<HTMLElement>('.rg-card');
    if (pill && !opened) placePillOffControls(pill, host.host, content);
  };
  // Placed once laid out, and again when its size changes: the observer reports after layout.
  const pillResized = new ResizeObserver(() => placePill());
  const close = () => {
    card.remove();
    setup.onClosed();
  };
  const drawPillNow = () => {
    const pill = drawPill(host.container, content, { expand: () => void card.open(true), dismiss: close });
    pillResized.disconnect();
    pillResized.observe(pill);
  };
  const card: ShownCard = {
    redraw() {
      const run = ++drawn;
      void readCard(match, setup.locale, key).then((next) => {
        if (!next || run !== drawn || removed || setup.ctx.isInvalid) return;
        ({ key, content } = next);
        if (opened) opened.paint(content);
        else if (!opening) drawPillNow();
      });
    },
    place() {
      if (opened) opened.place();
      else placePill();
    },
    open(userOpened) {
      opening ??= loadCardUi().then(
        (ui) => {
          if (removed) return null;
          pillResized.disconnect();
          opened = ui.mountOpenedCard({
            host,
            match,
            locale: setup.locale,
            content,
            userOpened,
            save: () => setup.save(match, 'manual'),
            subscribeAutoCapture: setup.subscribeAutoCapture,
            onDismiss: close,
            onNeverOnSite: () => {
              void hideCardOn(location.hostname);
              close();
            },
            // A ticket form: the card offers to fill the drafted ticket into it.
            ...(content.notice?.kind === 'ticket-draft' ? { onFillDraft: () => ui.fillDraft(setup.locale) } : {}),
          });
          return opened;
        },
        () => {
          // The worker could not run the card's code (restarted, or the page is gone): the pill stays.
          opening = null;
          return null;
        },
      );
      return opening;
    },
    remove() {
      if (removed) return;
      removed = true;
      pillResized.disconnect();
      opened?.unmount();
      host.remove();
    },
  };
  if (content.presence === 'expanded') void card.open(false);
  else drawPillNow();
  return card;
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
  let card: ShownCard | null = null;
  let shown: PageMatch | null = null;
  let dismissed = settings.cardHidden;
  const autoListeners = new Set<(outcome: SaveOutcome) => void>();
  const setup: CardSetup = {
    ctx,
    css,
    locale,
    onClosed: () => {
      dismissed = true;
      card = null;
    },
    save: async (match, source) => (await loadCardUi()).capture(match, source, locale),
    subscribeAutoCapture: (listener) => {
      autoListeners.add(listener);
      return () => void autoListeners.delete(listener);
    },
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
    // The saved state shows in the card: its code arrives now (drawn as it was, a pill or open).
    await card?.open(false);
    const outcome = await setup.save(match, 'auto').catch((error: unknown): SaveOutcome => ({
      kind: 'error',
      message: error instanceof Error ? error.message : String(error),
    }));
    for (const listener of autoListeners) listener(outcome);
  };

  const update = async () => {
    const match = detectPageWith(location.href, pageText);
    void sendMessage('page.detected', { url: location.href, title: document.title.slice(0, 2000), match }).catch(() => {
      // The worker is restarted by the next event; the popup asks again then.
    });
    if (match?.kind === 'order') void autoCapture(match);
    if (card && sameMatch(match, shown)) {
      // Same kind of page, new content (an SPA route): read it again once it has rendered.
      void settled().then(() => card?.redraw());
      return;
    }
    card?.remove();
    card = null;
    shown = match;
    if (!match || dismissed || ctx.isInvalid) return;
    // The card is drawn once, with what the worker computed: a first empty draw cost the page a
    // second layout and paint (on a console with thousands of rows, each is tens of milliseconds).
    const first = await readCard(match, locale, '');
    if (!sameMatch(shown, match) || card || ctx.isInvalid || !first) return;
    // Nothing to act on here (an inbox, a login, a members list, a product page): the toolbar badge is enough.
    if (first.content.presence === 'none') return;
    const mounted = showCard(match, first, setup);
    card = mounted;
    ctx.onInvalidated(() => mounted.remove());
    // Later reads of the page (an SPA route that re-rendered) redraw the card.
    void settled().then(() => card === mounted && mounted.redraw());
  };

  await update();
  ctx.addEventListener(window, 'wxt:locationchange', () => void update());
  ctx.addEventListener(window, 'resize', () => card?.place());
  // The buyer changes the term, ticks auto-renew …: the card follows the form.
  let pending: number | undefined;
  const followForm = () => {
    window.clearTimeout(pending);
    pending = window.setTimeout(() => card?.redraw(), 120);
  };
  ctx.addEventListener(document, 'change', followForm);
  // Console components choose with buttons (a Segment's role="radio"), which fire no change event.
  ctx.addEventListener(document, 'click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (
      target?.closest(
        '[role="radio"], [role="checkbox"], [role="switch"], [role="option"], [role="tab"], [aria-pressed]',
      )
    )
      followForm();
  });
}
