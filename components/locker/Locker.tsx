import { useCallback, useEffect, useRef, useState } from 'react';
import { ExportStopped, type ExportProgress } from '../../lib/evidence/export-protocol';
import { useI18n } from '../i18n-context';
import { PAGE_SIZE, type ListFilters, type LockerApi, type SnapshotSummary } from './api';
import { CompactionNotice } from './CompactionNotice';
import { BundleVerifier } from './BundleVerifier';
import { Filters } from './Filters';
import { errorText } from './format';
import { SnapshotDetail } from './SnapshotDetail';
import { SnapshotTable } from './SnapshotTable';
import type { HeadlineWords } from '../../lib/claims/headline';

type ListState =
  | { state: 'loading' }
  | { state: 'ready'; items: SnapshotSummary[]; total: number }
  | { state: 'error'; message: string };

type StoreCheck =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'ok'; length: number }
  | { state: 'broken'; problems: string[] }
  | { state: 'error'; message: string };

const hasFilters = (f: ListFilters) => Object.values(f).some((v) => v !== undefined && v !== '');

/**
 * The evidence locker: snapshots newest first, one page at a time from the
 * worker (the store filters and pages, so 10,000 snapshots cost one page of
 * rendering), a detail view, export of the selection or of everything, and an
 * in-page verifier for exported bundles.
 */
// eslint-disable-next-line max-lines-per-function -- The locker page owns the list, selection, search and export state its parts all share.
export function Locker({ api }: { api: LockerApi }) {
  const { t, locale } = useI18n();
  const [filters, setFilters] = useState<ListFilters>({});
  const [offset, setOffset] = useState(0);
  const [reloads, setReloads] = useState(0);
  const [list, setList] = useState<ListState>({ state: 'loading' });
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [openId, setOpenId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [exporting, setExporting] = useState<{ stop: AbortController; progress: ExportProgress | null } | null>(null);
  const [storeCheck, setStoreCheck] = useState<StoreCheck>({ state: 'idle' });
  const listHeading = useRef<HTMLHeadingElement>(null);
  const request = useRef(0);
  const [headlines, setHeadlines] = useState<Record<string, HeadlineWords | null>>({});

  useEffect(() => {
    document.title = `${t('app.name')} · ${t('locker.title')}`;
  }, [t]);

  useEffect(() => {
    const mine = ++request.current;
    setList((l) => (l.state === 'ready' ? l : { state: 'loading' }));
    api.list({ ...filters, offset, limit: PAGE_SIZE }).then(
      (result) => {
        if (mine !== request.current) return;
        // A deletion can empty the last page: step back to the page that still has rows.
        if (result.items.length === 0 && offset > 0 && result.total > 0) {
          setOffset(Math.max(0, Math.floor((result.total - 1) / PAGE_SIZE) * PAGE_SIZE));
          return;
        }
        setList({ state: 'ready', ...result });
        // Each order's headline, in the words of the card and the popup (a row without one shows its status only).
        const orders = result.items.filter((i) => i.kind === 'order').map((i) => i.id);
        if (api.headlines && orders.length > 0)
          api.headlines(orders, locale).then(
            (words) => mine === request.current && setHeadlines(words),
            () => undefined,
          );
      },
      (error: unknown) => mine === request.current && setList({ state: 'error', message: errorText(error, t) }),
    );
  }, [api, filters, offset, reloads, t, locale]);

  const applyFilters = useCallback((next: ListFilters) => {
    setFilters(next);
    setOffset(0);
  }, []);

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const exportBundle = async (ids: string[] | null) => {
    const stop = new AbortController();
    setExporting({ stop, progress: null });
    setFailure(null);
    setNotice(t('locker.export.running'));
    try {
      const onProgress = (progress: ExportProgress) => setExporting((e) => (e?.stop === stop ? { stop, progress } : e));
      const result = await api.exportBundle(ids, locale, { onProgress, signal: stop.signal });
      api.download(result.fileName, result.file);
      setNotice(t('locker.export.done', { count: result.count, file: result.fileName }));
    } catch (error) {
      setNotice(stop.signal.aborted ? t('locker.export.cancelled') : null);
      if (stop.signal.aborted) return;
      if (error instanceof ExportStopped && error.reason !== 'failed') setFailure(t(`locker.export.${error.reason}`));
      else setFailure(errorText(error, t));
    } finally {
      setExporting(null);
    }
  };

  const checkStore = async () => {
    setStoreCheck({ state: 'checking' });
    try {
      const result = await api.checkStore();
      setStoreCheck(
        result.ok ? { state: 'ok', length: result.length } : { state: 'broken', problems: result.problems },
      );
    } catch (error) {
      setStoreCheck({ state: 'error', message: errorText(error, t) });
    }
  };

  const closeDetail = () => {
    setOpenId(null);
    // Notes added in the detail change the row's badges.
    setReloads((n) => n + 1);
    requestAnimationFrame(() => listHeading.current?.focus());
  };

  const total = list.state === 'ready' ? list.total : 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.floor(offset / PAGE_SIZE) + 1;
  const empty = list.state === 'ready' && list.total === 0 && !hasFilters(filters);

  return (
    <main className="rg-locker">
      <header className="rg-locker__header">
        <h1>{t('locker.title')}</h1>
        <p className="rg-muted">{t('locker.subtitle')}</p>
      </header>
      <CompactionNotice api={api} />

      <div className="rg-toolbar" role="toolbar" aria-label={t('locker.toolbar')}>
        <button
          type="button"
          className="rg-button"
          disabled={!!exporting || selected.size === 0}
          onClick={() => void exportBundle([...selected])}
          data-action="export-selected"
        >
          {t('locker.export.selected', { count: selected.size })}
        </button>
        <button
          type="button"
          className="rg-button rg-button--primary"
          disabled={!!exporting || empty}
          onClick={() => void exportBundle(null)}
          data-action="export-all"
        >
          {t('locker.export.all')}
        </button>
        {selected.size > 0 && (
          <button type="button" className="rg-button" onClick={() => setSelected(new Set())}>
            {t('locker.selection.clear')}
          </button>
        )}
        <button
          type="button"
          className="rg-button"
          disabled={storeCheck.state === 'checking'}
          onClick={() => void checkStore()}
          data-action="check-store"
        >
          {t('locker.chain.check')}
        </button>
      </div>
      <div aria-live="polite" data-testid="store-check" data-chain={storeCheck.state}>
        {storeCheck.state === 'checking' && <p className="rg-muted">{t('locker.detail.chainChecking')}</p>}
        {storeCheck.state === 'ok' && <p className="rg-ok">{t('locker.chain.ok', { length: storeCheck.length })}</p>}
        {storeCheck.state === 'broken' && (
          <div className="rg-error">
            <p>{t('locker.chain.broken', { count: storeCheck.problems.length })}</p>
            <ul>
              {storeCheck.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        {storeCheck.state === 'error' && <p className="rg-error">{storeCheck.message}</p>}
      </div>
      {exporting ? (
        <ExportProgressLine progress={exporting.progress} onCancel={() => exporting.stop.abort()} />
      ) : (
        <p role="status" className="rg-status" data-testid="notice">
          {notice}
        </p>
      )}
      {failure && (
        <p role="alert" className="rg-error" data-testid="failure">
          {failure}
        </p>
      )}

      {openId ? (
        <SnapshotDetail
          api={api}
          id={openId}
          onOpen={setOpenId}
          onClose={closeDetail}
          onDeleted={(id) => {
            setNotice(t('locker.detail.deleted', { id }));
            setSelected((s) => {
              const next = new Set(s);
              next.delete(id);
              return next;
            });
            closeDetail();
          }}
        />
      ) : (
        <>
          <Filters value={filters} onApply={applyFilters} />
          <section className="rg-panel rg-list" aria-labelledby="rg-list-h" aria-busy={list.state === 'loading'}>
            <h2 id="rg-list-h" ref={listHeading} tabIndex={-1}>
              {t('locker.list.title')}
            </h2>
            {list.state === 'loading' && <p className="rg-muted">{t('locker.loading')}</p>}
            {list.state === 'error' && (
              <p role="alert" className="rg-error">
                {list.message}
              </p>
            )}
            {empty && (
              <div className="rg-locker__empty" data-testid="locker-empty">
                <h3>{t('locker.empty.title')}</h3>
                <p>{t('locker.empty.body')}</p>
                <p>{t('locker.empty.howTitle')}</p>
                <ul className="rg-locker__how">
                  <li data-how="shortcut">
                    {t('locker.empty.shortcutBefore')}
                    <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>S</kbd>
                    {t('locker.empty.shortcutAfter')}
                  </li>
                  <li data-how="menu">{t('locker.empty.menu', { item: t('capture.menu') })}</li>
                  <li data-how="auto">{t('locker.empty.auto')}</li>
                </ul>
              </div>
            )}
            {list.state === 'ready' && list.total === 0 && !empty && (
              <p data-testid="no-match">{t('locker.list.noMatch')}</p>
            )}
            {list.state === 'ready' && list.items.length > 0 && (
              <>
                <SnapshotTable
                  items={list.items}
                  headlines={headlines}
                  total={list.total}
                  selected={selected}
                  onToggle={toggle}
                  onTogglePage={(on) =>
                    setSelected((s) => {
                      const next = new Set(s);
                      for (const item of list.items) {
                        if (on) next.add(item.id);
                        else next.delete(item.id);
                      }
                      return next;
                    })
                  }
                  onOpen={setOpenId}
                />
                <nav className="rg-pager" aria-label={t('locker.page.nav')}>
                  <button
                    type="button"
                    className="rg-button"
                    disabled={offset === 0}
                    onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
                  >
                    {t('locker.page.prev')}
                  </button>
                  <span data-testid="page-status">{t('locker.page.status', { page, pages })}</span>
                  <button
                    type="button"
                    className="rg-button"
                    disabled={offset + PAGE_SIZE >= total}
                    onClick={() => setOffset(offset + PAGE_SIZE)}
                  >
                    {t('locker.page.next')}
                  </button>
                </nav>
              </>
            )}
          </section>
        </>
      )}

      <BundleVerifier api={api} />
      <footer className="rg-muted">{t('locker.privacy')}</footer>
    </main>
  );
}

/** How far an export is (done / total, the snapshot in hand), with its cancel button. */
function ExportProgressLine({ progress, onCancel }: { progress: ExportProgress | null; onCancel: () => void }) {
  const { t } = useI18n();
  const key = progress?.phase === 'write' ? 'locker.export.writing' : 'locker.export.hashing';
  // Reading and writing each take half of the bar.
  const value = progress ? (progress.phase === 'write' ? progress.total : 0) + progress.done : 0;
  const max = progress ? progress.total * 2 : 1;
  return (
    <div
      className="rg-progress"
      data-testid="export-progress"
      data-done={progress?.done ?? 0}
      data-total={progress?.total ?? 0}
    >
      <p role="status" className="rg-status" data-testid="notice">
        {progress
          ? t(key, { done: progress.done, total: progress.total, item: progress.item })
          : t('locker.export.running')}
      </p>
      <progress value={value} max={max} aria-label={t('locker.export.progress')} />
      <button type="button" className="rg-button" onClick={onCancel} data-action="export-cancel">
        {t('locker.export.cancel')}
      </button>
    </div>
  );
}
