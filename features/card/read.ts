import type { CardContent } from '../../lib/card/model';
import { MAX_CARD_ROWS } from '../../lib/card/limits';
import { readsNotActivated, showsWebmailFailure } from '../../lib/card/signals';
import { detectionText, DETECT_TEXT_LIMIT } from '../../lib/detect';
import { extractOrder, extractOrderList } from '../../lib/extract/order';
import type { Locale } from '../../lib/i18n/core';
import type { RequestOf } from '../../lib/messages';
import type { PageMatch } from '../../lib/vendors/types';
import { sendMessage } from '../../platform/page-messaging';
import { UI_ELEMENT } from './host';
import { loadCardUi } from './load';

const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', UI_ELEMENT.toUpperCase()]);

/**
 * The page's text for detection: text nodes outside scripts, styles and our
 * own card, up to the detector's limit. A tree walk does not force layout
 * (innerText would) and stops early on huge pages.
 */
export function pageText(): string {
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
 * What the page shows, read by its labels and controls: the request for the card's content.
 * A checkout is read by the card's code that arrives on demand (a checkout's card opens by
 * itself when it shows a risk, so that code is needed there anyway); order pages here.
 */
async function cardRequest(match: PageMatch, locale: Locale): Promise<RequestOf<'card.content'>> {
  // Walked at most once per reading, and only where a signal or an extractor needs it.
  let text: string | undefined;
  const textOnce = () => (text ??= pageText());
  const request: RequestOf<'card.content'> = {
    match,
    locale,
    checkout: null,
    order: null,
    rows: [],
    page: {
      notActivated: match.kind === 'console' && readsNotActivated(textOnce()),
      title: match.kind === 'webmail' ? document.title.slice(0, 200) : '',
      ticketForm: match.kind === 'ticket' && document.querySelector('textarea') !== null,
      failureShown: match.kind === 'webmail' && showsWebmailFailure(textOnce().slice(0, 4000)),
    },
  };
  if (match.kind === 'checkout') {
    request.checkout = (await loadCardUi()).readCheckout(textOnce());
  } else if (match.kind === 'order') {
    const rows = extractOrderList(document, MAX_CARD_ROWS);
    if (rows.length > 1) request.rows = rows;
    else request.order = extractOrder(document).fields;
  }
  return request;
}

/**
 * Reads the page and asks the worker what the card shows. Null when there is
 * nothing new to draw: the page reads as it did last time (`lastKey`), the
 * extractors cannot read it, or the worker does not answer (the card keeps
 * what it shows; a page whose first reading gets no answer gets no card).
 */
export async function readCard(
  match: PageMatch,
  locale: Locale,
  lastKey: string,
): Promise<{ key: string; content: CardContent } | null> {
  let request: RequestOf<'card.content'>;
  try {
    request = await cardRequest(match, locale);
  } catch {
    return null;
  }
  const key = JSON.stringify(request);
  if (key === lastKey) return null;
  const content = await sendMessage('card.content', request).catch(() => null);
  return content ? { key, content } : null;
}
