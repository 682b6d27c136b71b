import { inflateSync } from 'fflate';
import { fromUtf8 } from '../../lib/evidence';
import { decodeAgainst, packAgainst, unpackAgainst } from '../../lib/evidence/delta';
import { deflateRaw } from '../compress';
import type { StoredBlob } from './schema';

/** The page text of a snapshot, from its deflated blob. */
export const textOf = (blob: StoredBlob | undefined): string => (blob ? fromUtf8(inflateSync(blob.bytes)) : '');

/** The page copy's UTF-8 bytes (throws when a blob is unreadable). */
export function domBytesOf(dom: StoredBlob, text: StoredBlob | undefined): Uint8Array {
  return domBytesFrom(dom, text ? inflateSync(text.bytes) : null);
}

/** The page copy's UTF-8 bytes, given the page text's (already inflated) bytes. */
export function domBytesFrom(dom: StoredBlob, text: Uint8Array | null, size?: number): Uint8Array {
  if (dom.encoding !== 'delta') return inflateSized(dom.bytes, size);
  if (!text) throw new Error('page copy stored against a missing page text');
  return decodeAgainst(text, dom.bytes);
}

/**
 * Inflates into a buffer of the recorded size (one more byte, to tell a
 * longer output), so the output is not grown by doubling; any other length
 * (a record that does not match its blob) is inflated again the usual way.
 */
export function inflateSized(bytes: Uint8Array, size?: number): Uint8Array {
  if (size === undefined) return inflateSync(bytes);
  const out = inflateSync(bytes, { out: new Uint8Array(size + 1) });
  return out.length === size ? out : inflateSync(bytes);
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Page copies from this size on are kept against the page text: that is where
 * it pays (a 1.5 MB order list: 147 KB deflated, 62 KB against its text); a
 * small page gains little and keeps plain deflate, which reads without its
 * text.
 */
export const DOM_DELTA_FROM = 64 * 1024;

/**
 * The page copy encoded against its text, when its packed form unpacks to the
 * very same bytes (it always should; compared byte for byte, which costs less
 * than hashing them again); null otherwise. Deflated natively
 * (`encodeAgainst` is the same format in one call).
 */
export async function againstText(
  dom: Uint8Array,
  text: Uint8Array,
): Promise<Pick<StoredBlob, 'encoding' | 'bytes'> | null> {
  try {
    const packed = packAgainst(text, dom);
    return sameBytes(unpackAgainst(text, packed), dom) ? { encoding: 'delta', bytes: await deflateRaw(packed) } : null;
  } catch {
    return null;
  }
}
