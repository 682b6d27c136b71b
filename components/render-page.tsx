import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Locale, Translate } from '../lib/i18n/core';
import { LocaleProvider } from './locale-provider';
import { currentLocale } from '../platform/locale';
import type { Settings } from '../lib/settings';
import { loadSettings, watchSettings } from '../platform/settings';

const loadPreference = async () => (await loadSettings()).settings.locale;
const subscribePreference = (onChange: (p: 'auto' | 'zh-CN' | 'en') => void) =>
  watchSettings((s) => onChange(s.locale));

/** Settings a page has already asked for (the popup reads them as it opens), and, when they are in, their value. */
export interface PageSettingsRead {
  settings: Promise<Settings>;
  known?: Settings;
}

/**
 * Mounts one of the extension's own pages in the user's language, with the page's translator (the
 * whole catalog, or the popup's words); the settings are loaded here unless the page read them.
 */
export function renderPage(app: ReactNode, translatorOf: (locale: Locale) => Translate, read?: PageSettingsRead): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('page has no #root element');
  const load = read ? async () => (await read.settings).locale : loadPreference;
  createRoot(container).render(
    <StrictMode>
      <LocaleProvider
        translatorOf={translatorOf}
        resolve={currentLocale}
        initial={read?.known?.locale}
        load={load}
        subscribe={subscribePreference}
      >
        {app}
      </LocaleProvider>
    </StrictMode>,
  );
}
