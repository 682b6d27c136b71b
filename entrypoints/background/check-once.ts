import { browser } from 'wxt/browser';
import { detectPage, detectionText, DETECT_TEXT_LIMIT } from '../../lib/detect';
import type { RequestOf, ResponseOf, SenderInfo } from '../../lib/messages';
import { GENERIC_SCRIPT_FILE } from './sites';

const GENERIC_SCRIPT = `/${GENERIC_SCRIPT_FILE}` as const;

/**
 * "Check this page once" from the popup: the activeTab grant lets the worker
 * read the tab's text; the worker recognises the page itself (a page's claim
 * about itself is not trusted) and, for a checkout, runs the page script that
 * shows the card. Nothing is registered: the next visit is not read.
 */
export async function checkTabOnce({ tabId }: RequestOf<'sites.checkOnce'>): Promise<ResponseOf<'sites.checkOnce'>> {
  const tab = await browser.tabs.get(tabId);
  if (!tab.url || !/^https?:/.test(tab.url)) return { match: null };
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    func: (limit: number) => ({
      title: document.title,
      text: (document.body?.innerText ?? '').slice(0, limit),
      // A page script already runs here (an enabled site, or checked before): do not start a second.
      running: document.querySelector('refund-guard-ui') !== null,
    }),
    args: [DETECT_TEXT_LIMIT],
  });
  const page = result?.result as { title?: unknown; text?: unknown; running?: unknown } | undefined;
  const title = typeof page?.title === 'string' ? page.title : '';
  const text = typeof page?.text === 'string' ? page.text : '';
  const match = detectPage(tab.url, detectionText(title, text));
  if (match?.kind === 'checkout' && page?.running !== true)
    await browser.scripting.executeScript({ target: { tabId }, files: [GENERIC_SCRIPT] });
  return { match };
}

/** The card's code beyond its pill, built as a script of its own (entrypoints/card-ui.ts). */
const CARD_UI_SCRIPT = '/card-ui.js';

/**
 * Runs the card's code beyond its pill in the frame of the page script that
 * asked (`card.ui`), in the extension's isolated world: the page script then
 * finds it there. Allowed on the vendors' hosts (the manifest's host
 * permissions are the content scripts' own hosts) and on sites the user
 * enabled or checked once; no file is exposed to the page.
 */
export async function runCardUi(sender: SenderInfo): Promise<ResponseOf<'card.ui'>> {
  if (sender.fromExtension || sender.tabId === undefined) throw new Error('not allowed');
  await browser.scripting.executeScript({
    target: { tabId: sender.tabId, frameIds: [sender.frameId ?? 0] },
    files: [CARD_UI_SCRIPT],
  });
  return { loaded: true };
}
