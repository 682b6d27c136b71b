import type { Page } from 'playwright-core';
import { cardClick, onCard } from '../../test/e2e/card';

/**
 * One save from the card, timed inside the page from the click to the card showing it saved (ms);
 * undefined when the page has no card.
 */
export async function timedCardSave(page: Page): Promise<number | undefined> {
  await onCard(
    page,
    `function () { var root = this; root.__saved = new Promise(function (ok) { var t0 = 0;
      root.addEventListener('click', function () { t0 = performance.now(); }, { capture: true, once: true });
      new MutationObserver(function (_m, o) { var s = root.querySelector('[data-evidence="saved"]');
        if (t0 && s) { o.disconnect(); ok(performance.now() - t0); } })
        .observe(root, { subtree: true, childList: true, attributes: true }); }); }`,
  );
  await cardClick(page, '[data-action="save-evidence"]');
  const [ms] = await onCard<number>(page, 'function () { return this.__saved; }');
  return ms;
}
