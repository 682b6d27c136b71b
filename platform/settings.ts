import {
  defaultSettings,
  migrateSettings,
  readSettings,
  SETTINGS_MIGRATIONS,
  SETTINGS_VERSION,
  settingsSchema,
  type Settings,
} from '../lib/settings';
import { emptyOutageLog, OUTAGE_LOG_VERSION, outageLogSchema, readOutageLog, type OutageLog } from '../lib/outages';
import { SETTINGS_KEY, type StoredSettings } from './page-settings';
import { storedItem } from './storage-item';

/**
 * The settings item. Versioned so later shapes migrate in one step per
 * version (`SETTINGS_MIGRATIONS` in lib/settings.ts), each with a fixture test
 * of the older shape.
 */
export const settingsItem = storedItem<unknown>(SETTINGS_KEY, {
  version: SETTINGS_VERSION,
  fallback: defaultSettings,
  migrations: SETTINGS_MIGRATIONS,
});

export async function loadSettings(): Promise<{ settings: Settings; invalid: boolean }> {
  return readSettings(await settingsItem.getValue());
}

/**
 * Settings from a raw read (`readStoredSettings`), migrated in memory as the
 * storage item would: the same result as `loadSettings`, without writing.
 */
export function settingsFrom(stored: StoredSettings): { settings: Settings; invalid: boolean } {
  return readSettings(migrateSettings(stored.value, stored.version));
}

/**
 * Writes a change. Stored data that could not be read is replaced only by an
 * explicit save, and then with defaults plus the change (the user chose to).
 */
export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const { settings } = await loadSettings();
  // Parsed, so what is stored is always in its canonical form (e.g. lead times sorted).
  const next = settingsSchema.parse({ ...settings, ...patch });
  await settingsItem.setValue(next);
  return next;
}

/** Replaces all settings at once (import): validated first, so nothing is written partially. */
export async function replaceSettings(next: Settings): Promise<void> {
  await settingsItem.setValue(next);
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(readSettings(value).settings));
}

/** The SLA outage log (lib/outages), its own item so that editing it does not re-render every page's language. */
export const outageLogItem = storedItem<unknown>('outageLog', {
  version: OUTAGE_LOG_VERSION,
  fallback: emptyOutageLog,
});

export async function loadOutageLog(): Promise<{ log: OutageLog; invalid: boolean }> {
  return readOutageLog(await outageLogItem.getValue());
}

/** Validates the whole log before writing: an invalid log is never stored. */
export async function saveOutageLog(next: unknown): Promise<OutageLog> {
  const log = outageLogSchema().parse(next);
  await outageLogItem.setValue(log);
  return log;
}

export function watchOutageLog(callback: (log: OutageLog) => void): () => void {
  return outageLogItem.watch((value) => callback(readOutageLog(value).log));
}
