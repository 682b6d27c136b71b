// First: it starts reading the worker's data file while the rest of the script is evaluated.
import { workerDataReady } from './data';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { listen } from '../../platform/messaging';
import { cardContentFor } from './card';
import { cardTicketDraft } from './card-draft';
import { checkTabOnce, runCardUi } from './check-once';
import { evidenceHandlers, exposeBulkSeeding } from './evidence';
import { evidenceStore } from './store';
import { serveExports } from './evidence-export';
import { installationSigner } from './signing-key';
import { headlineHandlers } from './headlines';
import { noteWebmailPage, outageHandlers } from './outages';
import { createReminders, registerReminders, reminderHandlers, withReminderSync } from './reminders';
import { registerSiteSync, syncSites } from './sites';
import { captureTabHandlers, registerCaptureGestures } from './menus';
import { cardRequestOf, forgetTab, recordDetection, rememberCardRequest, tabStatus } from './tabs';

// Listeners only: the worker may be stopped at any moment and restarted by the
// next event, so nothing here keeps state in memory that matters.
export default defineBackground(() => {
  // For the bench: how long the worker's script took to load and evaluate before its listeners exist.
  performance.mark('rg-worker-main');
  // The data the script does not carry is read now, while the listeners are registered.
  // (The bench reads when it was in: scripts/bench/store-scale.ts.)
  void workerDataReady().then(
    () => performance.mark('rg-worker-data'),
    () => undefined,
  );
  const startedAt = new Date().toISOString();
  const reminders = createReminders({ store: evidenceStore });

  listen(
    {
      'worker.ping': () => ({ version: browser.runtime.getManifest().version, startedAt }),
      'page.detected': async (data, sender) => {
        const result = await recordDetection(data, sender, new Date());
        if (result.accepted) await noteWebmailPage(data, new Date()).catch(() => undefined);
        return result;
      },
      // Who may send what is declared with each message (lib/messages) and checked by the dispatcher:
      // what another tab shows (its URL and title) is for the popup, not for a script in a web page.
      'tab.status': ({ tabId }) => tabStatus(tabId),
      'card.content': async (request, sender) => {
        await rememberCardRequest(sender.tabId, request).catch(() => undefined);
        return cardContentFor(request, sender.url ?? null, new Date(), evidenceStore);
      },
      // The popup leads with what the tab's card says (the same reading, the popup's language).
      'tab.card': async ({ tabId, locale }) => {
        const [request, status] = await Promise.all([cardRequestOf(tabId), tabStatus(tabId)]);
        if (!request) return { content: null };
        return { content: await cardContentFor({ ...request, locale }, status.url, new Date(), evidenceStore) };
      },
      'sites.checkOnce': (request) => checkTabOnce(request),
      'card.ui': (_data, sender) => runCardUi(sender),
      'card.ticketDraft': (request, sender) =>
        cardTicketDraft(request, sender, evidenceStore(), new Date()).catch(() => ({ draft: null })),
      'ui.openChecker': async (_data, sender) => {
        if (sender.tabId === undefined) return { opened: false };
        await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?tab=${sender.tabId}`) });
        return { opened: true };
      },
      ...withReminderSync(evidenceHandlers(), reminders),
      ...outageHandlers(evidenceStore),
      ...headlineHandlers(evidenceStore),
      ...reminderHandlers(reminders),
      ...captureTabHandlers(),
      'sites.sync': () => syncSites(),
    },
    workerDataReady,
  );

  registerReminders(reminders);
  registerSiteSync();

  registerCaptureGestures();
  serveExports(evidenceStore, installationSigner);
  exposeBulkSeeding();

  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void forgetTab(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  performance.mark('rg-worker-listening');
});
