import { browser } from 'wxt/browser';
import { detectionText, detectPage } from '../lib/detect';
import { CAPTURE_LIMITS } from '../lib/evidence';
import { SCREENSHOT_TICKET } from '../lib/evidence/limits';
import type { ResponseOf } from '../lib/messages';
import type { PageMatch } from '../lib/vendors/types';
import { FALLBACK_VENDOR_ID } from '../lib/vendors/registry';
import { z } from '../lib/zod';
import { failedCapture, type EvidenceStore } from './evidence-db';
import { screenshotFor } from './screenshot-tickets';

/** Manual capture of any page (context menu, shortcut, popup). */

/** The unlisted script the worker injects; it defines `refundGuardCollectPage` in the isolated world. */
export const CAPTURE_SCRIPT = '/capture-tab.js';

/** What the injected script hands back: page data, so it is checked like any message. */
const collectedPageSchema = z.object({
  url: z.string().check(z.maxLength(CAPTURE_LIMITS.url)),
  title: z.string().check(z.maxLength(CAPTURE_LIMITS.title)),
  text: z.string().check(z.maxLength(CAPTURE_LIMITS.text)),
  dom: z.string().check(z.maxLength(CAPTURE_LIMITS.dom)),
  fields: z.record(z.string(), z.union([z.string(), z.number()])),
  screenshotTicket: z.nullable(z.string().check(z.regex(SCREENSHOT_TICKET))),
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
export function manualCaptureMatch(
  url: string,
  title: string,
  text: string,
  fields: Record<string, unknown>,
): { match: PageMatch; recognised: boolean } {
  const detected = detectPage(url, detectionText(title, text));
  if (detected) return { match: detected, recognised: true };
  const orderId = fields['orderId'];
  const hasOrder = (typeof orderId === 'string' && orderId.trim() !== '') || typeof orderId === 'number';
  return { match: { vendor: FALLBACK_VENDOR_ID, kind: hasOrder ? 'order' : 'checkout' }, recognised: false };
}

const failure = (reason: 'not-allowed' | 'invalid' | 'too-large', message: string): CaptureTabReply => ({
  status: 'failed',
  reason,
  message: message.slice(0, 2000),
});

/**
 * Saves the page in `tabId` as a manual snapshot: injects the capture script
 * (allowed by the activeTab grant of the user's gesture), lets it mask the page
 * and request the screenshot, then seals and stores what it returned.
 */
export async function captureWholeTab(
  tabId: number,
  store: () => EvidenceStore,
  now: () => Date,
): Promise<CaptureTabReply> {
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
      {
        url,
        title: page.title,
        match,
        text: page.text,
        dom: page.dom,
        fields: match.kind === 'order' ? page.fields : {},
        source: 'manual',
        note: '',
      },
      screenshot,
      at,
    );
    return result.status === 'saved' ? { ...result, screenshot: (await screenshot) !== null } : result;
  } catch (error) {
    return failedCapture(error);
  }
}
