// Direct module imports keep the bundle/ZIP code out of the content script.
import {
  COVERED_FRAME_ATTRIBUTE,
  isSensitiveField,
  isSessionParam,
  MASK,
  redactInPlace,
  redactText,
  stripActiveContentSerialised,
} from '../lib/evidence/redact';
import { CAPTURE_LIMITS, screenshotTicket } from '../lib/evidence/limits';
import { captureFailureMessage } from '../lib/evidence/capture-failure';
import { quietMarkup } from '../lib/evidence/inert';
import { extractOrder, extractOrderList } from '../lib/extract/order';
import type { CaptureSource, SnapshotFields } from '../lib/evidence/schema';
import type { Translate } from '../lib/i18n/core';
import type { ResponseOf } from '../lib/messages';
import { errorMessageKey, MessagingError } from '../lib/wire';
import type { PageMatch } from '../lib/vendors/types';
import { packParts } from './capture-packing';
import { sendMessage, wakeWorker } from './page-messaging';
import { hideCards } from './card-visibility';
import { paintAhead, wasPasswordField } from './page-watch';

// The page script's watchers live in a module of their own, so it does not carry the capture code.
export { paintAhead, painted, settled, watchFieldTypes } from './page-watch';

/**
 * Saving the page in front of the user as evidence (`collectPage`): read the
 * visible text, mask sensitive inputs and numbers in the live page, ask the
 * worker for a screenshot and serialise the DOM while it is taken, restore the
 * page exactly, then send the capture. The worker redacts again and strips
 * active content before writing (DESIGN.md "Privacy").
 */

const UI_ELEMENT = 'REFUND-GUARD-UI';
const UI_ELEMENT_NAME = UI_ELEMENT.toLowerCase();
/** Set on the card's host while a screenshot is taken (see page-card.css). */
const CHOICE_INPUTS = /^(radio|checkbox|submit|button|reset|image|range|color|file|hidden)$/i;

function labelText(el: Element): string {
  const labels = (el as HTMLInputElement).labels;
  return labels ? Array.from(labels, (l) => l.textContent ?? '').join(' ') : '';
}

/** Text short enough to be a field's label (a paragraph before a field is not its label). */
const LABEL_CHARS = 24;
function shortText(el: Element | null): string {
  const text = el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  return text.length <= LABEL_CHARS ? text : '';
}

/**
 * What labels a control by the page's structure rather than by `<label>`: the
 * elements `aria-labelledby` names, the nearest earlier sibling with text (a
 * neighbouring `<span>银行账号</span>`), else the nearest earlier sibling of a
 * wrapper (the label cell of a table row, the label of a form-item wrapper).
 */
export function structuralLabel(el: Element): string {
  const ids = el.getAttribute('aria-labelledby');
  const root = el.getRootNode() as Document | ShadowRoot;
  const named = ids
    ? ids
        .split(/\s+/)
        .map((id) => root.getElementById?.(id)?.textContent ?? '')
        .join(' ')
    : '';
  let node: Element | null = el;
  for (
    let depth = 0;
    node && depth < 4 && node.tagName !== 'FORM' && node.tagName !== 'BODY';
    depth++, node = node.parentElement
  ) {
    for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      if (sibling.querySelector('input, textarea, select')) break;
      const text = shortText(sibling);
      if (text !== '') return `${named} ${text}`;
      if ((sibling.textContent ?? '').trim() !== '') break;
    }
  }
  return named;
}

/** Whether a form control holds a card number, CVV, password, bank account or ID number. */
export function isSensitiveControl(el: Element): boolean {
  if (wasPasswordField(el)) return true;
  const type = el.getAttribute('type') ?? (el.tagName === 'TEXTAREA' ? 'textarea' : 'text');
  if (el.tagName === 'INPUT' && CHOICE_INPUTS.test(type) && type.toLowerCase() !== 'hidden') return false;
  const descriptor = ['name', 'id', 'autocomplete', 'placeholder', 'aria-label', 'title', 'data-field']
    .map((a) => el.getAttribute(a) ?? '')
    .concat(labelText(el))
    .join(' ');
  return (
    isSensitiveField(descriptor, type) ||
    isSessionParam(el.getAttribute('name') ?? '') ||
    isSensitiveField(structuralLabel(el))
  );
}

/** What a control may show in a picture or a copy: a sensitive field masked whole, any other with its numbers masked. */
function maskedValue(el: HTMLInputElement | HTMLTextAreaElement): string {
  return isSensitiveControl(el) ? MASK.secret : redactText(el.value);
}

/**
 * The page as HTML, without our own card and without what could run when it
 * is opened (`stripActiveContentSerialised`: scripts, event handlers, `javascript:`
 * links, frames, embedded objects); the current values of form controls are
 * written into attributes (what was chosen is evidence), except sensitive
 * ones, which are masked. Active content is removed from the serialised text,
 * not by visiting attributes in the DOM (on a console with thousands of rows
 * that cost the page a quarter of a second), and so are the page's links and
 * `http-equiv` metas (`quietMarkup`). The worker runs the same passes again
 * and trusts nothing; when they change nothing there, the bytes the page sent
 * are the bytes stored and the worker neither encodes nor compresses them again.
 */
export function serialiseDom(doc: Document = document): string {
  // Most order pages hold no typed or changed value: their markup already says everything the
  // copy would write, so the page is serialised as it is, without a copy of its whole DOM (on a
  // 3,000-order console the copy alone took a tenth of a second of the page's main thread).
  if (controlsMatchMarkup(doc))
    return `<!doctype html>\n${quietMarkup(inertWithoutCard(withCoveredFrames(doc.documentElement.outerHTML)))}`;
  const clone = doc.documentElement.cloneNode(true) as HTMLElement;
  // Tag by tag: the clone keeps document order within each tag, so copies pair with the live controls.
  const pairs = <T extends Element>(tag: string) => {
    const live = doc.getElementsByTagName(tag);
    const copies = clone.getElementsByTagName(tag);
    return Array.from(
      { length: Math.min(live.length, copies.length) },
      (_, i) => [live[i] as unknown as T, copies[i]!] as const,
    );
  };
  for (const [live, copy] of pairs<HTMLInputElement>('input')) {
    if (live.type === 'checkbox' || live.type === 'radio') {
      if (live.checked) copy.setAttribute('checked', '');
      else copy.removeAttribute('checked');
    } else if (isSensitiveControl(live)) {
      if (live.value !== '' || copy.hasAttribute('value')) copy.setAttribute('value', MASK.secret);
    } else if (live.type !== 'file') {
      copy.setAttribute('value', redactText(live.value));
    }
  }
  for (const [live, copy] of pairs<HTMLTextAreaElement>('textarea')) {
    copy.textContent = live.value ? maskedValue(live) : '';
  }
  for (const [live, copy] of pairs<HTMLSelectElement>('select')) {
    Array.from((copy as HTMLSelectElement).options).forEach((option, j) => {
      if (live.options[j]?.selected) option.setAttribute('selected', '');
      else option.removeAttribute('selected');
    });
  }
  for (const card of Array.from(clone.getElementsByTagName(UI_ELEMENT.toLowerCase()))) card.remove();
  return `<!doctype html>\n${quietMarkup(stripActiveContentSerialised(withCoveredFrames(clone.outerHTML)))}`;
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
      if (
        (input.value !== '' || markup !== null) &&
        (isSensitiveControl(input) || redactText(input.value) !== input.value)
      )
        return false;
    }
  }
  for (const area of Array.from(doc.getElementsByTagName('textarea'))) {
    if (area.value !== area.defaultValue || (area.value !== '' && maskedValue(area) !== area.value)) return false;
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

/**
 * A cross-origin frame covered in the picture is not in the copy either (frames
 * never are): it leaves a marker naming its host, which the worker counts
 * into the snapshot's redactions, so the snapshot says a frame was covered,
 * not read.
 */
const COVERED_FRAME = new RegExp(
  `<(iframe|frame)\\b[^>]*\\s${COVERED_FRAME_ATTRIBUTE}="([^"]*)"[^>]*>(?:[\\s\\S]*?</\\1\\s*>)?`,
  'gi',
);
function withCoveredFrames(html: string): string {
  if (!html.includes(COVERED_FRAME_ATTRIBUTE)) return html;
  return html.replace(
    COVERED_FRAME,
    (_whole, _tag: string, host: string) => `<div ${COVERED_FRAME_ATTRIBUTE}="${host}"></div>`,
  );
}

const CARD_HOST = new RegExp(`<${UI_ELEMENT}\\b[^>]*>[\\s\\S]*?</${UI_ELEMENT}\\s*>`, 'gi');

/** The page's own markup without active content and without our card's host element. */
function inertWithoutCard(html: string): string {
  return stripActiveContentSerialised(html).replace(CARD_HOST, '');
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

/** Elements whose text reads on with the text around them (a card split over spans is one number). */
const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'BIG',
  'BR',
  'CITE',
  'CODE',
  'DATA',
  'DEL',
  'EM',
  'FONT',
  'I',
  'INS',
  'KBD',
  'LABEL',
  'MARK',
  'NOBR',
  'Q',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'TT',
  'U',
  'VAR',
  'WBR',
]);
const NO_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'TITLE']);
/** Joins two text nodes of one block (a gap that adds nothing: see `starSecrets`). */
const SAME_BLOCK = '\u2063';
/** Separates text nodes of different blocks: never part of a number. */
const OTHER_BLOCK = '\u0001';

function blockOf(node: Node): Node | null {
  let el = node.parentElement;
  while (el && INLINE.has(el.tagName)) el = el.parentElement;
  return el ?? node.parentNode;
}

/**
 * Masks card and ID numbers in the rendered text of one document or shadow
 * root, across text nodes: the text of each block is read as one string (a
 * card split over `<span>`s or broken by `<br>` is one number), numbers are
 * starred in place, and each text node takes back its own slice.
 */
function maskText(root: Document | ShadowRoot, undo: (() => void)[]): void {
  // A frame's document comes from another realm: `instanceof Document` is false for it.
  const isDocument = root.nodeType === Node.DOCUMENT_NODE;
  const doc = isDocument ? (root as Document) : (root as ShadowRoot).ownerDocument;
  const walker = doc.createTreeWalker(isDocument ? ((root as Document).body ?? root) : root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let joined = '';
  let lastBlock: Node | null = null;
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    const parent = node.parentElement;
    if (parent && NO_TEXT.has(parent.tagName)) continue;
    const block = blockOf(node);
    if (nodes.length > 0) joined += block === lastBlock ? SAME_BLOCK : OTHER_BLOCK;
    lastBlock = block;
    nodes.push(node);
    starts.push(joined.length);
    joined += node.nodeValue ?? '';
  }
  const starred = redactInPlace(joined);
  if (starred === joined) return;
  nodes.forEach((node, i) => {
    const original = node.nodeValue ?? '';
    const masked = starred.slice(starts[i], starts[i]! + original.length);
    if (masked === original) return;
    node.nodeValue = masked;
    undo.push(() => {
      node.nodeValue = original;
    });
  });
}

/** Masks the values of form controls in one document or shadow root. */
function maskControls(root: Document | ShadowRoot, undo: (() => void)[]): void {
  for (const el of Array.from(root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'))) {
    if (el.value === '' || (el.tagName === 'INPUT' && CHOICE_INPUTS.test(el.type) && el.type !== 'hidden')) continue;
    const masked = maskedValue(el);
    if (masked === el.value) continue;
    const { value } = el;
    el.value = masked;
    undo.push(() => {
      el.value = value;
    });
  }
}

/** A same-origin frame's document (srcdoc and about:blank included), or null when the page may not read it. */
function frameDocument(frame: HTMLIFrameElement | HTMLFrameElement): Document | null {
  try {
    return frame.contentDocument;
  } catch {
    return null;
  }
}

/** What the browser lets an extension read of a closed shadow root (Chrome's `chrome.dom`, Firefox's element property). */
type ClosedRootReader = (el: Element) => ShadowRoot | null;
function closedRootReader(): ClosedRootReader | null {
  const dom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?: (el: HTMLElement) => ShadowRoot | null } } })
    .chrome?.dom;
  if (typeof dom?.openOrClosedShadowRoot === 'function')
    return (el) => dom.openOrClosedShadowRoot!(el as HTMLElement) ?? null;
  return (el) => (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ?? null;
}

/** The closed shadow root of a custom element (where web components keep theirs), as far as the browser lets an extension read it. */
function closedShadowOf(el: Element, closed: ClosedRootReader): ShadowRoot | null {
  try {
    return closed(el);
  } catch {
    return null;
  }
}

/** The shadow roots and same-origin frame documents inside `root`, at any depth. */
function innerRoots(
  root: Document | ShadowRoot,
  into: (Document | ShadowRoot)[],
  covered: Element[],
  closed = closedRootReader(),
): void {
  const isDocument = root.nodeType === Node.DOCUMENT_NODE;
  // A document's live element list is read three times faster than a static `querySelectorAll('*')`
  // (6 against 21 ms on a 3,000-order list of 42,000 elements). Each element is asked only for its
  // shadow root, and its name only where a closed root may hide (a custom element): reading
  // `tagName` three times per element cost three to four times the walk itself there.
  const all: ArrayLike<Element> = isDocument
    ? (root as Document).getElementsByTagName('*')
    : root.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    let shadow = el.shadowRoot;
    if (shadow === null) {
      if (!closed || !el.localName.includes('-')) continue;
      shadow = closedShadowOf(el, closed);
      if (shadow === null) continue;
    }
    if (el.localName === UI_ELEMENT_NAME) continue;
    into.push(shadow);
    innerRoots(shadow, into, covered, closed);
  }
  // Frames are few: the engine finds them by name faster than the walk can compare names.
  const frames = isDocument
    ? [
        ...Array.from((root as Document).getElementsByTagName('iframe')),
        ...Array.from((root as Document).getElementsByTagName('frame')),
      ]
    : Array.from(root.querySelectorAll('iframe, frame'));
  for (const frame of frames) {
    const inner = frameDocument(frame as HTMLIFrameElement);
    if (inner?.documentElement) {
      into.push(inner);
      innerRoots(inner, into, covered, closed);
    } else covered.push(frame);
  }
}

/** The host a frame shows, for the snapshot's record of what was covered. */
function frameHost(frame: Element): string {
  if (frame.hasAttribute('srcdoc') || !frame.getAttribute('src')) return ''; // a sandboxed inline frame: no other site
  try {
    return new URL(frame.getAttribute('src') ?? '', frame.ownerDocument.baseURI).hostname.replace(/[^a-z0-9.-]/gi, '');
  } catch {
    return '';
  }
}

/**
 * Masks the live page for a screenshot and returns a function that puts it
 * back exactly: sensitive input values and numbers typed into any other
 * field, card and ID numbers in the rendered text (across text nodes), in
 * open shadow roots and same-origin frames too; frames the page cannot read
 * (another origin: payment forms put the card number there) are hidden and
 * marked, so the copy records them as covered; our own card is hidden.
 */
export function maskLivePage(doc: Document = document, visible?: string): () => void {
  const undo: (() => void)[] = [];
  const roots: (Document | ShadowRoot)[] = [];
  const covered: Element[] = [];
  innerRoots(doc, roots, covered);
  maskControls(doc, undo);
  // The page's visible text was read just before: when it holds no card or ID number, no text
  // node of the document itself that could show in the picture does, and its walk is skipped.
  if (doc.body && (visible === undefined || redactText(visible) !== visible)) maskText(doc, undo);
  for (const root of roots) {
    maskControls(root, undo);
    maskText(root, undo);
  }
  for (const frame of covered) {
    const style = (frame as HTMLElement).style;
    const before = [style.getPropertyValue('visibility'), style.getPropertyPriority('visibility')] as const;
    style.setProperty('visibility', 'hidden', 'important');
    frame.setAttribute(COVERED_FRAME_ATTRIBUTE, frameHost(frame));
    undo.push(() => {
      frame.removeAttribute(COVERED_FRAME_ATTRIBUTE);
      if (before[0]) style.setProperty('visibility', before[0], before[1]);
      else style.removeProperty('visibility');
    });
  }
  // Our own card is not part of the page: it hides itself from inside its closed shadow root
  // (platform/card-visibility.ts), by a switch page script cannot reach or forge.
  undo.push(hideCards());
  return () => {
    for (const step of undo.reverse()) step();
  };
}

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

export function describeCapture(reply: ResponseOf<'evidence.capture'>, t: Translate): SaveOutcome {
  if (reply.status === 'saved') return { kind: 'saved', id: reply.id, screenshot: reply.screenshot };
  if (reply.status === 'duplicate') return { kind: 'duplicate', id: reply.id };
  return { kind: 'error', message: captureFailureMessage(reply, t) };
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
 * visible text is read first (it tells the mask what to hide, and `textRead`
 * may send it on at once under the capture's ticket), the page is
 * masked, and the DOM is serialised from the masked page while the browser
 * waits for the frame that paints it (masked values are what the copy keeps
 * anyway); once painted, the worker is asked for the screenshot. The parts are
 * returned at once, so the capture can be packed and sent while the picture is
 * taken; the page stays masked until the picture exists (`pictured`), whatever
 * happens.
 */
export async function collectPage(
  doc: Document,
  requestScreenshot: (ticket: string) => Promise<boolean>,
  textRead: (text: string, ticket: string) => void = () => undefined,
): Promise<CollectedParts> {
  const text = visibleText(doc);
  if (text.length > CAPTURE_LIMITS.text)
    return { text: '', dom: '', screenshotTicket: null, tooLarge: true, pictured: Promise.resolve() };
  // The capture's name, for its picture and for its text when that goes ahead (`textRead`).
  const ticket = newTicket();
  textRead(text, ticket);
  const restore = maskLivePage(doc, text);
  let pictured: Promise<void> | null = null;
  try {
    // The two frames are asked for first: serialising fills the wait for them.
    const paintedNow = paintAhead();
    // Copying the page runs its custom elements' constructors (page code): what was queued for the
    // masking (the page's mutation observers) runs before, as it did when the copy followed the paint.
    await Promise.resolve();
    const dom = serialiseDom(doc);
    if (dom.length > CAPTURE_LIMITS.dom) {
      restore();
      return { text: '', dom: '', screenshotTicket: null, tooLarge: true, pictured: Promise.resolve() };
    }
    await paintedNow();
    // The screenshot is optional; the capture goes on without it.
    pictured = requestScreenshot(ticket).then(
      () => restore(),
      () => restore(),
    );
    return { text, dom, screenshotTicket: ticket, tooLarge: false, pictured };
  } catch (error) {
    // Never unmask before the picture is taken.
    if (pictured) await pictured;
    else restore();
    throw error;
  }
}

/** Captures the page and resolves once the worker has acknowledged the committed write (and the page is whole again). */
export async function capturePage({
  match,
  source,
  note = '',
  fields = {},
  t,
  doc = document,
}: CaptureOptions): Promise<SaveOutcome> {
  // A stopped worker starts while the page is read and masked, not when the picture is asked for.
  wakeWorker();
  try {
    // The text goes to the worker as soon as it is read, as it is (no packing on this thread): the
    // worker redacts and hashes it while this page masks and serialises itself.
    let textAhead: Promise<boolean> = Promise.resolve(false);
    const { text, dom, screenshotTicket, tooLarge, pictured } = await collectPage(
      doc,
      async (ticket) => (await sendMessage('evidence.screenshot', { ticket })).taken,
      (read, ticket) => {
        textAhead = sendMessage('evidence.captureText', { ticket, text: read }).then(
          (reply) => reply.accepted,
          () => false,
        );
      },
    );
    try {
      if (tooLarge) return { kind: 'error', message: t('evidence.error.tooLarge') };
      // Answered long before (the worker answers on receipt); a text the worker did not take goes packed.
      const ahead = screenshotTicket !== null && (await textAhead);
      // Packed while the browser takes the picture; a fifth of the size crosses to the worker far sooner.
      // (Packed during the wait for the frames instead, it held the frames back until it was done:
      // the picture was asked for later and the capture went no sooner.)
      const send = async (withText: boolean) =>
        sendMessage('evidence.capture', {
          url: doc.location.href,
          title: doc.title.slice(0, CAPTURE_LIMITS.title),
          match,
          text: '',
          dom: '',
          packed: withText ? await packParts(text, dom) : await packParts(null, dom),
          fields,
          source,
          note,
          screenshotTicket,
          ...(!withText && screenshotTicket !== null && { textTicket: screenshotTicket }),
        });
      let reply = await send(!ahead);
      // A worker stopped and started again since it took the text no longer holds it: the text goes along.
      if (ahead && reply.status === 'failed' && reply.reason === 'invalid') reply = await send(true);
      return describeCapture(reply, t);
    } finally {
      await pictured;
    }
  } catch (error) {
    const message =
      error instanceof MessagingError ? t(errorMessageKey(error.code), { message: error.message }) : String(error);
    return { kind: 'error', message };
  }
}
