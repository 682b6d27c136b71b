import type { Handler } from '../lib/messages';
import { prepareText, type PreparedText } from '../lib/evidence/snapshot';
import { deflateRaw } from './compress';

/**
 * Page texts that came ahead of their capture, by the capture's ticket. The
 * page reads its visible text first and sends it (`evidence.captureText`)
 * before it masks and serialises itself; the worker, idle meanwhile, redacts,
 * encodes, hashes and compresses it then, so the capture that follows carries
 * only the page copy and waits on none of that. The page sends the capture
 * only once the text was acknowledged: a capture naming a text this worker
 * does not hold comes after a restart of the worker, and fails at once (the
 * page then sends the capture again with its text). A ticket belongs to one
 * tab and takes one text.
 */

/** A page text ready for its snapshot: prepared (redacted, hashed) and its UTF-8 deflated for the store. */
export interface EarlyText {
  prepared: PreparedText;
  deflated: Uint8Array;
}

interface PendingText {
  tabId: number;
  at: number;
  /** Null when it could not be prepared. */
  text: Promise<EarlyText | null>;
}

/** A text whose capture never came (the page was closed meanwhile) is dropped after this. */
const TEXT_TTL_MS = 60_000;
/** Texts kept at once (a page saves one capture at a time; several tabs may overlap). */
const MAX_PENDING = 16;
const pendingTexts = new Map<string, PendingText>();

/**
 * The `evidence.captureText` request: starts preparing the text for the tab's
 * capture under `ticket`. False when the ticket already has a text (the first
 * stands, for the tab that sent it).
 */
export function receiveText(ticket: string, tabId: number, raw: string, now: number): boolean {
  for (const [key, pending] of pendingTexts) if (now - pending.at > TEXT_TTL_MS) pendingTexts.delete(key);
  if (pendingTexts.has(ticket)) return false;
  // The oldest goes first when too many wait (a Map keeps the order they came in).
  while (pendingTexts.size >= MAX_PENDING) pendingTexts.delete(pendingTexts.keys().next().value!);
  // Not awaited: the page goes on masking and serialising while this runs.
  const text = prepareText(raw).then(
    async (prepared): Promise<EarlyText> => ({ prepared, deflated: await deflateRaw(prepared.bytes) }),
    () => null,
  );
  pendingTexts.set(ticket, { tabId, at: now, text });
  return true;
}

/**
 * The text that came ahead for this tab's capture under `ticket`, settling
 * once prepared (null if that failed); null at once when this worker holds
 * none for that tab (another tab's ticket, or a worker started after the text
 * came). Each text serves one capture.
 */
export function textFor(ticket: string, tabId: number): Promise<EarlyText | null> | null {
  const pending = pendingTexts.get(ticket);
  if (!pending || pending.tabId !== tabId) return null;
  pendingTexts.delete(ticket);
  return pending.text;
}

/** The `evidence.captureText` handler: a content script's text, for its own tab's capture. */
export const captureTextHandler =
  (now: () => Date): Handler<'evidence.captureText'> =>
  ({ ticket, text }, sender) => ({
    accepted: sender.tabId !== undefined && receiveText(ticket, sender.tabId, text, now().getTime()),
  });
