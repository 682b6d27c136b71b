import { useEffect, useId, useState } from 'react';
import { LEAD_DAYS_MAX } from '../../lib/settings';
import { useI18n } from '../i18n-context';
import type { UpcomingDeadline } from './api';
import { errorText, Status, type StatusMessage } from './Status';

/** Reminder lead times: a short editable list of "days before". */
// eslint-disable-next-line max-lines-per-function -- One editable list of lead days: add, edit, remove and save share its draft.
export function RemindersSection({
  leadDays,
  onSave,
  loadUpcoming,
}: {
  leadDays: readonly number[];
  onSave: (days: number[]) => Promise<void>;
  loadUpcoming: () => Promise<UpcomingDeadline[]>;
}) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<string[]>(() => leadDays.map(String));
  const [status, setStatus] = useState<StatusMessage>(null);
  const [upcoming, setUpcoming] = useState<UpcomingDeadline[] | { error: string } | null>(null);
  useEffect(() => {
    let alive = true;
    void loadUpcoming().then(
      (list) => alive && setUpcoming(list),
      (error: unknown) => alive && setUpcoming({ error: errorText(error) }),
    );
    return () => {
      alive = false;
    };
  }, [loadUpcoming]);

  /** Every change is saved at once when it is valid; a field being typed (empty) waits. */
  const change = async (next: string[]) => {
    setDraft(next);
    const trimmed = next.map((d) => d.trim());
    if (trimmed.some((d) => d === '')) {
      setStatus(null);
      return;
    }
    const days = trimmed.map(Number);
    if (days.some((d) => !Number.isInteger(d) || d < 0 || d > LEAD_DAYS_MAX) || days.length > 5) {
      setStatus({ kind: 'error', text: t('settings.reminders.invalid') });
      return;
    }
    await onSave(days);
    setStatus({ kind: 'ok', text: t('settings.reminders.saved') });
  };
  /** Sorted, without repeats, once the user leaves the field (not while typing). */
  const tidy = () => {
    if (draft.some((d) => d.trim() === '' || !Number.isInteger(Number(d)))) return;
    setDraft([...new Set(draft.map(Number))].sort((a, b) => b - a).map(String));
  };
  const nextDefault = () => String([7, 14, 30, 2, 5, 0].find((d) => !draft.includes(String(d))) ?? 0);

  return (
    <section className="rg-panel" aria-labelledby={`${id}-h`} data-section="reminders">
      <h2 id={`${id}-h`}>{t('settings.reminders.title')}</h2>
      <p className="rg-muted">{t('settings.reminders.help')}</p>
      {draft.length === 0 && <p>{t('settings.reminders.none')}</p>}
      <ul className="rg-list">
        {draft.map((value, n) => (
          <li key={n} className="rg-row">
            <label htmlFor={`${id}-${n}`}>{t('settings.reminders.leadItem', { n: n + 1 })}</label>
            <input
              id={`${id}-${n}`}
              type="number"
              min={0}
              max={LEAD_DAYS_MAX}
              step={1}
              inputMode="numeric"
              value={value}
              onChange={(e) => void change(draft.map((d, k) => (k === n ? e.target.value : d)))}
              onBlur={tidy}
            />
            <button type="button" className="rg-button" onClick={() => void change(draft.filter((_, k) => k !== n))}>
              {t('settings.reminders.remove')}
            </button>
          </li>
        ))}
      </ul>
      <div className="rg-actions">
        <button
          type="button"
          className="rg-button"
          disabled={draft.length >= 5}
          onClick={() => void change([...draft, nextDefault()])}
        >
          {t('settings.reminders.add')}
        </button>
      </div>
      <Status message={status} />
      <h3>{t('settings.reminders.upcoming')}</h3>
      {upcoming === null ? null : 'error' in upcoming ? (
        <p className="rg-error" role="alert">
          {t('settings.reminders.unavailable', { message: upcoming.error })}
        </p>
      ) : upcoming.length === 0 ? (
        <p className="rg-muted">{t('settings.reminders.upcomingEmpty')}</p>
      ) : (
        <ul className="rg-list" data-upcoming>
          {upcoming.map((d) => (
            <li key={d.id} data-deadline={d.id}>
              <strong>{d.date}</strong> · {d.label}
              {d.estimated ? t('reminders.estimated') : ''}
              {d.orderId ? ` · ${t('reminders.subject.order', { product: d.product ?? '', orderId: d.orderId })}` : ''}
              {d.conditional ? <span className="rg-muted"> · {t('settings.reminders.conditional')}</span> : null}
              {d.afterEnd ? <p className="rg-muted">{d.afterEnd}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
