import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { pageStart } from './popup/start';

// The popup's first script (public/popup.html): a few kilobytes that ask the worker about the
// tab while the interface's script (popup-ui.js) is still loading.
export default defineUnlistedScript(() => void pageStart());
