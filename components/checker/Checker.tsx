import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createCalendar } from '../../lib/time';
import { evaluateClaim, type Verdict } from '../../lib/claims/eligibility';
import { evidenceChecklist, type ClaimSnapshot } from '../../lib/claims/evidence';
import { PackSet } from '../../lib/policy/registry';
import { SHIPPED_VENDORS } from '../../lib/vendors/types';
import { vendorName as shippedName } from '../../lib/vendors/registry';
import { localize } from '../../lib/policy/text';
import { MessagingError } from '../../lib/wire';
import { findTabOrder, readOrderBodies, type TabOrder } from '../../lib/evidence/tab-order';
import { captureFailureMessage } from '../../lib/evidence/capture-failure';
import { useI18n } from '../i18n';
import { FactsForm } from './FactsForm';
import { AnsweredList, Questions } from './Questions';
import { orderFacts } from '../../lib/claims/order-facts';
import { orderWords } from '../../lib/claims/order-headline';
import { claimSnapshot, type PrefilledFacts } from './snapshotFacts';
import { SourcePicker, type OrderRef, type VendorChoice } from './SourcePicker';
import type { CheckerServices, CheckerSettings, CurrentTab } from './services';
import { TicketEditor, type Contact, type TicketTarget } from './TicketEditor';
import { VerdictSummary, VerdictView, type CaptureState } from './VerdictView';

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
  /** The popup already leads with the tab (a checkout's assessment, a ticket form): starting from scratch is folded away. */
  led?: boolean;
  /** The tab is a ticket form: the checker offers to fill a saved order's draft into it first. */
  fillFirst?: boolean;
  /** Called when an order or claim is opened (the popup then stops leading with the page's own headline). */
  onSubject?: () => void;
}

interface Subject {
  vendor: string;
  orderId: string | null;
  /** The order's snapshots, newest first. */
  snapshots: ClaimSnapshot[];
  prefilled: PrefilledFacts;
}

interface UsableSettings {
  packs: PackSet;
  holidayOverrides: unknown[];
  problems: { kind: 'pack' | 'holidays'; message: string }[];
}

/** Custom packs that validate (and do not shadow a shipped vendor), holiday overrides that load; the rest is reported, not used. */
export function usableSettings(raw: CheckerSettings): UsableSettings {
  const packs = PackSet.of(raw.customPacks);
  const problems: UsableSettings['problems'] = packs.problems.map((p) => ({ kind: 'pack', message: p.errors.slice(0, 3).join('; ') }));
  let holidayOverrides = [...raw.holidayOverrides];
  if (holidayOverrides.length) {
    try {
      createCalendar(holidayOverrides as never);
    } catch (error) {
      problems.push({ kind: 'holidays', message: error instanceof Error ? error.message : String(error) });
      holidayOverrides = [];
    }
  }
  return { packs, holidayOverrides, problems };
}

/** The facts a saved order shows, derived as every surface derives them. */
function prefill(vendor: string, fields: Record<string, unknown>, url: string): PrefilledFacts {
  const { facts: { vendor: _vendor, ...facts }, from, statusText, state } = orderFacts({ vendor, fields, url });
  return { facts, from, status: statusText, state };
}

/** What the checker shows for an order: its snapshots and the facts they prefill. */
function subjectOf(ref: { vendor: string; orderId: string }, bodies: TabOrder['bodies']): Subject {
  const latest = bodies[0];
  return {
    vendor: ref.vendor,
    orderId: ref.orderId,
    snapshots: bodies.map(claimSnapshot),
    prefilled: latest ? prefill(ref.vendor, latest.fields, latest.url) : { facts: { orderId: ref.orderId }, from: [], status: null, state: 'unknown' },
  };
}

/** An order page not saved yet is looked up again every second, for up to 15 s (its automatic snapshot waits for the page to settle). */
const ORDER_RECHECK_MS = 1000;
const ORDER_RECHECKS = 15;

const withoutUndefined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

type View = 'auto' | 'questions' | 'verdict' | 'ticket';

/**
 * The eligibility checker: pick what to check, answer only what the claims
 * engine still asks, read the verdict with its clauses, deadline and evidence,
 * then prepare the ticket. Every rule is the engine's; this only asks and shows.
 */
export function Checker({ now, services, current, onVerdictShown, tabOrder, ready, led = false, fillFirst = false, onSubject }: CheckerProps) {
  const { t, locale } = useI18n();
  const [settings, setSettings] = useState<UsableSettings | null>(() => (ready ? usableSettings(ready.settings) : null));
  const [settingsError, setSettingsError] = useState<string | null>(null);
  const [currentOrder, setCurrentOrder] = useState<OrderRef | null | 'loading'>(() => (ready ? ready.order.ref : 'loading'));
  const [subject, setSubject] = useState<Subject | null>(() => (ready?.order.ref ? subjectOf(ready.order.ref, ready.order.bodies) : null));
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Record<string, unknown>>({});
  const [skipped, setSkipped] = useState<string[]>([]);
  const [view, setView] = useState<View>('auto');
  const [refused, setRefused] = useState(false);
  const [target, setTarget] = useState<TicketTarget>('vendor');
  const [contact, setContact] = useState<Contact>({ name: '', phone: '', email: '' });
  const [captured, setCaptured] = useState<ClaimSnapshot[]>([]);
  const [capture, setCapture] = useState<CaptureState>({ state: 'idle' });
  const autoOpened = useRef(Boolean(ready?.order.ref));
  /** What is open now, for answers that arrive later (an order saved while the popup is open never replaces the user's choice). */
  const subjectNow = useRef(subject);
  subjectNow.current = subject;
  useEffect(() => {
    if (subject) onSubject?.();
  }, [subject, onSubject]);

  // Settings: custom packs and holiday overrides change verdicts, live.
  useEffect(() => {
    let alive = true;
    // Settings passed in (`ready`) are current as the checker mounts; later changes come from the watch.
    if (!ready) {
      services.loadSettings().then(
        (s) => alive && setSettings(usableSettings(s)),
        (e: unknown) => {
          if (!alive) return;
          setSettingsError(e instanceof Error ? e.message : String(e));
          setSettings({ packs: PackSet.of([]), holidayOverrides: [], problems: [] });
        },
      );
    }
    const stop = services.watchSettings?.((s) => setSettings(usableSettings(s)));
    return () => {
      alive = false;
      stop?.();
    };
    // `ready` is read once, as the checker mounts.
  }, [services]);

  const resetClaim = () => {
    setAnswers({});
    setSkipped([]);
    setView('auto');
    setRefused(false);
    setTarget('vendor');
    setCaptured([]);
    setCapture({ state: 'idle' });
  };

  const showOrder = (ref: { vendor: string; orderId: string }, bodies: TabOrder['bodies']) => {
    resetClaim();
    setSubject(subjectOf(ref, bodies));
  };

  const openOrder = async (ref: { vendor: string; orderId: string }, step: View = 'auto') => {
    setLoading(true);
    setLoadError(null);
    try {
      showOrder(ref, await readOrderBodies(services, ref));
      setView(step);
    } catch (error) {
      setLoadError(error instanceof Error ? error.message : String(error));
    } finally {
      setLoading(false);
    }
  };

  // What the current tab is about: its latest saved order, opened at once (read by the popup
  // while this code loaded, when it could).
  useEffect(() => {
    let alive = true;
    if (current === undefined) {
      setCurrentOrder('loading');
      return;
    }
    if (!current?.match || !current.url) {
      setCurrentOrder(null);
      return;
    }
    const page = { vendor: current.match.vendor, url: current.url };
    // An order page is saved on its own once it has loaded: until then the checker says so, and
    // looks again now and then, to open the order as soon as its snapshot exists.
    let looks = current.match.kind === 'order' ? ORDER_RECHECKS : 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const answered = ({ ref, bodies }: TabOrder) => {
      if (!alive) return;
      setCurrentOrder(ref);
      if (ref && !autoOpened.current && subjectNow.current === null) {
        autoOpened.current = true;
        showOrder(ref, bodies);
      }
      if (!ref && looks-- > 0) timer = setTimeout(() => void findTabOrder(services, page).then(answered, () => undefined), ORDER_RECHECK_MS);
    };
    (tabOrder ?? findTabOrder(services, page)).then(answered, (e: unknown) => {
      if (!alive) return;
      setCurrentOrder(null);
      setLoadError(e instanceof MessagingError || e instanceof Error ? e.message : String(e));
    });
    return () => {
      alive = false;
      clearTimeout(timer);
    };
    // showOrder only sets state: the tab and its order decide when this runs.
  }, [services, current, tabOrder]);

  const vendors: VendorChoice[] = useMemo(
    () => [
      ...SHIPPED_VENDORS.map((id) => ({ id, name: shippedName(id, locale), custom: false })),
      ...(settings?.packs.user ?? []).map((pack) => ({ id: pack.id, name: localize(pack.name, locale), custom: true })),
    ],
    [settings, t, locale],
  );
  const vendorName = (id: string) => vendors.find((v) => v.id === id)?.name ?? id;

  const facts = useMemo(
    () => (subject ? withoutUndefined({ ...subject.prefilled.facts, ...answers, vendor: subject.vendor }) : null),
    [subject, answers],
  );

  const evaluation = useMemo((): { verdict: Verdict } | { error: string } | { needPurchase: true } | null => {
    if (!facts || !settings) return null;
    if (typeof facts.purchasedAt !== 'string') return { needPurchase: true };
    try {
      return { verdict: evaluateClaim(facts, now, { locale, packs: settings.packs, holidayOverrides: settings.holidayOverrides as never }) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [facts, settings, now, locale]);
  const verdict = evaluation && 'verdict' in evaluation ? evaluation.verdict : null;
  // The same words as the card and reminders: a refunded order says so, whatever the answers.
  const words = useMemo(() => (verdict && subject && facts ? orderWords({ state: subject.prefilled.state, facts }, verdict, locale, now) : null), [verdict, subject, facts, locale, now]);
  const pending = verdict ? verdict.questions.filter((q) => !skipped.includes(q.fact)) : [];
  // A verdict or ticket asked for before there is a verdict (no purchase date yet) starts at the questions.
  const shown: Exclude<View, 'auto'> = view === 'auto' || (view !== 'questions' && !verdict) ? (verdict && pending.length === 0 ? 'verdict' : 'questions') : view;

  const snapshots = useMemo(() => [...(subject?.snapshots ?? []), ...captured], [subject, captured]);
  const checklist = useMemo(() => {
    if (!verdict) return [];
    let extra: { id: string; label: string | { 'zh-CN': string; en: string } }[] = [];
    try {
      extra = (settings?.packs ?? PackSet.of([])).find(verdict.vendor).evidence;
    } catch {
      // The pack was valid when evaluated; nothing extra to label.
    }
    return evidenceChecklist(verdict.evidence, snapshots, locale, extra);
  }, [verdict, snapshots, settings, locale]);

  // Keyboard users land on the heading of each new step (not when the popup opens on its own).
  const viewHeading = useRef<HTMLHeadingElement>(null);
  const previous = useRef({ shown, subject });
  const focusOnSubject = useRef(false);
  useEffect(() => {
    const before = previous.current;
    previous.current = { shown, subject };
    const picked = focusOnSubject.current && subject !== null;
    if (picked) focusOnSubject.current = false;
    if (picked || (before.subject === subject && before.shown !== shown)) viewHeading.current?.focus();
  }, [shown, subject]);

  const shownOnce = useRef(false);
  const verdictShown = useCallback(() => {
    if (shownOnce.current) return;
    shownOnce.current = true;
    onVerdictShown?.();
  }, [onVerdictShown]);

  const captureNow = async () => {
    if (!current) return;
    setCapture({ state: 'busy' });
    try {
      const result = await services.captureTab(current.tabId);
      if (result.status === 'failed') {
        setCapture({ state: 'failed', message: captureFailureMessage(result, t) });
        return;
      }
      const [body] = (await services.getBodies([result.id])).bodies;
      if (body) setCaptured((list) => [...list.filter((s) => s.id !== result.id), claimSnapshot(body)]);
      setCapture({ state: 'done', kind: result.status, id: result.id });
    } catch (error) {
      setCapture({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  // "Save this page now" only where the current tab is about this claim (its order, or its vendor for a claim without one).
  const captureFits =
    !!current?.match &&
    !!subject &&
    (subject.orderId ? currentOrder !== 'loading' && currentOrder?.orderId === subject.orderId : current.match.vendor === subject.vendor);

  // The answers of the claim in view outlive the popup (it closes when the page is clicked): kept
  // for the session under the claim's vendor and order, and brought back when it is opened again.
  const draftKey = subject ? `${subject.vendor}:${subject.orderId ?? ''}` : null;
  const draftLoaded = useRef<string | null>(null);
  useEffect(() => {
    draftLoaded.current = null;
    if (!draftKey || !services.loadDraft) return;
    let alive = true;
    services.loadDraft(draftKey).then(
      (draft) => {
        if (!alive) return;
        // Answers given while the draft was read win over it.
        if (draft) {
          setAnswers((now) => ({ ...draft.answers, ...now }));
          setSkipped((now) => [...new Set([...draft.skipped, ...now])]);
        }
        draftLoaded.current = draftKey;
      },
      () => {
        if (alive) draftLoaded.current = draftKey;
      },
    );
    return () => {
      alive = false;
    };
  }, [draftKey, services]);
  useEffect(() => {
    if (!draftKey || draftLoaded.current !== draftKey || !services.saveDraft) return;
    const given = withoutUndefined(answers);
    const draft = Object.keys(given).length || skipped.length ? { answers: given, skipped } : null;
    void services.saveDraft(draftKey, draft).catch(() => undefined);
  }, [draftKey, answers, skipped, services]);

  const answer = (fact: string, value: unknown) => {
    setAnswers((a) => ({ ...a, [fact]: value }));
    setView('auto');
  };

  const problems = [...(settings?.problems ?? [])];

  if (!subject) {
    return (
      <div className="rg-checker" data-state="choose">
        <Problems problems={problems} settingsError={settingsError} />
        {loadError && (
          <p className="rg-error" role="alert">
            {t('checker.error.load', { message: loadError })}
          </p>
        )}
        {loading || currentOrder === 'loading' || settings === null ? (
          <p className="rg-muted" role="status">
            {t('checker.loading')}
          </p>
        ) : (
          <SourcePicker
            current={currentOrder}
            currentVendor={current?.match?.vendor ?? null}
            vendors={vendors}
            services={services}
            led={led}
            fillFor={fillFirst ? (current?.match?.vendor ?? null) : null}
            onPickOrder={(o, step) => {
              focusOnSubject.current = true;
              void openOrder(o, step === 'ticket' ? 'ticket' : 'auto');
            }}
            onScratch={(vendor) => {
              focusOnSubject.current = true;
              resetClaim();
              setSubject({ vendor, orderId: null, snapshots: [], prefilled: { facts: {}, from: [], status: null, state: 'unknown' } });
            }}
          />
        )}
      </div>
    );
  }

  return (
    <div className="rg-checker" data-state={shown} data-vendor={subject.vendor}>
      <Problems problems={problems} settingsError={settingsError} />
      <div className="rg-subject">
        <span>
          {t('checker.subject', {
            vendor: vendorName(subject.vendor),
            order: subject.orderId ? t('checker.source.orderLine', { orderId: subject.orderId }) : t('checker.subject.noOrder'),
          })}
        </span>
        <button type="button" className="rg-link" onClick={() => setSubject(null)}>
          {t('checker.change')}
        </button>
      </div>
      <Steps shown={shown} />

      {shown === 'questions' && (
        <>
          <h2 ref={viewHeading} tabIndex={-1}>
            {t('checker.title')}
          </h2>
          {verdict && words && <VerdictSummary verdict={verdict} words={words} openQuestions={pending.length} onShown={verdictShown} />}
          <FactsForm
            facts={facts ?? {}}
            fromSnapshot={subject.prefilled.from}
            status={subject.prefilled.status}
            onChange={(fact, value) => {
              setAnswers((a) => ({ ...a, [fact]: value }));
            }}
          />
          {evaluation && 'needPurchase' in evaluation && <p className="rg-warn">{t('checker.facts.needPurchase')}</p>}
          {evaluation && 'error' in evaluation && (
            <p className="rg-error" role="alert">
              {t('checker.error.evaluate', { message: evaluation.error })}
            </p>
          )}
          {verdict && <Questions questions={pending} onAnswer={answer} onSkip={(fact) => setSkipped((s) => [...s, fact])} />}
          <AnsweredList
            facts={facts ?? {}}
            answered={Object.keys(answers)}
            onClear={(fact) => {
              setAnswers((a) => ({ ...a, [fact]: undefined }));
              setSkipped((s) => s.filter((f) => f !== fact));
              if (fact === 'vendorRefused') setRefused(false);
            }}
          />
          {skipped.length > 0 && (
            <p className="rg-small rg-muted">
              {t('checker.questions.skipped', { count: skipped.length })}{' '}
              <button type="button" className="rg-link" onClick={() => setSkipped([])}>
                {t('checker.questions.unskip')}
              </button>
            </p>
          )}
          {verdict && (
            <div className="rg-actions rg-actions--sticky">
              <button type="button" className="rg-button rg-button--primary" data-action="show-verdict" onClick={() => setView('verdict')}>
                {pending.length ? t('checker.showVerdictProvisional') : t('checker.showVerdict')}
              </button>
            </div>
          )}
        </>
      )}

      {shown === 'verdict' && verdict && (
        <>
          <h2 ref={viewHeading} tabIndex={-1}>
            {t('checker.verdict.title')}
          </h2>
          <VerdictView
            verdict={verdict}
            words={words!}
            now={now}
            checklist={checklist}
            openQuestions={pending.length}
            capture={{ available: captureFits, state: capture, onCapture: () => void captureNow() }}
            openUrl={services.openUrl}
            onShown={verdictShown}
          />
          <div className="rg-actions rg-actions--sticky" data-testid="verdict-actions">
            <button type="button" className="rg-button rg-button--primary" data-action="prepare-ticket" onClick={() => setView('ticket')}>
              {t('checker.ticket.prepare')}
            </button>
            <button type="button" className="rg-button" data-action="edit-answers" onClick={() => setView('questions')}>
              {t('checker.editAnswers')}
            </button>
            <button
              type="button"
              className="rg-button rg-button--quiet"
              data-action="refused"
              onClick={() => {
                setRefused(true);
                setAnswers((a) => ({ ...a, vendorRefused: true }));
                setTarget('12315');
                setView('ticket');
              }}
            >
              {t('checker.ticket.refused')}
            </button>
          </div>
        </>
      )}

      {shown === 'verdict' && !verdict && evaluation && 'error' in evaluation && (
        <p className="rg-error" role="alert">
          {t('checker.error.evaluate', { message: evaluation.error })}
        </p>
      )}

      {shown === 'ticket' && verdict && facts && settings && (
        <>
          <h2 ref={viewHeading} tabIndex={-1}>
            {t('checker.ticket.prepare')}
          </h2>
          <VerdictSummary verdict={verdict} words={words!} openQuestions={pending.length} />
          <TicketEditor
            verdict={verdict}
            facts={facts}
            snapshots={snapshots}
            packs={settings.packs}
            holidayOverrides={settings.holidayOverrides}
            refused={refused}
            target={target}
            onTarget={setTarget}
            contact={contact}
            onContact={setContact}
            services={services}
          />
          <div className="rg-actions">
            <button type="button" className="rg-button" onClick={() => setView('verdict')}>
              {t('checker.ticket.back')}
            </button>
            {!refused && (
              <button
                type="button"
                className="rg-button rg-button--quiet"
                data-action="refused"
                onClick={() => {
                  setRefused(true);
                  setAnswers((a) => ({ ...a, vendorRefused: true }));
                  setTarget('12315');
                }}
              >
                {t('checker.ticket.refused')}
              </button>
            )}
          </div>
        </>
      )}
    </div>
  );
}

const STEPS = ['questions', 'verdict', 'ticket'] as const;

/** Where the claim stands: answer → verdict → ticket (the step buttons below move between them). */
function Steps({ shown }: { shown: (typeof STEPS)[number] }) {
  const { t } = useI18n();
  return (
    <ol className="rg-steps-bar" data-testid="steps">
      {STEPS.map((step) => (
        <li key={step} data-step={step} aria-current={step === shown ? 'step' : undefined}>
          {t(`checker.step.${step}`)}
        </li>
      ))}
    </ol>
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
