import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CAPTURE_LIMITS } from '../lib/evidence/limits';
import { collectPage, pageOrderFields } from '../platform/capture';
import { sendMessage } from '../platform/page-messaging';

/**
 * Injected by the worker (context menu, keyboard shortcut, popup) into the tab
 * the user asked to save, with `scripting.executeScript` under activeTab. It
 * defines one function in the extension's isolated world; the worker then calls
 * it and receives the page as data. The steps are the page card's
 * (`collectPage`): read the visible text, mask the live page, ask the worker for
 * a screenshot while the DOM is serialised, put the page back exactly. The worker decides
 * what the page is and saves it; nothing here is trusted.
 */

export interface CollectedPage {
  url: string;
  title: string;
  text: string;
  dom: string;
  /** Order fields read by their labels (the worker keeps them only for order pages). */
  fields: Record<string, string | number>;
  screenshotTicket: string | null;
  tooLarge: boolean;
}

declare global {
  var refundGuardCollectPage: (() => Promise<CollectedPage>) | undefined;
}

async function collect(): Promise<CollectedPage> {
  const base = { url: location.href, title: document.title.slice(0, CAPTURE_LIMITS.title) };
  const fields = pageOrderFields(document) as Record<string, string | number>;
  const { pictured, ...parts } = await collectPage(
    document,
    async (ticket) => (await sendMessage('evidence.screenshot', { ticket })).taken,
  );
  // The worker reads the picture by its ticket; the page is handed back whole.
  await pictured;
  return { ...base, ...parts, fields: parts.tooLarge ? {} : fields };
}

export default defineUnlistedScript(() => {
  globalThis.refundGuardCollectPage = collect;
});
