import { browser, type Browser } from 'wxt/browser';
import {
  createDispatcher,
  envelope,
  MessagingError,
  unwrapReply,
  type Handlers,
  type MessageType,
  type RequestOf,
  type ResponseOf,
  type SenderInfo,
} from '../lib/messages';

/**
 * Requests to the worker: its dispatcher validated each response against the
 * protocol before it left (it answers `bad-response` otherwise), so the reply
 * is not parsed a second time; the schema-free sender serves every context.
 */
export { sendMessage } from './page-messaging';

/**
 * Sends a request to the content script of one tab. Its reply comes from a
 * script that runs beside a web page, so it is validated against the protocol.
 */
export async function sendToTab<K extends MessageType>(
  tabId: number,
  type: K,
  data: RequestOf<K>,
): Promise<ResponseOf<K>> {
  let raw: unknown;
  try {
    raw = await browser.tabs.sendMessage(tabId, envelope(type, data));
  } catch (error) {
    throw new MessagingError('no-receiver', error instanceof Error ? error.message : String(error));
  }
  return unwrapReply(type, raw);
}

function senderInfo(sender: Browser.runtime.MessageSender): SenderInfo {
  return {
    tabId: sender.tab?.id,
    frameId: sender.frameId,
    url: sender.tab?.url ?? sender.url,
    // The worker, the popup, or an extension page such as the evidence locker opened in a tab
    // (its frame URL is ours); a content script's frame URL is the web page's.
    fromExtension:
      sender.id === browser.runtime.id &&
      (sender.tab === undefined || (sender.url ?? '').startsWith(browser.runtime.getURL('/'))),
  };
}

/**
 * Registers this context's handlers. Every request is validated against the
 * protocol before a handler sees it; malformed ones get a `malformed` reply.
 * `ready`, when given, is awaited before a message is read at all (the worker's
 * data, platform/worker-data.ts); if it fails, the sender gets a `handler` error.
 * Returns a function that removes the listener.
 */
export function listen(handlers: Handlers, ready: () => Promise<void> = () => Promise.resolve()): () => void {
  const { accepts, dispatch } = createDispatcher(handlers);
  const listener = (raw: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: unknown) => void) => {
    if (!accepts(raw)) return false;
    const info = senderInfo(sender);
    void ready()
      .then(
        () => dispatch(raw, info),
        (error: unknown) => ({
          ok: false,
          error: { code: 'handler', message: error instanceof Error ? error.message : String(error) },
        }),
      )
      .then(sendResponse);
    return true; // the reply is sent asynchronously
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
