import { browser } from 'wxt/browser';
import { z } from '../../lib/zod';
import { detectionText, detectPage, isPlausibleDetection } from '../../lib/detect';
import { CAPTURE_LIMITS, dataUrlBytes, keyFingerprint, SIGNATURE_ALGORITHM, toBase64, type BundleSigner } from '../../lib/evidence';
import { SCREENSHOT_TICKET } from '../../lib/evidence/limits';
import type { ListQuery } from '../../lib/evidence/query';
import type { Handlers, ResponseOf, SenderInfo } from '../../lib/messages';
import { findTabOrder } from '../../lib/evidence/tab-order';
import type { PageMatch } from '../../lib/vendors/types';
import { FALLBACK_VENDOR_ID } from '../../lib/vendors/registry';
import { unpackParts, type UnpackedParts } from '../../platform/capture-packing';
import { TooLargeError } from '../../platform/streams';
import { EvidenceStoreError, openEvidenceStore, type EvidenceStore } from './evidence-store';
import { installationSigner } from './signing-key';
import { tabStatus } from './tabs';

/**
 * Evidence messages: captures from content scripts, the locker's queries and
 * commands. Content scripts may only capture their own tab's page; everything
 * else is for the extension's own pages.
 */

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

function pendingShot(ticket: string, tabId: number, now: number): PendingShot | null {
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
function screenshotFor(ticket: string | null, tabId: number, now: number): Promise<Uint8Array | null> {
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
async function captureTab(tabId: number): Promise<Uint8Array | null> {
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

export const fromExtensionPage = (sender: SenderInfo) => {
  if (!sender.fromExtension) throw new Error('not allowed: only the extension’s own pages may do this');
};

let shared: EvidenceStore | null = null;
export const evidenceStore = () => (shared ??= openEvidenceStore());

export function evidenceHandlers(
  store: () => EvidenceStore = evidenceStore,
  now: () => Date = () => new Date(),
  signer: () => Promise<BundleSigner> = installationSigner,
): Handlers {
  return {
    'evidence.screenshot': async ({ ticket }, sender) => {
      if (sender.tabId === undefined) return { taken: false };
      const shot = pendingShot(ticket, sender.tabId, now().getTime());
      if (!shot || shot.asked) return { taken: false };
      shot.asked = true;
      const bytes = await captureTab(sender.tabId);
      shot.settle(bytes);
      return { taken: bytes !== null };
    },

    'evidence.capture': async ({ screenshotTicket, packed, ...payload }, sender) => {
      // The page's claim is checked against the tab the browser says sent it.
      if (sender.tabId === undefined || !isPlausibleDetection(payload.match, sender.url)) {
        return { status: 'failed', reason: 'not-allowed', message: 'capture from an unrecognised page' };
      }
      const at = now();
      const screenshot = screenshotFor(screenshotTicket, sender.tabId, at.getTime());
      let received: Pick<UnpackedParts, 'textDeflate' | 'domDeflate'> | undefined;
      if (packed) {
        try {
          const unpacked = await unpackParts(packed);
          Object.assign(payload, { text: unpacked.text, dom: unpacked.dom });
          received = { textDeflate: unpacked.textDeflate, domDeflate: unpacked.domDeflate };
        } catch (error) {
          const reason = error instanceof TooLargeError ? 'too-large' : 'invalid';
          return { status: 'failed', reason, message: `page text and copy: ${error instanceof Error ? error.message : String(error)}`.slice(0, 2000) };
        }
      }
      try {
        const result = await store().capture({ ...payload, url: sender.url ?? payload.url }, screenshot, at, received);
        return result.status === 'saved' ? { ...result, screenshot: (await screenshot) !== null } : result;
      } catch (error) {
        if (error instanceof EvidenceStoreError && error.reason !== 'not-found') {
          return { status: 'failed', reason: error.reason, message: error.message.slice(0, 2000) };
        }
        return { status: 'failed', reason: 'storage', message: (error instanceof Error ? error.message : String(error)).slice(0, 2000) };
      }
    },

    'evidence.list': async (query, sender) => {
      fromExtensionPage(sender);
      return store().list(query);
    },

    'evidence.get': async ({ id }, sender) => {
      fromExtensionPage(sender);
      const detail = await store().get(id);
      if (!detail) return { snapshot: null };
      const { screenshot, ...rest } = detail;
      return { snapshot: { ...rest, screenshot: screenshot ? `data:image/jpeg;base64,${toBase64(screenshot)}` : null } };
    },

    'evidence.bodies': async ({ ids }, sender) => {
      fromExtensionPage(sender);
      return { bodies: await store().bodies(ids) };
    },

    'tab.order': async ({ tabId }, sender) => {
      fromExtensionPage(sender);
      const status = await tabStatus(tabId);
      const reader = { listSnapshots: (query: ListQuery) => store().list(query), getBodies: async (ids: string[]) => ({ bodies: await store().bodies(ids) }) };
      return { status, order: await findTabOrder(reader, { vendor: status.match?.vendor ?? null, url: status.url }) };
    },

    'evidence.delete': async ({ id }, sender) => {
      fromExtensionPage(sender);
      return { deleted: await store().remove(id, now()) };
    },

    'evidence.note': async ({ id, text }, sender) => {
      fromExtensionPage(sender);
      const note = await store().addNote(id, text, now());
      return { noteId: note?.id ?? null };
    },

    'evidence.export': async ({ ids, locale }, sender) => {
      fromExtensionPage(sender);
      const at = now();
      const manifest = browser.runtime.getManifest();
      const { zip, count, headHash } = await store().exportBundle(ids, at, { name: 'refund-guard', version: manifest.version }, locale, await signer());
      const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
      return { fileName: `refund-guard-evidence-${stamp}.zip`, base64: toBase64(zip), count, size: zip.length, headHash };
    },

    'evidence.signingKey': async (_data, sender) => {
      fromExtensionPage(sender);
      const [key, head] = await Promise.all([signer(), store().head()]);
      return { algorithm: SIGNATURE_ALGORITHM, fingerprint: await keyFingerprint(key.publicKeySpki), headHash: head.hash };
    },

    'evidence.verify': async (_data, sender) => {
      fromExtensionPage(sender);
      return store().verify();
    },

    /** Options' "wipe all data" (typed confirmation in the page; `confirm: true` here). */
    'evidence.wipe': async (_data, sender) => {
      fromExtensionPage(sender);
      return { wiped: await store().wipe() };
    },

  };
}

// ── Manual capture of any page (context menu, shortcut, popup) ─────────────

/** The unlisted script the worker injects; it defines `refundGuardCollectPage` in the isolated world. */
export const CAPTURE_SCRIPT = '/capture-tab.js';

/** What the injected script hands back: page data, so it is checked like any message. */
const collectedPageSchema = z.object({
  url: z.string().max(CAPTURE_LIMITS.url),
  title: z.string().max(CAPTURE_LIMITS.title),
  text: z.string().max(CAPTURE_LIMITS.text),
  dom: z.string().max(CAPTURE_LIMITS.dom),
  fields: z.record(z.string(), z.union([z.string(), z.number()])),
  screenshotTicket: z.string().regex(SCREENSHOT_TICKET).nullable(),
  tooLarge: z.boolean(),
});

export type CaptureTabReply = ResponseOf<'evidence.captureTab'>;

/**
 * What a manually saved page is recorded as. The worker decides from the URL
 * the browser reports and the page's text. A page no pack recognises (a forum
 * thread, a reseller's chat log, an unknown shop) is kept under
 * `generic-software` — the pack for any other software purchase — as an order
 * page when it shows an order number, else as a checkout (the only kind that
 * pack claims), so every snapshot keeps a valid page match.
 */
export function manualCaptureMatch(url: string, title: string, text: string, fields: Record<string, unknown>): { match: PageMatch; recognised: boolean } {
  const detected = detectPage(url, detectionText(title, text));
  if (detected) return { match: detected, recognised: true };
  const orderId = fields['orderId'];
  const hasOrder = (typeof orderId === 'string' && orderId.trim() !== '') || typeof orderId === 'number';
  return { match: { vendor: FALLBACK_VENDOR_ID, kind: hasOrder ? 'order' : 'checkout' }, recognised: false };
}

const failure = (reason: 'not-allowed' | 'too-large' | 'invalid' | 'storage' | 'quota', message: string): CaptureTabReply => ({
  status: 'failed',
  reason,
  message: message.slice(0, 2000),
});

/**
 * Saves the page in `tabId` as a manual snapshot: injects the capture script
 * (allowed by the activeTab grant of the user's gesture), lets it mask the page
 * and request the screenshot, then seals and stores what it returned.
 */
export async function captureWholeTab(tabId: number, store: () => EvidenceStore = evidenceStore, now: () => Date = () => new Date()): Promise<CaptureTabReply> {
  let raw: unknown;
  let tabUrl: string | undefined;
  try {
    tabUrl = (await browser.tabs.get(tabId)).url;
    await browser.scripting.executeScript({ target: { tabId }, files: [CAPTURE_SCRIPT] });
    const [injection] = await browser.scripting.executeScript({
      target: { tabId },
      func: () => globalThis.refundGuardCollectPage?.() ?? null,
    });
    raw = injection?.result;
  } catch (error) {
    // chrome:// pages, the web store, a tab without an activeTab grant, a closed tab.
    return failure('not-allowed', error instanceof Error ? error.message : String(error));
  }
  const parsed = collectedPageSchema.safeParse(raw);
  if (!parsed.success) return failure('invalid', 'the page did not return a capture');
  const page = parsed.data;
  if (page.tooLarge) return failure('too-large', 'page too large');
  const url = tabUrl ?? page.url;
  const { match } = manualCaptureMatch(url, page.title, page.text, page.fields);
  const at = now();
  const screenshot = screenshotFor(page.screenshotTicket, tabId, at.getTime());
  try {
    const result = await store().capture(
      { url, title: page.title, match, text: page.text, dom: page.dom, fields: match.kind === 'order' ? page.fields : {}, source: 'manual', note: '' },
      screenshot,
      at,
    );
    return result.status === 'saved' ? { ...result, screenshot: (await screenshot) !== null } : result;
  } catch (error) {
    if (error instanceof EvidenceStoreError && error.reason !== 'not-found') return failure(error.reason, error.message);
    return failure('storage', error instanceof Error ? error.message : String(error));
  }
}
