import { canonicalBytes, canonicalJson, utf8 } from './canonical';
import { nextEntry, type ChainHead } from './chain';
import { sha256Hex } from './hash';
import { quietMarkup } from './inert';
import {
  countCoveredFrames,
  redactDom,
  redactText,
  redactUrl,
  stripActiveContent,
  type RedactionCount,
} from './redact';
import {
  CAPTURE_LIMITS,
  capturePayloadSchema,
  EVIDENCE_SCHEMA_VERSION,
  type CapturePayloadInput,
  type ChainEntry,
  type NoteBody,
  type PartRef,
  type SnapshotBody,
  type SnapshotFields,
  type TombstoneBody,
} from './schema';
import { subjectKey } from './subject';
import { DOM_PREAMBLE } from './preamble';
import { shanghaiIso, toUtcIso } from './time';

export { subjectKey };

/**
 * Turning a page capture into a chained snapshot, in two steps: `prepareCapture`
 * does the work that does not depend on the chain (validation, redaction,
 * hashing of the parts), `sealSnapshot` binds the result to the chain head
 * inside the store's serialised append.
 */

export { DOM_PREAMBLE };

export interface PreparedCapture {
  vendor: string;
  kind: SnapshotBody['kind'];
  url: string;
  title: string;
  source: SnapshotBody['source'];
  note: string;
  fields: SnapshotFields;
  text: string;
  dom: string;
  /** `text` and `dom` as UTF-8, the bytes their hashes cover (encoded once: on a heavy page that is not free). */
  textBytes: Uint8Array;
  domBytes: Uint8Array;
  screenshot: Uint8Array | null;
  capturedAt: string;
  capturedAtShanghai: string;
  subjectKey: string;
  dedupeKey: string;
  redactions: SnapshotBody['redactions'];
  parts: SnapshotBody['parts'];
}

export class CaptureRejected extends Error {
  constructor(
    readonly reason: 'invalid' | 'too-large',
    message: string,
  ) {
    super(message);
    this.name = 'CaptureRejected';
  }
}

async function partRef(bytes: Uint8Array): Promise<PartRef> {
  return { sha256: await sha256Hex(bytes), size: bytes.length };
}

/** Redacts every string field value (an extractor may pick up a card number as "account"). */
function redactFields(fields: SnapshotFields, count: RedactionCount): SnapshotFields {
  const out: SnapshotFields = {};
  for (const [key, value] of Object.entries(fields))
    out[key] = typeof value === 'string' ? redactText(value, count) : value;
  return out;
}

export const fieldsFileBytes = (fields: SnapshotFields): Uint8Array => canonicalBytes(fields);

/**
 * The UTF-8 bytes the payload's `text` and `dom` strings were decoded from
 * (strictly, a byte-order mark kept as a character), when the caller has them:
 * `text`'s bytes, and for `dom` the bytes of the copy as it is stored
 * (`DOM_PREAMBLE` then `dom`). Where redaction leaves a string as it came, its
 * bytes are these: the megabytes of a heavy page are then not encoded again.
 */
export interface ReceivedBytes {
  text?: Uint8Array;
  dom?: Uint8Array;
  /**
   * The page text already redacted, encoded and hashed (`prepareText`): a page
   * sends its text ahead of its copy, and the worker prepares it while the page
   * is still masked and serialised. The payload's `text` is then empty.
   */
  preparedText?: PreparedText;
}

/** A page text redacted (`redactText`), as UTF-8 and hashed: what a snapshot keeps of it. */
export interface PreparedText {
  text: string;
  bytes: Uint8Array;
  ref: PartRef;
  /** The numbers it masked, added to the snapshot's redactions. */
  count: RedactionCount;
}

/**
 * Redacts, encodes and hashes a page text on its own. `sent` are the UTF-8
 * bytes `raw` was decoded from, when the caller has them: kept where
 * redaction changes nothing (a heavy page's text is not encoded again).
 */
export async function prepareText(raw: string, sent?: Uint8Array): Promise<PreparedText> {
  const count: RedactionCount = { cards: 0, ids: 0, secrets: 0 };
  const text = redactText(raw, count);
  const bytes = sent && text === raw ? sent : utf8(text);
  return { text, bytes, ref: await partRef(bytes), count };
}

/**
 * Validates and redacts what the page sent and hashes its parts. Screenshot
 * bytes, when the worker took one, are JPEG data (a picture still on its way
 * is added later with `withScreenshot`).
 */
export async function prepareCapture(
  input: CapturePayloadInput,
  screenshot: Uint8Array | null,
  now: Date,
  received: ReceivedBytes = {},
): Promise<PreparedCapture> {
  const parsed = capturePayloadSchema.safeParse(input);
  if (!parsed.success) {
    const tooLarge = parsed.error.issues.some((issue) => issue.code === 'too_big');
    throw new CaptureRejected(
      tooLarge ? 'too-large' : 'invalid',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  }
  const payload = parsed.data;
  if (received.preparedText && payload.text !== '')
    throw new CaptureRejected('invalid', 'text: a capture whose text came ahead carries none itself');
  const early = received.preparedText ?? (await prepareText(payload.text, received.text));
  const { text } = early;
  const count: RedactionCount = { cards: early.count.cards, ids: early.count.ids, secrets: early.count.secrets ?? 0 };
  const pageDom = redactDom(quietMarkup(stripActiveContent(payload.dom)), count);
  const dom = DOM_PREAMBLE + pageDom;
  const frames = countCoveredFrames(pageDom);
  const fields = redactFields(payload.fields, count);
  const url = redactUrl(payload.url, count);
  const title = redactText(payload.title, count);
  const note = redactText(payload.note, count);
  const textBytes = early.bytes;
  const domBytes = received.dom && pageDom === input.dom ? received.dom : utf8(dom);
  const textRef = early.ref;
  const parts: SnapshotBody['parts'] = {
    text: textRef,
    dom: await partRef(domBytes),
    fields: await partRef(fieldsFileBytes(fields)),
    screenshot: null,
  };
  const capturedAt = toUtcIso(now);
  const prepared: PreparedCapture = {
    vendor: payload.match.vendor,
    kind: payload.match.kind,
    url,
    title,
    source: payload.source,
    note,
    fields,
    text,
    dom,
    textBytes,
    domBytes,
    screenshot: null,
    capturedAt,
    capturedAtShanghai: shanghaiIso(now),
    subjectKey: subjectKey(payload.match.vendor, url, fields),
    // Same page, same fields, same text: nothing new to keep.
    dedupeKey: await sha256Hex(canonicalJson({ url, fields, text: textRef.sha256 })),
    redactions: { cards: count.cards, ids: count.ids, secrets: count.secrets ?? 0, ...(frames > 0 ? { frames } : {}) },
    parts,
  };
  return screenshot ? withScreenshot(prepared, screenshot) : prepared;
}

/** The capture with its screenshot (JPEG bytes) added and hashed; one over the size limit is left out. */
export async function withScreenshot(prepared: PreparedCapture, screenshot: Uint8Array): Promise<PreparedCapture> {
  if (screenshot.length > CAPTURE_LIMITS.screenshotBytes) return prepared;
  return { ...prepared, screenshot, parts: { ...prepared.parts, screenshot: await partRef(screenshot) } };
}

export const bodyHash = (body: SnapshotBody | NoteBody | TombstoneBody): Promise<string> =>
  sha256Hex(canonicalJson(body));

export interface Sealed<B> {
  body: B;
  entry: ChainEntry;
}

/** Binds a prepared capture to the chain: its id is its position, its entry names the head. */
export async function sealSnapshot(
  prepared: PreparedCapture,
  head: ChainHead,
  previousSnapshotId: string | null,
): Promise<Sealed<SnapshotBody>> {
  const seq = head.seq + 1;
  const body: SnapshotBody = {
    schemaVersion: EVIDENCE_SCHEMA_VERSION,
    type: 'snapshot',
    id: `snap-${String(seq).padStart(6, '0')}`,
    vendor: prepared.vendor,
    kind: prepared.kind,
    url: prepared.url,
    title: prepared.title,
    capturedAt: prepared.capturedAt,
    capturedAtShanghai: prepared.capturedAtShanghai,
    source: prepared.source,
    note: prepared.note,
    fields: prepared.fields,
    previousSnapshotId,
    subjectKey: prepared.subjectKey,
    dedupeKey: prepared.dedupeKey,
    redactions: prepared.redactions,
    parts: prepared.parts,
  };
  const entry = await nextEntry(head, 'snapshot', null, await bodyHash(body));
  if (entry.id !== body.id) throw new Error('snapshot id does not follow the chain');
  return { body, entry };
}

export async function sealNote(
  snapshotId: string,
  text: string,
  head: ChainHead,
  now: Date,
): Promise<Sealed<NoteBody>> {
  const body: NoteBody = {
    schemaVersion: EVIDENCE_SCHEMA_VERSION,
    type: 'note',
    id: `note-${String(head.seq + 1).padStart(6, '0')}`,
    snapshotId,
    text: redactText(text.slice(0, CAPTURE_LIMITS.note)),
    at: toUtcIso(now),
    atShanghai: shanghaiIso(now),
  };
  return { body, entry: await nextEntry(head, 'note', snapshotId, await bodyHash(body)) };
}

export async function sealTombstone(snapshotId: string, head: ChainHead, now: Date): Promise<Sealed<TombstoneBody>> {
  const body: TombstoneBody = {
    schemaVersion: EVIDENCE_SCHEMA_VERSION,
    type: 'tombstone',
    id: `tomb-${String(head.seq + 1).padStart(6, '0')}`,
    snapshotId,
    at: toUtcIso(now),
    atShanghai: shanghaiIso(now),
  };
  return { body, entry: await nextEntry(head, 'tombstone', snapshotId, await bodyHash(body)) };
}

/** Whether a new capture adds nothing to the latest snapshot of the same subject. */
export function isDuplicate(
  prepared: Pick<PreparedCapture, 'dedupeKey'>,
  latest: Pick<SnapshotBody, 'dedupeKey'> | null | undefined,
): boolean {
  return !!latest && latest.dedupeKey === prepared.dedupeKey;
}
