import { Suspense, useCallback, useLayoutEffect, useRef, type RefObject } from 'react';
import type { TabOrder } from '../../lib/evidence/tab-order';
import { useI18n } from '../i18n-context';
import { FactsForm } from './FactsForm';
import { AnsweredList, Questions } from './Questions';
import { captureFits, type Step, type Subject, type UsableSettings } from './session';
import { SourcePicker } from './SourcePicker';
import { Steps } from './Steps';
import type { CheckerServices, CheckerSettings, CurrentTab } from './services';
import { LazyTicketEditor, usePreloadTicketEditor } from './ticketEditorLoader';
import { useClaimSession, type ClaimSession } from './useClaimSession';
import { VerdictSummary, VerdictView } from './VerdictView';

export { usableSettings } from './session';

export interface CheckerProps {
  /** The moment the check is made (ISO); the popup reads the clock once and passes it in. */
  now: string;
  services: CheckerServices;
  /** The tab the popup is about (null: none; undefined: not known yet). */
  current: CurrentTab | null | undefined;
  /** Called when a verdict is first on screen (the popup measures first render → verdict). */
  onVerdictShown?: () => void;
  /**
   * The current tab's order, when the caller already asked for it (the popup
   * does while its code loads); otherwise the checker reads it itself.
   */
  tabOrder?: Promise<TabOrder>;
  /**
   * The settings and the current tab's order, when the caller already has
   * them as the checker first renders (the popup usually does): the first
   * render then shows the order's verdict, with no round trip in between.
   */
  ready?: { settings: CheckerSettings; order: TabOrder };
  /**
   * The popup already leads with the tab (a checkout's assessment, a ticket form): starting from scratch is folded
   * away.
   */
  led?: boolean;
  /** The tab is a ticket form: the checker offers to fill a saved order's draft into it first. */
  fillFirst?: boolean;
  /** Called when an order or claim is opened (the popup then stops leading with the page's own headline). */
  onSubject?: () => void;
}

/**
 * Keyboard users land on the heading of each new step, and on the claim they
 * picked (not when the popup opens on its own). `picked()` marks a pick.
 */
function useStepFocus(shown: Step, subject: Subject | null) {
  const heading = useRef<HTMLHeadingElement>(null);
  const previous = useRef({ shown, subject });
  const focusOnSubject = useRef(false);
  // A layout effect: it runs as the step is committed, before the next input. A passive effect runs
  // after paint under Preact, and would take the focus back from a field the user is already typing in.
  useLayoutEffect(() => {
    const before = previous.current;
    previous.current = { shown, subject };
    const picked = focusOnSubject.current && subject !== null;
    if (picked) focusOnSubject.current = false;
    if (picked || (before.subject === subject && before.shown !== shown)) heading.current?.focus();
  }, [shown, subject]);
  const picked = useCallback(() => {
    focusOnSubject.current = true;
  }, []);
  return { heading, picked };
}

/** Calls `onVerdictShown` once, the first time a verdict is on screen. */
function useOnce(callback: (() => void) | undefined) {
  const done = useRef(false);
  return useCallback(() => {
    if (done.current) return;
    done.current = true;
    callback?.();
  }, [callback]);
}

/**
 * The eligibility checker: pick what to check, answer only what the claims
 * engine still asks, read the verdict with its clauses, deadline and evidence,
 * then prepare the ticket. Every rule is the engine's; the state is
 * `useClaimSession`'s (a reducer, session.ts); this only lays the steps out.
 */
export function Checker(props: CheckerProps) {
  const { now, services, current, onVerdictShown, led = false, fillFirst = false } = props;
  const { t } = useI18n();
  const session = useClaimSession(props);
  const { state, dispatch, shown } = session;
  const { heading, picked } = useStepFocus(shown, state.subject);
  const verdictShown = useOnce(onVerdictShown);
  const problems = state.settings?.problems ?? [];
  // The ticket is the step after a verdict (or the lead on a ticket form): its code loads once the first view is up.
  usePreloadTicketEditor(session.verdict !== null || fillFirst);

  if (!state.subject) {
    return (
      <div className="rg-checker" data-state="choose">
        <Problems problems={problems} settingsError={state.settingsError} />
        {state.loadError && (
          <p className="rg-error" role="alert">
            {t('checker.error.load', { message: state.loadError })}
          </p>
        )}
        {state.loading || state.currentOrder === 'loading' || state.settings === null ? (
          <p className="rg-muted" role="status">
            {t('checker.loading')}
          </p>
        ) : (
          <SourcePicker
            current={state.currentOrder}
            currentVendor={current?.match?.vendor ?? null}
            vendors={session.vendors}
            services={services}
            led={led}
            fillFor={fillFirst ? (current?.match?.vendor ?? null) : null}
            headlines={session.headlines}
            onPickOrder={(o, step) => {
              picked();
              void session.openOrder(o, step === 'ticket' ? 'ticket' : 'auto');
            }}
            onScratch={(vendor) => {
              picked();
              dispatch({ type: 'scratch', vendor });
            }}
          />
        )}
      </div>
    );
  }

  const subject = state.subject;
  const vendorName = session.vendors.find((v) => v.id === subject.vendor)?.name ?? subject.vendor;
  return (
    <div className="rg-checker" data-state={shown} data-vendor={subject.vendor}>
      <Problems problems={problems} settingsError={state.settingsError} />
      <div className="rg-subject">
        <span>
          {t('checker.subject', {
            vendor: vendorName,
            order: subject.orderId
              ? t('checker.source.orderLine', { orderId: subject.orderId })
              : t('checker.subject.noOrder'),
          })}
        </span>
        <button type="button" className="rg-link" onClick={() => dispatch({ type: 'close-subject' })}>
          {t('checker.change')}
        </button>
      </div>
      <Steps shown={shown} />
      {shown === 'questions' && <QuestionsStep session={session} heading={heading} onVerdictShown={verdictShown} />}
      {shown === 'verdict' && (
        <VerdictStep
          session={session}
          heading={heading}
          now={now}
          tabVendor={current?.match?.vendor ?? null}
          services={services}
          onVerdictShown={verdictShown}
        />
      )}
      {shown === 'ticket' && <TicketStep session={session} heading={heading} services={services} />}
    </div>
  );
}

interface StepProps {
  session: ClaimSession;
  heading: RefObject<HTMLHeadingElement | null>;
}

/** Answer: what the snapshot gave (editable), the engine's open questions, what was answered. */
function QuestionsStep({ session, heading, onVerdictShown }: StepProps & { onVerdictShown: () => void }) {
  const { t } = useI18n();
  const { state, dispatch, verdict, words, evaluation, facts, pending } = session;
  const subject = state.subject!;
  return (
    <>
      <h2 ref={heading} tabIndex={-1}>
        {t('checker.title')}
      </h2>
      {verdict && words && (
        <VerdictSummary verdict={verdict} words={words} openQuestions={pending.length} onShown={onVerdictShown} />
      )}
      <FactsForm
        facts={facts ?? {}}
        fromSnapshot={subject.prefilled.from}
        status={subject.prefilled.status}
        onChange={(fact, value) => dispatch({ type: 'edit-fact', fact, value })}
      />
      {evaluation && 'needPurchase' in evaluation && <p className="rg-warn">{t('checker.facts.needPurchase')}</p>}
      {evaluation && 'error' in evaluation && (
        <p className="rg-error" role="alert">
          {t('checker.error.evaluate', { message: evaluation.error })}
        </p>
      )}
      {verdict && (
        <Questions
          questions={pending}
          onAnswer={(fact, value) => dispatch({ type: 'answer', fact, value })}
          onSkip={(fact) => dispatch({ type: 'skip', fact })}
        />
      )}
      <AnsweredList
        facts={facts ?? {}}
        answered={Object.keys(state.answers)}
        onClear={(fact) => dispatch({ type: 'clear-fact', fact })}
      />
      {state.skipped.length > 0 && (
        <p className="rg-small rg-muted">
          {t('checker.questions.skipped', { count: state.skipped.length })}{' '}
          <button type="button" className="rg-link" onClick={() => dispatch({ type: 'unskip' })}>
            {t('checker.questions.unskip')}
          </button>
        </p>
      )}
      {verdict && (
        <div className="rg-actions rg-actions--sticky">
          <button
            type="button"
            className="rg-button rg-button--primary"
            data-action="show-verdict"
            onClick={() => dispatch({ type: 'show', view: 'verdict' })}
          >
            {pending.length ? t('checker.showVerdictProvisional') : t('checker.showVerdict')}
          </button>
        </div>
      )}
    </>
  );
}

/** Verdict: the headline, deadline, clauses, checklist and where to claim; then the ticket, or the refusal route. */
function VerdictStep(
  props: StepProps & { now: string; tabVendor: string | null; services: CheckerServices; onVerdictShown: () => void },
) {
  const { session, heading, now, tabVendor, services, onVerdictShown } = props;
  const { t } = useI18n();
  const { state, dispatch, verdict, words, evaluation, checklist, pending } = session;
  if (!verdict) {
    return evaluation && 'error' in evaluation ? (
      <p className="rg-error" role="alert">
        {t('checker.error.evaluate', { message: evaluation.error })}
      </p>
    ) : null;
  }
  return (
    <>
      <h2 ref={heading} tabIndex={-1}>
        {t('checker.verdict.title')}
      </h2>
      <VerdictView
        verdict={verdict}
        words={words!}
        now={now}
        checklist={checklist}
        openQuestions={pending.length}
        capture={{
          available: captureFits(state, tabVendor),
          state: state.capture,
          onCapture: () => void session.captureNow(),
        }}
        openUrl={services.openUrl}
        onShown={onVerdictShown}
      />
      <div className="rg-actions rg-actions--sticky" data-testid="verdict-actions">
        <button
          type="button"
          className="rg-button rg-button--primary"
          data-action="prepare-ticket"
          onClick={() => dispatch({ type: 'show', view: 'ticket' })}
        >
          {t('checker.ticket.prepare')}
        </button>
        <button
          type="button"
          className="rg-button"
          data-action="edit-answers"
          onClick={() => dispatch({ type: 'show', view: 'questions' })}
        >
          {t('checker.editAnswers')}
        </button>
        <button
          type="button"
          className="rg-button rg-button--quiet"
          data-action="refused"
          onClick={() => dispatch({ type: 'refused', open: true })}
        >
          {t('checker.ticket.refused')}
        </button>
      </div>
    </>
  );
}

/** Ticket: the draft for the vendor (or, after a refusal, the complaint platforms), filled, copied or mailed. */
function TicketStep({ session, heading, services }: StepProps & { services: CheckerServices }) {
  const { t } = useI18n();
  const { state, dispatch, verdict, words, facts, pending } = session;
  if (!verdict || !facts || !state.settings) return null;
  return (
    <>
      <h2 ref={heading} tabIndex={-1}>
        {t('checker.ticket.prepare')}
      </h2>
      <VerdictSummary verdict={verdict} words={words!} openQuestions={pending.length} />
      <Suspense fallback={<TicketLoading />}>
        <LazyTicketEditor
          verdict={verdict}
          facts={facts}
          snapshots={session.snapshots}
          packs={state.settings.packs}
          holidayOverrides={state.settings.holidayOverrides}
          refused={state.refused}
          target={state.target}
          onTarget={(target) => dispatch({ type: 'target', target })}
          contact={state.contact}
          onContact={(contact) => dispatch({ type: 'contact', contact })}
          services={services}
        />
      </Suspense>
      <div className="rg-actions">
        <button type="button" className="rg-button" onClick={() => dispatch({ type: 'show', view: 'verdict' })}>
          {t('checker.ticket.back')}
        </button>
        {!state.refused && (
          <button
            type="button"
            className="rg-button rg-button--quiet"
            data-action="refused"
            onClick={() => dispatch({ type: 'refused', open: false })}
          >
            {t('checker.ticket.refused')}
          </button>
        )}
      </div>
    </>
  );
}

/** While the ticket editor's code loads (usually already in: it is fetched once a verdict shows). */
function TicketLoading() {
  const { t } = useI18n();
  return (
    <p className="rg-muted" role="status">
      {t('checker.loading')}
    </p>
  );
}

function Problems({ problems, settingsError }: { problems: UsableSettings['problems']; settingsError: string | null }) {
  const { t } = useI18n();
  return (
    <>
      {settingsError && <p className="rg-warn rg-small">{t('checker.error.settings', { message: settingsError })}</p>}
      {problems.map((p) => (
        <p key={`${p.kind}-${p.message}`} className="rg-warn rg-small" role="alert">
          {t(p.kind === 'pack' ? 'checker.customPackInvalid' : 'checker.holidaysInvalid', { errors: p.message })}
        </p>
      ))}
    </>
  );
}
