import { z } from '../zod';

/**
 * The export as a conversation on a runtime port named EXPORT_PORT, so a
 * bundle of any size travels as chunks instead of one message: the page asks
 * (`start`), the worker reports progress and sends chunks, the page
 * acknowledges each chunk (the worker keeps at most EXPORT_WINDOW
 * unacknowledged), and either side may end it — the page with `cancel` or by
 * closing the port, the worker with `done` or `failed`. Both ends check every
 * message against these schemas.
 *
 * Chunks travel as bytes on a MessagePort the page hands to the service
 * worker (EXPORT_BYTES, named by the `channel` token in `start`): structured
 * clone, the buffer transferred, no base64. Where there is no service worker
 * (Firefox's background page) or the port does not arrive, they travel on the
 * runtime port as base64 (runtime messages carry JSON).
 */
export const EXPORT_PORT = 'evidence.export';
/** Chunks in flight before the worker waits for the page. */
export const EXPORT_WINDOW = 4;
/** Bytes a chunk carries at most (before base64). */
export const EXPORT_CHUNK = 1024 * 1024;

/** The `type` of the service-worker message that hands over a byte channel (`{ type, token }` + the port). */
export const EXPORT_BYTES = 'refund-guard.export-bytes';
/** How long the worker waits for the byte channel a `start` names before it sends base64 instead. */
export const EXPORT_BYTES_WAIT_MS = 2000;

const locale = z.enum(['zh-CN', 'en']);

export const exportBytesSchema = z.object({
  type: z.literal(EXPORT_BYTES),
  token: z.string().check(z.minLength(16), z.maxLength(64)),
});
/** A chunk on the byte channel: `{ seq, bytes }`. */
export function bytesChunk(data: unknown): { seq: number; bytes: Uint8Array } | null {
  const chunk = data as { seq?: unknown; bytes?: unknown } | null;
  return chunk && Number.isSafeInteger(chunk.seq) && (chunk.seq as number) >= 0 && chunk.bytes instanceof Uint8Array
    ? { seq: chunk.seq as number, bytes: chunk.bytes }
    : null;
}

export const exportRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    ids: z.nullable(z.array(z.string().check(z.maxLength(64))).check(z.maxLength(200_000))),
    locale,
    /** The token of the byte channel the page handed the worker (absent: base64 on this port). */
    channel: z.optional(z.string().check(z.minLength(16), z.maxLength(64))),
  }),
  z.object({ type: z.literal('ack'), seq: z.int().check(z.nonnegative()) }),
  z.object({ type: z.literal('cancel') }),
]);

export const exportReplySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    phase: z.enum(['hash', 'write']),
    done: z.int().check(z.nonnegative()),
    total: z.int().check(z.nonnegative()),
    item: z.string().check(z.maxLength(64)),
  }),
  z.object({
    type: z.literal('chunk'),
    seq: z.int().check(z.nonnegative()),
    base64: z.string().check(z.maxLength(2 * EXPORT_CHUNK)),
  }),
  z.object({
    type: z.literal('done'),
    fileName: z.string().check(z.maxLength(200)),
    count: z.int().check(z.nonnegative()),
    size: z.int().check(z.nonnegative()),
    headHash: z.string().check(z.maxLength(64)),
  }),
  z.object({
    type: z.literal('failed'),
    reason: z.enum(['cancelled', 'changed', 'storage']),
    message: z.string().check(z.maxLength(2000)),
  }),
]);

export type ExportRequestMessage = z.infer<typeof exportRequestSchema>;
export type ExportReply = z.infer<typeof exportReplySchema>;
export type ExportProgress = Extract<ExportReply, { type: 'progress' }>;

/** Whether a progress report is worth sending: about every half percent, and the last one. */
export const reportable = (done: number, total: number): boolean =>
  done === total || done % Math.max(1, Math.floor(total / 200)) === 0;

/** The bundle's file name, from the export's time (UTC). */
export const bundleFileName = (at: Date): string =>
  `refund-guard-evidence-${at.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')}.zip`;

/** A finished export as the page holds it (a Blob: the browser may keep a large one on disk). */
export interface ExportedFile {
  fileName: string;
  file: Blob;
  count: number;
  size: number;
  headHash: string;
}

export interface ExportWatch {
  onProgress?: (progress: ExportProgress) => void;
  /** Aborting cancels the export; nothing received is kept. */
  signal?: AbortSignal;
}

/** Why an export ended without a file, as the locker words it. */
export class ExportStopped extends Error {
  constructor(
    readonly reason: 'interrupted' | 'changed' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'ExportStopped';
  }
}
