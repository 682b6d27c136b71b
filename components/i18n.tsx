import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { translator, type Locale, type LocalePreference } from '../lib/i18n';
import { I18nContext } from './i18n-context';

export { PageLocale, useI18n } from './i18n-context';

interface LocaleProviderProps {
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
export function LocaleProvider({ resolve, initial, load, subscribe, children }: LocaleProviderProps) {
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
  useEffect(() => {
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** A fixed locale, for the in-page card and tests. */
export function StaticLocale({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
