import { useCallback, useEffect, useReducer, useRef, type Dispatch } from 'react';
import { ExportStopped } from '../../lib/evidence/export-protocol';
import type { Translate } from '../../lib/i18n';
import { useI18n } from '../i18n-context';
import { PAGE_SIZE, type LockerApi } from './api';
import { errorText } from './format';
import { initialLocker, lockerReducer, type LockerAction, type LockerState, type Notice } from './state';

export interface Locker {
  state: LockerState;
  dispatch: Dispatch<LockerAction>;
  /** Exports the given snapshots (null: all of them) and hands the bundle to the downloads. */
  exportBundle(ids: string[] | null): Promise<void>;
  cancelExport(): void;
  checkStore(): Promise<void>;
}

/** The status line in the page's language. */
export function noticeText(notice: Notice | null, t: Translate): string | null {
  if (!notice) return null;
  switch (notice.kind) {
    case 'export-running':
      return t('locker.export.running');
    case 'export-done':
      return t('locker.export.done', { count: notice.count, file: notice.file });
    case 'export-cancelled':
      return t('locker.export.cancelled');
    case 'deleted':
      return t('locker.detail.deleted', { id: notice.id });
  }
}

/** Asks the worker for the page of the list in force (and its orders' headlines) whenever the reducer asks again. */
function useList(api: LockerApi, state: LockerState, dispatch: Dispatch<LockerAction>) {
  const { t, locale } = useI18n();
  const { request, filters, offset } = state;
  useEffect(() => {
    let alive = true;
    api.list({ ...filters, offset, limit: PAGE_SIZE }).then(
      (result) => {
        if (!alive) return;
        dispatch({ type: 'listed', request, ...result });
        const orders = result.items.filter((i) => i.kind === 'order').map((i) => i.id);
        if (api.headlines && orders.length > 0)
          api.headlines(orders, locale).then(
            (words) => alive && dispatch({ type: 'headlines', request, words }),
            () => undefined,
          );
      },
      (error: unknown) => alive && dispatch({ type: 'list-failed', request, message: errorText(error, t) }),
    );
    return () => {
      alive = false;
    };
    // `filters` and `offset` only change together with `request`, so each request is asked once.
  }, [api, request, filters, offset, t, locale, dispatch]);
}

/** The locker page's state (components/locker/state.ts) with the requests that feed it. */
export function useLocker(api: LockerApi): Locker {
  const { t, locale } = useI18n();
  const [state, dispatch] = useReducer(lockerReducer, initialLocker);
  const exports = useRef({ count: 0, stop: null as AbortController | null });
  useList(api, state, dispatch);

  const exportBundle = useCallback(
    async (ids: string[] | null) => {
      const id = ++exports.current.count;
      const stop = new AbortController();
      exports.current.stop = stop;
      dispatch({ type: 'export-started', id });
      try {
        const result = await api.exportBundle(ids, locale, {
          onProgress: (progress) => dispatch({ type: 'export-progress', id, progress }),
          signal: stop.signal,
        });
        api.download(result.fileName, result.file);
        dispatch({ type: 'exported', id, count: result.count, file: result.fileName });
      } catch (error) {
        if (stop.signal.aborted) dispatch({ type: 'export-cancelled', id });
        else if (error instanceof ExportStopped && error.reason !== 'failed')
          dispatch({ type: 'export-failed', id, message: t(`locker.export.${error.reason}`) });
        else dispatch({ type: 'export-failed', id, message: errorText(error, t) });
      }
    },
    [api, locale, t],
  );

  const cancelExport = useCallback(() => exports.current.stop?.abort(), []);

  const checkStore = useCallback(async () => {
    dispatch({ type: 'check-started' });
    try {
      const result = await api.checkStore();
      dispatch({ type: 'checked', ...result });
    } catch (error) {
      dispatch({ type: 'check-failed', message: errorText(error, t) });
    }
  }, [api, t]);

  return { state, dispatch, exportBundle, cancelExport, checkStore };
}
