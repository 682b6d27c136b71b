import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { useI18n } from '../../components/i18n';
import { VendorList } from '../../components/VendorList';
import { errorMessageKey, MessagingError, type ResponseOf } from '../../lib/messages';
import { isShippedVendor } from '../../lib/vendors/types';
import { sendMessage } from '../../platform/messaging';

type TabState =
  | { state: 'loading' }
  | { state: 'ready'; status: ResponseOf<'tab.status'> }
  | { state: 'error'; message: string };

/**
 * The popup can be opened for a given tab (`popup.html?tab=12`), e.g. from the
 * in-page card as a full tab; otherwise it is about the active tab.
 */
export function requestedTabId(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return undefined;
  return Number(raw);
}

export function Popup() {
  const { t } = useI18n();
  const [tab, setTab] = useState<TabState>({ state: 'loading' });

  useEffect(() => {
    let alive = true;
    (async () => {
      const tabId = requestedTabId(location.search) ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (tabId === undefined) throw new Error(t('popup.noTab'));
      return sendMessage('tab.status', { tabId });
    })().then(
      (status) => alive && setTab({ state: 'ready', status }),
      (error: unknown) => {
        if (!alive) return;
        const message =
          error instanceof MessagingError ? t(errorMessageKey(error.code), { message: error.message }) : t('popup.noTab');
        setTab({ state: 'error', message });
      },
    );
    return () => {
      alive = false;
    };
  }, [t]);

  return (
    <main className="rg-popup">
      <header className="rg-popup__header">
        <h1>{t('app.name')}</h1>
        <p className="rg-muted">{t('app.tagline')}</p>
      </header>
      <section className="rg-panel" aria-live="polite" data-testid="current-page">
        <h2>{t('popup.currentPage')}</h2>
        {tab.state === 'loading' && <p className="rg-muted">{t('popup.loading')}</p>}
        {tab.state === 'error' && <p className="rg-error">{tab.message}</p>}
        {tab.state === 'ready' &&
          (tab.status.match ? (
            <p data-vendor={tab.status.match.vendor} data-kind={tab.status.match.kind}>
              {t('popup.detected', {
                vendor: isShippedVendor(tab.status.match.vendor) ? t(`vendor.${tab.status.match.vendor}`) : tab.status.match.vendor,
                kind: t(`kind.${tab.status.match.kind}`),
              })}
            </p>
          ) : (
            <p className="rg-muted">{t('popup.notVendorPage')}</p>
          ))}
      </section>
      <section className="rg-panel">
        <h2>{t('popup.supported')}</h2>
        <VendorList />
      </section>
      <nav className="rg-popup__actions">
        <button
          type="button"
          className="rg-button rg-button--primary"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/evidence.html') })}
        >
          {t('popup.openLocker')}
        </button>
        <button type="button" className="rg-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup.openOptions')}
        </button>
      </nav>
    </main>
  );
}
