import openedCss from '../../components/page-card.css?inline';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { PageLocale } from '../../components/i18n-context';
import { PageCard, type DraftFillOutcome } from '../../components/PageCard';
import type { CardContent } from '../../lib/card/model';
import type { Locale } from '../../lib/i18n/core';
import type { PageMatch } from '../../lib/vendors/types';
import type { SaveOutcome } from '../../platform/capture';
import { sendMessage, wakeWorker } from '../../platform/page-messaging';
import { controlBoxes, placeCard, quotedTextBoxes } from '../../platform/placement';
import type { CardHost } from './host';

export interface OpenedCardOptions {
  host: CardHost;
  match: PageMatch;
  locale: Locale;
  content: CardContent;
  /** The user opened the pill: the card opens and stays open (placement only moves it). */
  userOpened: boolean;
  save(): Promise<SaveOutcome>;
  subscribeAutoCapture(listener: (outcome: SaveOutcome) => void): () => void;
  onDismiss(): void;
  onNeverOnSite(): void;
  /** The ticket form's card: fills the drafted ticket into the page's form (absent elsewhere). */
  onFillDraft?: () => Promise<DraftFillOutcome>;
}

/** The whole card, drawn in its host: redrawn with new content, placed again on a resize, taken down. */
export interface OpenedCard {
  paint(content: CardContent): void;
  place(): void;
  unmount(): void;
}

/**
 * The card with everything it can show and do (its sections, saving the page,
 * the checker, hiding it on this site), rendered by the shared React
 * components. It arrives with the rest of the card's code, on demand
 * (features/card/load.ts): when the user opens the pill, when the card opens
 * by itself, or when the page is saved.
 */
export function mountOpenedCard(options: OpenedCardOptions): OpenedCard {
  const { host, match, locale } = options;
  const { shadow, container } = host;
  container.replaceChildren();
  // The opened card's style joins the pill's (its frame) in the card's shadow root, once.
  if (!shadow.querySelector('style[data-opened]')) {
    const style = document.createElement('style');
    style.setAttribute('data-opened', '');
    style.textContent = openedCss;
    container.before(style);
  }
  const root = createRoot(container);
  // The card moves off the page's controls once it has been laid out, and again whenever
  // its size changes: the observer reports after layout, so reading positions costs no extra layout.
  let observed: Element | null = null;
  const resized = new ResizeObserver(() => place());
  let shownContent = options.content;
  /** Set when the open card found no free place as first shown: it is drawn as its pill. */
  let pillOnly = false;
  /** The first placement decides pill or open; later ones (a resize, the user opening it) only move it. */
  let placedOnce = options.userOpened;
  const paint = (content: CardContent) => {
    shownContent = content;
    const open = !pillOnly && (options.userOpened || content.presence === 'expanded');
    flushSync(() =>
      root.render(
        <PageLocale locale={locale}>
          <PageCard
            match={match}
            checkout={content.checkout}
            order={content.order}
            orderRows={content.orderRows}
            presence={open ? 'expanded' : 'pill'}
            notice={content.notice}
            onSaveEvidence={options.save}
            onActionIntent={wakeWorker}
            subscribeAutoCapture={options.subscribeAutoCapture}
            onOpenChecker={async () => {
              await sendMessage('ui.openChecker', {});
            }}
            onFillDraft={options.onFillDraft}
            onDismiss={options.onDismiss}
            onNeverOnSite={options.onNeverOnSite}
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
  const place = () => {
    const cardElement = shadow.querySelector<HTMLElement>('.rg-card');
    if (!cardElement) return;
    const quotes = (shownContent.checkout?.flags ?? []).flatMap((f) => (f.evidence ? [f.evidence] : []));
    const controls = controlBoxes(document, host.host);
    const fits = placeCard(cardElement, [...controls, ...quotedTextBoxes(document, quotes)], controls.buttons);
    const first = !placedOnce;
    placedOnce = true;
    if (!fits && first && cardElement.dataset.collapsed === 'false') {
      // No free place for the open card as first shown: it stays a pill (placed again on resize).
      pillOnly = true;
      paint(shownContent);
    }
  };
  paint(options.content);
  return {
    paint,
    place,
    unmount() {
      resized.disconnect();
      root.unmount();
    },
  };
}
