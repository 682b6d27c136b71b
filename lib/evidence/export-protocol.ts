import { z } from '../zod';

/**
 * The export as a conversation on a runtime port named EXPORT_PORT, so a
 * bundle of any size travels as chunks instead of one message: the page asks
 * (`start`), the worker reports progress and sends chunks (base64: runtime
 * messages carry JSON), the page acknowledges each chunk (the worker keeps at
 * most EXPORT_WINDOW unacknowledged), and either side may end it — the page
 * with `cancel` or by closing the port, the worker with `done` or `failed`.
 * Both ends check every message against these schemas.
 */
export const EXPORT_PORT = 'evidence.export';
/** Chunks in flight before the worker waits for the page. */
export const EXPORT_WINDOW = 4;
/** Bytes a chunk carries at most (before base64). */
export const EXPORT_CHUNK = 1024 * 1024;

const locale = z.enum(['zh-CN', 'en']);

export const exportRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    ids: z.nullable(z.array(z.string().check(z.maxLength(64))).check(z.maxLength(200_000))),
    locale,
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
