import { browser } from 'wxt/browser';
import type { Handler, Handlers, MessageType, RequestOf, ResponseOf } from '../lib/messages';
import { isEnvelope, MessagingError, replyData, wrap, type Reply } from '../lib/wire';

/**
 * Messaging for scripts that run inside web pages. It speaks the same wire
 * format as `platform/messaging.ts` but carries no schemas, so a vendor page
 * loads no validator (on a console with thousands of orders that is most of the
 * script's start-up time). What it may skip is checked elsewhere:
 * - replies come from the worker's dispatcher, which validates every response
 *   against `lib/messages.ts` before it leaves and sends `bad-response` instead;
 * - requests reach a content script only from the extension's own contexts
 *   (`runtime.onMessage` in a content script hears nothing from web pages),
 *   and their senders are type-checked against the same protocol.
 */
export async function sendMessage<K extends MessageType>(type: K, data: RequestOf<K>): Promise<ResponseOf<K>> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage(wrap(type, data));
  } catch (error) {
    throw new MessagingError('no-receiver', error instanceof Error ? error.message : String(error));
  }
  return replyData(type, raw) as ResponseOf<K>;
}

let waking: Promise<unknown> | null = null;

/**
 * Starts the worker if the browser has stopped it (it does after 30 s without
 * an event), without waiting for it. Starting it and evaluating its script
 * takes about 0.3 s here; called when the user points at or focuses a button
 * whose action needs the worker, that start overlaps the move to the click
 * instead of delaying what the click does.
 */
export function wakeWorker(): void {
  waking ??= sendMessage('worker.ping', {})
    .catch(() => undefined)
    .finally(() => {
      waking = null;
    });
}

/** Answers the given message types from the extension's own contexts; returns a function that stops. */
export function listen(handlers: Handlers): () => void {
  const listener = (raw: unknown, sender: { id?: string }, sendResponse: (reply: Reply<unknown>) => void) => {
    if (
      !isEnvelope(raw) ||
      sender.id !== browser.runtime.id ||
      !Object.prototype.hasOwnProperty.call(handlers, raw.type)
    )
      return false;
    const handler = handlers[raw.type as MessageType] as Handler<MessageType> | undefined;
    if (!handler) return false;
    void (async (): Promise<Reply<unknown>> => {
      try {
        return { ok: true, data: await handler(raw.data as RequestOf<MessageType>, { fromExtension: true }) };
      } catch (error) {
        return {
          ok: false,
          error: { code: 'handler', message: error instanceof Error ? error.message : String(error) },
        };
      }
    })().then(sendResponse);
    return true; // the reply is sent asynchronously
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
