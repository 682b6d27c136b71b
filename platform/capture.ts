// Direct module imports keep the bundle/ZIP code out of the content script.
import { isSensitiveField, MASK, redactText, stripActiveContent } from '../lib/evidence/redact';
import { CAPTURE_LIMITS, screenshotTicket } from '../lib/evidence/limits';
import { extractOrder, extractOrderList } from '../lib/extract/order';
import type { CaptureSource, SnapshotFields } from '../lib/evidence/schema';
import type { Translate } from '../lib/i18n/core';
import type { ResponseOf } from '../lib/messages';
import { errorMessageKey, MessagingError } from '../lib/wire';
import type { PageMatch } from '../lib/vendors/types';
import { packParts } from './capture-packing';
import { sendMessage, wakeWorker } from './page-messaging';

/**
 * Saving the page in front of the user as evidence (`collectPage`): read the
 * visible text, mask sensitive inputs and numbers in the live page, ask the
 * worker for a screenshot and serialise the DOM while it is taken, restore the
 * page exactly, then send the capture. The worker redacts again and strips
 * active content before writing (DESIGN.md "Privacy").
 */

const UI_ELEMENT = 'REFUND-GUARD-UI';
/** Set on the card's host while a screenshot is taken (see page-card.css). */
export const CAPTURING_ATTRIBUTE = 'data-rg-capturing';
const CHOICE_INPUTS = /^(radio|checkbox|submit|button|reset|image|range|color|file|hidden)$/i;

function labelText(el: Element): string {
  const labels = (el as HTMLInputElement).labels;
  return labels ? Array.from(labels, (l) => l.textContent ?? '').join(' ') : '';
}

/** Whether a form control holds a card number, CVV, password, bank account or ID number. */
export function isSensitiveControl(el: Element): boolean {
  const type = el.getAttribute('type') ?? (el.tagName === 'TEXTAREA' ? 'textarea' : 'text');
  if (el.tagName === 'INPUT' && CHOICE_INPUTS.test(type) && type.toLowerCase() !== 'hidden') return false;
  const descriptor = ['name', 'id', 'autocomplete', 'placeholder', 'aria-label', 'title', 'data-field']
    .map((a) => el.getAttribute(a) ?? '')
    .concat(labelText(el))
    .join(' ');
  return isSensitiveField(descriptor, type);
}

/**
 * The page as HTML, without our own card and without what could run when it
 * is opened (`stripActiveContent`: scripts, event handlers, `javascript:`
 * links, frames, embedded objects); the current values of form controls are
 * written into attributes (what was chosen is evidence), except sensitive
 * ones, which are masked. Active content is removed from the serialised text,
 * not by visiting attributes in the DOM (on a console with thousands of rows
 * that cost the page a quarter of a second). The worker runs the same pass
 * again and trusts nothing; when it changes nothing there, the bytes the page
 * sent are the bytes stored and the worker need not encode them again.
 */
export function serialiseDom(doc: Document = document): string {
  // Most order pages hold no typed or changed value: their markup already says everything the
  // copy would write, so the page is serialised as it is, without a copy of its whole DOM (on a
  // 3,000-order console the copy alone took a tenth of a second of the page's main thread).
  if (controlsMatchMarkup(doc)) return `<!doctype html>\n${inertWithoutCard(doc.documentElement.outerHTML)}`;
  const clone = doc.documentElement.cloneNode(true) as HTMLElement;
  // Tag by tag: the clone keeps document order within each tag, so copies pair with the live controls.
  const pairs = <T extends Element>(tag: string) => {
    const live = doc.getElementsByTagName(tag);
    const copies = clone.getElementsByTagName(tag);
    return Array.from({ length: Math.min(live.length, copies.length) }, (_, i) => [live[i] as unknown as T, copies[i]!] as const);
  };
  for (const [live, copy] of pairs<HTMLInputElement>('input')) {
    if (live.type === 'checkbox' || live.type === 'radio') {
      if (live.checked) copy.setAttribute('checked', '');
      else copy.removeAttribute('checked');
    } else if (isSensitiveControl(live)) {
      if (live.value !== '' || copy.hasAttribute('value')) copy.setAttribute('value', MASK.secret);
    } else if (live.type !== 'file') {
      copy.setAttribute('value', live.value);
    }
  }
  for (const [live, copy] of pairs<HTMLTextAreaElement>('textarea')) {
    copy.textContent = isSensitiveControl(live) ? (live.value ? MASK.secret : '') : live.value;
  }
  for (const [live, copy] of pairs<HTMLSelectElement>('select')) {
    Array.from((copy as HTMLSelectElement).options).forEach((option, j) => {
      if (live.options[j]?.selected) option.setAttribute('selected', '');
      else option.removeAttribute('selected');
    });
  }
  for (const card of Array.from(clone.getElementsByTagName(UI_ELEMENT.toLowerCase()))) card.remove();
  return `<!doctype html>\n${stripActiveContent(clone.outerHTML)}`;
}

/**
 * Whether every form control shows what its own markup says, with nothing
 * sensitive in it: then a copy of the page with the controls' states written in
 * would serialise to the same page.
 */
function controlsMatchMarkup(doc: Document): boolean {
  for (const input of Array.from(doc.getElementsByTagName('input'))) {
    if (input.type === 'checkbox' || input.type === 'radio') {
      if (input.checked !== input.defaultChecked) return false;
    } else if (input.type !== 'file') {
      const markup = input.getAttribute('value');
      if (input.value !== (markup ?? '')) return false;
      if ((input.value !== '' || markup !== null) && isSensitiveControl(input)) return false;
    }
  }
  for (const area of Array.from(doc.getElementsByTagName('textarea'))) {
    if (area.value !== area.defaultValue || (area.value !== '' && isSensitiveControl(area))) return false;
  }
  for (const select of Array.from(doc.getElementsByTagName('select'))) {
    const options = Array.from(select.options);
    if (options.every((o) => o.selected === o.defaultSelected)) continue;
    // No option marked in the markup: a drop-down then shows its first enabled option.
    const chosen = options.filter((o) => o.selected);
    const dropDown = !select.multiple && select.size <= 1 && !options.some((o) => o.defaultSelected);
    if (!dropDown || chosen.length !== 1 || chosen[0] !== options.find((o) => !o.disabled)) return false;
  }
  return true;
}

const CARD_HOST = new RegExp(`<${UI_ELEMENT}\\b[^>]*>[\\s\\S]*?</${UI_ELEMENT}\\s*>`, 'gi');

/** The page's own markup without active content and without our card's host element. */
function inertWithoutCard(html: string): string {
  return stripActiveContent(html).replace(CARD_HOST, '');
}

/**
 * The order a page shows, for its snapshot: an order page's fields, or none on
 * an order list (a list is many orders, and reading its labels on thousands of
 * rows is wasted work on the page's main thread).
 */
export function pageOrderFields(doc: Document = document): SnapshotFields {
  if (extractOrderList(doc, 2).length > 1) return {};
  return extractOrder(doc).fields as SnapshotFields;
}

/** The text a person sees (layout-aware), without our own card. */
export function visibleText(doc: Document = document): string {
  const body = doc.body;
  if (!body) return '';
  const text = typeof body.innerText === 'string' && body.innerText !== '' ? body.innerText : (body.textContent ?? '');
  return text.replace(/\n{3,}/g, '\n\n').trim();
}

/**
 * Masks the live page for a screenshot and returns a function that puts it
 * back exactly: sensitive input values, text nodes with card or ID numbers,
 * and our own card (hidden).
 */
export function maskLivePage(doc: Document = document, visible?: string): () => void {
  const undo: (() => void)[] = [];
  for (const el of Array.from(doc.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'))) {
    if (el.value === '' || !isSensitiveControl(el)) continue;
    const { value } = el;
    el.value = MASK.secret;
    undo.push(() => {
      el.value = value;
    });
  }
  // The page's visible text was read just before: when it holds no card or ID number, no text
  // node that could show in the picture does, and the walk over every node is skipped.
  if (doc.body && (visible === undefined || redactText(visible) !== visible)) {
    const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
    const changes: [Text, string][] = [];
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const original = node.nodeValue ?? '';
      if (!/\d{4}/.test(original)) continue; // cheap pre-check: card groups have four digits
      const masked = redactText(original);
      if (masked !== original) changes.push([node, original]);
    }
    for (const [node, original] of changes) {
      node.nodeValue = redactText(original);
      undo.push(() => {
        node.nodeValue = original;
      });
    }
  }
  // Our own card is not part of the page. The shadow root's `:host { all: initial !important }`
  // outranks an inline style on the host, so the card hides itself from inside (page-card.css).
  for (const host of Array.from(doc.querySelectorAll<HTMLElement>(UI_ELEMENT.toLowerCase()))) {
    host.setAttribute(CAPTURING_ATTRIBUTE, '');
    undo.push(() => host.removeAttribute(CAPTURING_ATTRIBUTE));
  }
  return () => {
    for (const step of undo.reverse()) step();
  };
}

/** Two frames, so the masked page has been painted before the worker takes its picture. */
export const painted = () =>
  new Promise<void>((done) => {
    const timer = setTimeout(done, 150); // rAF does not run in a hidden tab
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        clearTimeout(timer);
        done();
      }),
    );
  });

export type SaveOutcome =
  | { kind: 'saved'; id: string; screenshot: boolean }
  | { kind: 'duplicate'; id: string }
  | { kind: 'error'; message: string };

export interface CaptureOptions {
  match: PageMatch;
  source: CaptureSource;
  note?: string;
  /** Fields an extractor found on the page (extraction is its own feature; empty until then). */
  fields?: SnapshotFields;
  t: Translate;
  doc?: Document;
}

const FAILURE_KEYS = {
  quota: 'evidence.error.quota',
  storage: 'evidence.error.storage',
  'too-large': 'evidence.error.tooLarge',
  invalid: 'evidence.error.invalid',
  'not-allowed': 'evidence.error.notAllowed',
} as const;

export function describeCapture(reply: ResponseOf<'evidence.capture'>, t: Translate): SaveOutcome {
  if (reply.status === 'saved') return { kind: 'saved', id: reply.id, screenshot: reply.screenshot };
  if (reply.status === 'duplicate') return { kind: 'duplicate', id: reply.id };
  return { kind: 'error', message: t(FAILURE_KEYS[reply.reason], { message: reply.message }) };
}

export interface CollectedParts {
  text: string;
  dom: string;
  /** The name the screenshot was asked for under (null: none asked for). */
  screenshotTicket: string | null;
  tooLarge: boolean;
  /** Settles once the browser has taken the picture (or could not) and the page is unmasked again. */
  pictured: Promise<void>;
}

/** A new random screenshot ticket. */
const newTicket = () => screenshotTicket(crypto.getRandomValues(new Uint8Array(16)));

/**
 * Reads the page and has its masked picture taken, the two overlapping: the
 * visible text is read first (it tells the mask what to hide), the page is
 * masked and painted, the worker is asked for the screenshot, and while the
 * browser takes it the DOM is serialised from the masked page (masked values
 * are what the copy keeps anyway). The parts are returned at once, so the
 * capture can be sent while the picture is taken; the page stays masked until
 * the picture exists (`pictured`), whatever happens.
 */
export async function collectPage(doc: Document, requestScreenshot: (ticket: string) => Promise<boolean>): Promise<CollectedParts> {
  const text = visibleText(doc);
  if (text.length > CAPTURE_LIMITS.text) return { text: '', dom: '', screenshotTicket: null, tooLarge: true, pictured: Promise.resolve() };
  const restore = maskLivePage(doc, text);
  let pictured: Promise<void> | null = null;
  try {
    await painted();
    const ticket = newTicket();
    // The screenshot is optional; the capture goes on without it.
    pictured = requestScreenshot(ticket).then(
      () => restore(),
      () => restore(),
    );
    const dom = serialiseDom(doc);
    if (dom.length > CAPTURE_LIMITS.dom) return { text: '', dom: '', screenshotTicket: null, tooLarge: true, pictured };
    return { text, dom, screenshotTicket: ticket, tooLarge: false, pictured };
  } catch (error) {
    // Never unmask before the picture is taken.
    if (pictured) await pictured;
    else restore();
    throw error;
  }
}

/** Captures the page and resolves once the worker has acknowledged the committed write (and the page is whole again). */
export async function capturePage({ match, source, note = '', fields = {}, t, doc = document }: CaptureOptions): Promise<SaveOutcome> {
  // A stopped worker starts while the page is read and masked, not when the picture is asked for.
  wakeWorker();
  try {
    const { text, dom, screenshotTicket, tooLarge, pictured } = await collectPage(doc, async (ticket) => (await sendMessage('evidence.screenshot', { ticket })).taken);
    try {
      if (tooLarge) return { kind: 'error', message: t('evidence.error.tooLarge') };
      // Packed while the browser takes the picture; a fifth of the size crosses to the worker far sooner.
      const packed = await packParts(text, dom);
      const reply = await sendMessage('evidence.capture', {
        url: doc.location.href,
        title: doc.title.slice(0, CAPTURE_LIMITS.title),
        match,
        text: '',
        dom: '',
        packed,
        fields,
        source,
        note,
        screenshotTicket,
      });
      return describeCapture(reply, t);
    } finally {
      await pictured;
    }
  } catch (error) {
    const message = error instanceof MessagingError ? t(errorMessageKey(error.code), { message: error.message }) : String(error);
    return { kind: 'error', message };
  }
}

/** Resolves when the page has stopped changing for `quietMs` (SPA details render late), or after `maxMs`. */
export function settled(doc: Document = document, quietMs = 600, maxMs = 5000): Promise<void> {
  return new Promise((done) => {
    let timer = setTimeout(finish, quietMs);
    const limit = setTimeout(finish, maxMs);
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(finish, quietMs);
    });
    observer.observe(doc.documentElement, { subtree: true, childList: true, characterData: true, attributes: false });
    function finish() {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(limit);
      done();
    }
  });
}
