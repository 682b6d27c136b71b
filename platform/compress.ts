import { deflateSync } from 'fflate';

/**
 * Raw DEFLATE with the browser's own compressor (`CompressionStream`), which
 * runs natively and off the JavaScript heap: for the 1.4 MB copy of a
 * 3,000-order list it took about a fifth of the time fflate's JavaScript took
 * in the worker, with the same format (fflate's `inflateSync` reads it back).
 * Falls back to fflate where the stream is missing.
 */
export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  if (typeof CompressionStream === 'undefined') return deflateSync(bytes);
  const compressor = new CompressionStream('deflate-raw');
  const writer = compressor.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>).then(() => writer.close());
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = compressor.readable.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    chunks.push(next.value);
    length += next.value.length;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
