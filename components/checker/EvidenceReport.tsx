import { useEffect, useState } from 'react';
import { useI18n } from '../i18n-context';

/** One snapshot as the printed report shows it. */
export interface ReportSnapshot {
  id: string;
  title: string;
  url: string;
  capturedAtShanghai: string;
  fields: Record<string, unknown>;
  chainHash: string;
  screenshot: string | null;
}

const SNAPSHOT_ID = /^snap-\d{6,}$/;
const MAX_SNAPSHOTS = 20;

/** The snapshot ids a report address names (`report.html?ids=snap-000001,snap-000002`); anything else is ignored. */
export function reportIds(search: string): string[] {
  const raw = new URLSearchParams(search).get('ids') ?? '';
  return [...new Set(raw.split(',').filter((id) => SNAPSHOT_ID.test(id)))].slice(0, MAX_SNAPSHOTS);
}

type State =
  { state: 'loading' } | { state: 'ready'; snapshots: ReportSnapshot[] } | { state: 'error'; message: string };

/**
 * A page the browser prints to PDF: each snapshot's fields, time, address, hash and
 * screenshot — a file a vendor's ticket form accepts where it takes no ZIP.
 */
export function EvidenceReport({ load, print }: { load: () => Promise<ReportSnapshot[]>; print: () => void }) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ state: 'loading' });
  useEffect(() => {
    load().then(
      (snapshots) => setState({ state: 'ready', snapshots }),
      (e: unknown) => setState({ state: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }, [load]);
  return (
    <main className="rg-report" data-testid="evidence-report">
      <header className="rg-report__head">
        <h1>{t('checker.report.title')}</h1>
        <p className="rg-muted rg-small">{t('checker.report.help')}</p>
        <button
          type="button"
          className="rg-button rg-button--primary rg-report__print"
          data-action="print"
          onClick={print}
        >
          {t('checker.report.print')}
        </button>
      </header>
      {state.state === 'loading' && <p className="rg-muted">{t('popup.loading')}</p>}
      {state.state === 'error' && <p className="rg-error">{t('checker.error.load', { message: state.message })}</p>}
      {state.state === 'ready' && state.snapshots.length === 0 && <p>{t('checker.report.none')}</p>}
      {state.state === 'ready' &&
        state.snapshots.map((s) => (
          <section key={s.id} className="rg-report__snap" data-snapshot={s.id}>
            <h2>
              {s.id} · {s.title}
            </h2>
            <table>
              <tbody>
                <tr>
                  <th>{t('checker.report.capturedAt')}</th>
                  <td>{s.capturedAtShanghai}</td>
                </tr>
                <tr>
                  <th>{t('checker.report.url')}</th>
                  <td className="rg-report__wrap">{s.url}</td>
                </tr>
                {Object.entries(s.fields).map(([k, v]) => (
                  <tr key={k}>
                    <th>{k}</th>
                    <td>{String(v)}</td>
                  </tr>
                ))}
                <tr>
                  <th>{t('checker.report.hash')}</th>
                  <td className="rg-report__wrap">
                    <code>{s.chainHash}</code>
                  </td>
                </tr>
              </tbody>
            </table>
            {s.screenshot && /^data:image\/(jpeg|png);base64,/.test(s.screenshot) && (
              <img src={s.screenshot} alt={t('checker.report.screenshot', { id: s.id })} />
            )}
          </section>
        ))}
    </main>
  );
}
