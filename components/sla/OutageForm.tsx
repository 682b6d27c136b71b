import { useId, useState, type FormEvent } from 'react';
import { FAILED_PROTOCOLS, outageEntrySchema, type FailedProtocol, type OutageEntry } from '../../lib/outages';
import { localize } from '../../lib/policy/text';
import { SLA_POLICIES } from '../../lib/sla/compute';
import type { SlaService } from '../../lib/sla/policy';
import { useI18n } from '../i18n-context';
import { displayTime, fromLocalInput } from '../datetime';
import type { SnapshotSummary } from '../../lib/evidence/query';

export interface OutageDraft {
  service: SlaService;
  start: string;
  end: string;
  failed: FailedProtocol[];
  excluded: string;
  note: string;
  snapshots: string[];
}

export const emptyDraft: OutageDraft = {
  service: 'exmail',
  start: '',
  end: '',
  failed: [],
  excluded: '',
  note: '',
  snapshots: [],
};

/** The form for one outage; the parent owns the draft so webmail sightings can fill it in. */
// eslint-disable-next-line max-lines-per-function -- One form: every field edits the same draft and shares its validation messages.
export function OutageForm({
  draft,
  onDraft,
  onAdd,
  newId,
  snapshots = [],
}: {
  draft: OutageDraft;
  onDraft: (d: OutageDraft) => void;
  onAdd: (entry: OutageEntry) => Promise<void>;
  newId: () => string;
  /** The snapshots the evidence is picked from (newest first). */
  snapshots?: readonly SnapshotSummary[];
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<OutageDraft>) => onDraft({ ...draft, ...patch });
  const exclusions = SLA_POLICIES[draft.service].exclusions;
  // Every listed snapshot, plus any chosen one the list does not reach (a sighting's own snapshot).
  const choices = [
    ...snapshots
      .filter((s) => s.vendor === SLA_POLICIES[draft.service].vendor)
      .map((s) => ({ id: s.id, label: `${displayTime(s.capturedAt, true)} · ${s.title || s.url}` })),
    ...draft.snapshots
      .filter((x) => !snapshots.some((s) => s.id === x && s.vendor === SLA_POLICIES[draft.service].vendor))
      .map((x) => ({ id: x, label: t('sla.form.snapshotFromSighting') })),
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const start = fromLocalInput(draft.start);
    const end = fromLocalInput(draft.end);
    const parsed = outageEntrySchema().safeParse({
      id: newId(),
      service: draft.service,
      start: start ?? draft.start,
      end: end ?? draft.end,
      failed: draft.failed,
      ...(draft.excluded ? { excluded: draft.excluded } : {}),
      note: draft.note,
      snapshotIds: draft.snapshots,
    });
    if (!parsed.success) {
      setError(
        t('sla.form.invalid', {
          message: parsed.error.issues.map((i) => `${i.path.join('.') || '—'}: ${i.message}`).join('; '),
        }),
      );
      return;
    }
    setError(null);
    await onAdd(parsed.data);
  };

  return (
    <form className="rg-panel rg-grid" aria-labelledby={`${id}-h`} onSubmit={(e) => void submit(e)} data-form="outage">
      <h2 id={`${id}-h`} className="rg-grid__full">
        {t('sla.form.title')}
      </h2>
      <label htmlFor={`${id}-svc`}>{t('sla.form.service')}</label>
      <select
        id={`${id}-svc`}
        value={draft.service}
        onChange={(e) => set({ service: e.target.value as SlaService, excluded: '' })}
      >
        {(['exmail', 'cvm'] as const).map((s) => (
          <option key={s} value={s}>
            {localize(SLA_POLICIES[s].name, locale)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-start`}>{t('sla.form.start')}</label>
      <input
        id={`${id}-start`}
        type="datetime-local"
        step={1}
        value={draft.start}
        onChange={(e) => set({ start: e.target.value })}
        required
      />
      <label htmlFor={`${id}-end`}>{t('sla.form.end')}</label>
      <input
        id={`${id}-end`}
        type="datetime-local"
        step={1}
        value={draft.end}
        onChange={(e) => set({ end: e.target.value })}
        required
      />
      {draft.service === 'exmail' && (
        <>
          <span id={`${id}-failed`}>{t('sla.form.failed')}</span>
          <div role="group" aria-labelledby={`${id}-failed`} className="rg-row">
            {FAILED_PROTOCOLS.map((p) => (
              <label key={p}>
                <input
                  type="checkbox"
                  checked={draft.failed.includes(p)}
                  onChange={(e) =>
                    set({ failed: e.target.checked ? [...draft.failed, p] : draft.failed.filter((x) => x !== p) })
                  }
                />
                {t(`sla.failed.${p}`)}
              </label>
            ))}
          </div>
        </>
      )}
      <label htmlFor={`${id}-ex`}>{t('sla.form.excluded')}</label>
      <select id={`${id}-ex`} value={draft.excluded} onChange={(e) => set({ excluded: e.target.value })}>
        <option value="">{t('sla.form.notExcluded')}</option>
        {exclusions.map((x) => (
          <option key={x.code} value={x.code}>
            {`${x.citation.clause ?? ''} ${localize(x.label, locale)}`.trim()}
          </option>
        ))}
        <option value="other">{t('sla.form.other')}</option>
      </select>
      <label htmlFor={`${id}-note`}>{t('sla.form.note')}</label>
      <input id={`${id}-note`} type="text" value={draft.note} onChange={(e) => set({ note: e.target.value })} />
      <span id={`${id}-snaps`}>{t('sla.form.snapshots')}</span>
      <div role="group" aria-labelledby={`${id}-snaps`} className="rg-snapshot-pick" data-snapshot-pick>
        {choices.length === 0 ? (
          <p className="rg-muted">{t('sla.form.snapshotsEmpty')}</p>
        ) : (
          choices.map((s) => (
            <label key={s.id} className="rg-snapshot-pick__item">
              <input
                type="checkbox"
                value={s.id}
                checked={draft.snapshots.includes(s.id)}
                onChange={(e) =>
                  set({
                    snapshots: e.target.checked
                      ? [...draft.snapshots, s.id]
                      : draft.snapshots.filter((x) => x !== s.id),
                  })
                }
              />
              <span>{s.label}</span>
              <span className="rg-muted rg-mono">{s.id}</span>
            </label>
          ))
        )}
      </div>
      <button type="submit" className="rg-button rg-button--primary">
        {t('sla.form.add')}
      </button>
      {error && (
        <p className="rg-error rg-grid__full" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
