import { z } from '../zod';
import { capturePayloadSchema, noteBodySchema, sha256, snapshotBodySchema, CAPTURE_LIMITS } from '../evidence/schema';
import { PACKED_LIMITS, SCREENSHOT_TICKET } from '../evidence/limits';
import { listQuerySchema, snapshotSummarySchema } from '../evidence/query';
import { LOCALES } from '../i18n/core';
import { snapshotId } from './common';

/** Why a capture was not saved; each reason has a message in the catalogs (`evidence.error.*`). */
export const CAPTURE_FAILURES = ['quota', 'storage', 'too-large', 'invalid', 'not-allowed'] as const;
export type CaptureFailure = (typeof CAPTURE_FAILURES)[number];

const screenshotTicket = z.string().check(z.regex(SCREENSHOT_TICKET));
const base64Text = (max: number) => z.string().check(z.maxLength(max), z.regex(/^[A-Za-z0-9+/]*={0,2}$/));

/** Saving a page: from its content script, or from the popup for any tab. */
function captureMessages() {
  const captureResponse = z.discriminatedUnion('status', [
    /** Acknowledged only after the write transaction committed. */
    z.object({
      status: z.literal('saved'),
      id: snapshotId,
      seq: z.int().check(z.positive()),
      hash: sha256,
      screenshot: z.boolean(),
    }),
    /** Nothing new: the latest snapshot of this order (or page) already shows the same. */
    z.object({ status: z.literal('duplicate'), id: snapshotId }),
    z.object({
      status: z.literal('failed'),
      reason: z.enum(CAPTURE_FAILURES),
      message: z.string().check(z.maxLength(2000)),
    }),
  ]);

  return {
    /**
     * Content script → worker, with the page's sensitive fields masked: take a
     * screenshot of the sender's tab now (if it is the visible tab and the browser
     * allows it), under the page's ticket, for the `evidence.capture` that names
     * it. Answers once the picture exists (the page is unmasked then).
     */
    'evidence.screenshot': {
      from: 'page',
      request: z.object({ ticket: screenshotTicket }),
      response: z.object({ taken: z.boolean() }),
    },
    /**
     * Content script → worker: the page text of a capture about to be sent, as
     * the page read it (not yet redacted), under the capture's ticket, ahead of
     * the page copy: the worker redacts and hashes it while the page is masked
     * and serialised. Kept for that tab's `evidence.capture` naming the ticket
     * as `textTicket`, once; `accepted` is false for a ticket already used.
     */
    'evidence.captureText': {
      from: 'page',
      request: z.object({ ticket: screenshotTicket, text: z.string().check(z.maxLength(CAPTURE_LIMITS.text)) }),
      response: z.object({ accepted: z.boolean() }),
    },
    /**
     * Content script → worker: save this page as a snapshot (re-redacted, hashed,
     * chained, stored), with the screenshot taken under `screenshotTicket` (sent
     * without waiting for it: the worker waits only to seal).
     */
    'evidence.capture': {
      from: 'page',
      request: z
        .extend(capturePayloadSchema, {
          screenshotTicket: z._default(z.nullable(screenshotTicket), null),
          /** The page text came ahead under this ticket (`evidence.captureText`): `text` is empty, and so is `packed.text`. */
          textTicket: z.optional(screenshotTicket),
          /**
           * The page text and page copy packed for the journey (platform/capture-packing.ts):
           * then `text` and `dom` are empty and the worker unpacks these, within the same limits.
           */
          packed: z.optional(
            z.object({
              text: z.optional(base64Text(PACKED_LIMITS.textBase64)),
              dom: base64Text(PACKED_LIMITS.domBase64),
            }),
          ),
        })
        .check(
          z.refine(
            (r) => r.packed === undefined || (r.text === '' && r.dom === ''),
            'with packed parts, text and dom are empty',
          ),
          z.refine(
            (r) =>
              r.textTicket === undefined
                ? r.packed?.text !== undefined || r.packed === undefined
                : r.text === '' && r.packed?.text === undefined,
            'the text comes either ahead (textTicket) or with the capture, once',
          ),
        ),
      response: captureResponse,
    },
    /**
     * Extension page (popup) → worker: save the page in this tab as a manual
     * snapshot, the same way the context menu and the keyboard shortcut do (the
     * worker injects the capture script; activeTab must cover the tab).
     */
    'evidence.captureTab': {
      from: 'extension',
      request: z.object({ tabId: z.int().check(z.nonnegative()) }),
      response: captureResponse,
    },
  } as const;
}

/** The stored evidence, for the extension's pages: list, read, annotate, delete, export, verify. */
function storedEvidenceMessages() {
  const storedNote = z.object({ seq: z.int().check(z.positive()), chainHash: sha256, body: noteBodySchema });

  return {
    /** Locker → worker: snapshots newest first, filtered, one page at a time. */
    'evidence.list': {
      from: 'extension',
      request: listQuerySchema,
      response: z.object({ items: z.array(snapshotSummarySchema), total: z.int().check(z.nonnegative()) }),
    },
    /** Locker → worker: one snapshot with its text, notes and screenshot (a JPEG data URL). */
    'evidence.get': {
      from: 'extension',
      request: z.object({ id: snapshotId }),
      response: z.object({
        snapshot: z.nullable(
          z.object({
            summary: snapshotSummarySchema,
            body: snapshotBodySchema,
            chainHash: sha256,
            text: z.string().check(z.maxLength(CAPTURE_LIMITS.text * 2)),
            notes: z.array(storedNote),
            screenshot: z.nullable(z.string().check(z.maxLength(CAPTURE_LIMITS.screenshotBytes * 2))),
            domSize: z.int().check(z.nonnegative()),
          }),
        ),
      }),
    },
    /** Popup → worker: the bodies of some snapshots (fields, URL, times), without text, copy or picture. */
    'evidence.bodies': {
      from: 'extension',
      request: z.object({ ids: z.array(snapshotId).check(z.maxLength(20)) }),
      response: z.object({ bodies: z.array(snapshotBodySchema) }),
    },
    /** Locker → worker: remove a snapshot's content; the chain keeps its entry and gains a tombstone. */
    'evidence.delete': {
      from: 'extension',
      request: z.object({ id: snapshotId }),
      response: z.object({ deleted: z.boolean() }),
    },
    /** Locker → worker: add a note (its own chain entry). */
    'evidence.note': {
      from: 'extension',
      request: z.object({
        id: snapshotId,
        text: z.string().check(z.trim(), z.minLength(1), z.maxLength(CAPTURE_LIMITS.note)),
      }),
      response: z.object({ noteId: z.nullable(z.string()) }),
    },
    /** Locker → worker: a bundle (ZIP, base64) of the chosen snapshots, or of all when `ids` is null. */
    'evidence.export': {
      from: 'extension',
      request: z.object({ ids: z.nullable(z.array(snapshotId).check(z.maxLength(100_000))), locale: z.enum(LOCALES) }),
      response: z.object({
        fileName: z.string(),
        base64: z.string(),
        count: z.int().check(z.nonnegative()),
        size: z.int().check(z.nonnegative()),
        headHash: sha256,
      }),
    },
    /** Locker → worker: re-walk the stored chain and re-hash every part. */
    'evidence.verify': {
      from: 'extension',
      request: z.object({}),
      response: z.object({ ok: z.boolean(), length: z.int().check(z.nonnegative()), problems: z.array(z.string()) }),
    },
    /**
     * Options / locker → worker: the fingerprint of the installation's bundle
     * signing key (created on first need), and the chain head a ticket can cite.
     */
    'evidence.signingKey': {
      from: 'extension',
      request: z.object({}),
      response: z.object({ algorithm: z.string(), fingerprint: z.string().check(z.maxLength(100)), headHash: sha256 }),
    },
    /** Options → worker: delete every snapshot, note and chain entry (the chain starts again from genesis). */
    'evidence.wipe': {
      from: 'extension',
      request: z.object({ confirm: z.literal(true) }),
      response: z.object({ wiped: z.int().check(z.nonnegative()) }),
    },
  } as const;
}

/** The evidence locker's messages: captures, the stored snapshots, their export and verification. */
export function evidenceMessages() {
  return { ...captureMessages(), ...storedEvidenceMessages() };
}
