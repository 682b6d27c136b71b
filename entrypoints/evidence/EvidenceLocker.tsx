import { useEffect } from 'react';
import { useI18n } from '../../components/i18n';

export function EvidenceLocker() {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${t('app.name')} · ${t('locker.title')}`;
  }, [t]);
  return (
    <main className="rg-locker">
      <header className="rg-locker__header">
        <h1>{t('locker.title')}</h1>
        <p className="rg-muted">{t('locker.subtitle')}</p>
      </header>
      <section className="rg-panel rg-locker__empty" data-testid="locker-empty">
        <h2>{t('locker.empty.title')}</h2>
        <p>{t('locker.empty.body')}</p>
      </section>
      <footer className="rg-muted">{t('locker.privacy')}</footer>
    </main>
  );
}
