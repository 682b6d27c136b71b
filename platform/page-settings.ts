import { storage } from 'wxt/utils/storage';
import { LOCALES, type LocalePreference } from '../lib/i18n/core';

/**
 * The one setting a script inside a web page needs: the interface language.
 * Read from the stored settings without their schema (pages load no
 * validator); the options page and the worker read and migrate the whole
 * object through `platform/settings.ts`. Every settings version keeps
 * `locale` as 'auto' | 'zh-CN' | 'en'; anything else means 'auto'.
 */
export async function pageLocalePreference(): Promise<LocalePreference> {
  const stored = await storage.getItem<unknown>('local:settings').catch(() => null);
  const locale = typeof stored === 'object' && stored !== null ? (stored as { locale?: unknown }).locale : undefined;
  return (LOCALES as readonly unknown[]).includes(locale) ? (locale as LocalePreference) : 'auto';
}
