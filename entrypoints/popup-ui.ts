import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import './popup/popup.css';
import { openPopup } from './popup/main';

// The popup's interface as one classic script, loaded by public/popup.html after popup-start.js.
// Built like the content scripts, in a single file (and one style sheet, assets/popup-ui.css),
// the page fetches one script rather than a graph of chunks shared with the other pages.
export default defineUnlistedScript(openPopup);
