import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CAPTURE_LIMITS } from '../lib/evidence/limits';
import { extractOrder } from '../lib/extract/order';
import { maskLivePage, serialiseDom, visibleText } from '../platform/capture';
import { sendMessage } from '../platform/page-messaging';

/**
 * Injected by the worker (context menu, keyboard shortcut, popup) into the tab
 * the user asked to save, with `scripting.executeScript` under activeTab. It
 * defines one function in the extension's isolated world; the worker then calls
 * it and receives the page as data. The steps are the page card's: serialise the
 * DOM with sensitive values masked, read the visible text, mask the live page,
 * ask the worker for a screenshot, put the page back exactly. The worker decides
 * what the page is and saves it; nothing here is trusted.
 */

export interface CollectedPage {
  url: string;
  title: string;
  text: string;
  dom: string;
  /** Order fields read by their labels (the worker keeps them only for order pages). */
  fields: Record<string, string | number>;
  screenshotToken: string | null;
  tooLarge: boolean;
}

declare global {
  // eslint-disable-next-line no-var
  var refundGuardCollectPage: (() => Promise<CollectedPage>) | undefined;
}

/** Two frames, so the masked page is painted before the worker takes its picture. */
const painted = () =>
  new Promise<void>((done) => {
    const timer = setTimeout(done, 150); // rAF does not run in a hidden tab
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        clearTimeout(timer);
        done();
      }),
    );
  });

async function collectPage(): Promise<CollectedPage> {
  const dom = serialiseDom(document);
  const text = visibleText(document);
  const base = { url: location.href, title: document.title.slice(0, CAPTURE_LIMITS.title) };
  if (dom.length > CAPTURE_LIMITS.dom || text.length > CAPTURE_LIMITS.text) {
    return { ...base, text: '', dom: '', fields: {}, screenshotToken: null, tooLarge: true };
  }
  const fields = extractOrder(document).fields as Record<string, string | number>;
  let screenshotToken: string | null = null;
  const restore = maskLivePage(document);
  try {
    await painted();
    screenshotToken = (await sendMessage('evidence.screenshot', {})).token;
  } catch {
    // The screenshot is optional; the capture goes on without it.
  } finally {
    restore();
  }
  return { ...base, text, dom, fields, screenshotToken, tooLarge: false };
}

export default defineUnlistedScript(() => {
  globalThis.refundGuardCollectPage = collectPage;
});
