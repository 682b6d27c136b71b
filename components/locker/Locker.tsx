import { useEffect, useRef, type RefObject } from 'react';
import type { ExportProgress } from '../../lib/evidence/export-protocol';
import { useI18n } from '../i18n-context';
import { PAGE_SIZE, type LockerApi } from './api';
import { CompactionNotice } from './CompactionNotice';
import { BundleVerifier } from './BundleVerifier';
import { Filters } from './Filters';
import { SnapshotDetail } from './SnapshotDetail';
import { SnapshotTable } from './SnapshotTable';
import { listView, type LockerState, type StoreCheck } from './state';
import { noticeText, useLocker, type Locker as LockerSession } from './useLocker';

/**
 * The evidence locker: snapshots newest first, one page at a time from the
 * worker (the store filters and pages, so 10,000 snapshots cost one page of
 * rendering), a detail view, export of the selection or of everything, and an
 * in-page verifier for exported bundles. Its state is a reducer (state.ts) run by `useLocker`.
 */
export function Locker({ api }: { api: LockerApi }) {
  const { t } = useI18n();
  const locker = useLocker(api);
  const { state, dispatch } = locker;
  const listHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${t('app.name')} · ${t('locker.title')}`;
  }, [t]);

  const close = () => {
    dispatch({ type: 'close' });
    requestAnimationFrame(() => listHeading.current?.focus());
  };

  return (
    <main className="rg-locker">
      <header className="rg-locker__header">
        <h1>{t('locker.title')}</h1>
        <p className="rg-muted">{t('locker.subtitle')}</p>
      </header>
      <CompactionNotice api={api} />
      <Toolbar locker={locker} />
      <StoreCheckLine check={state.storeCheck} />
      {state.exporting ? (
        <ExportProgressLine progress={state.exporting.progress} onCancel={locker.cancelExport} />
      ) : (
        <p role="status" className="rg-status" data-testid="notice">
          {noticeText(state.notice, t)}
        </p>
      )}
      {state.failure && (
        <p role="alert" className="rg-error" data-testid="failure">
          {state.failure}
        </p>
      )}

      {state.openId ? (
        <SnapshotDetail
          key={state.openId}
          api={api}
          id={state.openId}
          onOpen={(id) => dispatch({ type: 'open', id })}
          onClose={close}
          onDeleted={(id) => {
            dispatch({ type: 'deleted', id });
            requestAnimationFrame(() => listHeading.current?.focus());
          }}
        />
      ) : (
        <>
          <Filters value={state.filters} onApply={(filters) => dispatch({ type: 'filter', filters })} />
          <ListSection state={state} dispatch={dispatch} heading={listHeading} />
        </>
      )}

      <BundleVerifier api={api} />
      <footer className="rg-muted">{t('locker.privacy')}</footer>
    </main>
  );
}

/** Export (the selection or everything), clear the selection, check the whole store. */
function Toolbar({ locker }: { locker: LockerSession }) {
  const { t } = useI18n();
  const { state, dispatch } = locker;
  const { selected, exporting } = state;
  return (
    <div className="rg-toolbar" role="toolbar" aria-label={t('locker.toolbar')}>
      <button
        type="button"
        className="rg-button"
        disabled={!!exporting || selected.size === 0}
        onClick={() => void locker.exportBundle([...selected])}
        data-action="export-selected"
      >
        {t('locker.export.selected', { count: selected.size })}
      </button>
      <button
        type="button"
        className="rg-button rg-button--primary"
        disabled={!!exporting || listView(state).empty}
        onClick={() => void locker.exportBundle(null)}
        data-action="export-all"
      >
        {t('locker.export.all')}
      </button>
      {selected.size > 0 && (
        <button type="button" className="rg-button" onClick={() => dispatch({ type: 'clear-selection' })}>
          {t('locker.selection.clear')}
        </button>
      )}
      <button
        type="button"
        className="rg-button"
        disabled={state.storeCheck.state === 'checking'}
        onClick={() => void locker.checkStore()}
        data-action="check-store"
      >
        {t('locker.chain.check')}
      </button>
    </div>
  );
}

/** The outcome of "check the whole store". */
function StoreCheckLine({ check }: { check: StoreCheck }) {
  const { t } = useI18n();
  return (
    <div aria-live="polite" data-testid="store-check" data-chain={check.state}>
      {check.state === 'checking' && <p className="rg-muted">{t('locker.detail.chainChecking')}</p>}
      {check.state === 'ok' && <p className="rg-ok">{t('locker.chain.ok', { length: check.length })}</p>}
      {check.state === 'broken' && (
        <div className="rg-error">
          <p>{t('locker.chain.broken', { count: check.problems.length })}</p>
          <ul>
            {check.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {check.state === 'error' && <p className="rg-error">{check.message}</p>}
    </div>
  );
}

interface ListSectionProps {
  state: LockerState;
  dispatch: LockerSession['dispatch'];
  heading: RefObject<HTMLHeadingElement | null>;
}

/** The list: loading, failed, empty (how to save a first snapshot), no match, or a page of rows with its pager. */
function ListSection({ state, dispatch, heading }: ListSectionProps) {
  const { t } = useI18n();
  const { list } = state;
  const view = listView(state);
  return (
    <section className="rg-panel rg-list" aria-labelledby="rg-list-h" aria-busy={list.state === 'loading'}>
      <h2 id="rg-list-h" ref={heading} tabIndex={-1}>
        {t('locker.list.title')}
      </h2>
      {list.state === 'loading' && <p className="rg-muted">{t('locker.loading')}</p>}
      {list.state === 'error' && (
        <p role="alert" className="rg-error">
          {list.message}
        </p>
      )}
      {view.empty && <EmptyLocker />}
      {view.noMatch && <p data-testid="no-match">{t('locker.list.noMatch')}</p>}
      {list.state === 'ready' && list.items.length > 0 && (
        <>
          <SnapshotTable
            items={list.items}
            headlines={state.headlines}
            total={list.total}
            selected={state.selected}
            onToggle={(id, on) => dispatch({ type: 'select', ids: [id], on })}
            onTogglePage={(on) => dispatch({ type: 'select', ids: list.items.map((i) => i.id), on })}
            onOpen={(id) => dispatch({ type: 'open', id })}
          />
          <nav className="rg-pager" aria-label={t('locker.page.nav')}>
            <button
              type="button"
              className="rg-button"
              disabled={!view.hasPrev}
              onClick={() => dispatch({ type: 'page', offset: state.offset - PAGE_SIZE })}
            >
              {t('locker.page.prev')}
            </button>
            <span data-testid="page-status">{t('locker.page.status', { page: view.page, pages: view.pages })}</span>
            <button
              type="button"
              className="rg-button"
              disabled={!view.hasNext}
              onClick={() => dispatch({ type: 'page', offset: state.offset + PAGE_SIZE })}
            >
              {t('locker.page.next')}
            </button>
          </nav>
        </>
      )}
    </section>
  );
}

/** A locker with nothing in it says how to save the first snapshot. */
function EmptyLocker() {
  const { t } = useI18n();
  return (
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
