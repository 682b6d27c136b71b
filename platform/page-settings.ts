import { browser } from 'wxt/browser';
import { LOCALES, type LocalePreference } from '../lib/i18n/core';
import { HIDDEN_SITES_KEY, hostList } from './card-prefs';

/** The extension-storage key of the settings object (`platform/settings.ts` keeps its item there). */
export const SETTINGS_KEY = 'settings';

/** The settings object as stored, and the version the storage item keeps beside it. */
export interface StoredSettings {
  value: unknown;
  version: number;
}

/**
 * The stored settings in one storage read, without setting up the versioned
 * storage item (which costs two more round trips before its first value):
 * the popup asks for them as it opens. WXT keeps an item's version under
 * `<key>$` as `{ v }`, and takes a missing one as version 1.
 * `platform/settings.ts` (`settingsFrom`) migrates and validates the value.
 */
export async function readStoredSettings(): Promise<StoredSettings> {
  const metaKey = `${SETTINGS_KEY}$`;
  const stored: Record<string, unknown> = await browser.storage.local.get([SETTINGS_KEY, metaKey]);
  const meta = stored[metaKey];
  const version = typeof meta === 'object' && meta !== null ? (meta as { v?: unknown }).v : undefined;
  return {
    value: stored[SETTINGS_KEY] ?? null,
    version: typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : 1,
  };
}

/**
 * The interface language a stored settings value names. Read without the settings schema: every
 * settings version keeps `locale` as 'auto' | 'zh-CN' | 'en'; anything else means 'auto'.
 */
export function localeIn(value: unknown): LocalePreference {
  const locale = typeof value === 'object' && value !== null ? (value as { locale?: unknown }).locale : undefined;
  return (LOCALES as readonly unknown[]).includes(locale) ? (locale as LocalePreference) : 'auto';
}

/**
 * The stored interface language, in one storage read (no validator: pages show text before they
 * load one); storage that cannot be read leaves the browser's language.
 */
export async function storedLocale(): Promise<LocalePreference> {
  const stored: Record<string, unknown> = await browser.storage.local.get(SETTINGS_KEY).catch(() => ({}));
  return localeIn(stored[SETTINGS_KEY]);
}

/** Reports the stored interface language each time the settings change (e.g. from the options page). */
export function watchStoredLocale(onChange: (locale: LocalePreference) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) onChange(localeIn(changes[SETTINGS_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export interface PageSettings {
  /** The interface language the user chose. */
  locale: LocalePreference;
  /** Whether the user chose "never on this site" for this host. */
  cardHidden: boolean;
}

/**
 * What a script inside a web page needs before it shows the card, in one
 * storage read: the interface language and whether the card is hidden here.
 * Read without the settings schema (pages load no validator); the options page
 * and the worker read and migrate the whole object through
 * `platform/settings.ts`. Every settings version keeps `locale` as
 * 'auto' | 'zh-CN' | 'en'; anything else means 'auto'. Storage that cannot be
 * read leaves the defaults: the browser's language, and the card shown.
 */
export async function pageSettings(host: string): Promise<PageSettings> {
  const stored: Record<string, unknown> = await browser.storage.local
    .get([SETTINGS_KEY, HIDDEN_SITES_KEY])
    .catch(() => ({}));
  return {
    locale: localeIn(stored[SETTINGS_KEY]),
    cardHidden: hostList(stored[HIDDEN_SITES_KEY])?.includes(host) ?? false,
  };
}
