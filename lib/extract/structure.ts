import { cleanText } from './normalize';

/**
 * Reading a page by its structure as component libraries render it (the
 * Tencent Cloud console's tea-component, TDesign, Ant Design, Element): a
 * choice marked by `aria-checked` or a selected-state class instead of a
 * native radio, and a label in a neighbouring cell or a form-item wrapper
 * instead of a `<label for>`. Pure DOM reading, shared by the extractors and
 * by the ticket-form filler.
 */

/** Wrappers that hold one label and one control: the libraries' form items, and a table row. */
const FORM_ITEM = '[class*="form__item"], [class*="form-item"], [class*="form_item"], .form-group, .form-row, .field';
/** The label part of a form item. */
const ITEM_LABEL =
  '[class*="form__label"], [class*="form-item__label"], [class*="form-item-label"], [class*="form_label"], label, dt, th';
/** Classes that mark the chosen option of a button group, a card picker or a tab list. */
const SELECTED_CLASS =
  /(^|\s)(is-selected|is-checked|is-active|is-current|selected|checked|active|current|on)(\s|$)|--(selected|checked|active)(\s|$)/;
/** Short enough to be a label rather than prose. */
const LABEL_MAX = 24;

const textOf = (el: Element | null | undefined) => cleanText(el?.textContent);

/** Does the element contain a control (so its text is not a label)? */
function holdsControl(el: Element): boolean {
  return (
    el.matches('input, textarea, select, [role="textbox"], [role="combobox"]') ||
    el.querySelector('input, textarea, select, [role="textbox"], [role="combobox"]') !== null
  );
}

function asLabel(el: Element | null | undefined): string | null {
  if (!el || holdsControl(el)) return null;
  const text = textOf(el).replace(/^[*＊]\s*/, '');
  return text && text.length <= LABEL_MAX ? text : null;
}

/**
 * The label a person reads next to a control when no `for`/aria names it:
 * the label cell of its form item, the cell before it in a table row, or the
 * short text just before it (or before the wrapper it sits in, up to three
 * levels). Null when nothing label-like is found.
 */
export function structuralLabel(control: Element): string | null {
  const item = control.parentElement?.closest(FORM_ITEM);
  if (item) {
    for (const candidate of Array.from(item.querySelectorAll(ITEM_LABEL))) {
      // The label of this item, not of a nested item or of the control's own option.
      if (candidate.closest(FORM_ITEM) !== item || candidate.contains(control)) continue;
      const text = asLabel(candidate);
      if (text) return text;
    }
  }
  const cell = control.closest('td, th, dd');
  if (cell) {
    const before = cell.previousElementSibling;
    if (before && /^(TD|TH|DT)$/.test(before.tagName)) {
      const text = asLabel(before);
      if (text) return text;
    }
  }
  let node: Element | null = control;
  for (let depth = 0; node && depth < 3; depth++, node = node.parentElement) {
    const before = node.previousElementSibling;
    if (before) return asLabel(before);
  }
  return null;
}

/** Whether a choice (radio, checkbox, switch, option, button in a group) is on, read natively, by ARIA or by class. */
export function isChosen(el: Element): boolean {
  const live = (el as { checked?: unknown }).checked;
  if (el.tagName === 'INPUT' && typeof live === 'boolean') return live;
  if (el.tagName === 'INPUT') return el.hasAttribute('checked');
  for (const attr of ['aria-checked', 'aria-pressed', 'aria-selected']) {
    const value = el.getAttribute(attr);
    if (value !== null) return value === 'true';
  }
  return SELECTED_CLASS.test(el.getAttribute('class') ?? '');
}

/** The options of a choice group: native radios, ARIA radios, or the buttons of a segment. */
const OPTION_SELECTOR = 'input[type="radio"], [role="radio"], [role="option"], [role="tab"]';

/**
 * The chosen option inside `group` and the text it shows: a checked native
 * radio, an ARIA radio with aria-checked="true", or — in a group of plain
 * buttons or items — the one carrying a selected-state class. Null when the
 * group has options and none is chosen, or has none.
 */
export function chosenOption(group: Element): { element: Element; text: string } | null {
  let options = Array.from(group.querySelectorAll(OPTION_SELECTOR)).slice(0, 100);
  if (options.length === 0) {
    // A segment of buttons or list items, one of them marked selected by class.
    options = Array.from(
      group.querySelectorAll('button, li, [class*="segment"] > *, [class*="option"], [class*="item"]'),
    )
      .slice(0, 100)
      .filter((el) => textOf(el).length > 0 && textOf(el).length <= 40);
  }
  const chosen = options.find(isChosen);
  if (!chosen) return null;
  const text =
    chosen.getAttribute('data-label') ??
    (chosen.tagName === 'INPUT'
      ? (chosen.closest('label')?.textContent ?? chosen.getAttribute('aria-label') ?? '')
      : (chosen.getAttribute('aria-label') ?? chosen.textContent ?? ''));
  return { element: chosen, text: cleanText(text) };
}

/** Toggles a page may use for one yes/no setting. */
export const TOGGLE_SELECTOR = 'input[type="checkbox"], [role="checkbox"], [role="switch"]';

/**
 * The body cell under a header cell: the first body row of its own table, or
 * — in tables whose header and body are separate `<table>`s, as console
 * libraries render them for sticky headers — of the next table with body rows
 * inside the same wrapper. Null when there is none.
 */
export function columnCell(header: Element): Element | null {
  const row = header.closest('tr');
  const table = header.closest('table');
  if (!row || !table) return null;
  const index = Array.from(row.children).indexOf(header);
  if (index < 0) return null;
  const bodyRowOf = (t: Element) =>
    Array.from(t.querySelectorAll('tbody tr')).find(
      (r) => r !== row && r.closest('table') === t && r.children.length > index,
    ) ?? null;
  let body = bodyRowOf(table);
  if (!body) {
    const split = splitBodyTable(table);
    body = split ? bodyRowOf(split) : null;
  }
  return body ? (body.children[index] ?? null) : null;
}

/**
 * For a table that holds only a header: the table holding its body rows, when
 * the two are rendered apart (tea-component, Ant Design with a fixed header).
 * It is the first table after this one within their shared wrapper (up to
 * three levels up) whose rows have as many cells as the header.
 */
export function splitBodyTable(headerTable: Element): Element | null {
  const headerRow = headerTable.querySelector('thead tr') ?? headerTable.querySelector('tr');
  const width = headerRow?.children.length ?? 0;
  if (!width) return null;
  let wrapper: Element | null = headerTable.parentElement;
  for (let depth = 0; wrapper && depth < 3; depth++, wrapper = wrapper.parentElement) {
    const tables = Array.from(wrapper.querySelectorAll('table')).slice(0, 20);
    const after = tables.slice(tables.indexOf(headerTable as HTMLTableElement) + 1);
    const body = after.find((t) => {
      const first = t.querySelector('tbody tr');
      return first !== null && !t.querySelector('thead th') && first.children.length === width;
    });
    if (body) return body;
  }
  return null;
}
