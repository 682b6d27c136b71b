import { useState } from 'react';
import { sitePattern } from '../lib/site-pattern';
import { useI18n } from './i18n-context';

export interface GenericSiteApi {
  /** Runs checkout detection in the tab once; resolves to whether a checkout was recognised. */
  checkOnce(): Promise<boolean>;
  /** Asks for the site's permission (during the click), saves it and registers detection there. */
  enable(pattern: string): Promise<boolean>;
}

type Status = { kind: 'ok' | 'error'; text: string } | null;

/**
 * On a page of a site the product does not ship: check this page once
 * (activeTab) or enable checkout detection on the whole site (an optional
 * host permission, revocable in the options).
 */
export function GenericSite({ url, api }: { url: string | null; api: GenericSiteApi }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const pattern = url && /^https?:/.test(url) ? sitePattern(url) : null;
  if (!pattern) return <p className="rg-muted">{t('generic.notWeb')}</p>;
  const site = new URL(url!).host;

  const run = async (task: () => Promise<Status>) => {
    setBusy(true);
    try {
      setStatus(await task());
    } catch (error) {
      setStatus({
        kind: 'error',
        text: t('generic.failed', { message: error instanceof Error ? error.message : String(error) }),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="rg-generic" data-generic-site={site}>
      <h3>{t('generic.title')}</h3>
      <p className="rg-muted">{t('generic.help')}</p>
      <div className="rg-popup__actions">
        <button
          type="button"
          className="rg-button rg-button--primary"
          data-action="check-once"
          disabled={busy}
          onClick={() =>
            void run(async () => ({
              kind: 'ok',
              text: t('generic.checked', {
                result: (await api.checkOnce()) ? t('generic.found') : t('generic.notFound'),
              }),
            }))
          }
        >
          {t('generic.checkOnce')}
        </button>
        <button
          type="button"
          className="rg-button"
          data-action="enable-site"
          disabled={busy}
          onClick={() =>
            void run(async () =>
              (await api.enable(pattern))
                ? { kind: 'ok', text: t('generic.enabled', { site }) }
                : { kind: 'error', text: t('generic.denied', { site }) },
            )
          }
        >
          {t('generic.enable', { site })}
        </button>
      </div>
      {status && (
        <p
          className={status.kind === 'error' ? 'rg-error' : 'rg-muted'}
          role={status.kind === 'error' ? 'alert' : 'status'}
          data-generic-status={status.kind}
        >
          {status.text}
        </p>
      )}
    </div>
  );
}
