import { useEffect, useId, useState, type ComponentProps } from 'react';
import {
  loggedMonths,
  monthKeyOf,
  type LoggedMonth,
  type OutageEntry,
  type OutageLog,
  type WebmailSighting,
} from '../../lib/outages';
import { localize } from '../../lib/policy/text';
import { SLA_POLICIES } from '../../lib/sla/compute';
import type { SlaService } from '../../lib/sla/policy';
import type { YearOverride } from '../../lib/time/calendar';
import { parseInstant } from '../../lib/time/zone';
import { useI18n } from '../i18n-context';
import type { SlaApi } from './api';
import { MonthView } from './MonthView';
import { emptyDraft, OutageForm, type OutageDraft } from './OutageForm';
import { displayTime, toLocalInput } from '../datetime';
import type { SnapshotSummary } from '../../lib/evidence/query';
import { feeFromOrders } from './orders';
import { YearView } from './YearView';
import type { IsoMonth } from '../../lib/time/zone';

/** A month picked in the year view: `service:YYYY-MM`, logged or not. */
function pickedMonth(key: string | null): LoggedMonth | null {
  const m = key?.match(/^(exmail|cvm):(\d{4}-\d{2})$/);
  return m ? { service: m[1] as SlaService, month: m[2] as IsoMonth, entries: 0 } : null;
}

/** The SLA outage log page: sightings → outage form → log → month view and claim ticket. */
// eslint-disable-next-line max-lines-per-function -- The page owns the log, the draft and the month chosen, which adding, removing and a sighting all change; its sections are parts of their own.
export function SlaLog({ api, holidayOverrides }: { api: SlaApi; holidayOverrides?: readonly YearOverride[] }) {
  const { t } = useI18n();
  const [log, setLog] = useState<OutageLog | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [sightings, setSightings] = useState<WebmailSighting[]>([]);
  const [draft, setDraft] = useState<OutageDraft>(emptyDraft);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [snapshots, setSnapshots] = useState<SnapshotSummary[]>([]);

  useEffect(() => {
    document.title = t('sla.title');
  }, [t]);

  // The log, then the sightings and the order snapshots (either may be missing: the page works without them).
  useEffect(() => {
    void api
      .loadLog()
      .then((loaded) => {
        setLog(loaded.log);
        setInvalid(loaded.invalid);
        return api.sightings().catch(() => []);
      })
      .then((found) => {
        setSightings(found);
        return api.snapshots().catch(() => []);
      })
      .then(setSnapshots);
  }, [api]);

  const write = async (next: OutageLog) => {
    try {
      setLog(await api.saveLog(next));
      setInvalid(false);
      return true;
    } catch (error) {
      setStatus({
        kind: 'error',
        text: t('settings.error', { message: error instanceof Error ? error.message : String(error) }),
      });
      return false;
    }
  };

  if (!log) return <main className="rg-sla" aria-busy="true" />;
  const months = loggedMonths(log);
  const current =
    months.find((m) => monthKeyOf(m.service, m.month) === chosen) ?? pickedMonth(chosen) ?? months[0] ?? null;
  const choices = current && !months.includes(current) ? [current, ...months] : months;
  const fromOrder = current ? feeFromOrders(snapshots, current.service, current.month) : null;

  const add = async (entry: OutageEntry) => {
    if (await write({ ...log, entries: [...log.entries, entry].sort((a, b) => a.start.localeCompare(b.start)) })) {
      setDraft({ ...emptyDraft, service: draft.service });
      setStatus({
        kind: 'ok',
        text: t('sla.form.added', { start: displayTime(entry.start, true), end: displayTime(entry.end, true) }),
      });
      const first = loggedMonths({ ...log, entries: [entry] })[0];
      if (first) setChosen(monthKeyOf(first.service, first.month));
    }
  };

  const use = (s: WebmailSighting, field: 'start' | 'end') => {
    const picked =
      s.snapshotId && !draft.snapshots.includes(s.snapshotId) ? [...draft.snapshots, s.snapshotId] : draft.snapshots;
    setDraft({
      ...draft,
      service: 'exmail',
      [field]: toLocalInput(s.shownAt ?? s.seenAt),
      failed: draft.failed.includes('webmail') ? draft.failed : [...draft.failed, 'webmail'],
      snapshots: picked,
    });
  };

  return (
    <main className="rg-sla">
      <h1>{t('sla.title')}</h1>
      <nav className="rg-options__nav">
        <a href="options.html">{t('settings.nav.options')}</a>
      </nav>
      <p className="rg-muted">{t('sla.help')}</p>
      {invalid && (
        <p className="rg-error" role="alert">
          {t('error.settingsInvalid')}
        </p>
      )}

      <MonthSection
        log={log}
        current={current}
        choices={choices}
        fromOrder={fromOrder}
        api={api}
        holidayOverrides={holidayOverrides}
        onChoose={setChosen}
        onFee={async (fee) => {
          if (!current) return;
          const key = monthKeyOf(current.service, current.month);
          const { [key]: _old, ...rest } = log.fees;
          await write({ ...log, fees: fee === null ? rest : { ...rest, [key]: fee } });
        }}
      />
      <Sightings sightings={sightings} onUse={use} />

      <OutageForm
        draft={draft}
        onDraft={setDraft}
        onAdd={add}
        snapshots={snapshots}
        newId={() => `out-${api.now().getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`}
      />
      {status && (
        <p className={status.kind === 'ok' ? 'rg-saved' : 'rg-error'} role={status.kind === 'ok' ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}

      <OutageList
        log={log}
        onRemove={(entryId) => void write({ ...log, entries: log.entries.filter((x) => x.id !== entryId) })}
      />
    </main>
  );
}

/** Failures the webmail page showed: each can set the start or the end of the outage being written. */
function Sightings({
  sightings,
  onUse,
}: {
  sightings: WebmailSighting[];
  onUse: (s: WebmailSighting, field: 'start' | 'end') => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section className="rg-panel" aria-labelledby={`${id}-sight`} data-section="sightings">
      <h2 id={`${id}-sight`}>{t('sla.sightings.title')}</h2>
      <p className="rg-muted">{t('sla.sightings.help')}</p>
      {sightings.length === 0 ? (
        <p>{t('sla.sightings.empty')}</p>
      ) : (
        <ul className="rg-list">
          {sightings.map((s) => (
            <li key={s.id} className="rg-row" data-sighting={s.failure}>
              <span>
                {t('sla.sightings.item', {
                  time: displayTime(s.shownAt ?? s.seenAt, true),
                  kind: t(`sla.sightings.${s.failure}`),
                  code: s.code ? ` · ${s.code}` : '',
                })}
                {s.snapshotId ? ` · ${s.snapshotId}` : ''}
              </span>
              <button type="button" className="rg-button" onClick={() => onUse(s, 'start')}>
                {t('sla.sightings.useStart')}
              </button>
              <button type="button" className="rg-button" onClick={() => onUse(s, 'end')}>
                {t('sla.sightings.useEnd')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The logged outages, each with what failed, why it is excluded and its snapshots, and a remove button. */
function OutageList({ log, onRemove }: { log: OutageLog; onRemove: (entryId: string) => void }) {
  const { t, locale } = useI18n();
  const id = useId();
  const exclusionText = (service: SlaService, code: string, note: string) => {
    const def = SLA_POLICIES[service].exclusions.find((e) => e.code === code);
    return def
      ? `${def.citation.clause ?? ''} ${localize(def.label, locale)}`.trim()
      : `${t('sla.form.other')}: ${note}`;
  };
  return (
    <section className="rg-panel" aria-labelledby={`${id}-log`} data-section="log">
      <h2 id={`${id}-log`}>{t('sla.log.title')}</h2>
      {log.entries.length === 0 ? (
        <p>{t('sla.log.empty')}</p>
      ) : (
        <ul className="rg-list">
          {log.entries.map((e) => (
            <li key={e.id} className="rg-row" data-entry={e.id}>
              <span>
                {localize(SLA_POLICIES[e.service].name, locale)} ·{' '}
                {t('sla.log.entry', {
                  start: displayTime(e.start, true),
                  end: displayTime(e.end, true),
                  minutes: Math.round(((parseInstant(e.end) ?? 0) - (parseInstant(e.start) ?? 0)) / 60_000),
                })}
                {e.failed.length ? ` · ${e.failed.map((f) => t(`sla.failed.${f}`)).join(' / ')}` : ''}
                {e.excluded
                  ? ` · ${t('sla.log.excludedAs', { reason: exclusionText(e.service, e.excluded, e.note) })}`
                  : ''}
                {e.snapshotIds.length ? ` · ${t('sla.log.snapshots', { count: e.snapshotIds.length })}` : ''}
              </span>
              <button
                type="button"
                className="rg-button"
                aria-label={`${t('sla.log.remove')} ${displayTime(e.start, true)}`}
                onClick={() => onRemove(e.id)}
              >
                {t('sla.log.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface MonthSectionProps {
  log: OutageLog;
  current: LoggedMonth | null;
  choices: LoggedMonth[];
  fromOrder: ReturnType<typeof feeFromOrders>;
  api: SlaApi;
  holidayOverrides?: readonly YearOverride[];
  onChoose: (monthKey: string) => void;
  onFee: (fee: Parameters<ComponentProps<typeof MonthView>['onFee']>[0]) => Promise<void>;
}

/** The month chosen (a logged one, or one picked on the year's bars): its year, figures, claim window and ticket. */
function MonthSection({ log, current, choices, fromOrder, api, holidayOverrides, onChoose, onFee }: MonthSectionProps) {
  const { t, locale } = useI18n();
  const id = useId();
  return (
    <section className="rg-panel rg-panel--lead" aria-labelledby={`${id}-month`} data-section="month">
      <h2 id={`${id}-month`}>{t('sla.month.title')}</h2>
      {current === null ? (
        <p>{t('sla.month.none')}</p>
      ) : (
        <>
          <div className="rg-row">
            <label htmlFor={`${id}-pick`}>{t('sla.month.pick')}</label>
            <select
              id={`${id}-pick`}
              value={monthKeyOf(current.service, current.month)}
              onChange={(e) => onChoose(e.target.value)}
            >
              {choices.map((m) => (
                <option key={monthKeyOf(m.service, m.month)} value={monthKeyOf(m.service, m.month)}>
                  {`${m.month} · ${localize(SLA_POLICIES[m.service].name, locale)}`}
                </option>
              ))}
            </select>
          </div>
          <YearView
            log={log}
            service={current.service}
            month={current.month}
            now={api.now()}
            onPick={(month) => onChoose(monthKeyOf(current.service, month))}
          />
          <MonthView
            key={`${monthKeyOf(current.service, current.month)}|${locale}|${fromOrder?.snapshotId ?? ''}`}
            log={log}
            service={current.service}
            month={current.month}
            holidayOverrides={holidayOverrides}
            copy={api.copy}
            now={api.now}
            fromOrder={fromOrder}
            onFee={onFee}
          />
        </>
      )}
    </section>
  );
}
