import type { CardUi } from './ui';
import { sendMessage } from '../../platform/page-messaging';

let loading: Promise<CardUi> | null = null;

/**
 * The card's code beyond the pill (features/card/ui.ts), loaded once per page
 * when something needs it: the worker runs its script in this frame's extension
 * world (no file is exposed to the page) and it defines `refundGuardCardUi` on
 * that world's global. Rejects when the worker cannot run it; the next call tries again.
 */
export function loadCardUi(): Promise<CardUi> {
  const ready = globalThis.refundGuardCardUi;
  if (ready) return Promise.resolve(ready);
  loading ??= sendMessage('card.ui', {})
    .then(() => {
      const ui = globalThis.refundGuardCardUi;
      if (!ui) throw new Error('the card did not load');
      return ui;
    })
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}
