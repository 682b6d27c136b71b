import cardCss from '../../components/page-card.css?inline';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runPageScript } from '../../platform/content';

// Not in the manifest: injected only on sites the user enabled (optional host
// permission) or into the current tab once (activeTab), from the popup.
export default defineContentScript({
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  main: (ctx) => runPageScript(ctx, cardCss),
});
