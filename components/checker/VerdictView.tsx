import { citationTitle } from '../../lib/policy/sources';
import { EVIDENCE_ITEMS, type ChecklistEntry } from '../../lib/claims/evidence';
import { formatMoney } from '../../lib/policy/text';
import type { Verdict } from '../../lib/claims/eligibility';
import type { HeadlineWords } from '../../lib/claims/headline';
import { useI18n } from '../i18n-context';
import { daysLeft } from './format';
import type { CaptureState } from './session';
import { VerdictSummary } from './VerdictSummary';
import { timelineOf } from '../../lib/pictures/timeline-input';
import { RouteTimeline } from '../timeline/RouteTimeline';

export type { CaptureState };
export { VerdictSummary };

/** Evidence items a page capture can provide (their fields come from a snapshot). */
export function capturable(id: string): boolean {
  return !!(EVIDENCE_ITEMS as readonly { id: string; fromSnapshot?: readonly string[] }[]).find((e) => e.id === id)
    ?.fromSnapshot;
}

const DATE = /(\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2})?)/;

/** A line whose dates never break across lines ("2026-\n11-18" reads as two numbers). */
export function KeepDates({ text }: { text: string }) {
  return (
    <>
      {text.split(DATE).map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} className="rg-nowrap">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** Citations of one document, together: a document cited for two clauses is listed once. */
function byDocument(basis: Verdict['basis'], title: (b: Verdict['basis'][number]) => string) {
  const groups: { title: string; source: string; items: Verdict['basis'] }[] = [];
  for (const b of basis) {
    const t = title(b);
    const g = groups.find((x) => x.title === t);
    if (g) g.items.push(b);
    else groups.push({ title: t, source: b.source, items: [b] });
  }
  return groups;
}

/** "HH:mm" when a window closes before the end of its day (hour-based windows), else null. */
function closingTime(closesAt: string | undefined): string | null {
  const time = closesAt?.match(/T(\d{2}:\d{2}):\d{2}/)?.[1];
  return time && time !== '23:59' ? time : null;
}

export interface VerdictViewProps {
  verdict: Verdict;
  /** The headline's words (lib/claims/order-headline `orderWords`). */
  words: HeadlineWords;
  now: string;
  checklist: readonly ChecklistEntry[];
  openQuestions: number;
  /** "Save this page now": only when the popup is about a vendor page. */
  capture: { available: boolean; state: CaptureState; onCapture: () => void };
  openUrl: (url: string) => void;
  onShown?: () => void;
}

/** The verdict page in reading order: headline, timeline, deadline, where to file, next steps, checklist, sources. */
export function VerdictView({
  verdict,
  words,
  now,
  checklist,
  openQuestions,
  capture,
  openUrl,
  onShown,
}: VerdictViewProps) {
  const { t } = useI18n();
  return (
    <div className="rg-verdict" data-testid="verdict">
      <VerdictSummary verdict={verdict} words={words} openQuestions={openQuestions} onShown={onShown} />
      <RouteTimeline input={timelineOf(verdict)} />

      <DeadlineBlock verdict={verdict} now={now} />

      <WhereBlock channels={verdict.channels} openUrl={openUrl} />

      {verdict.nextSteps.length > 0 && (
        <section className="rg-block" aria-labelledby="rg-steps" data-testid="next-steps">
          <h3 id="rg-steps">{t('checker.steps.title')}</h3>
          <ol className="rg-steps">
            {verdict.nextSteps.map((s) => (
              <li key={s}>
                <KeepDates text={s} />
              </li>
            ))}
          </ol>
        </section>
      )}

      <ChecklistBlock checklist={checklist} capture={capture} />

      <SourcesBlock verdict={verdict} />
    </div>
  );
}

/** When the chosen route closes, how many days are left, and the claim window of an SLA credit. */
function DeadlineBlock({ verdict, now }: { verdict: Verdict; now: string }) {
  const { t } = useI18n();
  const d = verdict.deadline;
  const left = d ? daysLeft(now, d.date) : null;
  return (
    <section className="rg-block" aria-labelledby="rg-deadline" data-testid="deadline">
      <h3 id="rg-deadline">{t('checker.deadline.title')}</h3>
      {d ? (
        <>
          <p>
            <span className="rg-deadline__label">{d.label}</span>
            <br />
            <strong data-date={d.date} data-closes-at={d.closesAt}>
              {closingTime(d.closesAt)
                ? t('checker.deadline.dateTime', { date: d.date, time: closingTime(d.closesAt)! })
                : t('checker.deadline.date', { date: d.date })}
            </strong>{' '}
            {left !== null && (
              <span className={`rg-countdown${left <= 1 ? ' rg-countdown--urgent' : ''}`} data-days-left={left}>
                {left === 1
                  ? t('checker.deadline.oneDayLeft')
                  : left > 0
                    ? t('checker.deadline.daysLeft', { days: left })
                    : left === 0
                      ? t('checker.deadline.today')
                      : left === -1
                        ? t('checker.deadline.passedOneDay')
                        : t('checker.deadline.passed', { days: -left })}
              </span>
            )}
          </p>
          {d.estimated && (
            <p className="rg-tag rg-tag--warn" data-estimated="true">
              {t('checker.deadline.estimated')}
            </p>
          )}
        </>
      ) : (
        <p className="rg-muted">{t('checker.deadline.none')}</p>
      )}
      {verdict.claimWindow && (
        <p className="rg-small" data-testid="claim-window">
          <KeepDates
            text={t('checker.claimWindow', {
              opensAfter: verdict.claimWindow.opensAfter,
              closesOn: verdict.claimWindow.closesOn,
            })}
          />
          {!verdict.claimWindow.canFileNow && (
            <>
              {' '}
              <KeepDates text={t('checker.claimWindow.notYet', { opensAfter: verdict.claimWindow.opensAfter })} />
            </>
          )}
          {verdict.claimWindow.estimated && (
            <>
              {' '}
              <span className="rg-tag rg-tag--warn" data-estimated="true">
                {t('checker.deadline.estimated')}
              </span>
            </>
          )}
        </p>
      )}
      {verdict.outcome !== 'expired' &&
        verdict.lapsed.map((l) => (
          <p key={l.rule} className="rg-small rg-muted">
            <KeepDates text={t('checker.lapsed', { label: l.deadline.label, date: l.deadline.date })} />
          </p>
        ))}
    </section>
  );
}

/** Where to file: each channel with its web address, phone or e-mail. */
function WhereBlock({ channels, openUrl }: { channels: Verdict['channels']; openUrl: (url: string) => void }) {
  const { t } = useI18n();
  return (
    <section className="rg-block" aria-labelledby="rg-where" data-testid="where">
      <h3 id="rg-where">{t('checker.where.title')}</h3>
      <ul className="rg-where">
        {channels.map((c) => (
          <li key={c.id} data-channel={c.id} data-kind={c.kind}>
            <strong>{c.name}</strong>
            {c.value && /^https:\/\//.test(c.value) && (
              <>
                {' '}
                <button
                  type="button"
                  className="rg-link"
                  aria-label={`${t('checker.where.open', { name: c.name })} · ${new URL(c.value).host}`}
                  onClick={() => openUrl(c.value!)}
                >
                  {new URL(c.value).host}
                </button>
              </>
            )}
            {c.value && c.kind === 'phone' && !c.name.includes(c.value) && (
              <span className="rg-small"> · {t('checker.where.phone', { number: c.value })}</span>
            )}
            {c.value && c.kind === 'email' && c.value.includes('@') && (
              <>
                {' '}
                <a href={`mailto:${c.value}`}>{c.value}</a>
              </>
            )}
            {!c.value && <span className="rg-small rg-muted"> · {t('checker.where.noAddress')}</span>}
            {c.note && (
              <p className="rg-small rg-muted">
                <KeepDates text={c.note} />
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The evidence checklist, with "save this page now" when a page capture would tick a missing item. */
function ChecklistBlock({ checklist, capture }: Pick<VerdictViewProps, 'checklist' | 'capture'>) {
  const { t } = useI18n();
  const missingCapturable = checklist.some((c) => !c.have && capturable(c.id));
  return (
    <section className="rg-block" aria-labelledby="rg-checklist" data-testid="checklist">
      <h3 id="rg-checklist">
        {t('checker.checklist.title')}{' '}
        <span className="rg-muted rg-small">
          {t('checker.checklist.count', { have: checklist.filter((c) => c.have).length, total: checklist.length })}
        </span>
      </h3>
      <ul className="rg-checklist">
        {checklist.map((c) => (
          <li key={c.id} data-evidence={c.id} data-have={c.have ? 'true' : 'false'}>
            <span aria-hidden="true" className="rg-check">
              {c.have ? '☑' : '☐'}
            </span>
            <span>
              {c.label}
              <span className="rg-visually-hidden">
                {c.have ? t('checker.checklist.have') : t('checker.checklist.missing')}
              </span>
              {c.have && c.snapshots.length > 0 && (
                // The snapshot numbers (as the evidence locker lists them) on hover, not in the sentence.
                <span
                  className="rg-small rg-muted"
                  title={c.snapshots.join('、')}
                  data-snapshots={c.snapshots.join(' ')}
                >
                  {' '}
                  · {t('checker.checklist.from')}
                </span>
              )}
            </span>
          </li>
        ))}
      </ul>
      {capture.available && missingCapturable && (
        <p>
          <button
            type="button"
            className="rg-button"
            data-action="capture-now"
            disabled={capture.state.state === 'busy'}
            onClick={capture.onCapture}
          >
            {capture.state.state === 'busy' ? t('checker.checklist.capturing') : t('checker.checklist.captureNow')}
          </button>
        </p>
      )}
      <CaptureStatus state={capture.state} />
    </section>
  );
}

/** The refund estimate, the clauses behind the verdict, its timeline and the pack it came from. */
function SourcesBlock({ verdict }: { verdict: Verdict }) {
  const { t, locale } = useI18n();
  const est = verdict.refundEstimate;
  return (
    <>
      {est && (
        <div className="rg-block" data-testid="estimate">
          {est.amount !== null ? (
            <p>
              <strong>{t('checker.estimate', { amount: formatMoney(est.amount, locale) })}</strong>{' '}
              <span className="rg-tag">{t('checker.estimate.final')}</span>
            </p>
          ) : (
            <p className="rg-muted">{t('checker.estimate.unknown')}</p>
          )}
          <details>
            <summary>{t('checker.estimate.how')}</summary>
            <p className="rg-small">{est.method}</p>
          </details>
        </div>
      )}

      <section className="rg-block" aria-labelledby="rg-basis" data-testid="basis">
        <h3 id="rg-basis">{t('checker.basis.title')}</h3>
        <ul className="rg-clauses">
          {byDocument(verdict.basis, (b) => citationTitle(b, locale)).map((g) => (
            <li key={g.title}>
              <details data-source={g.source}>
                <summary>{g.title}</summary>
                {g.items.map((b, i) => (
                  <div key={`${b.clause ?? ''}-${i}`}>
                    <p>
                      <KeepDates text={b.text} />
                    </p>
                    <p className="rg-small rg-muted">
                      {t('checker.basis.file', { file: b.clause ? `${b.source} · ${b.clause}` : b.source })}
                    </p>
                  </div>
                ))}
              </details>
            </li>
          ))}
        </ul>
      </section>

      {verdict.timeline.length > 0 && (
        <section className="rg-block" aria-labelledby="rg-timeline">
          <h3 id="rg-timeline">{t('checker.timeline.title')}</h3>
          <ul className="rg-small">
            {verdict.timeline.map((i) => (
              <li key={i.id}>
                <KeepDates
                  text={t('checker.timeline.item', { label: i.label, earliest: i.earliest, latest: i.latest })}
                />
                {i.estimated &&
                  !i.label.includes(t('checker.timeline.estimated').trim()) &&
                  t('checker.timeline.estimated')}
              </li>
            ))}
          </ul>
        </section>
      )}

      <p className="rg-small rg-muted">
        <KeepDates text={t('checker.pack', { name: verdict.pack.name, date: verdict.pack.lastChecked })} />
      </p>
    </>
  );
}

function CaptureStatus({ state }: { state: CaptureState }) {
  const { t } = useI18n();
  if (state.state === 'done')
    return (
      <p className="rg-small" role="status" data-capture={state.kind} data-snapshot={state.id}>
        {state.kind === 'saved' ? t('checker.checklist.saved') : t('checker.checklist.duplicate')}
      </p>
    );
  if (state.state === 'failed')
    return (
      <p className="rg-error rg-small" role="alert" data-capture="failed">
        {t('checker.checklist.failed', { message: state.message })}
      </p>
    );
  return null;
}
