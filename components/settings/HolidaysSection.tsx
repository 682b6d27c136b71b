import { useId, useState, type FormEvent } from 'react';
import { yearOverridesSchema, type YearOverride } from '../../lib/time/calendar';
import { useI18n } from '../i18n';
import { pathText } from './json-lines';
import { Status, type StatusMessage } from './Status';

const dates = (text: string) => text.split(/[\s,，、]+/).map((d) => d.trim()).filter(Boolean);

/** Per-year official holiday schedules, validated like lib/time's YearOverride before anything is saved. */
export function HolidaysSection({ overrides, onSave }: { overrides: readonly unknown[]; onSave: (next: YearOverride[]) => Promise<void> }) {
  const { t } = useI18n();
  const id = useId();
  const current = yearOverridesSchema().safeParse(overrides);
  const list: YearOverride[] = current.success ? current.data : [];
  const [year, setYear] = useState('');
  const [holidays, setHolidays] = useState('');
  const [workdays, setWorkdays] = useState('');
  const [source, setSource] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState<StatusMessage>(null);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const entry = { year: Number(year), holidays: dates(holidays), workdays: dates(workdays), ...(source.trim() ? { source: source.trim() } : {}) };
    const next = [...list.filter((o) => o.year !== entry.year), entry].sort((a, b) => a.year - b.year);
    const parsed = yearOverridesSchema().safeParse(next);
    if (!parsed.success) {
      const at = next.indexOf(entry);
      setErrors(parsed.error.issues.map((i) => `${pathText(i.path[0] === at ? i.path.slice(1) : i.path)}: ${i.message}`));
      setStatus(null);
      return;
    }
    setErrors([]);
    await onSave(parsed.data);
    setStatus({ kind: 'ok', text: t('settings.holidays.saved', { year: entry.year }) });
  };

  const remove = async (y: number) => {
    await onSave(list.filter((o) => o.year !== y));
  };

  return (
    <section className="rg-panel" aria-labelledby={`${id}-h`} data-section="holidays">
      <h2 id={`${id}-h`}>{t('settings.holidays.title')}</h2>
      <p className="rg-muted">{t('settings.holidays.help')}</p>
      {list.length === 0 ? (
        <p>{t('settings.holidays.none')}</p>
      ) : (
        <ul className="rg-list">
          {list.map((o) => (
            <li key={o.year} className="rg-row">
              <span>{t('settings.holidays.item', { year: o.year, holidays: o.holidays.length, workdays: o.workdays.length })}</span>
              <button type="button" className="rg-button" onClick={() => void remove(o.year)}>
                {t('settings.holidays.remove', { year: o.year })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="rg-grid" onSubmit={(e) => void add(e)}>
        <label htmlFor={`${id}-y`}>{t('settings.holidays.year')}</label>
        <input id={`${id}-y`} type="number" min={1990} max={2200} value={year} onChange={(e) => setYear(e.target.value)} />
        <label htmlFor={`${id}-h1`}>{t('settings.holidays.holidays')}</label>
        <textarea id={`${id}-h1`} rows={4} value={holidays} onChange={(e) => setHolidays(e.target.value)} />
        <label htmlFor={`${id}-w`}>{t('settings.holidays.workdays')}</label>
        <textarea id={`${id}-w`} rows={2} value={workdays} onChange={(e) => setWorkdays(e.target.value)} />
        <label htmlFor={`${id}-s`}>{t('settings.holidays.source')}</label>
        <input id={`${id}-s`} type="text" value={source} onChange={(e) => setSource(e.target.value)} />
        <button type="submit" className="rg-button rg-button--primary">
          {t('settings.holidays.add')}
        </button>
      </form>
      {errors.length > 0 && (
        <div className="rg-error" role="alert">
          <p>{t('settings.holidays.invalid')}</p>
          <ul>
            {errors.map((e, n) => (
              <li key={n}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      <Status message={status} />
    </section>
  );
}
