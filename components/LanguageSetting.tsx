import { useId } from 'react';
import type { LocalePreference } from '../lib/i18n';
import { useI18n } from './i18n-context';

const CHOICES: LocalePreference[] = ['auto', 'zh-CN', 'en'];

export function LanguageSetting({
  value,
  onChange,
}: {
  value: LocalePreference;
  onChange: (next: LocalePreference) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="rg-field">
      <label htmlFor={id}>
        <strong>{t('options.language')}</strong>
      </label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as LocalePreference)}>
        {CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {t(`options.language.${choice}`)}
          </option>
        ))}
      </select>
      <p className="rg-muted">{t('options.language.help')}</p>
    </div>
  );
}
