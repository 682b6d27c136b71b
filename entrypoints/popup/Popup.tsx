import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { FirstVerdict } from '../../components/checker/FirstVerdict';
import type { CheckerServices, CheckerSettings, CurrentTab } from '../../components/checker/services';
import { useI18n } from '../../components/i18n-context';
import { GenericSite } from '../../components/GenericSite';
import { VendorList } from '../../components/VendorList';
import { TabLead } from '../../components/checker/TabLead';
import type { CardResponse } from '../../lib/card/schema';
import { errorMessageKey, MessagingError } from '../../lib/wire';
import { vendorName } from '../../lib/vendors/registry';
import { genericSiteApi } from './generic';
import type { TabOrder } from '../../lib/evidence/tab-order';
import type { TabVerdict } from '../../lib/evidence/tab-verdict';
import type { PopupStart, PopupTab } from './start';

type TabState = { state: 'loading' } | ({ state: 'ready' } & PopupTab) | { state: 'error'; message: string };

/** Performance marks: the interface's first render starts (app.tsx), a verdict is first on screen, and the time between. */
export const PERF = {
  render: 'rg-popup-render',
  verdict: 'rg-checker-verdict',
  measure: 'rg-first-render-to-verdict',
} as const;

export interface PopupProps {
  /**
   * The moment verdicts and countdowns are computed for (read once, where the popup starts, or
   * `?now=`: the checker ignores one it cannot read).
   */
  now: string;
  services: CheckerServices;
  /** The tab and its order, asked for when the popup opened (start.ts). */
  start: PopupStart;
  /** The answers to `start`, when they were in before the first render. */
  ready?: PopupReady;
  /**
   * The settings the checker opens with (the popup validates them as the checker's code loads);
   * without them, and without `ready.settings`, the checker reads them itself.
   */
  settings?: Promise<CheckerSettings>;
}

export interface PopupReady {
  tab: PopupTab;
  order: TabOrder;
  /** The worker's first verdict on the order (shown until the checker's code is in). */
  verdict?: TabVerdict | null;
  /** The settings, when they were read before the first render. */
  settings?: CheckerSettings;
}

/** The tab the popup is about, as the start script's answer arrives (or the error, in the user's language). */
function useTab(start: PopupStart, ready: PopupReady | undefined): TabState {
  const { t } = useI18n();
  const [tab, setTab] = useState<TabState>(() => (ready ? { state: 'ready', ...ready.tab } : { state: 'loading' }));
  useEffect(() => {
    let alive = true;
    if (ready) return;
    start.tab.then(
      (tab) => alive && setTab({ state: 'ready', ...tab }),
      (error: unknown) => {
        if (!alive) return;
        const message =
          error instanceof MessagingError
            ? t(errorMessageKey(error.code), { message: error.message })
            : t('popup.noTab');
        setTab({ state: 'error', message });
      },
    );
    return () => {
      alive = false;
    };
  }, [start, t, ready]);
  return tab;
}

/**
 * What the tab's in-page card says (undefined: still asking), for every vendor page but a ticket form
 * (it leads with "fill the draft") and an order already saved (the checker opens it). `recheck` asks again.
 */
function useTabCard(services: CheckerServices, tabId: number | null, leadKind: string | null) {
  const { locale } = useI18n();
  const [card, setCard] = useState<CardResponse | null | undefined>(undefined);
  /** "Check this page once" on a vendor page with nothing to do: the card's reading is asked for again. */
  const [rechecks, setRechecks] = useState(0);
  useEffect(() => {
    if (leadKind === null || tabId === null || !services.tabCard) return;
    let alive = true;
    services.tabCard(tabId, locale).then(
      (content) => alive && setCard(content),
      () => alive && setCard(null),
    );
    return () => {
      alive = false;
    };
  }, [leadKind, tabId, locale, services, rechecks]);
  const recheck = useCallback(() => setRechecks((n) => n + 1), []);
  return { card, rechecks, recheck };
}

/** The checker (the policy engine, the vendor packs, the settings' validator): loaded once the first view is up. */
const loadChecker = () => import('./checker');
const LazyChecker = lazy(() => loadChecker().then((m) => ({ default: m.PopupChecker })));

/**
 * What the checker opens with, once settled: the settings and the tab's order (`ready` undefined when either is
 * missing: the checker then reads them itself). Until then, and until the checker's code is in, the checker's place
 * shows the worker's verdict on the tab's order.
 */
function useCheckerStart(
  start: PopupStart,
  ready: PopupReady | undefined,
  settings: Promise<CheckerSettings> | undefined,
): { ready?: { settings: CheckerSettings; order: TabOrder } } | undefined {
  const [opened, setOpened] = useState<{ ready?: { settings: CheckerSettings; order: TabOrder } } | undefined>();
  useEffect(() => {
    let alive = true;
    void loadChecker().catch(() => undefined);
    const known = ready?.settings ? Promise.resolve(ready.settings) : (settings ?? Promise.resolve(undefined));
    void Promise.all([known.catch(() => undefined), start.order.catch(() => undefined)]).then(([s, order]) => {
      if (alive) setOpened({ ready: s && order ? { settings: s, order } : undefined });
    });
    return () => {
      alive = false;
    };
  }, [start, ready, settings]);
  return opened;
}

interface FirstAnswer {
  order: TabOrder['ref'];
  verdict: TabVerdict | null;
}

/** The tab's order and the worker's first verdict on it (null: none, or not in yet). */
function useFirstVerdict(start: PopupStart, ready: PopupReady | undefined): FirstAnswer {
  const [first, setFirst] = useState<FirstAnswer>(() => ({
    order: ready?.order.ref ?? null,
    verdict: ready?.verdict ?? null,
  }));
  useEffect(() => {
    let alive = true;
    if (ready) return;
    Promise.all([start.order, start.verdict]).then(
      ([order, verdict]) => alive && setFirst({ order: order.ref, verdict }),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [start, ready]);
  return first;
}

export function Popup({ now, services, start, ready, settings }: PopupProps) {
  const { t, locale } = useI18n();
  const checkerStart = useCheckerStart(start, ready, settings);
  const firstVerdict = useFirstVerdict(start, ready);
  const tab = useTab(start, ready);
  /** Whether the tab shows a saved order (the checker then opens it, and leads with its headline). */
  const [saved, setSaved] = useState<boolean | undefined>(() => (ready ? ready.order.ref !== null : undefined));
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
  const leadKind = kind === 'ticket' || (kind === 'order' && saved !== false) ? null : kind;
  const { card, rechecks, recheck } = useTabCard(services, tabId, leadKind);
  const openSla = useCallback(() => void browser.tabs.create({ url: browser.runtime.getURL('/sla.html') }), []);

  const current = useMemo((): CurrentTab | null | undefined => {
    if (tab.state === 'loading') return undefined;
    if (tab.state === 'error') return null;
    return { tabId: tab.tabId, url: tab.status.url, match: tab.status.match };
  }, [tab]);

  // The first view and then the checker each show a verdict: the first one on screen is timed.
  const verdictMarked = useRef(false);
  const onVerdictShown = useMemo(
    () => () => {
      if (verdictMarked.current) return;
      verdictMarked.current = true;
      performance.mark(PERF.verdict);
      try {
        performance.measure(PERF.measure, PERF.render, PERF.verdict);
      } catch {
        // No render mark (e.g. a test that renders the checker alone): nothing to measure.
      }
    },
    [],
  );

  // The checker's place until its code is in: the worker's verdict on the tab's order.
  const first = (
    <FirstVerdict order={firstVerdict.order} words={firstVerdict.verdict?.[locale] ?? null} onShown={onVerdictShown} />
  );

  return (
    <main className="rg-popup">
      <header className="rg-popup__header">
        <h1>{t('app.name')}</h1>
        <p className="rg-muted">{t('app.tagline')}</p>
      </header>
      <section className="rg-panel rg-panel--compact" aria-live="polite" data-testid="current-page">
        <h2 className="rg-visually-hidden">{t('popup.currentPage')}</h2>
        <CurrentPage tab={tab} />
        {leadKind !== null && (
          <TabLead kind={leadKind} content={card} onOpenSla={openSla} onRecheck={recheck} rechecks={rechecks} />
        )}
      </section>
      <section className="rg-panel" aria-label={t('checker.title')} data-testid="checker">
        {checkerStart ? (
          <Suspense fallback={first}>
            <LazyChecker
              now={now}
              services={services}
              current={current}
              tabOrder={start.order}
              ready={checkerStart.ready}
              onVerdictShown={onVerdictShown}
              led={kind !== null}
              fillFirst={kind === 'ticket'}
              onSubject={onSubject}
            />
          </Suspense>
        ) : (
          first
        )}
      </section>
      <PopupFooter onOpenSla={openSla} />
    </main>
  );
}

/** One line on what the tab is: a vendor's page, another site (check it once, or enable it), or no page at all. */
function CurrentPage({ tab }: { tab: TabState }) {
  const { t, locale } = useI18n();
  if (tab.state === 'loading') return <p className="rg-muted">{t('popup.loading')}</p>;
  if (tab.state === 'error') {
    return (
      <p className="rg-muted" data-lead="none">
        {tab.message}
      </p>
    );
  }
  const match = tab.status.match;
  if (match) {
    return (
      <p className="rg-muted rg-small" data-vendor={match.vendor} data-kind={match.kind}>
        {t('popup.detected', { vendor: vendorName(match.vendor, locale), kind: t(`kind.${match.kind}`) })}
      </p>
    );
  }
  if (tab.url && /^https?:/.test(tab.url)) {
    return (
      <>
        <p className="rg-muted rg-small">{t('popup.notVendorPage')}</p>
        <GenericSite url={tab.url} api={genericSiteApi(tab.tabId)} />
      </>
    );
  }
  return (
    <p className="rg-muted" data-lead="none">
      {t('checker.lead.noTab')}
    </p>
  );
}

/** The supported vendors, and the ways to the extension's other pages. */
function PopupFooter({ onOpenSla }: { onOpenSla: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <details className="rg-panel">
        <summary>{t('popup.supported')}</summary>
        <VendorList />
      </details>
      <nav className="rg-popup__actions">
        <button
          type="button"
          className="rg-button"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/evidence.html') })}
        >
          {t('popup.openLocker')}
        </button>
        <button type="button" className="rg-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup.openOptions')}
        </button>
        <button type="button" className="rg-button" data-nav="sla" onClick={onOpenSla}>
          {t('settings.nav.sla')}
        </button>
      </nav>
    </>
  );
}
