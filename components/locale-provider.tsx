import { useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale, LocalePreference, Translate } from '../lib/i18n/core';
import { I18nContext } from './i18n-context';

export interface LocaleProviderProps {
  /**
   * The page's translator: the whole catalog (lib/i18n) on the locker, options and SLA pages, the
   * popup's own words (lib/i18n/popup) in the popup. No catalog is imported here for that reason.
   */
  translatorOf: (locale: Locale) => Translate;
  /** Resolves the user's preference to a locale (the browser's languages are an input). */
  resolve: (preference: LocalePreference | undefined) => Locale;
  /** The stored preference, when the page already has it: the first render is then in that language. */
  initial?: LocalePreference;
  /** Reads the stored preference; `subscribe` reports later changes (e.g. from options). */
  load: () => Promise<LocalePreference | undefined>;
  subscribe?: (onChange: (preference: LocalePreference) => void) => () => void;
  children: ReactNode;
}

/**
 * Provides the UI language. It renders in the browser's language at once and
 * switches when the stored preference arrives or changes, so a page never
 * waits on storage to show something.
 */
export function LocaleProvider({ translatorOf, resolve, initial, load, subscribe, children }: LocaleProviderProps) {
  const [locale, setLocale] = useState<Locale>(() => resolve(initial));
  useEffect(() => {
    let alive = true;
    void load().then((preference) => alive && setLocale(resolve(preference)));
    const unsubscribe = subscribe?.((preference) => setLocale(resolve(preference)));
    return () => {
      alive = false;
      unsubscribe?.();
    };
  }, [load, resolve, subscribe]);
  // Before the paint, in the same commit as the words: a page never shows English text under lang="zh-CN".
  useLayoutEffect(() => {
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo(() => ({ locale, t: translatorOf(locale) }), [locale, translatorOf]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
