import { browser } from 'wxt/browser';
import { detectPage, detectionText, DETECT_TEXT_LIMIT } from '../../lib/detect';
import type { RequestOf, ResponseOf } from '../../lib/messages';
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
  if (match?.kind === 'checkout' && page?.running !== true) await browser.scripting.executeScript({ target: { tabId }, files: [GENERIC_SCRIPT] });
  return { match };
}
