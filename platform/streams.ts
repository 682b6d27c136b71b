/**
 * Raw DEFLATE through the browser's own (de)compression streams, which run
 * natively. Used on both sides of a capture: a page packs its text and copy
 * before sending them (extension messages carry JSON, and 1.8 MB of a Chinese
 * page's markup took longer to cross to the worker than to redact and store),
 * and the worker unpacks them with a ceiling on what it accepts.
 */

async function drain(readable: ReadableStream<Uint8Array>, maxBytes = Infinity): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = readable.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    length += next.value.length;
    if (length > maxBytes) {
      await reader.cancel();
      throw new TooLargeError(maxBytes);
    }
    chunks.push(next.value);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function through(
  stream: CompressionStream | DecompressionStream,
  bytes: Uint8Array,
  maxBytes?: number,
): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // A write error (corrupt input) also errors the readable side, which `drain` reports.
  writer
    .write(bytes as Uint8Array<ArrayBuffer>)
    .then(() => writer.close())
    .catch(() => undefined);
  return drain(stream.readable, maxBytes);
}

export class TooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`more than ${maxBytes} bytes once unpacked`);
    this.name = 'TooLargeError';
  }
}

export const deflateRawNative = (bytes: Uint8Array): Promise<Uint8Array> =>
  through(new CompressionStream('deflate-raw'), bytes);

/** Inflates raw DEFLATE, refusing output past `maxBytes` (TooLargeError) and corrupt input (the stream's error). */
export const inflateRawNative = (bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> =>
  through(new DecompressionStream('deflate-raw'), bytes, maxBytes);
