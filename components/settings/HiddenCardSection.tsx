import { useEffect, useId, useState } from 'react';
import { useI18n } from '../i18n-context';

export interface HiddenCardApi {
  list(): Promise<string[]>;
  show(host: string): Promise<string[]>;
}

/** The sites where the user chose "never on this site" for the in-page card, to undo it. */
export function HiddenCardSection({ api }: { api: HiddenCardApi }) {
  const { t } = useI18n();
  const id = useId();
  const [hosts, setHosts] = useState<string[] | null>(null);
  useEffect(() => {
    let alive = true;
    void api.list().then(
      (list) => alive && setHosts(list),
      () => alive && setHosts([]),
    );
    return () => {
      alive = false;
    };
  }, [api]);
  return (
    <section className="rg-panel" aria-labelledby={`${id}-h`} data-section="hidden-card">
      <h2 id={`${id}-h`}>{t('hiddenCard.title')}</h2>
      {hosts !== null && hosts.length === 0 && <p className="rg-muted">{t('hiddenCard.empty')}</p>}
      {hosts !== null && hosts.length > 0 && (
        <ul className="rg-list">
          {hosts.map((host) => (
            <li key={host} className="rg-row" data-hidden-host={host}>
              <span>{host}</span>
              <button type="button" className="rg-button" onClick={() => void api.show(host).then(setHosts)}>
                {t('hiddenCard.show')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
