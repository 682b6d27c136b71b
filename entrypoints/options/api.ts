import { browser } from 'wxt/browser';
import type { SettingsApi } from '../../components/settings/api';
import { sendMessage } from '../../platform/messaging';
import { loadOutageLog, loadSettings, saveSettings } from '../../platform/settings';

/** The options page's browser glue (components/settings/api.ts). */
export const browserSettingsApi: SettingsApi = {
  load: loadSettings,
  save: saveSettings,
  loadOutageLog: async () => (await loadOutageLog()).log,
  requestOrigins: (origins) => browser.permissions.request({ origins }),
  removeOrigins: (origins) => browser.permissions.remove({ origins }),
  containsOrigins: (origins) => browser.permissions.contains({ origins }),
  syncSites: () => sendMessage('sites.sync', {}),
  upcoming: async () => (await sendMessage('reminders.sync', {})).deadlines,
  exportEvidence: (locale) => sendMessage('evidence.export', { ids: null, locale }),
  wipeEvidence: async () => (await sendMessage('evidence.wipe', { confirm: true })).wiped,
  signingKey: () => sendMessage('evidence.signingKey', {}),
  writeAll: (settings, outageLog) => browser.storage.local.set({ settings, outageLog }),
  clearAll: () => browser.storage.local.clear(),
  download(fileName, data) {
    const url = URL.createObjectURL(data);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
  now: () => new Date(),
};
