import { prepareText, type PreparedText } from '../lib/evidence/snapshot';
import { deflateRaw } from './compress';

/**
 * Page texts that came ahead of their capture, by the capture's ticket. The
 * page reads its visible text first and sends it (`evidence.captureText`)
 * before it masks and serialises itself; the worker, idle meanwhile, redacts,
 * encodes, hashes and compresses it then, so the capture that follows carries
 * only the page copy and waits on none of that. Whichever message arrives
 * first registers the ticket; a ticket belongs to one tab and takes one text.
 */

/** A page text ready for its snapshot: prepared (redacted, hashed) and its UTF-8 deflated for the store. */
export interface EarlyText {
  prepared: PreparedText;
  deflated: Uint8Array;
}

interface PendingText {
  tabId: number;
  at: number;
  received: boolean;
  text: Promise<EarlyText | null>;
  settle: (text: EarlyText | null) => void;
}

const TEXT_TTL_MS = 60_000;
/** How long a capture waits for a text announced by its ticket but not yet arrived. */
const TEXT_WAIT_MS = 5_000;
/** Texts kept at once (a page saves one capture at a time; several tabs may overlap). */
const MAX_PENDING = 16;
const pendingTexts = new Map<string, PendingText>();

function pendingText(ticket: string, tabId: number, now: number): PendingText | null {
  for (const [key, pending] of pendingTexts) if (now - pending.at > TEXT_TTL_MS) dropText(key);
  const known = pendingTexts.get(ticket);
  if (known) return known.tabId === tabId ? known : null;
  // The oldest goes first when too many wait (a Map keeps the order they came in).
  while (pendingTexts.size >= MAX_PENDING) dropText(pendingTexts.keys().next().value!);
  let settle!: (text: EarlyText | null) => void;
  const text = new Promise<EarlyText | null>((done) => (settle = done));
  const pending: PendingText = { tabId, at: now, received: false, text, settle };
  pendingTexts.set(ticket, pending);
  return pending;
}

function dropText(ticket: string): void {
  pendingTexts.get(ticket)?.settle(null);
  pendingTexts.delete(ticket);
}

/**
 * The `evidence.captureText` request: starts preparing the text for the tab's
 * capture under `ticket`. False when the ticket is another tab's or already
 * has its text (the first text stands).
 */
export function receiveText(ticket: string, tabId: number, raw: string, now: number): boolean {
  const pending = pendingText(ticket, tabId, now);
  if (!pending || pending.received) return false;
  pending.received = true;
  // Not awaited: the page goes on masking and serialising while this runs.
  void prepareText(raw)
    .then(async (prepared) => ({ prepared, deflated: await deflateRaw(prepared.bytes) }))
    .then(pending.settle, () => pending.settle(null));
  return true;
}

/**
 * The text that came ahead for this tab's capture under `ticket`, once
 * prepared; null when it is another tab's, or when none arrives in time. Each
 * text serves one capture.
 */
export function textFor(ticket: string, tabId: number, now: number): Promise<EarlyText | null> {
  const pending = pendingText(ticket, tabId, now);
  if (!pending) return Promise.resolve(null);
  const timer = setTimeout(() => pending.settle(null), TEXT_WAIT_MS);
  return pending.text.finally(() => {
    clearTimeout(timer);
    if (pendingTexts.get(ticket) === pending) pendingTexts.delete(ticket);
  });
}
