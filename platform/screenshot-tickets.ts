import { browser } from 'wxt/browser';
import { dataUrlBytes } from '../lib/evidence';

/**
 * Screenshots by the ticket the page chose for them. The page asks for its
 * picture (`evidence.screenshot`) and sends the capture (`evidence.capture`)
 * without waiting for it: the capture is redacted and hashed while the browser
 * takes the picture, and waits for it only to seal. Whichever message arrives
 * first registers the ticket; a ticket belongs to one tab.
 */
const SCREENSHOT_TTL_MS = 60_000;
/** How long a capture waits for a picture that was asked for (the browser may make it wait its turn). */
const SCREENSHOT_WAIT_MS = 5_000;

interface PendingShot {
  tabId: number;
  at: number;
  bytes: Promise<Uint8Array | null>;
  settle: (bytes: Uint8Array | null) => void;
  /** Settles once the browser has been asked for the picture (or it will not be: settled). */
  started: Promise<void>;
  start: () => void;
  asked: boolean;
}
const pendingShots = new Map<string, PendingShot>();

export function pendingShot(ticket: string, tabId: number, now: number): PendingShot | null {
  for (const [key, shot] of pendingShots) if (now - shot.at > SCREENSHOT_TTL_MS) pendingShots.delete(key);
  const known = pendingShots.get(ticket);
  if (known) return known.tabId === tabId ? known : null;
  let settled!: (bytes: Uint8Array | null) => void;
  let start!: () => void;
  const bytes = new Promise<Uint8Array | null>((done) => (settled = done));
  const started = new Promise<void>((done) => (start = done));
  const settle = (taken: Uint8Array | null) => {
    start();
    settled(taken);
  };
  const shot: PendingShot = { tabId, at: now, bytes, settle, started, start, asked: false };
  pendingShots.set(ticket, shot);
  return shot;
}

/** The picture taken under `ticket` for this tab, once taken; null without one, or when it does not come in time. */
export function screenshotFor(ticket: string | null, tabId: number, now: number): Promise<Uint8Array | null> {
  if (!ticket) return Promise.resolve(null);
  const shot = pendingShot(ticket, tabId, now);
  if (!shot) return Promise.resolve(null);
  const timer = setTimeout(() => shot.settle(null), SCREENSHOT_WAIT_MS);
  return shot.bytes.finally(() => {
    clearTimeout(timer);
    pendingShots.delete(ticket);
  });
}

/** How long a capture waits for the picture it names to be under way before it goes on regardless. */
const START_WAIT_MS = 300;

/**
 * Resolves once the browser is taking the picture asked for under `ticket`
 * (at once without a ticket, or after START_WAIT_MS at most). The worker's
 * unpacking and redaction of a heavy page hold its thread for tens of
 * milliseconds: started first, they kept the picture request, which waits for
 * the browser's answer about the tab, from going out until they were done.
 */
export function shotUnderWay(ticket: string | null, tabId: number): Promise<void> {
  const shot = ticket ? pendingShots.get(ticket) : undefined;
  if (!shot || shot.tabId !== tabId) return Promise.resolve();
  return Promise.race([shot.started, new Promise<void>((done) => setTimeout(done, START_WAIT_MS))]);
}

/**
 * The browser allows two visible-tab captures a second; saves in quick
 * succession (a shortcut pressed twice, several tabs) wait their turn once
 * rather than lose the screenshot.
 */
async function captureVisible(windowId: number): Promise<string> {
  try {
    return await browser.tabs.captureVisibleTab(windowId, { format: 'jpeg', quality: 70 });
  } catch (error) {
    if (!/MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/.test(String(error))) throw error;
    await new Promise((ok) => setTimeout(ok, 1000));
    return browser.tabs.captureVisibleTab(windowId, { format: 'jpeg', quality: 70 });
  }
}

/**
 * A JPEG of the sender's tab, only when it is the tab on screen (otherwise the
 * picture would show another page). Needs `<all_urls>` or an activeTab grant;
 * without either there is simply no screenshot.
 */
export async function captureTab(tabId: number, started: () => void = () => undefined): Promise<Uint8Array | null> {
  try {
    const tab = await browser.tabs.get(tabId);
    if (!tab.active || tab.windowId === undefined) return null;
    const taking = captureVisible(tab.windowId);
    started();
    const dataUrl = await taking;
    const still = await browser.tabs.get(tabId);
    if (!still.active) return null;
    return dataUrlBytes(dataUrl, 'image/jpeg');
  } catch {
    return null;
  }
}

/** The 'evidence.screenshot' request: takes the picture asked for under `ticket` once, for this tab only. */
export async function takeTicketedShot(ticket: string, tabId: number, now: number): Promise<{ taken: boolean }> {
  const shot = pendingShot(ticket, tabId, now);
  if (!shot || shot.asked) return { taken: false };
  shot.asked = true;
  const bytes = await captureTab(tabId, shot.start);
  shot.settle(bytes);
  return { taken: bytes !== null };
}
