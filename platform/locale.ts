import { browser } from 'wxt/browser';
import { resolveLocale, type Locale, type LocalePreference } from '../lib/i18n/core';

/** The browser's preferred languages, best first. */
export function browserLanguages(): string[] {
  const languages: string[] = [];
  if (typeof navigator !== 'undefined') languages.push(...(navigator.languages ?? []), navigator.language);
  try {
    languages.push(browser.i18n.getUILanguage());
  } catch {
    // not available in this context
  }
  return languages.filter((l): l is string => typeof l === 'string' && l.length > 0);
}

export function currentLocale(preference: LocalePreference | undefined): Locale {
  return resolveLocale(preference, browserLanguages());
}
