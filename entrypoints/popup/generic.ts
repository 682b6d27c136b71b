import { browser } from 'wxt/browser';
import type { GenericSiteApi } from '../../components/GenericSite';
import { sendMessage } from '../../platform/page-messaging';

/** The popup's "other site" actions, wired to the browser and the worker. */
export function genericSiteApi(tabId: number): GenericSiteApi {
  return {
    async checkOnce() {
      const { match } = await sendMessage('sites.checkOnce', { tabId });
      return match?.kind === 'checkout';
    },
    async enable(pattern) {
      // Asked first, while the click is still being handled (the browser requires a gesture).
      const granted = await browser.permissions.request({ origins: [pattern] });
      if (!granted) return false;
      const { loadSettings, saveSettings } = await import('../../platform/settings');
      const { settings } = await loadSettings();
      if (!settings.genericSites.includes(pattern))
        await saveSettings({ genericSites: [...settings.genericSites, pattern] });
      await sendMessage('sites.sync', {});
      // The page already open gets the card now; later visits get it from the registration.
      await sendMessage('sites.checkOnce', { tabId });
      return true;
    },
  };
}
