import { useMemo, type ReactNode } from 'react';
import { translator, type Locale } from '../lib/i18n';
import { I18nContext } from './i18n-context';
import { LocaleProvider as PageLocaleProvider, type LocaleProviderProps } from './locale-provider';

export { PageLocale, useI18n } from './i18n-context';

/**
 * The providers over the whole catalog (tests; the options page's own test). Shipped components
 * take `useI18n` from ./i18n-context and pages mount through ./render-page, so no page imports
 * the whole catalog through this module.
 */

/** The page provider (./locale-provider) over the whole catalog. */
export function LocaleProvider(props: Omit<LocaleProviderProps, 'translatorOf'>) {
  return <PageLocaleProvider translatorOf={translator} {...props} />;
}

/** A fixed locale, for the in-page card and tests. */
export function StaticLocale({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
