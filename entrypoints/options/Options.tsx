import { useEffect, useState } from 'react';
import { useI18n } from '../../components/i18n';
import { LanguageSetting } from '../../components/LanguageSetting';
import type { LocalePreference } from '../../lib/i18n';
import { loadSettings, saveSettings } from '../../platform/settings';

export function Options() {
  const { t } = useI18n();
  const [preference, setPreference] = useState<LocalePreference | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void loadSettings().then(({ settings, invalid }) => {
      setPreference(settings.locale);
      setInvalid(invalid);
    });
  }, []);

  useEffect(() => {
    document.title = t('options.title');
  }, [t]);

  const change = async (next: LocalePreference) => {
    setPreference(next);
    await saveSettings({ locale: next });
    setSaved(true);
  };

  return (
    <main className="rg-options">
      <h1>{t('options.title')}</h1>
      {invalid && <p className="rg-error" role="alert">{t('error.settingsInvalid')}</p>}
      <section className="rg-panel">
        {preference !== null && <LanguageSetting value={preference} onChange={(next) => void change(next)} />}
        {saved && (
          <p className="rg-saved" role="status">
            {t('options.saved')}
          </p>
        )}
      </section>
      <section className="rg-panel">
        <h2>{t('options.privacy.title')}</h2>
        <p>{t('options.privacy.body')}</p>
      </section>
      <section className="rg-panel">
        <h2>{t('options.sources.title')}</h2>
        <p>{t('options.sources.body')}</p>
      </section>
    </main>
  );
}
