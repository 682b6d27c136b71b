import { browser } from 'wxt/browser';
import type { TabOrder } from '../../lib/evidence/tab-order';
import type { TabVerdict } from '../../lib/evidence/tab-verdict';
import type { ResponseOf } from '../../lib/messages';
import { sendMessage } from '../../platform/page-messaging';
import { readStoredSettings, type StoredSettings } from '../../platform/page-settings';

/**
 * The popup's first question to the worker, asked by its script (main.tsx)
 * before the interface's code has loaded: what the worker saw in the tab and
 * which saved order it shows (`tab.order`, one round trip). The answer is
 * usually in by the time the interface first renders.
 *
 * This module stays light (no React, no schemas): it is what runs first.
 */

/**
 * The popup can be opened for a given tab (`popup.html?tab=12`), e.g. from the
 * in-page card as a full tab; otherwise it is about the active tab.
 */
export function requestedTabId(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return undefined;
  return Number(raw);
}

export interface PopupTab {
  tabId: number;
  status: ResponseOf<'tab.status'>;
  /** The page's address: as the worker recorded it, else as the tab reports it. */
  url: string | null;
}

/**
 * The moment to check as of (`popup.html?now=2026-11-22T12:00:00+08:00`), e.g.
 * from a reminder about a given day, as given (the worker and the checker
 * validate it); null: the popup's clock.
 */
export function requestedMoment(search: string): string | null {
  const raw = new URLSearchParams(search).get('now');
  return raw !== null && raw.length <= 40 ? raw : null;
}

export interface PopupStart {
  /** The popup's clock as it opened: every verdict, deadline and countdown is as of this moment (unless asked for another). */
  clock: string;
  tab: Promise<PopupTab>;
  /** The order the tab shows (rejects when the tab could not be read). */
  order: Promise<TabOrder>;
  /** The worker's first verdict on that order, in either language (null: none to show; rejects with `order`). */
  verdict: Promise<TabVerdict | null>;
  /** The stored settings (language, user packs, holidays), read alongside: null when storage failed. */
  settings: Promise<StoredSettings | null>;
}

export interface StartDeps {
  activeTabId(): Promise<number | undefined>;
  /** The worker's `tab.order`: the tab's status, the saved order it shows and its verdict as of `now`. */
  tabOrder(tabId: number, now: string): Promise<ResponseOf<'tab.order'>>;
  /** The tab's address as the browser reports it (readable under the popup's activeTab grant). */
  tabUrl(tabId: number): Promise<string | null>;
  /** The settings as stored, in one read. */
  storedSettings(): Promise<StoredSettings>;
}

/** Thrown when there is no tab to be about (the popup says so in the user's language). */
export class NoTabError extends Error {
  constructor() {
    super('no tab');
    this.name = 'NoTabError';
  }
}

export function startPopup(search: string, deps: StartDeps, clock = new Date().toISOString()): PopupStart {
  const asked = (async () => {
    const tabId = requestedTabId(search) ?? (await deps.activeTabId());
    if (tabId === undefined) throw new NoTabError();
    return { tabId, ...(await deps.tabOrder(tabId, requestedMoment(search) ?? clock)) };
  })();
  const tab = asked.then(async ({ tabId, status }): Promise<PopupTab> => ({
    tabId,
    status,
    url: status.url ?? (await deps.tabUrl(tabId)),
  }));
  const order = asked.then(({ order }) => order);
  const verdict = asked.then(({ verdict }) => verdict ?? null);
  // A failure is shown once, from `tab`; nobody may be waiting on `order` or `verdict` then.
  order.catch(() => undefined);
  verdict.catch(() => undefined);
  // Asked at the same time as the tab: the language and the user's packs are needed for the
  // first verdict, and reading them here keeps storage round trips off the interface's start.
  const settings = deps.storedSettings().catch(() => null);
  return { clock, tab, order, verdict, settings };
}

/**
 * Marks on the page's timeline (read by `npm run bench`): when the popup's script began to run,
 * and when `tab.order` was asked and answered.
 */
export const START_MARKS = {
  script: 'rg-popup-script',
  asked: 'rg-popup-asked',
  answered: 'rg-popup-answered',
} as const;

export const browserStartDeps: StartDeps = {
  activeTabId: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id,
  tabOrder: async (tabId, now) => {
    performance.mark(START_MARKS.asked);
    const answer = await sendMessage('tab.order', { tabId, now });
    performance.mark(START_MARKS.answered);
    return answer;
  },
  tabUrl: (tabId) =>
    browser.tabs.get(tabId).then(
      (t) => t.url ?? null,
      () => null,
    ),
  storedSettings: readStoredSettings,
};
