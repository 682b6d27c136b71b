import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { listen } from '../../platform/messaging';
import { cardContentFor } from './card';
import { evidenceHandlers } from './evidence';
import { forgetTab, recordDetection, tabStatus } from './tabs';

// Listeners only: the worker may be stopped at any moment and restarted by the
// next event, so nothing here keeps state in memory that matters.
export default defineBackground(() => {
  const startedAt = new Date().toISOString();

  listen({
    'worker.ping': () => ({ version: browser.runtime.getManifest().version, startedAt }),
    'page.detected': (data, sender) => recordDetection(data, sender, new Date()),
    'tab.status': ({ tabId }) => tabStatus(tabId),
    'card.content': (request) => cardContentFor(request, new Date()),
    'ui.openChecker': async (_data, sender) => {
      if (sender.tabId === undefined) return { opened: false };
      await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?tab=${sender.tabId}`) });
      return { opened: true };
    },
    ...evidenceHandlers(),
  });

  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void forgetTab(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
});
