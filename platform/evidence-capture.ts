import { isPlausibleDetection } from '../lib/detect';
import type { Handler } from '../lib/messages';
import { unpackParts } from './capture-packing';
import { textFor } from './capture-text';
import { TooLargeError } from './streams';
import { failedCapture, type CaptureBytes, type EvidenceStore } from './evidence-db';
import { screenshotFor, shotUnderWay } from './screenshot-tickets';

/** The failure of a capture naming a text this worker does not hold: the page sends the capture again, with its text. */
export const TEXT_NOT_HELD = 'page text: this worker holds no text under that ticket';

/**
 * A content script's capture, received in the worker: the page's claim is checked against the tab the
 * browser says sent it, the packed page text and copy are unpacked, and the snapshot is stored with its
 * screenshot (if one was ticketed).
 */
export function captureHandler(store: () => EvidenceStore, now: () => Date): Handler<'evidence.capture'> {
  return async ({ screenshotTicket, textTicket, packed, ...payload }, sender) => {
    // The page's claim is checked against the tab the browser says sent it.
    if (sender.tabId === undefined || !isPlausibleDetection(payload.match, sender.url)) {
      return { status: 'failed', reason: 'not-allowed', message: 'capture from an unrecognised page' };
    }
    // Prepared while the page masked and serialised itself; for this tab only. Refused before the
    // picture is claimed, so that the capture sent again with its text still finds it.
    const early = textTicket === undefined ? undefined : textFor(textTicket, sender.tabId);
    if (early === null) return { status: 'failed', reason: 'invalid', message: TEXT_NOT_HELD };
    const at = now();
    const screenshot = screenshotFor(screenshotTicket, sender.tabId, at.getTime());
    // The picture is asked for before this work holds the worker's thread.
    await shotUnderWay(screenshotTicket, sender.tabId);
    let received: CaptureBytes = {};
    if (packed) {
      try {
        const unpacked = await unpackParts(packed);
        Object.assign(payload, { dom: unpacked.dom, ...(unpacked.textDeflate && { text: unpacked.text }) });
        received = { textDeflate: unpacked.textDeflate, domDeflate: unpacked.domDeflate };
      } catch (error) {
        const reason = error instanceof TooLargeError ? 'too-large' : 'invalid';
        return {
          status: 'failed',
          reason,
          message: `page text and copy: ${error instanceof Error ? error.message : String(error)}`.slice(0, 2000),
        };
      }
    }
    if (early) {
      const text = await early;
      if (!text) return { status: 'failed', reason: 'invalid', message: 'page text: it could not be prepared' };
      received = {
        ...received,
        textDeflate: { bytes: text.prepared.bytes, deflated: text.deflated },
        preparedText: text.prepared,
      };
    }
    try {
      const result = await store().capture({ ...payload, url: sender.url ?? payload.url }, screenshot, at, received);
      return result.status === 'saved' ? { ...result, screenshot: (await screenshot) !== null } : result;
    } catch (error) {
      return failedCapture(error);
    }
  };
}
