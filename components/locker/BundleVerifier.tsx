import { useId, useState, type DragEvent } from 'react';
import {
  chainSummary,
  describeProblem,
  fileStatusKey,
  reportHeadline,
  sameFingerprint,
  signatureLine,
  VerifyCancelled,
  type BundleReport,
} from '../../lib/evidence';
import { useI18n } from '../i18n-context';
import type { LockerApi } from './api';
import { beijingTime, errorText } from './format';

type VerifyState =
  | { state: 'idle' }
  | { state: 'running'; file: string; done: number; total: number; stop: { cancelled: boolean } }
  | { state: 'cancelled'; file: string }
  | { state: 'done'; file: string; report: BundleReport; own: string | null }
  | { state: 'error'; message: string };

/** Which snapshots an altered, missing or added file belongs to (`snapshots/<id>/…`). */
export function alteredSnapshots(report: BundleReport): string[] {
  const ids = new Set<string>();
  for (const p of report.problems) {
    if (p.kind === 'content-mismatch') ids.add(p.id);
    if (p.kind === 'file-altered' || p.kind === 'file-missing' || p.kind === 'file-added') {
      const match = /^snapshots\/([^/]+)\//.exec(p.path);
      if (match) ids.add(match[1]!);
    }
  }
  return [...ids].sort();
}

/**
 * Checks an exported bundle right here in the page (the same verifier as the
 * command line): drop a ZIP on the zone, or choose it with the file input.
 */
/** Asks a running verification to stop (it checks the token between files). */
function cancel(stop: { cancelled: boolean }) {
  stop.cancelled = true;
}

// eslint-disable-next-line max-lines-per-function -- File pick, progress, cancel and result of one verification share one state machine.
export function BundleVerifier({ api }: { api: Pick<LockerApi, 'verifyBundle' | 'signingKey'> }) {
  const { t } = useI18n();
  const id = useId();
  const [state, setState] = useState<VerifyState>({ state: 'idle' });
  const [over, setOver] = useState(false);

  const verify = async (file: File | undefined) => {
    if (!file) return;
    const stop = { cancelled: false };
    setState({ state: 'running', file: file.name, done: 0, total: 0, stop });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (error) {
      setState({
        state: 'error',
        message: t('locker.verify.readError', { file: file.name, message: errorText(error, t) }),
      });
      return;
    }
    try {
      // Progress about every half percent of the files, so a large bundle does not redraw per file.
      let shown = -1;
      const onProgress = (done: number, total: number) => {
        if (done - shown < Math.max(1, total / 200)) return;
        shown = done;
        setState((s) => (s.state === 'running' && s.stop === stop ? { ...s, done, total } : s));
      };
      const report = await api.verifyBundle(bytes, { onProgress, cancelled: () => stop.cancelled });
      // This browser's key, to tell a bundle signed here from one signed elsewhere (unknown when the worker cannot say).
      const own = await api.signingKey().then(
        (key) => key.fingerprint,
        () => null,
      );
      setState({ state: 'done', file: file.name, report, own });
    } catch (error) {
      if (error instanceof VerifyCancelled) setState({ state: 'cancelled', file: file.name });
      else setState({ state: 'error', message: errorText(error, t) });
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void verify(event.dataTransfer.files[0]);
  };

  return (
    <section className="rg-panel rg-verify" aria-labelledby={`${id}-h`} data-testid="bundle-verifier">
      <h2 id={`${id}-h`}>{t('locker.verify.title')}</h2>
      <div
        className={`rg-dropzone${over ? ' rg-dropzone--over' : ''}`}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>{t('locker.verify.drop')}</p>
        <label htmlFor={`${id}-file`} className="rg-button">
          {t('locker.verify.choose')}
        </label>
        <input
          id={`${id}-file`}
          className="rg-file"
          type="file"
          accept=".zip,application/zip"
          onChange={(e) => {
            void verify(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </div>
      <div aria-live="polite">
        {state.state === 'running' && (
          <div className="rg-progress" data-testid="verify-progress">
            <p className="rg-muted">
              {state.total
                ? t('locker.verify.progress', { file: state.file, done: state.done, total: state.total })
                : t('locker.verify.running', { file: state.file })}
            </p>
            <progress value={state.done} max={state.total || 1} aria-label={t('locker.verify.title')} />
            <button type="button" className="rg-button" onClick={() => cancel(state.stop)} data-action="verify-cancel">
              {t('locker.verify.cancel')}
            </button>
          </div>
        )}
        {state.state === 'cancelled' && (
          <p className="rg-muted">{t('locker.verify.cancelled', { file: state.file })}</p>
        )}
        {state.state === 'error' && (
          <p role="alert" className="rg-error">
            {state.message}
          </p>
        )}
        {state.state === 'done' && <VerifyReport file={state.file} report={state.report} ownFingerprint={state.own} />}
      </div>
    </section>
  );
}

// eslint-disable-next-line max-lines-per-function -- The verification report in reading order, one short block per check.
export function VerifyReport({
  file,
  report,
  ownFingerprint = null,
}: {
  file: string;
  report: BundleReport;
  ownFingerprint?: string | null;
}) {
  const { t } = useI18n();
  const signer = report.signature?.fingerprint ?? null;
  const signedHere = !!(signer && ownFingerprint && sameFingerprint(signer, ownFingerprint));
  const altered = alteredSnapshots(report);
  const changedFiles = report.files.filter((f) => f.status !== 'ok');
  return (
    <div className="rg-report" data-testid="verify-report" data-verify={report.ok ? 'ok' : 'failed'}>
      <p className="rg-muted">{t('locker.verify.file', { file })}</p>
      <p
        className={report.ok ? 'rg-ok rg-headline' : 'rg-error rg-headline'}
        role={report.ok ? undefined : 'alert'}
        data-testid="verify-headline"
      >
        {report.ok ? '✔ ' : '✘ '}
        {reportHeadline(report, t)}
      </p>
      {!report.ok && (
        <div className="rg-altered" data-testid="verify-altered">
          <h3>{t('locker.verify.whatChanged')}</h3>
          <ul>
            {report.problems.map((p, i) => (
              <li key={i} data-problem={p.kind}>
                {describeProblem(p, t)}
              </li>
            ))}
          </ul>
          {altered.length > 0 && (
            <p data-testid="altered-snapshots">{t('locker.verify.alteredSnapshots', { ids: altered.join(', ') })}</p>
          )}
          {changedFiles.length > 0 && (
            <p data-testid="altered-files">
              {t('locker.verify.alteredFiles', { files: changedFiles.map((f) => f.path).join(', ') })}
            </p>
          )}
        </div>
      )}
      {!['not-zip', 'manifest-missing', 'manifest-unreadable'].includes(report.problems[0]?.kind ?? '') && (
        <div
          data-testid="verify-signature"
          data-signature={report.signature ? (report.signature.ok ? 'ok' : 'invalid') : 'none'}
          data-signer={signer ? (signedHere ? 'this' : 'other') : ''}
        >
          <p>
            <strong>{t('verify.heading.signature')}</strong> {report.signature?.ok ? '✔ ' : '✘ '}
            {signatureLine(report, t)}
          </p>
          {report.signature?.ok && signer && ownFingerprint && (
            <p className={signedHere ? 'rg-ok' : 'rg-error'} data-testid="verify-signer">
              {signedHere
                ? t('locker.verify.signedHere', { fingerprint: signer })
                : t('locker.verify.signedElsewhere', { fingerprint: signer, own: ownFingerprint })}
            </p>
          )}
        </div>
      )}
      {report.chain && (
        <p data-testid="verify-chain" data-chain={report.chain.ok ? 'ok' : 'broken'}>
          <strong>{t('verify.heading.chain')}</strong>{' '}
          {report.chain.ok ? t('locker.verify.chainOk') : t('locker.verify.chainBroken')} —{' '}
          {chainSummary(report.chain, t)}
        </p>
      )}
      {report.snapshots.length > 0 && (
        <>
          <h3>{t('verify.heading.snapshots')}</h3>
          <ul className="rg-report__snapshots">
            {report.snapshots.map((s) => (
              <li key={s.id} data-snapshot-id={s.id} data-ok={s.ok}>
                {s.ok ? '✔' : '✘'} <span className="rg-mono">{s.id}</span> {beijingTime(s.capturedAt)}{' '}
                <span className="rg-url">{s.title || s.url}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {report.files.length > 0 && (
        <table className="rg-table" data-testid="verify-files">
          <caption>{t('verify.heading.files')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('locker.verify.col.file')}</th>
              <th scope="col">{t('locker.verify.col.result')}</th>
            </tr>
          </thead>
          <tbody>
            {report.files.map((f) => (
              <tr
                key={f.path}
                data-file={f.path}
                data-status={f.status}
                className={f.status === 'ok' ? undefined : 'rg-row--bad'}
              >
                <td className="rg-mono">{f.path}</td>
                <td>
                  {f.status === 'ok' ? '✔ ' : '✘ '}
                  {t(fileStatusKey(f.status))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
