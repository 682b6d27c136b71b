import cardCss from '../../components/card/pill.css?inline';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runPageScript } from '../../features/card/run';
import { PageScriptContext } from '../../platform/script-context';

// Not in the manifest: injected only on sites the user enabled (optional host
// permission) or into the current tab once (activeTab), from the popup.
export default defineContentScript({
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  // Not WXT's context: a page could end that one with a forged DOM event (platform/script-context.ts).
  main: () => runPageScript(new PageScriptContext('generic-checkout'), cardCss),
});
