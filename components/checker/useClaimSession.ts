import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type Dispatch } from 'react';
import { evaluateClaim, type Verdict } from '../../lib/claims/eligibility';
import { evidenceChecklist, type ChecklistEntry, type ClaimSnapshot } from '../../lib/claims/evidence';
import type { HeadlineWords } from '../../lib/claims/headline';
import { orderWords, snapshotHeadlines } from '../../lib/claims/order-headline';
import type { SnapshotBody } from '../../lib/evidence/schema';
import { findTabOrder, readOrderBodies, type TabOrder } from '../../lib/evidence/tab-order';
import { captureFailureMessage } from '../../lib/evidence/capture-failure';
import { PackSet } from '../../lib/policy/registry';
import { localize } from '../../lib/policy/text';
import { SHIPPED_VENDORS } from '../../lib/vendors/types';
import { vendorName } from '../../lib/vendors/registry';
import { MessagingError } from '../protocol';
import { useI18n } from '../i18n-context';
import {
  claimFacts,
  claimSessionReducer,
  draftKeyOf,
  draftOf,
  initialSession,
  shownStep,
  type ClaimAction,
  type ClaimSessionState,
  type Step,
  type View,
} from './session';
import type { CheckerServices, CheckerSettings, CurrentTab } from './services';
import { claimSnapshot } from './snapshotFacts';
import type { VendorChoice } from './SourcePicker';

/**
 * An order page not saved yet is looked up again every second, for up to 15 s (its automatic snapshot waits for the
 * page to settle).
 */
const ORDER_RECHECK_MS = 1000;
const ORDER_RECHECKS = 15;

export interface ClaimSessionInput {
  now: string;
  services: CheckerServices;
  current: CurrentTab | null | undefined;
  tabOrder?: Promise<TabOrder>;
  ready?: { settings: CheckerSettings; order: TabOrder };
  onSubject?: () => void;
}

export type Evaluation = { verdict: Verdict } | { error: string } | { needPurchase: true } | null;

export interface ClaimSession {
  state: ClaimSessionState;
  dispatch: Dispatch<ClaimAction>;
  facts: Record<string, unknown> | null;
  evaluation: Evaluation;
  verdict: Verdict | null;
  /** The verdict's headline in every surface's words (a refunded order says so, whatever the answers). */
  words: HeadlineWords | null;
  /** The engine's questions not skipped. */
  pending: Verdict['questions'];
  shown: Step;
  /** The claim's snapshots: the order's, then those saved during this check. */
  snapshots: ClaimSnapshot[];
  checklist: ChecklistEntry[];
  vendors: VendorChoice[];
  /** Saved orders' headlines, in the words of the card and the locker, as of `now`. */
  headlines: (bodies: readonly SnapshotBody[]) => Record<string, HeadlineWords | null>;
  openOrder(ref: { vendor: string; orderId: string }, step?: View): Promise<void>;
  captureNow(): Promise<void>;
}

/** Custom packs and holiday overrides change verdicts, live (settings passed in are current as the checker mounts). */
function useSettings(services: CheckerServices, dispatch: Dispatch<ClaimAction>, given: boolean) {
  const readOnMount = useRef(!given);
  useEffect(() => {
    let alive = true;
    if (readOnMount.current) {
      services.loadSettings().then(
        (settings) => alive && dispatch({ type: 'settings', settings }),
        (e: unknown) =>
          alive && dispatch({ type: 'settings-failed', message: e instanceof Error ? e.message : String(e) }),
      );
    }
    const stop = services.watchSettings?.((settings) => dispatch({ type: 'settings', settings }));
    return () => {
      alive = false;
      stop?.();
    };
  }, [services, dispatch]);
}

/**
 * What the current tab is about: its latest saved order, opened at once (read by the popup while this
 * code loaded, when it could). An order page is saved on its own once it has loaded: until then the
 * checker looks again now and then, to open the order as soon as its snapshot exists.
 */
function useTabOrder(
  services: CheckerServices,
  current: CurrentTab | null | undefined,
  tabOrder: Promise<TabOrder> | undefined,
  dispatch: Dispatch<ClaimAction>,
) {
  useEffect(() => {
    let alive = true;
    if (current === undefined) {
      dispatch({ type: 'tab-order-loading' });
      return;
    }
    if (!current?.match || !current.url) {
      dispatch({ type: 'tab-order', order: { ref: null, bodies: [] } });
      return;
    }
    const page = { vendor: current.match.vendor, url: current.url };
    let looks = current.match.kind === 'order' ? ORDER_RECHECKS : 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const answered = (order: TabOrder) => {
      if (!alive) return;
      dispatch({ type: 'tab-order', order });
      if (!order.ref && looks-- > 0)
        timer = setTimeout(() => void findTabOrder(services, page).then(answered, () => undefined), ORDER_RECHECK_MS);
    };
    (tabOrder ?? findTabOrder(services, page)).then(answered, (e: unknown) => {
      if (alive)
        dispatch({
          type: 'tab-order-failed',
          message: e instanceof MessagingError || e instanceof Error ? e.message : String(e),
        });
    });
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [services, current, tabOrder, dispatch]);
}

/**
 * The answers of the claim in view outlive the popup (it closes when the page is clicked): kept for the
 * session under the claim's vendor and order, and brought back when it is opened again.
 */
function useKeptAnswers(services: CheckerServices, state: ClaimSessionState, dispatch: Dispatch<ClaimAction>) {
  const draftKey = draftKeyOf(state.subject);
  /** The claim whose kept answers were read: only then are answers written back (and written at once, merged). */
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  useEffect(() => {
    if (!draftKey || !services.loadDraft) return;
    let alive = true;
    services.loadDraft(draftKey).then(
      (draft) => {
        if (!alive) return;
        if (draft) dispatch({ type: 'draft-loaded', answers: draft.answers, skipped: draft.skipped });
        setLoadedKey(draftKey);
      },
      () => alive && setLoadedKey(draftKey),
    );
    return () => {
      alive = false;
    };
  }, [draftKey, services, dispatch]);
  const { answers, skipped } = state;
  useEffect(() => {
    // Answers given while the draft was being read are written once it has been (merged with it).
    if (!draftKey || loadedKey !== draftKey || !services.saveDraft) return;
    void services.saveDraft(draftKey, draftOf(answers, skipped)).catch(() => undefined);
  }, [draftKey, loadedKey, answers, skipped, services]);
}

/** The vendors a claim can be checked against: the shipped ones, then the user's valid packs. */
function useVendors(packs: PackSet | undefined): VendorChoice[] {
  const { locale } = useI18n();
  return useMemo(
    () => [
      ...SHIPPED_VENDORS.map((id) => ({ id, name: vendorName(id, locale), custom: false })),
      ...(packs?.user ?? []).map((pack) => ({ id: pack.id, name: localize(pack.name, locale), custom: true })),
    ],
    [packs, locale],
  );
}

/**
 * The checker's state (session.ts) with its effects: settings, the tab's order, kept answers, opening and capturing.
 */
// eslint-disable-next-line max-lines-per-function -- The session's effects in one hook: each reads the same reducer state and dispatch, and their order matters.
export function useClaimSession({
  now,
  services,
  current,
  tabOrder,
  ready,
  onSubject,
}: ClaimSessionInput): ClaimSession {
  const { t, locale } = useI18n();
  const [state, dispatch] = useReducer(claimSessionReducer, ready, initialSession);
  const { settings, subject, answers, skipped } = state;
  useSettings(services, dispatch, Boolean(ready));
  useTabOrder(services, current, tabOrder, dispatch);
  useKeptAnswers(services, state, dispatch);
  useEffect(() => {
    if (subject) onSubject?.();
  }, [subject, onSubject]);

  const facts = useMemo(() => claimFacts(subject, answers), [subject, answers]);
  const evaluation = useMemo((): Evaluation => {
    if (!facts || !settings) return null;
    if (typeof facts.purchasedAt !== 'string') return { needPurchase: true };
    try {
      return {
        verdict: evaluateClaim(facts, now, {
          locale,
          packs: settings.packs,
          holidayOverrides: settings.holidayOverrides,
        }),
      };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [facts, settings, now, locale]);
  const verdict = evaluation && 'verdict' in evaluation ? evaluation.verdict : null;
  const words = useMemo(
    () =>
      verdict && subject && facts ? orderWords({ state: subject.prefilled.state, facts }, verdict, locale, now) : null,
    [verdict, subject, facts, locale, now],
  );
  const pending = useMemo(
    () => (verdict ? verdict.questions.filter((q) => !skipped.includes(q.fact)) : []),
    [verdict, skipped],
  );
  const snapshots = useMemo(() => [...(subject?.snapshots ?? []), ...state.captured], [subject, state.captured]);
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
  const headlines = useCallback(
    (bodies: readonly SnapshotBody[]) =>
      snapshotHeadlines(bodies, now, { locale, packs: settings?.packs, holidayOverrides: settings?.holidayOverrides }),
    [now, locale, settings],
  );

  const openOrder = useCallback(
    async (ref: { vendor: string; orderId: string }, step: View = 'auto') => {
      dispatch({ type: 'open-started' });
      try {
        dispatch({ type: 'order-opened', ref, bodies: await readOrderBodies(services, ref), step });
      } catch (error) {
        dispatch({ type: 'open-failed', message: error instanceof Error ? error.message : String(error) });
      }
    },
    [services],
  );
  const tabId = current?.tabId;
  const captureNow = useCallback(async () => {
    if (tabId === undefined) return;
    dispatch({ type: 'capture-started' });
    try {
      const result = await services.captureTab(tabId);
      if (result.status === 'failed') {
        dispatch({ type: 'capture-failed', message: captureFailureMessage(result, t) });
        return;
      }
      const [body] = (await services.getBodies([result.id])).bodies;
      dispatch({
        type: 'capture-done',
        kind: result.status,
        id: result.id,
        snapshot: body ? claimSnapshot(body) : null,
      });
    } catch (error) {
      dispatch({ type: 'capture-failed', message: error instanceof Error ? error.message : String(error) });
    }
  }, [services, tabId, t]);

  const vendors = useVendors(settings?.packs);
  const shown = shownStep(state.view, verdict, pending.length);
  return {
    state,
    dispatch,
    facts,
    evaluation,
    verdict,
    words,
    pending,
    shown,
    snapshots,
    checklist,
    vendors,
    headlines,
    openOrder,
    captureNow,
  };
}
