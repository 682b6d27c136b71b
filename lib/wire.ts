/**
 * The wire format every message between the extension's contexts travels in,
 * without its schemas: the envelope, the reply, and the error a sender sees.
 * Scripts that run inside web pages use this module alone, so they load no
 * validator; the schemas of each message live in `lib/messages.ts`, where the
 * receiving side checks requests and the answering side checks its responses
 * before they leave.
 */

/** Every message travels in this envelope; `rg` keeps other extensions' traffic apart. */
export interface Envelope {
  rg: 1;
  type: string;
  data: unknown;
}

export const ERROR_CODES = [
  'malformed',
  'unknown-type',
  'forbidden',
  'handler',
  'bad-response',
  'no-receiver',
] as const;
export type MessagingErrorCode = (typeof ERROR_CODES)[number];

export type Reply<T> =
  { ok: true; data: T } | { ok: false; error: { code: MessagingErrorCode; message: string; issues?: string[] } };

export class MessagingError extends Error {
  constructor(
    readonly code: MessagingErrorCode,
    message: string,
    readonly issues?: string[],
  ) {
    super(message);
    this.name = 'MessagingError';
  }
}

export function wrap(type: string, data: unknown): Envelope {
  return { rg: 1, type, data };
}

/** Whether `raw` is one of our envelopes (any type); decided synchronously for the browser's listener contract. */
export function isEnvelope(raw: unknown): raw is Envelope {
  return (
    typeof raw === 'object' &&
    raw !== null &&
    (raw as { rg?: unknown }).rg === 1 &&
    typeof (raw as { type?: unknown }).type === 'string'
  );
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * A reply's payload, or a MessagingError for a failure reply, a missing one or
 * one of the wrong shape. The payload is not checked against the message's
 * schema here: the answering dispatcher (`createDispatcher`) has already done
 * so and sends `bad-response` instead of anything that fails it.
 */
export function replyData(type: string, raw: unknown): unknown {
  if (raw === undefined) throw new MessagingError('no-receiver', `no receiver answered "${type}"`);
  if (!isRecord(raw) || typeof raw.ok !== 'boolean')
    throw new MessagingError('malformed', `malformed reply to "${type}"`);
  if (raw.ok) {
    if (!('data' in raw)) throw new MessagingError('malformed', `malformed reply to "${type}"`);
    return raw.data;
  }
  const error = raw.error;
  if (
    !isRecord(error) ||
    typeof error.message !== 'string' ||
    !(ERROR_CODES as readonly unknown[]).includes(error.code)
  ) {
    throw new MessagingError('malformed', `malformed reply to "${type}"`);
  }
  const issues = Array.isArray(error.issues)
    ? error.issues.filter((i): i is string => typeof i === 'string')
    : undefined;
  throw new MessagingError(error.code as MessagingErrorCode, error.message, issues);
}

/** The i18n key that explains a messaging failure to the user. */
export function errorMessageKey(code: MessagingErrorCode) {
  switch (code) {
    case 'malformed':
    case 'bad-response':
      return 'error.malformed' as const;
    case 'unknown-type':
      return 'error.unknownType' as const;
    case 'forbidden':
      return 'error.forbidden' as const;
    case 'no-receiver':
      return 'error.noReceiver' as const;
    case 'handler':
      return 'error.handler' as const;
  }
}
