import { useCallback, useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { Checker } from '../../components/checker/Checker';
import type { CheckerServices, CurrentTab } from '../../components/checker/services';
import { useI18n } from '../../components/i18n';
import { GenericSite } from '../../components/GenericSite';
import { VendorList } from '../../components/VendorList';
import { TabLead } from '../../components/checker/TabLead';
import type { CardResponse } from '../../lib/card/schema';
import { errorMessageKey, MessagingError } from '../../lib/wire';
import { parseInstant } from '../../lib/time';
import { vendorName } from '../../lib/vendors/registry';
import { genericSiteApi } from './generic';
import type { TabOrder } from '../../lib/evidence/tab-order';
import type { Settings } from '../../lib/settings';
import type { PopupStart, PopupTab } from './start';

type TabState = { state: 'loading' } | ({ state: 'ready' } & PopupTab) | { state: 'error'; message: string };

/**
 * The moment to check as of (`popup.html?now=2026-11-22T12:00:00+08:00`), e.g.
 * from a reminder about a given day; otherwise the popup reads the clock.
 */
export function requestedNow(search: string): string | undefined {
  const raw = new URLSearchParams(search).get('now');
  return raw !== null && raw.length <= 40 && parseInstant(raw) !== null ? raw : undefined;
}

/** Performance marks: the interface's first render starts (app.tsx), a verdict is first on screen, and the time between. */
export const PERF = { render: 'rg-popup-render', verdict: 'rg-checker-verdict', measure: 'rg-first-render-to-verdict' } as const;

export interface PopupProps {
  /** The moment verdicts and countdowns are computed for (read once, where the popup starts). */
  now: string;
  services: CheckerServices;
  /** The tab and its order, asked for when the popup opened (start.ts). */
  start: PopupStart;
  /** The answers to `start` and the settings, when they were in before the first render. */
  ready?: PopupReady;
}

export interface PopupReady {
  tab: PopupTab;
  order: TabOrder;
  settings: Settings;
}

export function Popup({ now, services, start, ready }: PopupProps) {
  const { t, locale } = useI18n();
  const [tab, setTab] = useState<TabState>(() => (ready ? { state: 'ready', ...ready.tab } : { state: 'loading' }));
  /** Whether the tab shows a saved order (the checker then opens it, and leads with its headline). */
  const [saved, setSaved] = useState<boolean | undefined>(() => (ready ? ready.order.ref !== null : undefined));
  /** What the tab's in-page card says (undefined: still asking). */
  const [card, setCard] = useState<CardResponse | null | undefined>(undefined);

  useEffect(() => {
    let alive = true;
    if (ready) return;
    start.tab.then(
      (tab) => alive && setTab({ state: 'ready', ...tab }),
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
  }, [start, t, ready]);

  useEffect(() => {
    let alive = true;
    start.order.then(
      (order) => alive && setSaved(order.ref !== null),
      () => alive && setSaved(false),
    );
    return () => {
      alive = false;
    };
  }, [start]);

  // Once the checker shows an order (e.g. its snapshot was saved while the popup was open), its own headline leads.
  const onSubject = useCallback(() => setSaved(true), []);

  const kind = tab.state === 'ready' ? (tab.status.match?.kind ?? null) : null;
  const tabId = tab.state === 'ready' ? tab.tabId : null;
  // A checkout, or an order page with no saved order yet: the popup leads with what the page's card says.
  const wantsCard = kind === 'checkout' || (kind === 'order' && saved === false);
  useEffect(() => {
    if (!wantsCard || tabId === null || !services.tabCard) return;
    let alive = true;
    services.tabCard(tabId, locale).then(
      (content) => alive && setCard(content),
      () => alive && setCard(null),
    );
    return () => {
      alive = false;
    };
  }, [wantsCard, tabId, locale, services]);

  const current = useMemo((): CurrentTab | null | undefined => {
    if (tab.state === 'loading') return undefined;
    if (tab.state === 'error') return null;
    return { tabId: tab.tabId, url: tab.status.url, match: tab.status.match };
  }, [tab]);

  const onVerdictShown = useMemo(
    () => () => {
      performance.mark(PERF.verdict);
      try {
        performance.measure(PERF.measure, PERF.render, PERF.verdict);
      } catch {
        // No render mark (e.g. a test that renders the checker alone): nothing to measure.
      }
    },
    [],
  );

  return (
    <main className="rg-popup">
      <header className="rg-popup__header">
        <h1>{t('app.name')}</h1>
        <p className="rg-muted">{t('app.tagline')}</p>
      </header>
      <section className="rg-panel rg-panel--compact" aria-live="polite" data-testid="current-page">
        <h2 className="rg-visually-hidden">{t('popup.currentPage')}</h2>
        {tab.state === 'loading' && <p className="rg-muted">{t('popup.loading')}</p>}
        {tab.state === 'error' && (
          <p className="rg-muted" data-lead="none">
            {tab.message}
          </p>
        )}
        {tab.state === 'ready' &&
          (tab.status.match ? (
            <p className="rg-muted rg-small" data-vendor={tab.status.match.vendor} data-kind={tab.status.match.kind}>
              {t('popup.detected', {
                vendor: vendorName(tab.status.match.vendor, locale),
                kind: t(`kind.${tab.status.match.kind}`),
              })}
            </p>
          ) : tab.url && /^https?:/.test(tab.url) ? (
            <>
              <p className="rg-muted rg-small">{t('popup.notVendorPage')}</p>
              <GenericSite url={tab.url} api={genericSiteApi(tab.tabId)} />
            </>
          ) : (
            <p className="rg-muted" data-lead="none">
              {t('checker.lead.noTab')}
            </p>
          ))}
        {kind === 'checkout' && <TabLead kind="checkout" content={card} />}
        {kind === 'order' && saved === false && <TabLead kind="order" content={card} />}
      </section>
      <section className="rg-panel" aria-label={t('checker.title')} data-testid="checker">
        <Checker
          now={now}
          services={services}
          current={current}
          tabOrder={start.order}
          ready={ready}
          onVerdictShown={onVerdictShown}
          led={kind === 'checkout' || kind === 'ticket'}
          fillFirst={kind === 'ticket'}
          onSubject={onSubject}
        />
      </section>
      <details className="rg-panel">
        <summary>{t('popup.supported')}</summary>
        <VendorList />
      </details>
      <nav className="rg-popup__actions">
        <button type="button" className="rg-button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/evidence.html') })}>
          {t('popup.openLocker')}
        </button>
        <button type="button" className="rg-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup.openOptions')}
        </button>
        <button type="button" className="rg-button" data-nav="sla" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/sla.html') })}>
          {t('settings.nav.sla')}
        </button>
      </nav>
    </main>
  );
}
