import { z } from '../zod';
import { PAGE_KINDS } from '../vendors/types';
import { pageMatchSchema } from '../vendors/schema';
import { SHA256_HEX } from './hash';
import { CAPTURE_LIMITS } from './limits';

/**
 * The shapes of everything the evidence locker writes, hashes and exports.
 * Versioned (`schemaVersion`): a reader meets older records through an
 * explicit upgrade, never a cast.
 */
export const EVIDENCE_SCHEMA_VERSION = 1;

export { CAPTURE_LIMITS } from './limits';

export const sha256 = z.string().check(z.regex(SHA256_HEX, 'sha256 hex'));
const isoInstant = z.string().check(
  z.maxLength(40),
  z.refine((s) => !Number.isNaN(Date.parse(s)), 'ISO date-time'),
);

export const fieldValue = z.union([z.string().check(z.maxLength(CAPTURE_LIMITS.fieldValue)), z.number(), z.boolean()]);
export const fieldsSchema = z
  .record(
    z.string().check(z.minLength(1), z.maxLength(CAPTURE_LIMITS.fieldKey), z.regex(/^[A-Za-z][\w.-]*$/, 'field name')),
    fieldValue,
  )
  .check(
    z.refine(
      (fields) => Object.keys(fields).length <= CAPTURE_LIMITS.fields,
      `at most ${CAPTURE_LIMITS.fields} fields`,
    ),
  );
export type SnapshotFields = z.infer<typeof fieldsSchema>;

export const CAPTURE_SOURCES = ['auto', 'manual'] as const;
export type CaptureSource = (typeof CAPTURE_SOURCES)[number];

/** What the page side hands over for one capture (untrusted: re-redacted and re-hashed by the worker). */
export const capturePayloadSchema = z.object({
  url: z.url().check(z.maxLength(CAPTURE_LIMITS.url)),
  title: z.string().check(z.maxLength(CAPTURE_LIMITS.title)),
  match: pageMatchSchema,
  text: z.string().check(z.maxLength(CAPTURE_LIMITS.text)),
  dom: z.string().check(z.maxLength(CAPTURE_LIMITS.dom)),
  fields: fieldsSchema,
  source: z.enum(CAPTURE_SOURCES),
  note: z._default(z.string().check(z.maxLength(CAPTURE_LIMITS.note)), ''),
});
export type CapturePayload = z.infer<typeof capturePayloadSchema>;
export type CapturePayloadInput = z.input<typeof capturePayloadSchema>;

export const PART_NAMES = ['text', 'dom', 'fields', 'screenshot'] as const;
export type PartName = (typeof PART_NAMES)[number];
/** The file each part becomes in a bundle, under `snapshots/<id>/`. */
export const PART_FILES: Record<PartName, string> = {
  text: 'text.txt',
  dom: 'dom.html',
  fields: 'fields.json',
  screenshot: 'screenshot.jpg',
};

export const partRefSchema = z.object({ sha256, size: z.int().check(z.nonnegative()) });
export type PartRef = z.infer<typeof partRefSchema>;

export const redactionsSchema = z.object({
  cards: z.int().check(z.nonnegative()),
  ids: z.int().check(z.nonnegative()),
  secrets: z.int().check(z.nonnegative()),
  /** Frames of another origin covered in the screenshot and left out of the copy: not read, so not redacted (absent: none). */
  frames: z.optional(z.int().check(z.positive())),
});

const entryId = z.string().check(z.regex(/^(snap|note|tomb)-\d{6,}$/));

/** The hashed content of one snapshot: the chain entry's `bodyHash` is the SHA-256 of its canonical JSON. */
export const snapshotBodySchema = z.object({
  schemaVersion: z.literal(EVIDENCE_SCHEMA_VERSION),
  type: z.literal('snapshot'),
  id: entryId,
  vendor: z.string().check(z.minLength(1), z.maxLength(64)),
  kind: z.enum(PAGE_KINDS),
  url: z.string().check(z.maxLength(CAPTURE_LIMITS.url)),
  title: z.string().check(z.maxLength(CAPTURE_LIMITS.title)),
  capturedAt: isoInstant,
  capturedAtShanghai: z.string().check(z.maxLength(40)),
  source: z.enum(CAPTURE_SOURCES),
  note: z.string().check(z.maxLength(CAPTURE_LIMITS.note)),
  fields: fieldsSchema,
  /** The earlier snapshot of the same order (or page) this one follows, e.g. after a status change. */
  previousSnapshotId: z.nullable(entryId),
  subjectKey: z.string().check(z.maxLength(CAPTURE_LIMITS.url + 80)),
  dedupeKey: sha256,
  redactions: redactionsSchema,
  parts: z.object({
    text: partRefSchema,
    dom: partRefSchema,
    fields: partRefSchema,
    screenshot: z.nullable(partRefSchema),
  }),
});
export type SnapshotBody = z.infer<typeof snapshotBodySchema>;

/** A note added later: its own chain entry, so notes are as tamper-evident as captures. */
export const noteBodySchema = z.object({
  schemaVersion: z.literal(EVIDENCE_SCHEMA_VERSION),
  type: z.literal('note'),
  id: entryId,
  snapshotId: entryId,
  text: z.string().check(z.minLength(1), z.maxLength(CAPTURE_LIMITS.note)),
  at: isoInstant,
  atShanghai: z.string().check(z.maxLength(40)),
});
export type NoteBody = z.infer<typeof noteBodySchema>;

/** Deleting a snapshot removes its content but appends this, so the chain still verifies. */
export const tombstoneBodySchema = z.object({
  schemaVersion: z.literal(EVIDENCE_SCHEMA_VERSION),
  type: z.literal('tombstone'),
  id: entryId,
  snapshotId: entryId,
  at: isoInstant,
  atShanghai: z.string().check(z.maxLength(40)),
});
export type TombstoneBody = z.infer<typeof tombstoneBodySchema>;

export const ENTRY_TYPES = ['snapshot', 'note', 'tombstone'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

/** One link of the hash chain. `hash` = SHA-256 of the canonical JSON of every other field. */
export const chainEntrySchema = z.object({
  seq: z.int().check(z.positive()),
  type: z.enum(ENTRY_TYPES),
  id: entryId,
  /** The snapshot the entry is about (itself for a snapshot). */
  ref: entryId,
  prevHash: sha256,
  bodyHash: sha256,
  hash: sha256,
});
export type ChainEntry = z.infer<typeof chainEntrySchema>;
