import cardCss from '../../components/card/pill.css?inline';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runPageScript } from '../../features/card/run';
import { listenForTicketFill } from '../../features/card/ticket';
import { contentScriptHosts } from '../../lib/vendors/registry';
import { PageScriptContext } from '../../platform/script-context';

// Runs only on the shipped vendors' hosts (from the pack registry); the manifest
// declares nothing broader, so unrelated sites get no script at all. The card's
// CSS is bundled inline, and the rest of its code is run by the worker on
// demand (entrypoints/card-ui.ts), so no extension file is exposed to web pages.
export default defineContentScript({
  matches: contentScriptHosts().map((host) => `*://${host}/*`),
  runAt: 'document_idle',
  // WXT's own start message is not needed: our context (below) neither sends nor hears it.
  noScriptStartedPostMessage: true,
  main: () => {
    // Not WXT's context: a page could end that one with a forged DOM event (platform/script-context.ts).
    const ctx = new PageScriptContext('vendor-pages');
    ctx.onInvalidated(listenForTicketFill()); // ticket pages: fill the drafted ticket when the popup asks, never submit
    return runPageScript(ctx, cardCss);
  },
});
