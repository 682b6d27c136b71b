import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Locale, LocalePreference, Translate } from '../lib/i18n/core';
import { LocaleProvider } from './locale-provider';
import { currentLocale } from '../platform/locale';
import { storedLocale, watchStoredLocale } from '../platform/page-settings';

/**
 * The language preference a page already asked for (the popup reads the stored settings as it
 * opens), and, when it is in, its value.
 */
export interface PageSettingsRead {
  locale: Promise<LocalePreference>;
  known?: LocalePreference;
}

/**
 * Mounts one of the extension's own pages in the user's language, with the page's translator (the
 * whole catalog, or the popup's words); the settings are loaded here unless the page read them.
 */
export function renderPage(app: ReactNode, translatorOf: (locale: Locale) => Translate, read?: PageSettingsRead): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('page has no #root element');
  // The language is read without the settings' validator: a page shows its words before it loads one.
  const load = read ? () => read.locale : storedLocale;
  createRoot(container).render(
    <StrictMode>
      <LocaleProvider
        translatorOf={translatorOf}
        resolve={currentLocale}
        initial={read?.known}
        load={load}
        subscribe={watchStoredLocale}
      >
        {app}
      </LocaleProvider>
    </StrictMode>,
  );
}
