import type { CardContent } from '../../lib/card/model';

/**
 * The card as its one-line pill, drawn with plain DOM calls: the page script
 * carries no UI library for it. The markup is the collapsed card's own
 * (components/PageCard.tsx), so the opened card that replaces it on demand
 * takes the same place and the same attributes. Every risk's `data-flag` is
 * in the (hidden) body while the card is a pill (contract 2).
 */

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string>,
  ...children: (Node | string | null)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) if (child !== null) node.append(child);
  return node;
}

const part = (text: string | null, className: string, attrs: Record<string, string> = {}) =>
  text ? el('span', { class: `rg-pill__part ${className}`.trim(), ...attrs }, text) : null;

/** Draws the pill into `container` (replacing what it held); the buttons call back. */
export function drawPill(
  container: HTMLElement,
  content: CardContent,
  on: { expand(): void; dismiss(): void },
): HTMLElement {
  const { pill } = content;
  const expand = el(
    'button',
    { type: 'button', class: 'rg-pill', 'data-action': 'expand', 'aria-expanded': 'false', title: pill.expand },
    el(
      'span',
      { class: `rg-pill__line rg-headline--${pill.tone}`, 'data-pill': '' },
      el('strong', { class: 'rg-headline__line', 'data-pill-headline': '' }, pill.line),
      part(pill.deadline, 'rg-date'),
      part(pill.rows, ''),
      part(pill.risks, 'rg-pill__risks', { 'data-risk-count': String(pill.riskCount) }),
    ),
  );
  const dismiss = el(
    'button',
    {
      type: 'button',
      class: 'rg-card__icon rg-card__close',
      'data-action': 'dismiss',
      'aria-label': pill.dismiss,
      title: pill.dismiss,
    },
    '×',
  );
  expand.addEventListener('click', on.expand);
  dismiss.addEventListener('click', on.dismiss);
  const flags = content.checkout?.flags ?? [];
  const body = el('div', { class: 'rg-card__body', hidden: '' });
  if (flags.length > 0)
    body.append(el('ul', { class: 'rg-list' }, ...flags.map((f) => el('li', { 'data-flag': f.id }, f.title))));
  const card = el(
    'section',
    { class: 'rg-card', 'aria-label': pill.title, 'data-collapsed': 'true' },
    el(
      'header',
      { class: 'rg-card__header' },
      el('span', { class: 'rg-card__logo', 'aria-hidden': 'true' }, '¥'),
      expand,
      dismiss,
    ),
    body,
  );
  container.replaceChildren(card);
  return card;
}
