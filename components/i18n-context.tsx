import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Locale, Translate } from '../lib/i18n/core';
import { pageTranslator } from '../lib/i18n/page';

// The language context every component reads, and the provider of the in-page
// card. Kept apart from the extension pages' providers (./i18n) so that the
// content scripts carry the card's messages only, not the whole catalog.

export interface I18nValue {
  locale: Locale;
  t: Translate;
}

export const I18nContext = createContext<I18nValue | null>(null);

/** The in-page card's language: a fixed locale over the card's messages (lib/i18n/page). */
export function PageLocale({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: pageTranslator(locale) }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs a LocaleProvider');
  return value;
}
