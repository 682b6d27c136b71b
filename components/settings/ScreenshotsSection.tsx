import { useEffect, useId, useState } from 'react';
import { useI18n } from '../i18n-context';
import type { SettingsApi } from './api';
import { errorText, Status, type StatusMessage } from './Status';

export const ALL_URLS = '<all_urls>';

/** Automatic screenshots = the optional `<all_urls>` permission (captureVisibleTab needs it). */
export function ScreenshotsSection({
  enabled,
  api,
  onChange,
}: {
  enabled: boolean;
  api: SettingsApi;
  onChange: (on: boolean) => Promise<void>;
}) {
  const { t } = useI18n();
  const id = useId();
  const [status, setStatus] = useState<StatusMessage>(null);
  // The permission can be revoked in the browser's own settings: show what is really granted.
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => {
    let alive = true;
    void api.containsOrigins([ALL_URLS]).then(
      (has) => alive && setGranted(has),
      () => alive && setGranted(null),
    );
    return () => {
      alive = false;
    };
  }, [api, enabled]);
  const effective = enabled && granted !== false;

  const toggle = async (on: boolean) => {
    try {
      if (on) {
        const granted = await api.requestOrigins([ALL_URLS]);
        if (!granted) return setStatus({ kind: 'error', text: t('settings.screenshots.denied') });
      } else {
        await api.removeOrigins([ALL_URLS]);
      }
      await onChange(on);
      setStatus({ kind: 'ok', text: t('options.saved') });
    } catch (error) {
      setStatus({ kind: 'error', text: t('settings.error', { message: errorText(error) }) });
    }
  };

  return (
    <section className="rg-panel" aria-labelledby={`${id}-h`} data-section="screenshots">
      <h2 id={`${id}-h`}>{t('settings.screenshots.title')}</h2>
      <p className="rg-muted">{t('settings.screenshots.help')}</p>
      <label className="rg-row">
        <input type="checkbox" checked={effective} onChange={(e) => void toggle(e.target.checked)} />
        {t('settings.screenshots.toggle')}
      </label>
      {enabled && granted === false && <p className="rg-muted">{t('settings.screenshots.revoked')}</p>}
      <Status message={status} />
    </section>
  );
}
