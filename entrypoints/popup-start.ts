import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { browserStartDeps, sharedStart } from './popup/start';

// The popup's first script (public/popup.html): a few kilobytes that ask the worker about the
// tab while the interface's script (popup-ui.js) is still loading.
export default defineUnlistedScript(() => void sharedStart(globalThis, location.search, browserStartDeps));
