import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { LocaleProvider } from '../components/i18n';
import { currentLocale } from './locale';
import { loadSettings, watchSettings } from './settings';

const loadPreference = async () => (await loadSettings()).settings.locale;
const subscribePreference = (onChange: (p: 'auto' | 'zh-CN' | 'en') => void) => watchSettings((s) => onChange(s.locale));

/** Mounts one of the extension's own pages in the user's language. */
export function renderPage(app: ReactNode, container: HTMLElement | null = document.getElementById('root')): void {
  if (!container) throw new Error('page has no #root element');
  createRoot(container).render(
    <StrictMode>
      <LocaleProvider resolve={currentLocale} load={loadPreference} subscribe={subscribePreference}>
        {app}
      </LocaleProvider>
    </StrictMode>,
  );
}
