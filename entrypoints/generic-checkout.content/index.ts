import cardCss from '../../components/page-card.css?inline';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runPageScript } from '../../platform/content';
import { PageScriptContext } from '../../platform/script-context';

// Not in the manifest: injected only on sites the user enabled (optional host
// permission) or into the current tab once (activeTab), from the popup.
export default defineContentScript({
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  // Not WXT's context: a page could end that one with a forged DOM event (platform/script-context.ts).
  main: () => runPageScript(new PageScriptContext('generic-checkout'), cardCss),
});
