import { useEffect, useId, useRef, useState } from 'react';
import { fromBase64 } from '../../lib/evidence/base64';
import { useI18n } from '../i18n-context';
import type { SettingsApi } from './api';
import { ALL_URLS } from './ScreenshotsSection';
import { errorText, Status, type StatusMessage } from './Status';
import { ImportProgressView, useImport } from './ImportProgress';
import { buildExport } from './transfer';

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');

/** Export, import (validated, all or nothing) and wipe (typed confirmation). */
// eslint-disable-next-line max-lines-per-function -- Export, import and wipe share one status line and the reload after each.
export function DataSection({ api, onReload }: { api: SettingsApi; onReload: () => Promise<void> }) {
  const { t, locale } = useI18n();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [confirm, setConfirm] = useState('');
  const [status, setStatus] = useState<StatusMessage>(null);
  const word = t('settings.data.wipe.word');
  const [key, setKey] = useState<{ fingerprint: string } | { error: string } | null>(null);

  useEffect(() => {
    let live = true;
    api.signingKey().then(
      (answer) => live && setKey({ fingerprint: answer.fingerprint }),
      (error: unknown) => live && setKey({ error: errorText(error) }),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const run = (task: () => Promise<void>) => () =>
    void task().catch((error: unknown) =>
      setStatus({ kind: 'error', text: t('settings.error', { message: errorText(error) }) }),
    );

  const exportSettings = run(async () => {
    const [{ settings }, log] = await Promise.all([api.load(), api.loadOutageLog()]);
    const now = api.now();
    const fileName = `refund-guard-settings-${stamp(now)}.json`;
    api.download(
      fileName,
      new Blob([JSON.stringify(buildExport(settings, log, now), null, 2)], { type: 'application/json' }),
    );
    setStatus({ kind: 'ok', text: t('settings.data.exported', { file: fileName }) });
  });

  const exportEvidence = run(async () => {
    const bundle = await api.exportEvidence(locale);
    api.download(bundle.fileName, new Blob([fromBase64(bundle.base64) as BlobPart], { type: 'application/zip' }));
    setStatus({ kind: 'ok', text: t('settings.data.exported', { file: bundle.fileName }) });
  });

  const importer = useImport(api, onReload, setStatus);
  const importFile = () => {
    const file = fileInput.current?.files?.[0];
    if (fileInput.current) fileInput.current.value = '';
    if (file) void importer.start(file);
  };

  const wipe = run(async () => {
    if (confirm.trim() !== word) return;
    const { settings } = await api.load();
    const wiped = await api.wipeEvidence();
    await api.clearAll();
    const origins = [...settings.genericSites, ...(settings.autoScreenshots ? [ALL_URLS] : [])];
    if (origins.length) await api.removeOrigins(origins).catch(() => false);
    await api.syncSites().catch(() => undefined);
    setConfirm('');
    await onReload();
    setStatus({ kind: 'ok', text: t('settings.data.wipe.done', { count: wiped }) });
  });

  return (
    <section className="rg-panel" aria-labelledby={`${id}-h`} data-section="data">
      <h2 id={`${id}-h`}>{t('settings.data.title')}</h2>
      <p className="rg-muted">{t('settings.data.help')}</p>
      <div className="rg-actions">
        <button type="button" className="rg-button" onClick={exportSettings}>
          {t('settings.data.export')}
        </button>
        <button type="button" className="rg-button" onClick={exportEvidence}>
          {t('settings.data.exportEvidence')}
        </button>
      </div>
      <div className="rg-row" data-testid="signing-key">
        <label htmlFor={`${id}-key`}>{t('settings.data.key')}</label>
        {key && 'error' in key ? (
          <span className="rg-error">{t('settings.data.key.error', { message: key.error })}</span>
        ) : (
          <input
            id={`${id}-key`}
            className="rg-fingerprint"
            type="text"
            readOnly
            size={80}
            aria-describedby={`${id}-key-help`}
            data-fingerprint={key?.fingerprint ?? ''}
            value={key?.fingerprint ?? t('settings.data.key.loading')}
          />
        )}
      </div>
      <p id={`${id}-key-help`} className="rg-muted">
        {t('settings.data.key.help')}
      </p>
      <div className="rg-row">
        <label htmlFor={`${id}-file`}>{t('settings.data.import')}</label>
        <input
          id={`${id}-file`}
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          disabled={importer.state?.step === 'writing'}
          onChange={importFile}
        />
      </div>
      <ImportProgressView state={importer.state} onCancel={importer.cancel} />
      <h3>{t('settings.data.wipe.title')}</h3>
      <p>{t('settings.data.wipe.help', { word })}</p>
      <div className="rg-row">
        <label htmlFor={`${id}-confirm`}>{t('settings.data.wipe.label')}</label>
        <input
          id={`${id}-confirm`}
          type="text"
          autoComplete="off"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
        />
        <button type="button" className="rg-button rg-button--danger" disabled={confirm.trim() !== word} onClick={wipe}>
          {t('settings.data.wipe.button')}
        </button>
      </div>
      <Status message={status} />
    </section>
  );
}
