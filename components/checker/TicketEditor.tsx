import { useCallback, useEffect, useMemo, useState } from 'react';
import { draftTicket, missingEvidenceNote, TICKET_TEMPLATES, type TicketDraft } from '../../lib/tickets/draft';
import { fillHints, fillValuesFromDraft, type FillField } from '../../lib/tickets/fill';
import { MessagingError, type ResponseOf } from '../protocol';
import type { ClaimSnapshot } from '../../lib/claims/evidence';
import type { Verdict } from '../../lib/claims/eligibility';
import type { PackSet } from '../../lib/policy/registry';
import type { YearOverride } from '../../lib/time';
import { displayTime } from '../datetime';
import { useI18n } from '../i18n-context';
import type { CheckerServices } from './services';
import type { Contact, TicketTarget } from './session';

export type { Contact, TicketTarget };

export interface TicketEditorProps {
  verdict: Verdict;
  facts: Record<string, unknown>;
  snapshots: readonly ClaimSnapshot[];
  /** The pack set the checker built from the settings (or packs as stored). */
  packs: PackSet | readonly unknown[];
  holidayOverrides: readonly unknown[];
  refused: boolean;
  target: TicketTarget;
  onTarget: (target: TicketTarget) => void;
  contact: Contact;
  onContact: (contact: Contact) => void;
  services: CheckerServices;
}

type FillState =
  | { state: 'idle' }
  | { state: 'busy' }
  | { state: 'done'; tabId: number; report: ResponseOf<'ticket.fill'> }
  | { state: 'none' }
  | { state: 'failed'; message: string };

const hostOf = (url: string | null | undefined) => {
  try {
    return url ? new URL(url).host : null;
  } catch {
    return null;
  }
};

/** The draft as the vendor's form, a complaint platform or an email would take it — every part editable. */
// eslint-disable-next-line max-lines-per-function -- The target and language switches and the draft they choose share one state; split parts would relay it.
export function TicketEditor(props: TicketEditorProps) {
  const { verdict, facts, snapshots, packs, holidayOverrides, refused, target, onTarget, contact, onContact } = props;
  const { t, locale } = useI18n();
  const contactFact = useMemo(() => {
    const c = Object.fromEntries(
      Object.entries(contact)
        .filter(([, v]) => v.trim() !== '')
        .map(([k, v]) => [k, v.trim()]),
    );
    return Object.keys(c).length ? c : undefined;
  }, [contact]);
  // The evidence chain's head, quoted by a draft that rests on stored snapshots (none when the worker cannot say).
  const [evidenceHead, setEvidenceHead] = useState<string | undefined>(undefined);
  const hasSnapshots = snapshots.length > 0;
  useEffect(() => {
    if (!hasSnapshots || !props.services.evidenceHead) return;
    let live = true;
    props.services.evidenceHead().then(
      (head) => live && setEvidenceHead(head),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [hasSnapshots, props.services]);
  const drafted = useMemo((): { draft: TicketDraft } | { error: string } => {
    try {
      const withContact = contactFact ? { ...facts, contact: contactFact } : facts;
      return {
        draft: draftTicket(verdict, withContact, snapshots, locale, {
          target,
          packs,
          holidayOverrides: holidayOverrides as YearOverride[],
          evidenceHead,
        }),
      };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [verdict, facts, contactFact, snapshots, locale, target, packs, holidayOverrides, evidenceHead]);

  const targets: TicketTarget[] = refused ? ['vendor', '12315', 'heimao'] : ['vendor'];
  return (
    <section className="rg-ticket" aria-labelledby="rg-ticket-title" data-testid="ticket">
      <h3 id="rg-ticket-title" tabIndex={-1}>
        {t('checker.ticket.title')}
      </h3>
      {refused && (
        <p className="rg-small" role="status">
          {t('checker.ticket.refusedNote')}
        </p>
      )}
      {targets.length > 1 && (
        <fieldset className="rg-targets">
          <legend>{t('checker.ticket.target')}</legend>
          {targets.map((tg) => (
            <label key={tg}>
              <input
                type="radio"
                name="rg-ticket-target"
                value={tg}
                checked={target === tg}
                onChange={() => onTarget(tg)}
              />{' '}
              {t(`checker.ticket.target.${tg}`)}
            </label>
          ))}
        </fieldset>
      )}
      <fieldset className="rg-contact">
        <legend>{t('checker.ticket.contact')}</legend>
        <div className="rg-grid rg-grid--3">
          {(['name', 'phone', 'email'] as const).map((k) => (
            <label key={k}>
              <span>{t(`checker.ticket.field.${k}`)}</span>
              <input
                type={k === 'email' ? 'email' : k === 'phone' ? 'tel' : 'text'}
                value={contact[k]}
                onChange={(e) => onContact({ ...contact, [k]: e.target.value })}
                autoComplete={k === 'name' ? 'name' : k === 'phone' ? 'tel' : 'email'}
              />
            </label>
          ))}
        </div>
      </fieldset>
      {'error' in drafted ? (
        <p className="rg-error" role="alert">
          {t('checker.error.evaluate', { message: drafted.error })}
        </p>
      ) : (
        <DraftFields key={`${target}-${locale}`} draft={drafted.draft} {...props} contact={contact} />
      )}
    </section>
  );
}

// eslint-disable-next-line max-lines-per-function -- The edited title and text feed the fields, the copy, the email and the form fill alike; the files, attachments, fill and its report are parts of their own.
function DraftFields({
  draft,
  verdict,
  facts,
  services,
  target,
  contact,
  snapshots,
}: TicketEditorProps & { draft: TicketDraft }) {
  const { t } = useI18n();
  const [edits, setEdits] = useState<{ title?: string; category?: string; description?: string }>({});
  const title = edits.title ?? draft.title;
  const category = edits.category ?? draft.category.join(' > ');
  const description = edits.description ?? draft.description;
  const edited = Object.keys(edits).length > 0;
  const [copied, setCopied] = useState<{ ok: boolean; message?: string } | null>(null);
  const orderId = typeof facts.orderId === 'string' ? facts.orderId : undefined;
  const fillable = target === 'vendor' && (draft.channel === 'ticket' || draft.channel === 'web-form');

  const template = TICKET_TEMPLATES[verdict.vendor];
  const values = useMemo(
    () =>
      fillValuesFromDraft({
        template,
        draft: { title, description, fields: draft.fields },
        orderId,
        contact: {
          name: contact.name.trim() || undefined,
          phone: contact.phone.trim() || undefined,
          email: contact.email.trim() || undefined,
        },
      }),
    [template, title, description, draft.fields, orderId, contact],
  );
  const hints = useMemo(() => fillHints(template), [template]);

  const { fill, found, doFill } = useFormFill({ draft, verdict, services, fillable, values, hints });

  const text = [
    `${t('checker.ticket.field.title')}: ${title}`,
    category ? `${t('checker.ticket.field.category')}: ${category}` : null,
    '',
    description,
    '',
    `${t('checker.ticket.attachmentsLabel')}:`,
    ...draft.attachments.map((a) => `- [${a.have ? 'x' : ' '}] ${a.label}`),
  ]
    .filter((l): l is string => l !== null)
    .join('\n');
  const copy = async () => {
    try {
      await services.copyText(text);
      setCopied({ ok: true });
    } catch (error) {
      setCopied({ ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  };
  const emailTo = verdict.channels.find((c) => c.kind === 'email' && c.value?.includes('@'))?.value ?? '';
  const mailto = `mailto:${encodeURIComponent(emailTo).replace('%40', '@')}?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(description)}`;
  const complaint = draft.target === '12315' || draft.target === 'heimao';
  // The attachment list above already shows what is missing: its note would be the checklist a second time.
  const missing = draft.attachments.filter((a) => !a.have).map((a) => a.label);
  const notes = missing.length
    ? draft.notes.filter((n) => n !== missingEvidenceNote(missing, draft.locale))
    : draft.notes;
  const emailable = draft.channel === 'email' || (target === 'vendor' && verdict.claimWith === 'reseller');
  // One primary action, the one that fits what is open: the form when one is open, else the portal,
  // else the email, else the copy.
  const formOpen = fillable && (fill.state === 'done' || !!found);
  const emailPrimary = !formOpen && !complaint && emailable;
  const copyPrimary = !formOpen && !complaint && !emailable;

  return (
    <div className="rg-draft" data-target={draft.target} data-channel={draft.channel}>
      <label className="rg-field">
        <span>{t('checker.ticket.field.title')}</span>
        <input
          type="text"
          value={title}
          onChange={(e) => setEdits({ ...edits, title: e.target.value })}
          data-field="title"
        />
      </label>
      <label className="rg-field">
        <span>{t('checker.ticket.field.category')}</span>
        <input
          type="text"
          value={category}
          onChange={(e) => setEdits({ ...edits, category: e.target.value })}
          data-field="category"
        />
      </label>
      <label className="rg-field">
        <span>{t('checker.ticket.field.description')}</span>
        <textarea
          rows={10}
          value={description}
          onChange={(e) => setEdits({ ...edits, description: e.target.value })}
          data-field="description"
        />
      </label>
      {edited && (
        <button type="button" className="rg-button rg-button--quiet" onClick={() => setEdits({})}>
          {t('checker.ticket.regenerate')}
        </button>
      )}
      <Attachments attachments={draft.attachments} complaint={complaint} />
      <TicketFiles services={services} snapshots={snapshots} />
      {notes.length > 0 && (
        <div className="rg-block rg-notes">
          <h4>{t('checker.ticket.notes')}</h4>
          <ul className="rg-small">
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}
      {draft.alternatives.map((alt) => (
        <details key={alt.number} className="rg-block">
          <summary>{t('checker.ticket.phoneAlt', { number: alt.number })}</summary>
          <p className="rg-small">{alt.script}</p>
        </details>
      ))}

      {complaint && draft.url && (
        <p className="rg-small" data-testid="complaint-portal">
          {t(`checker.ticket.portal.${draft.target as 'heimao' | '12315'}`)}{' '}
          <a href={draft.url} target="_blank" rel="noreferrer" data-portal={draft.target}>
            {draft.url.replace(/^https:\/\//, '')}
          </a>
        </p>
      )}
      {!complaint && draft.url && <p className="rg-small rg-muted">{t('checker.ticket.where', { url: draft.url })}</p>}

      <div className="rg-actions rg-actions--sticky" data-testid="ticket-actions">
        {complaint && draft.url && (
          <button
            type="button"
            className="rg-button rg-button--primary"
            data-action="open-portal"
            onClick={() => services.openUrl(draft.url!)}
          >
            {t(`checker.ticket.openPortal.${draft.target as 'heimao' | '12315'}`)}
          </button>
        )}
        {fillable && (
          <button
            type="button"
            className={`rg-button${formOpen ? ' rg-button--primary' : ''}`}
            data-action="fill-form"
            onClick={() => void doFill()}
            disabled={fill.state === 'busy'}
          >
            {fill.state === 'busy' ? t('checker.ticket.filling') : t('checker.ticket.fill')}
          </button>
        )}
        <button
          type="button"
          className={`rg-button${copyPrimary ? ' rg-button--primary' : ''}`}
          data-action="copy"
          onClick={() => void copy()}
        >
          {t('checker.ticket.copy')}
        </button>
        {emailable && (
          <a
            className={`rg-button${emailPrimary ? ' rg-button--primary' : ''}`}
            href={mailto}
            target="_blank"
            rel="noreferrer"
            data-action="email"
          >
            {t('checker.ticket.email')}
          </a>
        )}
        <button type="button" className="rg-button" data-action="export" onClick={() => services.openLocker()}>
          {t('checker.ticket.export')}
        </button>
      </div>
      {fillable && fill.state !== 'done' && found !== undefined && (
        <p className="rg-small" data-testid="form-status">
          {found ? t('checker.ticket.formFound', { title: found.title }) : t('checker.ticket.noForm')}{' '}
          {!found && draft.url && (
            <button type="button" className="rg-link" onClick={() => services.openUrl(draft.url!)}>
              {t('checker.ticket.openForm')}
            </button>
          )}
        </p>
      )}
      <div aria-live="polite">
        {copied && (
          <p className={copied.ok ? 'rg-small' : 'rg-error rg-small'} role="status">
            {copied.ok ? t('checker.ticket.copied') : t('checker.ticket.copyFailed', { message: copied.message ?? '' })}
          </p>
        )}
        {fill.state === 'none' && (
          <p className="rg-small" role="status">
            {t('checker.ticket.noForm')}
          </p>
        )}
        {fill.state === 'failed' && (
          <p className="rg-error rg-small" role="alert">
            {t('checker.ticket.fillFailed', { message: fill.message })}
          </p>
        )}
        {fill.state === 'done' && (
          <FillReport report={fill.report} onGoToForm={() => void services.focusTab(fill.tabId)} />
        )}
      </div>
    </div>
  );
}

interface FormFillInput {
  draft: TicketDraft;
  verdict: Verdict;
  services: CheckerServices;
  /** The draft goes to the vendor's own ticket form or web form. */
  fillable: boolean;
  values: ReturnType<typeof fillValuesFromDraft>;
  hints: ReturnType<typeof fillHints>;
}

/** Finds an open ticket form of the vendor (once as the editor opens) and fills it on request. */
function useFormFill({ draft, verdict, services, fillable, values, hints }: FormFillInput) {
  const { t } = useI18n();
  const [fill, setFill] = useState<FillState>({ state: 'idle' });
  const [found, setFound] = useState<{ tabId: number; title: string } | null | undefined>(undefined);

  /** An open tab of this vendor's ticket pages whose form takes the draft (asked without writing anything). */
  const findForm = useCallback(async () => {
    const tabs = await services.findTicketTabs();
    const host = hostOf(draft.url);
    for (const tab of tabs.filter(
      (tb) => tb.match.vendor === verdict.vendor || (host !== null && hostOf(tb.url) === host),
    )) {
      try {
        const probe = await services.fillTicket(tab.tabId, { values, hints, dryRun: true });
        if (probe.status === 'preview') return { tabId: tab.tabId, title: tab.title };
      } catch {
        // A tab whose page has no listener (still loading, or not ours): try the next.
      }
    }
    return null;
  }, [services, draft.url, verdict.vendor, values, hints]);

  useEffect(() => {
    if (!fillable) return;
    let alive = true;
    void findForm().then(
      (f) => alive && setFound(f),
      () => alive && setFound(null),
    );
    return () => {
      alive = false;
    };
    // Looked for once when the editor opens; "look again" and "fill" look again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fillable]);

  const doFill = async () => {
    setFill({ state: 'busy' });
    try {
      const form = await findForm();
      setFound(form);
      if (!form) return setFill({ state: 'none' });
      const report = await services.fillTicket(form.tabId, { values, hints, dryRun: false });
      if (report.status === 'filled') setFill({ state: 'done', tabId: form.tabId, report });
      else
        setFill({
          state: 'failed',
          message: report.status === 'not-ticket-page' ? t('checker.ticket.notTicketPage') : t('checker.ticket.noForm'),
        });
    } catch (error) {
      setFill({
        state: 'failed',
        message: error instanceof MessagingError || error instanceof Error ? error.message : String(error),
      });
    }
  };

  return { fill, found, doFill };
}

/** The claim's snapshots as files to attach: each screenshot as a PNG, and the printable evidence report. */
function TicketFiles({ services, snapshots }: Pick<TicketEditorProps, 'services' | 'snapshots'>) {
  const { t } = useI18n();
  /** Per snapshot: whether its PNG was saved (false: it has no screenshot). */
  const [pngState, setPngState] = useState<Record<string, boolean>>({});
  const stored = snapshots.filter((s): s is typeof s & { id: string } => typeof s.id === 'string');
  const png = async (id: string) => {
    const saved = await services.downloadScreenshotPng!(id).catch(() => false);
    setPngState((s) => ({ ...s, [id]: saved }));
  };
  if (!services.downloadScreenshotPng || stored.length === 0) return null;
  return (
    <div className="rg-block" data-testid="ticket-files">
      <h4>{t('checker.ticket.files')}</h4>
      <ul className="rg-files">
        {stored.map((snap) => (
          <li key={snap.id}>
            <button
              type="button"
              className="rg-link"
              data-action="screenshot-png"
              data-snapshot={snap.id}
              onClick={() => void png(snap.id)}
            >
              {t('checker.ticket.png', { title: snap.title || snap.url || '', time: displayTime(snap.capturedAt) })}
            </button>
            {pngState[snap.id] === false && (
              <span className="rg-small rg-muted"> · {t('checker.ticket.noScreenshot')}</span>
            )}
          </li>
        ))}
      </ul>
      {services.openReport && (
        <button
          type="button"
          className="rg-link"
          data-action="print-report"
          onClick={() => services.openReport!(stored.map((s) => s.id))}
        >
          {t('checker.ticket.report')}
        </button>
      )}
    </div>
  );
}

/** What to attach, ticked when the claim's snapshots have it. */
function Attachments({ attachments, complaint }: { attachments: TicketDraft['attachments']; complaint: boolean }) {
  const { t } = useI18n();
  return (
    <div className="rg-block">
      <h4>{t(complaint ? 'checker.ticket.attachments.complaint' : 'checker.ticket.attachments')}</h4>
      <ul className="rg-checklist" data-testid="attachments">
        {attachments.map((a) => (
          <li key={a.id} data-have={a.have ? 'true' : 'false'}>
            <span aria-hidden="true" className="rg-check">
              {a.have ? '☑' : '☐'}
            </span>
            <span>
              {a.label}
              <span className="rg-visually-hidden">
                {a.have ? t('checker.checklist.have') : t('checker.checklist.missing')}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What the vendor's form took, kept, lacked and refused after a fill. */
function FillReport({ report, onGoToForm }: { report: ResponseOf<'ticket.fill'>; onGoToForm: () => void }) {
  const { t } = useI18n();
  const fieldLabel = (f: FillField) => t(`checker.field.${f}`);
  return (
    <div className="rg-fill-report" data-testid="fill-report">
      <p role="status">{t('checker.ticket.filled', { count: report.filled.length })}</p>
      <ul className="rg-small">
        {report.filled.map((f) => (
          <li key={f.field} data-field={f.field}>
            {f.label} ← {fieldLabel(f.field)}
            {f.truncated && t('checker.ticket.truncated')}
          </li>
        ))}
      </ul>
      {report.kept.length > 0 && (
        <p className="rg-small">{t('checker.ticket.kept', { labels: report.kept.map((k) => k.label).join('、') })}</p>
      )}
      {report.missing.length > 0 && (
        <p className="rg-small">{t('checker.ticket.missing', { fields: report.missing.map(fieldLabel).join('、') })}</p>
      )}
      {report.rejected && report.rejected.length > 0 && (
        <div className="rg-fill-rejected" data-testid="fill-rejected" role="alert">
          <p className="rg-small">{t('checker.ticket.rejected', { count: report.rejected.length })}</p>
          <ul className="rg-small">
            {report.rejected.map((r) => (
              <li key={r.field} data-field={r.field}>
                {r.label === fieldLabel(r.field)
                  ? r.label
                  : t('checker.ticket.rejectedItem', { label: r.label, field: fieldLabel(r.field) })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <button type="button" className="rg-button" onClick={onGoToForm}>
        {t('checker.ticket.goToForm')}
      </button>
    </div>
  );
}
