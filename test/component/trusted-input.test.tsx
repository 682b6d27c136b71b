import { act, fireEvent, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PageLocale } from '../../components/i18n-context';
import { PageCard } from '../../components/PageCard';
import { acceptTrustedInputOnly } from '../../platform/trusted-input';

/** The in-page card as the content script mounts it: inside a closed shadow root, optionally guarded. */
function mountCard(guarded: boolean) {
  const host = document.createElement('refund-guard-ui');
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'closed' });
  const container = document.createElement('div');
  shadow.append(container);
  if (guarded) acceptTrustedInputOnly(shadow);
  const handlers = {
    onSaveEvidence: vi.fn(async () => ({ kind: 'saved' as const, id: 'snap-000001' })),
    onOpenChecker: vi.fn(async () => undefined),
    onDismiss: vi.fn(),
    onNeverOnSite: vi.fn(),
    onActionIntent: vi.fn(),
  };
  render(
    <PageLocale locale="zh-CN">
      <PageCard presence="expanded" match={{ vendor: 'tencent-cloud', kind: 'order' }} {...handlers} />
    </PageLocale>,
    { container },
  );
  const button = (selector: string) => shadow.querySelector<HTMLButtonElement>(selector)!;
  return { shadow, handlers, button };
}

/** Everything a page script can do to a control it holds: every event it makes is untrusted. */
async function pressLikeAPage(el: HTMLElement) {
  await act(async () => {
    el.click();
    fireEvent.click(el);
    fireEvent.pointerOver(el);
    fireEvent.pointerEnter(el);
    fireEvent.mouseDown(el);
    fireEvent.keyDown(el, { key: 'Enter' });
  });
}

describe('acceptTrustedInputOnly on the card’s shadow root', () => {
  it('a page’s synthetic clicks and keys reach none of the card’s actions', async () => {
    const { handlers, button } = mountCard(true);
    const collapse = button('button[aria-expanded]');
    for (const action of ['save-evidence', 'open-checker', 'never-on-site'])
      await pressLikeAPage(button(`[data-action="${action}"]`));
    await pressLikeAPage(collapse);
    await pressLikeAPage(button('.rg-card__icon:not([aria-expanded])'));
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
    expect(collapse.getAttribute('aria-expanded')).toBe('true');
  });

  it('without it the same synthetic events do act (the check above can fail)', async () => {
    const { handlers, button } = mountCard(false);
    const collapse = button('button[aria-expanded]');
    for (const action of ['save-evidence', 'open-checker', 'never-on-site'])
      await pressLikeAPage(button(`[data-action="${action}"]`));
    await pressLikeAPage(button('.rg-card__icon:not([aria-expanded])'));
    expect(handlers.onSaveEvidence).toHaveBeenCalled();
    expect(handlers.onOpenChecker).toHaveBeenCalled();
    expect(handlers.onNeverOnSite).toHaveBeenCalled();
    expect(handlers.onDismiss).toHaveBeenCalled();
    expect(handlers.onActionIntent).toHaveBeenCalled();
    fireEvent.click(collapse);
    // Collapsed: the card is its pill now.
    expect(button('[data-action="expand"]').getAttribute('aria-expanded')).toBe('false');
  });

  it('stops guarding when released', async () => {
    const host = document.createElement('div');
    const button = document.createElement('button');
    host.append(button);
    const clicked = vi.fn();
    button.addEventListener('click', clicked);
    const release = acceptTrustedInputOnly(host);
    button.click();
    expect(clicked).not.toHaveBeenCalled();
    release();
    button.click();
    expect(clicked).toHaveBeenCalledOnce();
  });
});
