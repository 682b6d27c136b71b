import type { ClaimDraft } from '../../platform/claim-drafts';
import type { PageMatch } from '../../lib/vendors/types';
import type { RequestOf, ResponseOf } from '../protocol';

/**
 * Everything the checker needs from the browser, passed in: the popup wires
 * these to messages and tabs, tests pass plain functions.
 */
export interface CheckerServices {
  listSnapshots(query: RequestOf<'evidence.list'>): Promise<ResponseOf<'evidence.list'>>;
  /** Snapshot bodies (fields, URL, times) without their text, page copy or screenshot. */
  getBodies(ids: string[]): Promise<ResponseOf<'evidence.bodies'>>;
  /** Saves the page in a tab as a manual snapshot (`evidence.captureTab`). */
  captureTab(tabId: number): Promise<ResponseOf<'evidence.captureTab'>>;
  /** The user's custom policy packs and holiday overrides (settings). */
  loadSettings(): Promise<CheckerSettings>;
  watchSettings?(onChange: (settings: CheckerSettings) => void): () => void;
  /** What a tab's in-page card says (`tab.card`): null when no card has read that tab. */
  tabCard?(tabId: number, locale: 'zh-CN' | 'en'): Promise<ResponseOf<'tab.card'>['content']>;
  /** Open tabs the extension recognised as vendor ticket pages. */
  findTicketTabs(): Promise<{ tabId: number; title: string; url: string; match: PageMatch }[]>;
  /** `ticket.fill` to one tab's content script. */
  fillTicket(tabId: number, request: RequestOf<'ticket.fill'>): Promise<ResponseOf<'ticket.fill'>>;
  focusTab(tabId: number): Promise<void>;
  openUrl(url: string): void;
  /**
   * Saves a snapshot's screenshot as a PNG file (the format ticket forms accept, beside the ZIP
   * bundle); resolves false when the snapshot has no screenshot.
   */
  downloadScreenshotPng?(snapshotId: string): Promise<boolean>;
  /** Opens the printable evidence report of these snapshots (an extension page the browser prints to PDF). */
  openReport?(snapshotIds: string[]): void;
  /** Opens the evidence locker, where the evidence bundle is exported. */
  openLocker(): void;
  /** The evidence chain's head hash, which a draft resting on stored evidence quotes. */
  evidenceHead?(): Promise<string>;
  copyText(text: string): Promise<void>;
  /** The answers given for a claim earlier in this browser session (the popup closes when the page is clicked). */
  loadDraft?(key: string): Promise<ClaimDraft | null>;
  /** Keeps a claim's answers for the session; null forgets them. */
  saveDraft?(key: string, draft: ClaimDraft | null): Promise<void>;
}

/** The settings the checker uses: the user's policy packs and holiday overrides, as stored. */
export interface CheckerSettings {
  customPacks: readonly unknown[];
  holidayOverrides: readonly unknown[];
}

export type { ClaimDraft };

/** What the popup knows about the tab it was opened on (`undefined` in props: not known yet). */
export interface CurrentTab {
  tabId: number;
  url: string | null;
  match: PageMatch | null;
}
