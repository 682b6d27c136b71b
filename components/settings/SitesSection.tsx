import { useId, useState, type FormEvent } from 'react';
import { sitePattern } from '../../lib/settings';
import { useI18n } from '../i18n-context';
import type { SettingsApi } from './api';
import { errorText, Status, type StatusMessage } from './Status';

const label = (pattern: string) => pattern.replace(/\/\*$/, '');

/**
 * Sites for generic checkout detection. Adding asks the browser for that
 * site's optional host permission first (within the click), then the worker
 * registers the content script; removing revokes both.
 */
export function SitesSection({
  sites,
  api,
  onChange,
}: {
  sites: readonly string[];
  api: SettingsApi;
  onChange: (sites: string[]) => Promise<void>;
}) {
  const { t } = useI18n();
  const id = useId();
  const [input, setInput] = useState('');
  const [status, setStatus] = useState<StatusMessage>(null);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const pattern = sitePattern(input);
    if (!pattern) return setStatus({ kind: 'error', text: t('settings.sites.invalid', { input }) });
    if (sites.includes(pattern))
      return setStatus({ kind: 'error', text: t('settings.sites.duplicate', { site: label(pattern) }) });
    try {
      // Requested before any await: the browser only asks while a user gesture is active.
      const granted = await api.requestOrigins([pattern]);
      if (!granted) return setStatus({ kind: 'error', text: t('settings.sites.denied', { site: label(pattern) }) });
      await onChange([...sites, pattern]);
      await api.syncSites();
      setInput('');
      setStatus({ kind: 'ok', text: t('settings.sites.added', { site: label(pattern) }) });
    } catch (error) {
      setStatus({ kind: 'error', text: t('settings.error', { message: errorText(error) }) });
    }
  };

  const remove = async (pattern: string) => {
    try {
      await onChange(sites.filter((s) => s !== pattern));
      // Unregister first: the script must stop even if the browser keeps the permission
      // (e.g. when it is also granted as a required permission).
      await api.syncSites();
      await api.removeOrigins([pattern]).catch(() => false);
      setStatus({ kind: 'ok', text: t('settings.sites.removed', { site: label(pattern) }) });
    } catch (error) {
      setStatus({ kind: 'error', text: t('settings.error', { message: errorText(error) }) });
    }
  };

  return (
    <section className="rg-panel" aria-labelledby={`${id}-h`} data-section="sites">
      <h2 id={`${id}-h`}>{t('settings.sites.title')}</h2>
      <p className="rg-muted">{t('settings.sites.help')}</p>
      {sites.length === 0 ? (
        <p>{t('settings.sites.empty')}</p>
      ) : (
        <ul className="rg-list">
          {sites.map((site) => (
            <li key={site} className="rg-row" data-site={site}>
              <span>{label(site)}</span>
              <button type="button" className="rg-button" onClick={() => void remove(site)}>
                {t('settings.sites.remove', { site: label(site) })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="rg-row" onSubmit={(e) => void add(e)}>
        <label htmlFor={`${id}-in`}>{t('settings.sites.input')}</label>
        <input
          id={`${id}-in`}
          type="text"
          inputMode="url"
          placeholder={t('settings.sites.placeholder')}
          value={input}
          onChange={(e) => setInput(e.target.value)}
        />
        <button type="submit" className="rg-button rg-button--primary">
          {t('settings.sites.add')}
        </button>
      </form>
      <Status message={status} />
    </section>
  );
}
