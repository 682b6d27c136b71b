import { browser } from 'wxt/browser';
import { BundleCancelled, fromBase64, toBase64 } from '../lib/evidence';
import {
  EXPORT_CHUNK,
  EXPORT_PORT,
  EXPORT_WINDOW,
  exportReplySchema,
  ExportStopped,
  type ExportedFile,
  type ExportReply,
  type ExportWatch,
  type ExportRequestMessage,
} from '../lib/evidence/export-protocol';
import type { Locale } from '../lib/i18n';

/**
 * The worker's end of an export port: gathers the bundle's chunks into
 * EXPORT_CHUNK-sized messages and sends them no faster than the page
 * acknowledges them (EXPORT_WINDOW in flight), so the worker never holds more
 * than a few megabytes of an archive of any size.
 */
export function chunkedPort(send: (reply: ExportReply) => void) {
  let parts: Uint8Array[] = [];
  let buffered = 0;
  let seq = 0;
  let acked = 0;
  let stopped = false;
  let gone = false;
  let wake: (() => void) | null = null;
  const waitForRoom = async () => {
    while (seq - acked >= EXPORT_WINDOW && !stopped) await new Promise<void>((ok) => (wake = ok));
    if (stopped) throw new BundleCancelled();
  };
  const sendBuffered = async () => {
    if (buffered === 0) return;
    const joined = new Uint8Array(buffered);
    parts.reduce((at, p) => (joined.set(p, at), at + p.length), 0);
    parts = [];
    buffered = 0;
    await waitForRoom();
    send({ type: 'chunk', seq: seq++, base64: toBase64(joined) });
  };
  return {
    async write(chunk: Uint8Array): Promise<void> {
      for (let at = 0; at < chunk.length;) {
        const piece = chunk.subarray(at, at + (EXPORT_CHUNK - buffered));
        parts.push(piece.slice());
        buffered += piece.length;
        at += piece.length;
        if (buffered >= EXPORT_CHUNK) await sendBuffered();
      }
    },
    /** Sends what is buffered and waits until the page has every chunk. */
    async flush(): Promise<void> {
      await sendBuffered();
      while (acked < seq && !stopped) await new Promise<void>((ok) => (wake = ok));
      if (stopped) throw new BundleCancelled();
    },
    acked(upTo: number) {
      acked = Math.max(acked, upTo + 1);
      wake?.();
    },
    /** The page cancelled or went away: the next write stops the bundle. */
    cancel() {
      stopped = true;
      wake?.();
    },
    disconnect() {
      gone = true;
      this.cancel();
    },
    cancelled: () => stopped,
    disconnected: () => gone,
  };
}

/** The export was cancelled by the user: nothing was kept. */
export class ExportCancelled extends Error {
  constructor() {
    super('export cancelled');
    this.name = 'ExportCancelled';
  }
}

/** Bytes gathered before they are handed to the browser's blob storage (which may keep them on disk). */
const BLOB_STEP = 32 * 1024 * 1024;

/**
 * The page's end: asks the worker for a bundle, reports progress, and returns
 * the whole file only once the worker said it is complete. Cancelling (the
 * signal) or a failure drops every chunk received, so no partial file is ever
 * offered for download.
 */
export function exportOverPort(ids: string[] | null, locale: Locale, watch: ExportWatch = {}): Promise<ExportedFile> {
  return new Promise((resolve, reject) => {
    const port = browser.runtime.connect({ name: EXPORT_PORT });
    let blobs: Blob[] = [];
    let pending: Uint8Array<ArrayBuffer>[] = [];
    let pendingBytes = 0;
    let settled = false;
    const post = (message: ExportRequestMessage) => port.postMessage(message);
    const end = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      watch.signal?.removeEventListener('abort', onAbort);
      port.disconnect();
      outcome();
    };
    const onAbort = () => {
      blobs = [];
      pending = [];
      end(() => reject(new ExportCancelled()));
    };
    watch.signal?.addEventListener('abort', onAbort);
    port.onDisconnect.addListener(() =>
      end(() => reject(new ExportStopped('interrupted', 'the extension stopped during the export'))),
    );
    port.onMessage.addListener((raw: unknown) => {
      const parsed = exportReplySchema.safeParse(raw);
      if (!parsed.success || settled) return;
      const reply = parsed.data;
      if (reply.type === 'progress') watch.onProgress?.(reply);
      else if (reply.type === 'chunk') {
        const bytes = fromBase64(reply.base64) as Uint8Array<ArrayBuffer>;
        pending.push(bytes);
        pendingBytes += bytes.length;
        if (pendingBytes >= BLOB_STEP) {
          blobs.push(new Blob(pending));
          pending = [];
          pendingBytes = 0;
        }
        post({ type: 'ack', seq: reply.seq });
      } else if (reply.type === 'done') {
        const file = new Blob([...blobs, ...pending], { type: 'application/zip' });
        end(() =>
          resolve({ fileName: reply.fileName, file, count: reply.count, size: reply.size, headHash: reply.headHash }),
        );
      } else {
        const stopped = new ExportStopped(reply.reason === 'changed' ? 'changed' : 'failed', reply.message);
        end(() => reject(reply.reason === 'cancelled' ? new ExportCancelled() : stopped));
      }
    });
    if (watch.signal?.aborted) return onAbort();
    post({ type: 'start', ids, locale });
  });
}
