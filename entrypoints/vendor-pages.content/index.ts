import cardCss from '../../components/page-card.css?inline';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptHosts } from '../../lib/vendors/registry';
import { runPageScript } from '../../platform/content';
import { startTicketFill } from '../../platform/ticket-fill';

// Runs only on the shipped vendors' hosts (from the pack registry); the manifest
// declares nothing broader, so unrelated sites get no script at all. The card's
// CSS is bundled inline, so no extension file is exposed to web pages.
export default defineContentScript({
  matches: contentScriptHosts().map((host) => `*://${host}/*`),
  runAt: 'document_idle',
  // Older copies of this script (after an update) are told by a DOM event; the page's own
  // message listeners are not woken, and no stack is captured for a postMessage.
  noScriptStartedPostMessage: true,
  main: (ctx) => {
    ctx.onInvalidated(startTicketFill()); // ticket pages: fill the drafted ticket when the popup asks, never submit
    return runPageScript(ctx, cardCss);
  },
});
