import type { HeadlineWords } from '../../lib/claims/headline';
import type { ExportProgress } from '../../lib/evidence/export-protocol';
import { PAGE_SIZE, type ListFilters, type SnapshotSummary } from './api';

/**
 * The locker page's state as a reducer: which page of which filtered list is
 * asked for and what came back, the selection, the open snapshot, the store
 * check, the running export and the line that reports what happened. It is
 * pure (no React, no browser, no text): `useLocker` runs the requests and
 * `noticeText` words the notices in the page's language.
 */

export type ListState =
  | { state: 'loading' }
  | { state: 'ready'; items: SnapshotSummary[]; total: number }
  | { state: 'error'; message: string };

export type StoreCheck =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'ok'; length: number }
  | { state: 'broken'; problems: string[] }
  | { state: 'error'; message: string };

/** What the status line says; worded at render time, so a language switch rewords it. */
export type Notice =
  | { kind: 'export-running' }
  | { kind: 'export-done'; count: number; file: string }
  | { kind: 'export-cancelled' }
  | { kind: 'deleted'; id: string };

/** A running export: its number (progress from an earlier one is ignored) and how far it is. */
export interface Exporting {
  id: number;
  progress: ExportProgress | null;
}

export interface LockerState {
  filters: ListFilters;
  offset: number;
  /** The list request in force: every change of filters, page or content asks again under a new number. */
  request: number;
  list: ListState;
  /** Each order's headline on the page shown (a row without one shows its status only). */
  headlines: Record<string, HeadlineWords | null>;
  selected: ReadonlySet<string>;
  openId: string | null;
  notice: Notice | null;
  failure: string | null;
  exporting: Exporting | null;
  storeCheck: StoreCheck;
}

export type LockerAction =
  | { type: 'filter'; filters: ListFilters }
  | { type: 'page'; offset: number }
  | { type: 'reload' }
  | { type: 'listed'; request: number; items: SnapshotSummary[]; total: number }
  | { type: 'list-failed'; request: number; message: string }
  | { type: 'headlines'; request: number; words: Record<string, HeadlineWords | null> }
  | { type: 'select'; ids: readonly string[]; on: boolean }
  | { type: 'clear-selection' }
  | { type: 'open'; id: string }
  | { type: 'close' }
  | { type: 'deleted'; id: string }
  | { type: 'check-started' }
  | { type: 'checked'; ok: boolean; length: number; problems: string[] }
  | { type: 'check-failed'; message: string }
  | { type: 'export-started'; id: number }
  | { type: 'export-progress'; id: number; progress: ExportProgress }
  | { type: 'exported'; id: number; count: number; file: string }
  | { type: 'export-cancelled'; id: number }
  | { type: 'export-failed'; id: number; message: string };

export const initialLocker: LockerState = {
  filters: {},
  offset: 0,
  request: 0,
  list: { state: 'loading' },
  headlines: {},
  selected: new Set(),
  openId: null,
  notice: null,
  failure: null,
  exporting: null,
  storeCheck: { state: 'idle' },
};

/** A new list request: rows already shown stay until the answer replaces them. */
function ask(state: LockerState, change: Partial<LockerState>): LockerState {
  const list: ListState = state.list.state === 'ready' ? state.list : { state: 'loading' };
  return { ...state, ...change, list, request: state.request + 1 };
}

function select(selected: ReadonlySet<string>, ids: readonly string[], on: boolean): ReadonlySet<string> {
  const next = new Set(selected);
  for (const id of ids) {
    if (on) next.add(id);
    else next.delete(id);
  }
  return next;
}

/** The page that still has rows when `total` rows are left (a deletion can empty the last one). */
export const lastPageOffset = (total: number) => Math.max(0, Math.floor((total - 1) / PAGE_SIZE) * PAGE_SIZE);

function listed(state: LockerState, { items, total }: { items: SnapshotSummary[]; total: number }): LockerState {
  if (items.length === 0 && state.offset > 0 && total > 0) return ask(state, { offset: lastPageOffset(total) });
  return { ...state, list: { state: 'ready', items, total } };
}

type ExportAction = Extract<
  LockerAction,
  { type: 'export-started' | 'export-progress' | 'exported' | 'export-cancelled' | 'export-failed' }
>;

function exportAction(state: LockerState, action: ExportAction): LockerState {
  if (action.type === 'export-started')
    return {
      ...state,
      exporting: { id: action.id, progress: null },
      failure: null,
      notice: { kind: 'export-running' },
    };
  if (state.exporting?.id !== action.id) return state;
  switch (action.type) {
    case 'export-progress':
      return { ...state, exporting: { id: action.id, progress: action.progress } };
    case 'exported':
      return { ...state, exporting: null, notice: { kind: 'export-done', count: action.count, file: action.file } };
    case 'export-cancelled':
      return { ...state, exporting: null, notice: { kind: 'export-cancelled' } };
    case 'export-failed':
      return { ...state, exporting: null, notice: null, failure: action.message };
  }
}

export function lockerReducer(state: LockerState, action: LockerAction): LockerState {
  switch (action.type) {
    case 'filter':
      return ask(state, { filters: action.filters, offset: 0 });
    case 'page':
      return ask(state, { offset: Math.max(0, action.offset) });
    case 'reload':
      return ask(state, {});
    case 'listed':
      return action.request === state.request ? listed(state, action) : state;
    case 'list-failed':
      return action.request === state.request ? { ...state, list: { state: 'error', message: action.message } } : state;
    case 'headlines':
      return action.request === state.request ? { ...state, headlines: action.words } : state;
    case 'select':
      return { ...state, selected: select(state.selected, action.ids, action.on) };
    case 'clear-selection':
      return { ...state, selected: new Set() };
    case 'open':
      return { ...state, openId: action.id };
    case 'close':
      // Notes added in the detail change the row's badges.
      return ask(state, { openId: null });
    case 'deleted':
      return ask(state, {
        openId: null,
        notice: { kind: 'deleted', id: action.id },
        selected: select(state.selected, [action.id], false),
      });
    case 'check-started':
      return { ...state, storeCheck: { state: 'checking' } };
    case 'checked':
      return {
        ...state,
        storeCheck: action.ok ? { state: 'ok', length: action.length } : { state: 'broken', problems: action.problems },
      };
    case 'check-failed':
      return { ...state, storeCheck: { state: 'error', message: action.message } };
    default:
      return exportAction(state, action);
  }
}

const hasFilters = (f: ListFilters) => Object.values(f).some((v) => v !== undefined && v !== '');

/** What the page shows about the list: its pages, and whether the locker holds nothing at all (not just no match). */
export function listView(state: LockerState) {
  const { list, offset } = state;
  const total = list.state === 'ready' ? list.total : 0;
  return {
    total,
    page: Math.floor(offset / PAGE_SIZE) + 1,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    hasPrev: offset > 0,
    hasNext: offset + PAGE_SIZE < total,
    empty: list.state === 'ready' && list.total === 0 && !hasFilters(state.filters),
    noMatch: list.state === 'ready' && list.total === 0 && hasFilters(state.filters),
  };
}
