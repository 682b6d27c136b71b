import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { cardUi } from '../features/card/ui';

/**
 * The in-page card's code beyond its pill, run by the worker in the page's
 * extension world when the page script asks for it (`card.ui`): it defines one
 * object on that world's global, which page scripts cannot see.
 */
export default defineUnlistedScript(() => {
  globalThis.refundGuardCardUi ??= cardUi;
});
