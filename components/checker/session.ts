import type { ClaimSnapshot } from '../../lib/claims/evidence';
import type { Verdict } from '../../lib/claims/eligibility';
import type { TabOrder, OrderRef } from '../../lib/evidence/tab-order';
import { PackSet } from '../../lib/policy/registry';
import { prefilledOrder, usableSettings, type UsableSettings } from '../../lib/evidence/tab-verdict';
import type { CheckerSettings } from './services';
import { claimSnapshot, type PrefilledFacts } from './snapshotFacts';

export { usableSettings, type UsableSettings };

/**
 * The state of one claim check in the popup, as a reducer: what is being
 * checked (a saved order or a blank claim for a vendor), the answers given,
 * the step shown, the ticket's target and contact, and what the page capture
 * did. Every rule stays the engine's (lib/claims); this file only keeps track.
 * It is pure (no React, no browser): `useClaimSession` runs its effects.
 */

export type View = 'auto' | 'questions' | 'verdict' | 'ticket';
export type Step = Exclude<View, 'auto'>;
export type TicketTarget = 'vendor' | '12315' | 'heimao';

export interface Contact {
  name: string;
  phone: string;
  email: string;
}

export type CaptureState =
  | { state: 'idle' }
  | { state: 'busy' }
  | { state: 'done'; kind: 'saved' | 'duplicate'; id: string }
  | { state: 'failed'; message: string };

/**
 * What is being checked: a vendor, its order (if any), that order's snapshots (newest first) and the facts they give.
 */
export interface Subject {
  vendor: string;
  orderId: string | null;
  snapshots: ClaimSnapshot[];
  prefilled: PrefilledFacts;
}

export interface ClaimSessionState {
  settings: UsableSettings | null;
  settingsError: string | null;
  /** The order the current tab shows ('loading': not known yet). */
  currentOrder: OrderRef | null | 'loading';
  /** The tab's order was opened once by itself: it never replaces what the user opened since. */
  autoOpened: boolean;
  subject: Subject | null;
  loading: boolean;
  loadError: string | null;
  answers: Record<string, unknown>;
  skipped: string[];
  view: View;
  refused: boolean;
  target: TicketTarget;
  contact: Contact;
  /** Snapshots saved from the popup during this check ("save this page now"). */
  captured: ClaimSnapshot[];
  capture: CaptureState;
}

export type ClaimAction =
  | { type: 'settings'; settings: CheckerSettings }
  | { type: 'settings-failed'; message: string }
  | { type: 'tab-order-loading' }
  | { type: 'tab-order'; order: TabOrder }
  | { type: 'tab-order-failed'; message: string }
  | { type: 'open-started' }
  | { type: 'order-opened'; ref: { vendor: string; orderId: string }; bodies: TabOrder['bodies']; step?: View }
  | { type: 'open-failed'; message: string }
  | { type: 'scratch'; vendor: string }
  | { type: 'close-subject' }
  | { type: 'answer'; fact: string; value: unknown }
  | { type: 'edit-fact'; fact: string; value: unknown }
  | { type: 'clear-fact'; fact: string }
  | { type: 'skip'; fact: string }
  | { type: 'unskip' }
  | { type: 'draft-loaded'; answers: Record<string, unknown>; skipped: string[] }
  | { type: 'show'; view: View }
  | { type: 'refused'; open: boolean }
  | { type: 'target'; target: TicketTarget }
  | { type: 'contact'; contact: Contact }
  | { type: 'capture-started' }
  | { type: 'capture-failed'; message: string }
  | { type: 'capture-done'; kind: 'saved' | 'duplicate'; id: string; snapshot: ClaimSnapshot | null };

/** What the checker shows for an order: its snapshots and the facts they prefill. */
export function subjectOf(ref: { vendor: string; orderId: string }, bodies: TabOrder['bodies']): Subject {
  const latest = bodies[0];
  return {
    vendor: ref.vendor,
    orderId: ref.orderId,
    snapshots: bodies.map(claimSnapshot),
    prefilled: latest
      ? prefilledOrder(ref.vendor, latest.fields, latest.url)
      : { facts: { orderId: ref.orderId }, from: [], status: null, state: 'unknown' },
  };
}

const FRESH_CLAIM = {
  answers: {},
  skipped: [],
  view: 'auto',
  refused: false,
  target: 'vendor',
  captured: [],
  capture: { state: 'idle' },
} as const satisfies Partial<ClaimSessionState>;

/**
 * A new claim on `subject`: the answers, step, target and captures of the previous one are dropped (the contact
 * stays).
 */
function fresh(state: ClaimSessionState, subject: Subject | null): ClaimSessionState {
  return { ...state, ...FRESH_CLAIM, answers: {}, skipped: [], captured: [], subject };
}

/**
 * The state as the checker first renders: with the popup's early answers (`ready`), the tab's order is open already.
 */
export function initialSession(ready?: { settings: CheckerSettings; order: TabOrder }): ClaimSessionState {
  const ref = ready?.order.ref ?? null;
  return {
    settings: ready ? usableSettings(ready.settings) : null,
    settingsError: null,
    currentOrder: ready ? ref : 'loading',
    autoOpened: ref !== null,
    subject: ready && ref ? subjectOf(ref, ready.order.bodies) : null,
    loading: false,
    loadError: null,
    ...FRESH_CLAIM,
    answers: {},
    skipped: [],
    captured: [],
    contact: { name: '', phone: '', email: '' },
  };
}

/** The tab's order arrived: noted, and opened once by itself unless the user opened something already. */
function tabOrderArrived(state: ClaimSessionState, { ref, bodies }: TabOrder): ClaimSessionState {
  if (ref && !state.autoOpened && state.subject === null)
    return { ...fresh(state, subjectOf(ref, bodies)), currentOrder: ref, autoOpened: true };
  return { ...state, currentOrder: ref };
}

function answersReducer(state: ClaimSessionState, action: ClaimAction): ClaimSessionState | null {
  switch (action.type) {
    case 'answer':
      return { ...state, answers: { ...state.answers, [action.fact]: action.value }, view: 'auto' };
    case 'edit-fact':
      return { ...state, answers: { ...state.answers, [action.fact]: action.value } };
    case 'clear-fact':
      return {
        ...state,
        answers: { ...state.answers, [action.fact]: undefined },
        skipped: state.skipped.filter((f) => f !== action.fact),
        refused: action.fact === 'vendorRefused' ? false : state.refused,
      };
    case 'skip':
      return { ...state, skipped: [...state.skipped, action.fact] };
    case 'unskip':
      return { ...state, skipped: [] };
    case 'draft-loaded':
      // Answers given while the draft was read win over it.
      return {
        ...state,
        answers: { ...action.answers, ...state.answers },
        skipped: [...new Set([...action.skipped, ...state.skipped])],
      };
    default:
      return null;
  }
}

function ticketReducer(state: ClaimSessionState, action: ClaimAction): ClaimSessionState | null {
  switch (action.type) {
    case 'show':
      return { ...state, view: action.view };
    case 'refused':
      // After a refusal the complaint platforms are next (12315 first).
      return {
        ...state,
        refused: true,
        answers: { ...state.answers, vendorRefused: true },
        target: '12315',
        view: action.open ? 'ticket' : state.view,
      };
    case 'target':
      return { ...state, target: action.target };
    case 'contact':
      return { ...state, contact: action.contact };
    case 'capture-started':
      return { ...state, capture: { state: 'busy' } };
    case 'capture-failed':
      return { ...state, capture: { state: 'failed', message: action.message } };
    case 'capture-done': {
      const snapshot = action.snapshot;
      const captured = snapshot ? [...state.captured.filter((s) => s.id !== snapshot.id), snapshot] : state.captured;
      return { ...state, captured, capture: { state: 'done', kind: action.kind, id: action.id } };
    }
    default:
      return null;
  }
}

function subjectReducer(state: ClaimSessionState, action: ClaimAction): ClaimSessionState | null {
  switch (action.type) {
    case 'settings':
      return { ...state, settings: usableSettings(action.settings) };
    case 'settings-failed':
      return {
        ...state,
        settingsError: action.message,
        settings: { packs: PackSet.of([]), holidayOverrides: [], problems: [] },
      };
    case 'tab-order-loading':
      return { ...state, currentOrder: 'loading' };
    case 'tab-order':
      return tabOrderArrived(state, action.order);
    case 'tab-order-failed':
      return { ...state, currentOrder: null, loadError: action.message };
    case 'open-started':
      return { ...state, loading: true, loadError: null };
    case 'order-opened':
      return { ...fresh(state, subjectOf(action.ref, action.bodies)), loading: false, view: action.step ?? 'auto' };
    case 'open-failed':
      return { ...state, loading: false, loadError: action.message };
    case 'scratch':
      return fresh(state, {
        vendor: action.vendor,
        orderId: null,
        snapshots: [],
        prefilled: { facts: {}, from: [], status: null, state: 'unknown' },
      });
    case 'close-subject':
      return { ...state, subject: null };
    default:
      return null;
  }
}

export function claimSessionReducer(state: ClaimSessionState, action: ClaimAction): ClaimSessionState {
  return subjectReducer(state, action) ?? answersReducer(state, action) ?? ticketReducer(state, action) ?? state;
}

const withoutUndefined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** The facts the engine evaluates: the snapshot's, overridden by the user's answers (a taken-back answer is gone). */
export function claimFacts(subject: Subject | null, answers: Record<string, unknown>): Record<string, unknown> | null {
  return subject ? withoutUndefined({ ...subject.prefilled.facts, ...answers, vendor: subject.vendor }) : null;
}

/** The answers worth keeping for the session (null: nothing to keep). */
export function draftOf(
  answers: Record<string, unknown>,
  skipped: string[],
): { answers: Record<string, unknown>; skipped: string[] } | null {
  const given = withoutUndefined(answers);
  return Object.keys(given).length || skipped.length ? { answers: given, skipped } : null;
}

/**
 * The step on screen: 'auto' shows the verdict once nothing is left to ask,
 * else the questions; a verdict or ticket asked for before there is a verdict
 * (no purchase date yet) starts at the questions.
 */
export function shownStep(view: View, verdict: Verdict | null, pending: number): Step {
  if (view === 'questions' || (view !== 'auto' && verdict)) return view;
  return verdict && pending === 0 ? 'verdict' : 'questions';
}

/**
 * "Save this page now" only where the current tab is about this claim (its order, or its vendor for a claim without
 * one).
 */
export function captureFits(
  state: Pick<ClaimSessionState, 'subject' | 'currentOrder'>,
  tabVendor: string | null,
): boolean {
  const { subject, currentOrder } = state;
  if (!tabVendor || !subject) return false;
  if (subject.orderId) return currentOrder !== 'loading' && currentOrder?.orderId === subject.orderId;
  return tabVendor === subject.vendor;
}

/** The key a claim's answers are kept under for the session. */
export const draftKeyOf = (subject: Subject | null): string | null =>
  subject ? `${subject.vendor}:${subject.orderId ?? ''}` : null;
