import { z } from '../zod';
import { lazy } from '../lazy';
import { ERROR_CODES, MessagingError, wrap, type Envelope, type Reply } from '../wire';
import { cardMessages } from './card';
import { claimMessages } from './claims';
import { evidenceMessages } from './evidence';
import { outageMessages } from './outages';
import { settingsMessages } from './settings';
import { tabMessages } from './tabs';
import type { SenderRule } from './common';

export {
  ERROR_CODES,
  errorMessageKey,
  MessagingError,
  type Envelope,
  type MessagingErrorCode,
  type Reply,
} from '../wire';
export { CAPTURE_FAILURES, type CaptureFailure } from './evidence';
export type { SenderRule } from './common';

/**
 * The one declaration of every message between the extension's contexts, one file per area
 * (tabs, evidence, claims, settings, outages, card). Each entry names who may send it (`from`),
 * a request schema and a response schema. Receivers validate requests and refuse a message from a
 * sender its rule does not allow; the worker validates each response before it leaves; a reply
 * from a content script (which runs beside a hostile page) is validated by the extension page that
 * asked. A claim from another context is data to check, never trusted.
 *
 * The schemas are built on first use rather than when the module loads: a context that only sends
 * to the worker (the popup, whose start-up is timed) never builds the forty-odd request and
 * response schemas.
 */
function defineProtocol() {
  return {
    ...tabMessages(),
    ...evidenceMessages(),
    ...claimMessages(),
    ...settingsMessages(),
    ...outageMessages(),
    ...cardMessages(),
  } satisfies Record<string, { from: SenderRule; request: z.ZodMiniType; response: z.ZodMiniType }>;
}

export type Protocol = ReturnType<typeof defineProtocol>;
export const protocol: () => Protocol = lazy(defineProtocol);
export type MessageType = keyof Protocol;
export type RequestOf<K extends MessageType> = z.infer<Protocol[K]['request']>;
export type ResponseOf<K extends MessageType> = z.infer<Protocol[K]['response']>;

/** Every message travels in this envelope; `rg` keeps other extensions' traffic apart. */
export const envelopeSchema = z.object({
  rg: z.literal(1),
  type: z.string().check(z.minLength(1), z.maxLength(100)),
  data: z.unknown(),
});

export const replySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), issues: z.optional(z.array(z.string())) }),
  }),
]);

export function envelope<K extends MessageType>(type: K, data: RequestOf<K>): Envelope {
  return wrap(type, data);
}

function describeIssues(error: z.core.$ZodError): string[] {
  return error.issues.slice(0, 10).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

/** What a receiver knows about who sent a message (a subset of runtime.MessageSender). */
export interface SenderInfo {
  tabId?: number;
  /** The sender's frame in its tab (0: the top frame), for a content script. */
  frameId?: number;
  url?: string;
  /** True when the sender is one of the extension's own pages or the worker. */
  fromExtension: boolean;
}

export type Handler<K extends MessageType> = (
  data: RequestOf<K>,
  sender: SenderInfo,
) => Promise<ResponseOf<K>> | ResponseOf<K>;
export type Handlers = { [K in MessageType]?: Handler<K> };

/**
 * Turns a raw incoming message into a reply. `dispatch` returns `undefined` for
 * messages this receiver does not answer, so other listeners may.
 */
export function createDispatcher(handlers: Handlers) {
  /**
   * Whether this receiver answers `raw`: our envelopes whose type it handles,
   * plus malformed or unknown ones (so the sender learns what was wrong).
   * Decided synchronously, as the browser's listener contract needs.
   */
  const accepts = (raw: unknown): boolean => {
    if (typeof raw !== 'object' || raw === null || (raw as { rg?: unknown }).rg !== 1) return false;
    const type = (raw as { type?: unknown }).type;
    if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(protocol(), type)) return true;
    return handlers[type as MessageType] !== undefined;
  };
  const dispatch = async (raw: unknown, sender: SenderInfo): Promise<Reply<unknown> | undefined> => {
    if (!accepts(raw)) return undefined;
    const parsed = envelopeSchema.safeParse(raw);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'malformed', message: 'malformed envelope', issues: describeIssues(parsed.error) },
      };
    }
    const { type, data } = parsed.data;
    if (!Object.prototype.hasOwnProperty.call(protocol(), type)) {
      return { ok: false, error: { code: 'unknown-type', message: `unknown message type "${type}"` } };
    }
    const key = type as MessageType;
    const handler = handlers[key] as Handler<typeof key> | undefined;
    if (!handler) return undefined;
    // The sender rule, checked once here for every message (before the request is even read).
    if (protocol()[key].from === 'extension' && !sender.fromExtension) {
      return {
        ok: false,
        error: { code: 'forbidden', message: `"${type}" may be sent only by the extension's own pages` },
      };
    }
    const request = protocol()[key].request.safeParse(data);
    if (!request.success) {
      return {
        ok: false,
        error: { code: 'malformed', message: `malformed "${type}" request`, issues: describeIssues(request.error) },
      };
    }
    try {
      const result = await handler(request.data as RequestOf<MessageType>, sender);
      const response = protocol()[key].response.safeParse(result);
      if (!response.success) {
        return {
          ok: false,
          error: {
            code: 'bad-response',
            message: `handler for "${type}" returned a malformed response`,
            issues: describeIssues(response.error),
          },
        };
      }
      return { ok: true, data: response.data };
    } catch (error) {
      return { ok: false, error: { code: 'handler', message: error instanceof Error ? error.message : String(error) } };
    }
  };
  return { accepts, dispatch };
}

/** Checks a reply on the sending side and unwraps it, or throws a MessagingError. */
export function unwrapReply<K extends MessageType>(type: K, raw: unknown): ResponseOf<K> {
  if (raw === undefined) throw new MessagingError('no-receiver', `no receiver answered "${type}"`);
  const reply = replySchema.safeParse(raw);
  if (!reply.success)
    throw new MessagingError('malformed', `malformed reply to "${type}"`, describeIssues(reply.error));
  if (!reply.data.ok)
    throw new MessagingError(reply.data.error.code, reply.data.error.message, reply.data.error.issues);
  const data = protocol()[type].response.safeParse(reply.data.data);
  if (!data.success)
    throw new MessagingError('bad-response', `malformed "${type}" response`, describeIssues(data.error));
  return data.data as ResponseOf<K>;
}
