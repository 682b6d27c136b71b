import { useId, useState } from 'react';
import { yearOverridesSchema, type YearOverride } from '../../lib/time/calendar';
import { isIsoDate } from '../../lib/time/zone';
import { useI18n } from '../i18n-context';
import { pathText } from './json-lines';
import { Status, type StatusMessage } from './Status';

type DayKind = 'holidays' | 'workdays';

/**
 * Per-year official holiday schedules, picked day by day with date controls.
 * Each change is validated like lib/time's YearOverride and saved at once;
 * an invalid change is shown and nothing is stored.
 */
// eslint-disable-next-line max-lines-per-function -- One editor over the override list: add, edit, remove and validation share its draft state.
export function HolidaysSection({
  overrides,
  onSave,
}: {
  overrides: readonly unknown[];
  onSave: (next: YearOverride[]) => Promise<void>;
}) {
  const { t } = useI18n();
  const id = useId();
  const current = yearOverridesSchema().safeParse(overrides);
  const list: YearOverride[] = current.success ? current.data : [];
  const [year, setYear] = useState('');
  const [entry, setEntry] = useState<{ holidays: string[]; workdays: string[]; source: string }>({
    holidays: [],
    workdays: [],
    source: '',
  });
  const [picking, setPicking] = useState<Record<DayKind, string>>({ holidays: '', workdays: '' });
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState<StatusMessage>(null);
  const y = Number(year);
  const yearOk = /^\d{4}$/.test(year) && y >= 1990 && y <= 2200;

  const edit = (next: string) => {
    setYear(next);
    const known = list.find((o) => String(o.year) === next);
    setEntry(
      known
        ? { holidays: [...known.holidays], workdays: [...known.workdays], source: known.source ?? '' }
        : { holidays: [], workdays: [], source: '' },
    );
    setErrors([]);
    setStatus(null);
  };

  /** Saves the year's schedule as it now stands (a year needs at least one holiday before it is stored). */
  const store = async (next: typeof entry) => {
    setEntry(next);
    if (!yearOk || next.holidays.length === 0) {
      setStatus(null);
      return;
    }
    const one = {
      year: y,
      holidays: [...next.holidays].sort(),
      workdays: [...next.workdays].sort(),
      ...(next.source.trim() ? { source: next.source.trim() } : {}),
    };
    const all = [...list.filter((o) => o.year !== y), one].sort((a, b) => a.year - b.year);
    const parsed = yearOverridesSchema().safeParse(all);
    if (!parsed.success) {
      const at = all.indexOf(one);
      setErrors(
        parsed.error.issues.map((i) => `${pathText(i.path[0] === at ? i.path.slice(1) : i.path)}: ${i.message}`),
      );
      setStatus(null);
      return;
    }
    setErrors([]);
    await onSave(parsed.data);
    setStatus({ kind: 'ok', text: t('settings.holidays.saved', { year: y }) });
  };

  const addDay = (kind: DayKind) => {
    const day = picking[kind];
    if (!isIsoDate(day) || entry[kind].includes(day)) return;
    setPicking({ ...picking, [kind]: '' });
    void store({ ...entry, [kind]: [...entry[kind], day].sort() });
  };

  const remove = async (removed: number) => {
    await onSave(list.filter((o) => o.year !== removed));
    if (removed === y) edit('');
  };

  const dayList = (kind: DayKind) => (
    <div className="rg-days" data-days={kind}>
      <span id={`${id}-${kind}`}>{t(`settings.holidays.${kind}`)}</span>
      <ul className="rg-chips" aria-labelledby={`${id}-${kind}`}>
        {entry[kind].map((d) => (
          <li key={d} className="rg-chip">
            <time dateTime={d}>{d}</time>
            <button
              type="button"
              className="rg-chip__remove"
              aria-label={t('settings.holidays.removeDay', { date: d })}
              onClick={() => void store({ ...entry, [kind]: entry[kind].filter((x) => x !== d) })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="rg-row">
        <input
          type="date"
          aria-label={t(`settings.holidays.pick.${kind}`)}
          disabled={!yearOk}
          min={yearOk ? `${year}-01-01` : undefined}
          max={yearOk ? `${year}-12-31` : undefined}
          value={picking[kind]}
          onChange={(e) => setPicking({ ...picking, [kind]: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              addDay(kind);
            }
          }}
        />
        <button type="button" className="rg-button" disabled={!yearOk} onClick={() => addDay(kind)}>
          {t(`settings.holidays.addDay.${kind}`)}
        </button>
      </div>
    </div>
  );

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
              <span>
                {t('settings.holidays.item', {
                  year: o.year,
                  holidays: o.holidays.length,
                  workdays: o.workdays.length,
                })}
              </span>
              <button type="button" className="rg-button" onClick={() => edit(String(o.year))}>
                {t('settings.holidays.edit', { year: o.year })}
              </button>
              <button type="button" className="rg-button" onClick={() => void remove(o.year)}>
                {t('settings.holidays.remove', { year: o.year })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="rg-holiday-editor">
        <div className="rg-row">
          <label htmlFor={`${id}-y`}>{t('settings.holidays.year')}</label>
          <input
            id={`${id}-y`}
            type="number"
            min={1990}
            max={2200}
            value={year}
            onChange={(e) => edit(e.target.value)}
          />
        </div>
        {dayList('holidays')}
        {dayList('workdays')}
        <div className="rg-row">
          <label htmlFor={`${id}-s`}>{t('settings.holidays.source')}</label>
          <input
            id={`${id}-s`}
            type="text"
            value={entry.source}
            disabled={!yearOk}
            onChange={(e) => setEntry({ ...entry, source: e.target.value })}
            onBlur={() => void store(entry)}
          />
        </div>
        {yearOk && entry.holidays.length === 0 && <p className="rg-muted">{t('settings.holidays.needsHoliday')}</p>}
      </div>
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
