import { browser } from 'wxt/browser';
import { BundleCancelled, fromBase64, toBase64 } from '../lib/evidence';
import {
  bytesChunk,
  EXPORT_BYTES,
  EXPORT_BYTES_WAIT_MS,
  EXPORT_CHUNK,
  EXPORT_PORT,
  EXPORT_WINDOW,
  exportBytesSchema,
  exportReplySchema,
  ExportStopped,
  type ExportedFile,
  type ExportReply,
  type ExportWatch,
  type ExportRequestMessage,
} from '../lib/evidence/export-protocol';
import type { Locale } from '../lib/i18n';

/** How a chunk reaches the page: bytes on the byte channel, or base64 on the runtime port. */
export function chunkSender(send: (reply: ExportReply) => void, bytes: MessagePort | null) {
  return (seq: number, chunk: Uint8Array<ArrayBuffer>) =>
    bytes
      ? bytes.postMessage({ seq, bytes: chunk }, [chunk.buffer])
      : send({ type: 'chunk', seq, base64: toBase64(chunk) });
}

/**
 * The worker's end of an export port: gathers the bundle's chunks into
 * EXPORT_CHUNK-sized messages and sends them no faster than the page
 * acknowledges them (EXPORT_WINDOW in flight), so the worker never holds more
 * than a few megabytes of an archive of any size.
 */
export function chunkedPort(sendChunk: (seq: number, chunk: Uint8Array<ArrayBuffer>) => void) {
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
    sendChunk(seq++, joined);
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

/**
 * The byte channels pages hand the service worker (EXPORT_BYTES messages from
 * the extension's own pages), by token, for the export that names them. To be
 * called when the worker starts. Where the background is not a service worker
 * no channel ever arrives, and `take` answers null after its wait.
 */
export function byteChannels(scope: unknown = globalThis) {
  const arrived = new Map<string, MessagePort>();
  const waiting = new Map<string, (port: MessagePort) => void>();
  const origin = new URL(browser.runtime.getURL('/')).origin;
  const worker = scope as { addEventListener?: EventTarget['addEventListener']; clients?: unknown };
  if (worker.clients && worker.addEventListener)
    worker.addEventListener('message', (event) => {
      const { data, ports, origin: from } = event as MessageEvent;
      const handed = exportBytesSchema.safeParse(data);
      const port = ports?.[0];
      if (!handed.success || !port || from !== origin) return;
      const waiter = waiting.get(handed.data.token);
      if (waiter) return waiter(port);
      arrived.set(handed.data.token, port);
      // Unclaimed (the page's start never came): dropped.
      setTimeout(() => arrived.get(handed.data.token) === port && arrived.delete(handed.data.token), 30_000);
    });
  return {
    take(token: string | undefined, waitMs = EXPORT_BYTES_WAIT_MS): Promise<MessagePort | null> {
      if (!token || !worker.clients) return Promise.resolve(null);
      const ready = arrived.get(token);
      arrived.delete(token);
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve) => {
        const timer = setTimeout(() => (waiting.delete(token), resolve(null)), waitMs);
        waiting.set(token, (port) => (clearTimeout(timer), waiting.delete(token), resolve(port)));
      });
    },
  };
}

/**
 * The page's end of a byte channel: a MessagePort handed to the extension's
 * service worker; null where there is none (the chunks then come as base64).
 */
async function openByteChannel(): Promise<{ token: string; port: MessagePort } | null> {
  try {
    const worker = (await navigator.serviceWorker?.getRegistration())?.active;
    if (!worker) return null;
    const { port1, port2 } = new MessageChannel();
    const token = crypto.randomUUID();
    worker.postMessage({ type: EXPORT_BYTES, token }, [port2]);
    return { token, port: port1 };
  } catch {
    return null;
  }
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
export async function exportOverPort(
  ids: string[] | null,
  locale: Locale,
  watch: ExportWatch = {},
): Promise<ExportedFile> {
  const bytes = await openByteChannel();
  try {
    return await exportOn(bytes, ids, locale, watch);
  } finally {
    bytes?.port.close();
  }
}

function exportOn(
  bytes: { token: string; port: MessagePort } | null,
  ids: string[] | null,
  locale: Locale,
  watch: ExportWatch,
): Promise<ExportedFile> {
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
    const received = (seq: number, chunk: Uint8Array<ArrayBuffer>) => {
      if (settled) return;
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= BLOB_STEP) {
        blobs.push(new Blob(pending));
        pending = [];
        pendingBytes = 0;
      }
      post({ type: 'ack', seq });
    };
    if (bytes)
      bytes.port.onmessage = (event) => {
        const chunk = bytesChunk(event.data);
        if (chunk) received(chunk.seq, chunk.bytes as Uint8Array<ArrayBuffer>);
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
      else if (reply.type === 'chunk') received(reply.seq, fromBase64(reply.base64) as Uint8Array<ArrayBuffer>);
      else if (reply.type === 'done') {
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
    post({ type: 'start', ids, locale, ...(bytes ? { channel: bytes.token } : {}) });
  });
}
