import { detectPage } from '../lib/detect';
import type { RequestOf, ResponseOf } from '../lib/messages';
import { structuralLabel } from '../lib/extract/structure';
import { planFill, type FillField, type FillValues, type FormControlInfo } from '../lib/tickets/fill';

/**
 * Filling a vendor's ticket form in its own page. The page's form is read as a
 * person reads it (labels, aria, names), lib/tickets/fill decides what goes
 * where, and each value is written the way typing would leave it: the native
 * value setter, then `input` and `change` events, so the page's own scripts
 * (counters, validation, framework state) see it. Filled controls are marked.
 * Nothing here submits, clicks, or presses a key in the page.
 */

export const FILLED_ATTRIBUTE = 'data-refund-guard-filled';
const HIGHLIGHT = { outline: '2px solid #16a34a', outlineOffset: '1px', backgroundColor: '#f0fdf4' } as const;

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const textOf = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

function labelsOf(el: Control, doc: Document): string[] {
  const texts: string[] = [];
  for (const label of Array.from(el.labels ?? [])) texts.push(textOf(label));
  const aria = el.getAttribute('aria-label');
  if (aria) texts.push(aria);
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) for (const id of labelledBy.split(/\s+/)) texts.push(textOf(doc.getElementById(id)));
  // Console forms (tea-component, TDesign …) put the label in a neighbouring cell with no `for`.
  if (!texts.some(Boolean)) {
    const structural = structuralLabel(el);
    if (structural) texts.push(structural);
  }
  return texts.filter(Boolean).map((t) => t.slice(0, 200));
}

function isVisible(el: Control, doc: Document): boolean {
  if (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'hidden') return false;
  if (el.closest('[hidden], [aria-hidden="true"]')) return false;
  const view = doc.defaultView;
  for (let node: Element | null = el; node; node = node.parentElement) {
    const style = view?.getComputedStyle(node);
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return true;
}

/** The form's controls as lib/tickets/fill describes them, with the elements they stand for. */
export function describeControls(doc: Document): { controls: FormControlInfo[]; elements: Control[] } {
  const elements = Array.from(doc.querySelectorAll<Control>('input, textarea, select')).slice(0, 500);
  const controls = elements.map((el, index): FormControlInfo => {
    const tag = el.tagName.toLowerCase() as FormControlInfo['tag'];
    const maxLength = tag === 'select' ? -1 : (el as HTMLInputElement | HTMLTextAreaElement).maxLength;
    return {
      index,
      tag,
      type: tag === 'input' ? (el.getAttribute('type') ?? '').toLowerCase() : el.type,
      id: el.id,
      name: el.getAttribute('name') ?? '',
      labels: labelsOf(el, doc),
      placeholder: el.getAttribute('placeholder') ?? '',
      disabled: el.disabled,
      readOnly: tag === 'select' ? false : (el as HTMLInputElement | HTMLTextAreaElement).readOnly,
      visible: isVisible(el, doc),
      maxLength: maxLength > 0 ? maxLength : null,
    };
  });
  return { controls, elements };
}

/**
 * Writes a value the way typing does, so the page's own listeners see it, and
 * reads it back: a framework-controlled input (React) that did not take the
 * value into its state puts its own back before the events return. True when
 * the value stuck.
 */
function writeValue(el: HTMLInputElement | HTMLTextAreaElement, value: string): boolean {
  // The element class's own setter: frameworks that wrap the instance's `value` still see the change.
  let setter: ((v: string) => void) | undefined;
  for (let proto = Object.getPrototypeOf(el); proto && !setter; proto = Object.getPrototypeOf(proto)) {
    setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  }
  if (setter) setter.call(el, value);
  else el.value = value;
  const EventClass = el.ownerDocument.defaultView?.Event ?? Event;
  el.dispatchEvent(new EventClass('input', { bubbles: true }));
  el.dispatchEvent(new EventClass('change', { bubbles: true }));
  return el.value === value;
}

function mark(el: HTMLElement, field: FillField): void {
  el.setAttribute(FILLED_ATTRIBUTE, field);
  el.style.outline = HIGHLIGHT.outline;
  el.style.outlineOffset = HIGHLIGHT.outlineOffset;
  el.style.backgroundColor = HIGHLIGHT.backgroundColor;
}

export type FillReport = ResponseOf<'ticket.fill'>;

/**
 * Fills (or, with `dryRun`, only plans) the ticket form in `doc`. A control
 * that already holds text the user typed is left alone and reported as kept;
 * one this extension filled before is refreshed.
 */
export function fillTicketForm(
  doc: Document,
  values: FillValues,
  options: { hints?: Partial<Record<FillField, string>>; dryRun?: boolean } = {},
): FillReport {
  const url = (doc.location?.href ?? '').slice(0, 8192);
  const { controls, elements } = describeControls(doc);
  const plan = planFill(controls, values, options.hints);
  // A form to fill has at least a title or a description box.
  if (!plan.assignments.some((a) => a.field === 'title' || a.field === 'description')) {
    return { status: 'no-form', url, filled: [], kept: [], missing: plan.missing };
  }
  const filled: FillReport['filled'] = [];
  const kept: FillReport['kept'] = [];
  const rejected: NonNullable<FillReport['rejected']> = [];
  for (const a of plan.assignments) {
    const el = elements[a.index] as HTMLInputElement | HTMLTextAreaElement;
    const ours = el.hasAttribute(FILLED_ATTRIBUTE);
    if (el.value.trim() !== '' && !ours && el.value !== a.value) {
      kept.push({ field: a.field, label: a.label });
      continue;
    }
    if (options.dryRun) {
      filled.push({ field: a.field, label: a.label, truncated: a.truncated });
      continue;
    }
    if (!writeValue(el, a.value)) {
      rejected.push({ field: a.field, label: a.label });
      continue;
    }
    filled.push({ field: a.field, label: a.label, truncated: a.truncated });
    mark(el, a.field);
  }
  return {
    status: options.dryRun ? 'preview' : 'filled',
    url,
    filled,
    kept,
    missing: plan.missing,
    ...(rejected.length > 0 ? { rejected } : {}),
  };
}

/** What a page that is not a ticket page answers `ticket.fill` with. */
export const notTicketPage = (): FillReport => ({
  status: 'not-ticket-page',
  url: location.href.slice(0, 8192),
  filled: [],
  kept: [],
  missing: [],
});

/** Answers `ticket.fill` in this page (the page kind is checked when asked: consoles navigate in place). */
export function ticketFillHandler(request: RequestOf<'ticket.fill'>): FillReport {
  if (detectPage(location.href)?.kind !== 'ticket') return notTicketPage();
  return fillTicketForm(document, request.values, { hints: request.hints, dryRun: request.dryRun });
}
