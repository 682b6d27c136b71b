import { z } from './zod';
import { lazy } from './lazy';
import { pageMatchSchema } from './vendors/schema';
import { LOCALES } from './i18n/core';
import { capturePayloadSchema, noteBodySchema, sha256, snapshotBodySchema, CAPTURE_LIMITS } from './evidence/schema';
import { PACKED_LIMITS, SCREENSHOT_TICKET } from './evidence/limits';
import { listQuerySchema, snapshotSummarySchema } from './evidence/query';
import { SNAPSHOTS_READ } from './evidence/tab-order';
import { cardRequestSchema, cardResponseSchema, headlineWordsSchema } from './card/schema';
import { webmailSightingSchema } from './outages';
import { FILL_FIELDS, type FillField } from './tickets/fill';
import { ERROR_CODES, MessagingError, wrap, type Envelope, type Reply } from './wire';

export { ERROR_CODES, errorMessageKey, MessagingError, type Envelope, type MessagingErrorCode, type Reply } from './wire';

/**
 * The one declaration of every message between the extension's contexts.
 * Each entry names a request schema and a response schema. Receivers validate
 * requests, and the worker validates each response before it leaves; a reply
 * from a content script (which runs beside a hostile page) is validated by the
 * extension page that asked. A claim from another context is data to check,
 * never trusted.
 */

const snapshotId = z.string().regex(/^snap-\d{6,}$/);
const screenshotTicket = z.string().regex(SCREENSHOT_TICKET);
const base64Text = (max: number) => z.string().max(max).regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** `{ title?, description?, … }`: one optional string per ticket field a form can take. */
const fillFieldsObject = (max: number) =>
  z.object(Object.fromEntries(FILL_FIELDS.map((f) => [f, z.string().max(max).optional()])) as Record<FillField, z.ZodOptional<z.ZodString>>).strict();

/** Why a capture was not saved; each reason has a message in the catalogs (`evidence.error.*`). */
export const CAPTURE_FAILURES = ['quota', 'storage', 'too-large', 'invalid', 'not-allowed'] as const;
export type CaptureFailure = (typeof CAPTURE_FAILURES)[number];

/**
 * The message schemas, built on first use rather than when the module loads:
 * a context that only sends to the worker (the popup, whose start-up is timed)
 * never builds the forty-odd request and response schemas.
 */
function defineProtocol() {
  const captureResponse = z.discriminatedUnion('status', [
    /** Acknowledged only after the write transaction committed. */
    z.object({ status: z.literal('saved'), id: snapshotId, seq: z.number().int().positive(), hash: sha256, screenshot: z.boolean() }),
    /** Nothing new: the latest snapshot of this order (or page) already shows the same. */
    z.object({ status: z.literal('duplicate'), id: snapshotId }),
    z.object({ status: z.literal('failed'), reason: z.enum(CAPTURE_FAILURES), message: z.string().max(2000) }),
  ]);

  const tabStatusSchema = z.object({
    match: pageMatchSchema.nullable(),
    url: z.string().nullable(),
    title: z.string().nullable(),
    detectedAt: z.string().nullable(),
  });

  const storedNote = z.object({ seq: z.number().int().positive(), chainHash: sha256, body: noteBodySchema });

  /** lib/evidence/tab-order.ts `TabOrder`. */
  const tabOrderSchema = z.object({
    ref: z.object({ vendor: z.string(), orderId: z.string(), capturedAt: z.string(), status: z.string().nullable(), title: z.string() }).nullable(),
    bodies: z.array(snapshotBodySchema).max(SNAPSHOTS_READ),
  });

  return {
    /** Content script → worker: what this tab shows now (null: no vendor page, e.g. after SPA navigation). */
    'page.detected': {
      request: z.object({
        url: z.string().url().max(8192),
        title: z.string().max(2000),
        match: pageMatchSchema.nullable(),
      }),
      response: z.object({ accepted: z.boolean() }),
    },
    /** Popup → worker: what is known about a tab. */
    'tab.status': {
      request: z.object({ tabId: z.number().int().nonnegative() }),
      response: tabStatusSchema,
    },
    /**
     * Popup → worker, as it opens: the tab's status and the saved order it shows
     * (with that order's latest snapshot bodies), in one round trip.
     */
    'tab.order': {
      request: z.object({ tabId: z.number().int().nonnegative() }),
      response: z.object({ status: tabStatusSchema, order: tabOrderSchema }),
    },
    /**
     * Content script → worker, with the page's sensitive fields masked: take a
     * screenshot of the sender's tab now (if it is the visible tab and the browser
     * allows it), under the page's ticket, for the `evidence.capture` that names
     * it. Answers once the picture exists (the page is unmasked then).
     */
    'evidence.screenshot': {
      request: z.object({ ticket: screenshotTicket }),
      response: z.object({ taken: z.boolean() }),
    },
    /**
     * Content script → worker: save this page as a snapshot (re-redacted, hashed,
     * chained, stored), with the screenshot taken under `screenshotTicket` (sent
     * without waiting for it: the worker waits only to seal).
     */
    'evidence.capture': {
      request: capturePayloadSchema
        .extend({
          screenshotTicket: screenshotTicket.nullable().default(null),
          /**
           * The page text and page copy packed for the journey (platform/capture-packing.ts):
           * then `text` and `dom` are empty and the worker unpacks these, within the same limits.
           */
          packed: z.object({ text: base64Text(PACKED_LIMITS.textBase64), dom: base64Text(PACKED_LIMITS.domBase64) }).optional(),
        })
        .refine((r) => r.packed === undefined || (r.text === '' && r.dom === ''), 'with packed parts, text and dom are empty'),
      response: captureResponse,
    },
    /** Locker → worker: snapshots newest first, filtered, one page at a time. */
    'evidence.list': {
      request: listQuerySchema,
      response: z.object({ items: z.array(snapshotSummarySchema), total: z.number().int().nonnegative() }),
    },
    /** Locker → worker: one snapshot with its text, notes and screenshot (a JPEG data URL). */
    'evidence.get': {
      request: z.object({ id: snapshotId }),
      response: z.object({
        snapshot: z
          .object({
            summary: snapshotSummarySchema,
            body: snapshotBodySchema,
            chainHash: sha256,
            text: z.string().max(CAPTURE_LIMITS.text * 2),
            notes: z.array(storedNote),
            screenshot: z.string().max(CAPTURE_LIMITS.screenshotBytes * 2).nullable(),
            domSize: z.number().int().nonnegative(),
          })
          .nullable(),
      }),
    },
    /** Locker → worker: remove a snapshot's content; the chain keeps its entry and gains a tombstone. */
    'evidence.delete': {
      request: z.object({ id: snapshotId }),
      response: z.object({ deleted: z.boolean() }),
    },
    /** Locker → worker: add a note (its own chain entry). */
    'evidence.note': {
      request: z.object({ id: snapshotId, text: z.string().trim().min(1).max(CAPTURE_LIMITS.note) }),
      response: z.object({ noteId: z.string().nullable() }),
    },
    /** Locker → worker: a bundle (ZIP, base64) of the chosen snapshots, or of all when `ids` is null. */
    'evidence.export': {
      request: z.object({ ids: z.array(snapshotId).max(100_000).nullable(), locale: z.enum(LOCALES) }),
      response: z.object({ fileName: z.string(), base64: z.string(), count: z.number().int().nonnegative(), size: z.number().int().nonnegative(), headHash: sha256 }),
    },
    /** Locker → worker: re-walk the stored chain and re-hash every part. */
    'evidence.verify': {
      request: z.object({}),
      response: z.object({ ok: z.boolean(), length: z.number().int().nonnegative(), problems: z.array(z.string()) }),
    },
    /**
     * Options / locker → worker: the fingerprint of the installation's bundle
     * signing key (created on first need), and the chain head a ticket can cite.
     */
    'evidence.signingKey': {
      request: z.object({}),
      response: z.object({ algorithm: z.string(), fingerprint: z.string().max(100), headHash: sha256 }),
    },
    // ── Evidence locker, context menu and shortcut capture (add entries here) ──
    /**
     * Extension page (popup) → worker: save the page in this tab as a manual
     * snapshot, the same way the context menu and the keyboard shortcut do (the
     * worker injects the capture script; activeTab must cover the tab).
     */
    'evidence.captureTab': {
      request: z.object({ tabId: z.number().int().nonnegative() }),
      response: captureResponse,
    },

    // ── Eligibility checker and tickets (add entries here) ──
    /** Popup → worker: the bodies of some snapshots (fields, URL, times), without text, copy or picture. */
    'evidence.bodies': {
      request: z.object({ ids: z.array(snapshotId).max(20) }),
      response: z.object({ bodies: z.array(snapshotBodySchema) }),
    },
    /**
     * Popup → content script of a vendor ticket page: put the drafted ticket into
     * the page's form (`dryRun`: only say what would go where). Never submits.
     */
    'ticket.fill': {
      request: z.object({
        values: fillFieldsObject(20_000),
        /** The vendor form's own field names (its ticket template), as hints. */
        hints: fillFieldsObject(100).default({}),
        dryRun: z.boolean().default(false),
      }),
      response: z.object({
        status: z.enum(['filled', 'preview', 'no-form', 'not-ticket-page']),
        url: z.string().max(8192),
        filled: z.array(z.object({ field: z.enum(FILL_FIELDS), label: z.string().max(200), truncated: z.boolean() })),
        /** Controls that already held the user's own text and were left alone. */
        kept: z.array(z.object({ field: z.enum(FILL_FIELDS), label: z.string().max(200) })),
        missing: z.array(z.enum(FILL_FIELDS)),
        /** Controls that were written but put their old value back (a page script refused it): not filled. */
        rejected: z.array(z.object({ field: z.enum(FILL_FIELDS), label: z.string().max(200) })).optional(),
      }),
    },

    // ── Settings, SLA outage log and reminders (add entries here) ──
    /** Options → worker: delete every snapshot, note and chain entry (the chain starts again from genesis). */
    'evidence.wipe': {
      request: z.object({ confirm: z.literal(true) }),
      response: z.object({ wiped: z.number().int().nonnegative() }),
    },
    /** Options → worker: register the generic checkout script for exactly the enabled sites that have their permission. */
    'sites.sync': {
      request: z.object({}),
      response: z.object({ registered: z.array(z.string()), missingPermission: z.array(z.string()) }),
    },
    /** Any extension page → worker: recompute deadlines, alarms and the badge from stored data now. */
    'reminders.sync': {
      request: z.object({}),
      response: z.object({
        alarms: z.array(z.object({ name: z.string(), fireAt: z.number() })),
        badge: z.number().int().nonnegative(),
        /** The deadlines still ahead, soonest first (in the user's language). */
        deadlines: z.array(
          z.object({
            id: z.string(),
            kind: z.enum(['refund-window', 'sla-opens', 'sla-closes', 'service-expiry']),
            date: z.string(),
            label: z.string(),
            estimated: z.boolean(),
            conditional: z.boolean(),
            orderId: z.string().nullable(),
            product: z.string().nullable(),
            dataDeletionWarning: z.boolean(),
            /** What the vendor may do once the service ends, from its SLA definition. */
            afterEnd: z.string().nullable(),
            /** The order's headline, in the words of the card and the popup (null for SLA months). */
            headline: headlineWordsSchema.nullable(),
            /** The notification a reminder of this deadline shows now. */
            notification: z.object({ title: z.string(), message: z.string() }),
          }),
        ),
      }),
    },
    /** SLA page → worker: Exmail webmail failure pages seen in the browser, newest first. */
    'outage.sightings': {
      request: z.object({}),
      response: z.object({ sightings: z.array(webmailSightingSchema()) }),
    },

    /**
     * Extension page → worker: the headline of each stored order snapshot, in the
     * words of the card, the popup and reminders (null for a snapshot that is no order).
     */
    'order.headlines': {
      request: z.object({ ids: z.array(snapshotId).max(100), locale: z.enum(LOCALES) }),
      response: z.object({ headlines: z.record(z.string(), headlineWordsSchema.nullable()) }),
    },

    // ── In-page card ──
    /** Content script → worker: what the card says about the page, from what the script read there. */
    'card.content': {
      request: cardRequestSchema,
      response: cardResponseSchema,
    },
    /**
     * Popup → worker: what the tab's in-page card says (from the reading its content
     * script last sent), in the popup's language; null when no card has asked in that tab.
     */
    'tab.card': {
      request: z.object({ tabId: z.number().int().nonnegative(), locale: z.enum(LOCALES) }),
      response: z.object({ content: cardResponseSchema.nullable() }),
    },
    /**
     * Popup → worker: run checkout detection in this tab once (the activeTab grant
     * from opening the popup covers it); answers what the page was recognised as.
     */
    'sites.checkOnce': {
      request: z.object({ tabId: z.number().int().nonnegative() }),
      response: z.object({ match: pageMatchSchema.nullable() }),
    },
    /** Content script → worker: open the eligibility checker (the popup page, in a tab) about the sender's tab. */
    'ui.openChecker': {
      request: z.object({}),
      response: z.object({ opened: z.boolean() }),
    },

    /** Any context → worker: liveness and version. */
    'worker.ping': {
      request: z.object({}),
      response: z.object({ version: z.string(), startedAt: z.string() }),
    },
  } as const;
}

export type Protocol = ReturnType<typeof defineProtocol>;
export const protocol: () => Protocol = lazy(defineProtocol);
export type MessageType = keyof Protocol;
export type RequestOf<K extends MessageType> = z.infer<Protocol[K]['request']>;
export type ResponseOf<K extends MessageType> = z.infer<Protocol[K]['response']>;

/** Every message travels in this envelope; `rg` keeps other extensions' traffic apart. */
export const envelopeSchema = z.object({
  rg: z.literal(1),
  type: z.string().min(1).max(100),
  data: z.unknown(),
});

export const replySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), issues: z.array(z.string()).optional() }),
  }),
]);

export function envelope<K extends MessageType>(type: K, data: RequestOf<K>): Envelope {
  return wrap(type, data);
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 10).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

/** What a receiver knows about who sent a message (a subset of runtime.MessageSender). */
export interface SenderInfo {
  tabId?: number;
  url?: string;
  /** True when the sender is one of the extension's own pages or the worker. */
  fromExtension: boolean;
}

export type Handler<K extends MessageType> = (data: RequestOf<K>, sender: SenderInfo) => Promise<ResponseOf<K>> | ResponseOf<K>;
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
      return { ok: false, error: { code: 'malformed', message: 'malformed envelope', issues: describeIssues(parsed.error) } };
    }
    const { type, data } = parsed.data;
    if (!Object.prototype.hasOwnProperty.call(protocol(), type)) {
      return { ok: false, error: { code: 'unknown-type', message: `unknown message type "${type}"` } };
    }
    const key = type as MessageType;
    const handler = handlers[key] as Handler<typeof key> | undefined;
    if (!handler) return undefined;
    const request = protocol()[key].request.safeParse(data);
    if (!request.success) {
      return { ok: false, error: { code: 'malformed', message: `malformed "${type}" request`, issues: describeIssues(request.error) } };
    }
    try {
      const result = await handler(request.data as RequestOf<MessageType>, sender);
      const response = protocol()[key].response.safeParse(result);
      if (!response.success) {
        return { ok: false, error: { code: 'bad-response', message: `handler for "${type}" returned a malformed response`, issues: describeIssues(response.error) } };
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
  if (!reply.success) throw new MessagingError('malformed', `malformed reply to "${type}"`, describeIssues(reply.error));
  if (!reply.data.ok) throw new MessagingError(reply.data.error.code, reply.data.error.message, reply.data.error.issues);
  const data = protocol()[type].response.safeParse(reply.data.data);
  if (!data.success) throw new MessagingError('bad-response', `malformed "${type}" response`, describeIssues(data.error));
  return data.data as ResponseOf<K>;
}
