import { utf8 } from './canonical';

/** The chain's first `prevHash`: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

export const SHA256_HEX = /^[0-9a-f]{64}$/;

function subtle(): SubtleCrypto {
  const crypto = (globalThis as { crypto?: Crypto }).crypto;
  if (!crypto?.subtle) throw new Error('Web Crypto (crypto.subtle) is not available in this context');
  return crypto.subtle;
}

/** SHA-256 of bytes or of a string's UTF-8, as lowercase hex (Web Crypto: Node 20, worker, pages). */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? utf8(data) : data;
  // A copy into a fresh ArrayBuffer: a view over a SharedArrayBuffer or a larger buffer is not digestible as is.
  const digest = await subtle().digest('SHA-256', bytes.slice().buffer as ArrayBuffer);
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
