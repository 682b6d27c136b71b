import { useRef, useState } from 'react';
import { useI18n } from '../i18n-context';
import type { SettingsApi } from './api';
import { errorText, type StatusMessage } from './Status';
import { readImportStepwise, type ImportProgress } from './transfer';

/** Where an import is: checking (cancellable, nothing written yet) or writing (all or nothing, not cancellable). */
export type ImportState =
  { step: 'checking'; progress: ImportProgress | null } | { step: 'writing'; entries: number } | null;

/**
 * Imports a settings file: checks it step by step with progress (the page
 * stays usable, and the check may be cancelled), then writes everything in
 * one storage operation and reports the result.
 */
export function useImport(api: SettingsApi, onReload: () => Promise<void>, report: (message: StatusMessage) => void) {
  const { t } = useI18n();
  const [state, setState] = useState<ImportState>(null);
  const controller = useRef<AbortController | null>(null);

  async function start(file: File) {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    report(null);
    setState({ step: 'checking', progress: null });
    try {
      const result = await readImportStepwise(await file.text(), {
        signal: abort.signal,
        onProgress: (progress) => !abort.signal.aborted && setState({ step: 'checking', progress }),
      });
      if (!result.ok) {
        const cancelled = 'cancelled' in result;
        report(
          cancelled
            ? { kind: 'ok', text: t('settings.data.importCancelled') }
            : { kind: 'error', text: t('settings.data.importInvalid', { message: result.message }) },
        );
        return;
      }
      setState({ step: 'writing', entries: result.outageLog.entries.length });
      await api.writeAll(result.settings, result.outageLog);
      await onReload();
      report({ kind: 'ok', text: t('settings.data.imported', { entries: result.outageLog.entries.length }) });
    } catch (error) {
      report({ kind: 'error', text: t('settings.error', { message: errorText(error) }) });
    } finally {
      if (controller.current === abort) {
        controller.current = null;
        setState(null);
      }
    }
  }

  return { state, start, cancel: () => controller.current?.abort() };
}

/** The import's progress: a bar, what is being checked or written, and a cancel button while nothing is written. */
export function ImportProgressView({ state, onCancel }: { state: ImportState; onCancel: () => void }) {
  const { t } = useI18n();
  if (!state) return null;
  const progress = state.step === 'checking' ? state.progress : null;
  const text =
    state.step === 'writing'
      ? t('settings.data.importing.writing', { entries: state.entries })
      : progress?.phase === 'entries'
        ? t('settings.data.importing.entries', { done: progress.done - 1, total: progress.total - 1 })
        : progress
          ? t('settings.data.importing.settings', { packs: progress.packs, sites: progress.sites })
          : t('settings.data.importing.reading');
  return (
    <div className="rg-progress" data-testid="import-progress" data-step={state.step}>
      <p role="status">{text}</p>
      {state.step === 'writing' ? (
        <progress aria-label={t('settings.data.importing.label')} />
      ) : (
        <>
          <progress
            value={progress?.done ?? 0}
            max={progress?.total ?? 1}
            aria-label={t('settings.data.importing.label')}
          />
          <button type="button" className="rg-button" onClick={onCancel}>
            {t('settings.data.importing.cancel')}
          </button>
        </>
      )}
    </div>
  );
}
