import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../components/i18n-context';
import { LanguageSetting } from '../../components/LanguageSetting';
import type { SettingsApi } from '../../components/settings/api';
import { DataSection } from '../../components/settings/DataSection';
import { HolidaysSection } from '../../components/settings/HolidaysSection';
import { PacksSection } from '../../components/settings/PacksSection';
import { RemindersSection } from '../../components/settings/RemindersSection';
import { ScreenshotsSection } from '../../components/settings/ScreenshotsSection';
import { SitesSection } from '../../components/settings/SitesSection';
import { HiddenCardSection } from '../../components/settings/HiddenCardSection';
import { hiddenCardSites, showCardOn } from '../../platform/card-prefs';

const hiddenCardApi = { list: hiddenCardSites, show: showCardOn };
import type { LocalePreference } from '../../lib/i18n';
import type { Settings } from '../../lib/settings';
import { browserSettingsApi } from './api';

// eslint-disable-next-line max-lines-per-function -- The options page loads the settings once and hands each section its slice and save.
export function Options({ api = browserSettingsApi, slaHref = 'sla.html' }: { api?: SettingsApi; slaHref?: string }) {
  const { t } = useI18n();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [saved, setSaved] = useState(false);
  // Remounts the sections after an import or wipe so their drafts start from what is stored.
  const [generation, setGeneration] = useState(0);

  const show = useCallback((loaded: Awaited<ReturnType<SettingsApi['load']>>) => {
    setSettings(loaded.settings);
    setInvalid(loaded.invalid);
    setGeneration((g) => g + 1);
  }, []);
  const reload = useCallback(() => api.load().then(show), [api, show]);

  useEffect(() => {
    void api.load().then(show);
  }, [api, show]);

  useEffect(() => {
    document.title = t('options.title');
  }, [t]);

  const save = async (patch: Partial<Settings>) => {
    const next = await api.save(patch);
    setSettings(next);
    setInvalid(false);
  };

  const changeLocale = async (next: LocalePreference) => {
    await save({ locale: next });
    setSaved(true);
  };

  const groups: { id: string; label: string }[] = [
    { id: 'opt-language', label: t('settings.group.language') },
    { id: 'opt-reminders', label: t('settings.reminders.title') },
    { id: 'opt-sites', label: t('settings.group.sites') },
    { id: 'opt-evidence', label: t('settings.group.evidence') },
    { id: 'opt-packs', label: t('settings.group.packs') },
    { id: 'opt-holidays', label: t('settings.group.holidays') },
    { id: 'opt-data', label: t('settings.group.data') },
    { id: 'opt-about', label: t('settings.group.about') },
  ];

  return (
    <div className="rg-options-layout">
      <nav className="rg-options__side" aria-label={t('settings.nav.sections')}>
        <p className="rg-options__brand">{t('options.title')}</p>
        <ul>
          {groups.map((g) => (
            <li key={g.id}>
              <a href={`#${g.id}`}>{g.label}</a>
            </li>
          ))}
        </ul>
        <p className="rg-options__elsewhere">
          <a href={slaHref}>{t('settings.nav.sla')}</a>
        </p>
        <p className="rg-muted rg-options__autosave">{t('settings.autosave')}</p>
      </nav>
      <main className="rg-options">
        <h1>{t('options.title')}</h1>
        {invalid && (
          <p className="rg-error" role="alert">
            {t('error.settingsInvalid')}
          </p>
        )}
        <div id="opt-language">
          <section className="rg-panel" data-section="language">
            {settings !== null && (
              <LanguageSetting value={settings.locale} onChange={(next) => void changeLocale(next)} />
            )}
            {saved && (
              <p className="rg-saved" role="status">
                {t('options.saved')}
              </p>
            )}
          </section>
        </div>
        {settings !== null && (
          <div key={generation}>
            <div id="opt-reminders">
              <RemindersSection
                leadDays={settings.reminders.leadDays}
                onSave={(leadDays) => save({ reminders: { leadDays } })}
                loadUpcoming={api.upcoming}
              />
            </div>
            <div id="opt-sites">
              <SitesSection
                sites={settings.genericSites}
                api={api}
                onChange={(genericSites) => save({ genericSites })}
              />
              <HiddenCardSection api={hiddenCardApi} />
            </div>
            <div id="opt-evidence">
              <ScreenshotsSection
                enabled={settings.autoScreenshots}
                api={api}
                onChange={(autoScreenshots) => save({ autoScreenshots })}
              />
            </div>
            <div id="opt-packs">
              <PacksSection packs={settings.customPacks} onSave={(customPacks) => save({ customPacks })} />
            </div>
            <div id="opt-holidays">
              <HolidaysSection
                overrides={settings.holidayOverrides}
                onSave={(holidayOverrides) => save({ holidayOverrides })}
              />
            </div>
          </div>
        )}
        <div id="opt-data">{settings !== null && <DataSection api={api} onReload={reload} />}</div>
        <div id="opt-about">
          <section className="rg-panel">
            <h2>{t('options.privacy.title')}</h2>
            <p>{t('options.privacy.body')}</p>
          </section>
          <section className="rg-panel">
            <h2>{t('options.sources.title')}</h2>
            <p>{t('options.sources.body')}</p>
          </section>
        </div>
      </main>
    </div>
  );
}
