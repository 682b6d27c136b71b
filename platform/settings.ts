import { storage } from 'wxt/utils/storage';
import { defaultSettings, readSettings, SETTINGS_VERSION, type Settings } from '../lib/settings';

/**
 * The settings item. Versioned so later shapes migrate in one step per
 * version (`migrations`), each with a fixture test of the older shape.
 */
export const settingsItem = storage.defineItem<unknown>('local:settings', {
  version: SETTINGS_VERSION,
  fallback: defaultSettings,
});

export async function loadSettings(): Promise<{ settings: Settings; invalid: boolean }> {
  return readSettings(await settingsItem.getValue());
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const { settings } = await loadSettings();
  const next = { ...settings, ...patch };
  await settingsItem.setValue(next);
  return next;
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(readSettings(value).settings));
}
