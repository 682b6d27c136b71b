import { utf8 } from './canonical';

/** The chain's first `prevHash`: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Web Crypto's SubtleCrypto (Node 20, the worker and extension pages all have it). */
export function subtle(): SubtleCrypto {
  const crypto = (globalThis as { crypto?: Crypto }).crypto;
  if (!crypto?.subtle) throw new Error('Web Crypto (crypto.subtle) is not available in this context');
  return crypto.subtle;
}

/** SHA-256 of bytes or of a string's UTF-8, as lowercase hex (Web Crypto: Node 20, worker, pages). */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? utf8(data) : data;
  // A view over an ordinary ArrayBuffer is digested in place; one over a SharedArrayBuffer is
  // not accepted and is copied first (a heavy page's copy is megabytes: no copy when none is needed).
  const input = bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : bytes.slice();
  const digest = await subtle().digest('SHA-256', input);
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
