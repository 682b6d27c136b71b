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
  asked: boolean;
}
const pendingShots = new Map<string, PendingShot>();

export function pendingShot(ticket: string, tabId: number, now: number): PendingShot | null {
  for (const [key, shot] of pendingShots) if (now - shot.at > SCREENSHOT_TTL_MS) pendingShots.delete(key);
  const known = pendingShots.get(ticket);
  if (known) return known.tabId === tabId ? known : null;
  let settle!: (bytes: Uint8Array | null) => void;
  const bytes = new Promise<Uint8Array | null>((done) => (settle = done));
  const shot: PendingShot = { tabId, at: now, bytes, settle, asked: false };
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
export async function captureTab(tabId: number): Promise<Uint8Array | null> {
  try {
    const tab = await browser.tabs.get(tabId);
    if (!tab.active || tab.windowId === undefined) return null;
    const dataUrl = await captureVisible(tab.windowId);
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
  const bytes = await captureTab(tabId);
  shot.settle(bytes);
  return { taken: bytes !== null };
}
