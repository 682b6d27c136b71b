import { fromBase64, toBase64 } from '../lib/evidence/base64';
import { PACKED_LIMITS } from '../lib/evidence/limits';
import { deflateRawNative, inflateRawNative } from './streams';

/**
 * A capture's page text and page copy as they travel from the page to the
 * worker: UTF-8, raw DEFLATE, base64 (messages carry JSON). On a 3,000-order
 * list that is 1.8 MB of text shrunk to about 0.3 MB, which crosses in a tenth
 * of the time. The worker unpacks with a ceiling (`PACKED_LIMITS`): what it
 * accepts is never more than the plain limits allow.
 */
export interface PackedParts {
  text: string;
  dom: string;
}

const encoder = new TextEncoder();

export async function packParts(text: string, dom: string): Promise<PackedParts> {
  const [t, d] = await Promise.all([deflateRawNative(encoder.encode(text)), deflateRawNative(encoder.encode(dom))]);
  return { text: toBase64(t), dom: toBase64(d) };
}

export interface UnpackedParts {
  text: string;
  dom: string;
  /**
   * The page text as it came: its UTF-8 bytes and their raw DEFLATE, which is
   * how the store keeps a page text. When redaction leaves the text as it is,
   * the store keeps these bytes instead of compressing the text again.
   */
  textDeflate: { bytes: Uint8Array; deflated: Uint8Array };
  /** The page copy's UTF-8 bytes: kept when redaction leaves the copy as it came. */
  domBytes: Uint8Array;
}

/** The text and copy back; rejects with TooLargeError past the limits, or an error for anything corrupt. */
export async function unpackParts(packed: PackedParts): Promise<UnpackedParts> {
  // Strict, and a leading byte-order mark kept as a character: the strings then encode back to
  // exactly these bytes, which the store reuses where redaction changes nothing.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const deflated = fromBase64(packed.text);
  const [t, d] = await Promise.all([inflateRawNative(deflated, PACKED_LIMITS.textBytes), inflateRawNative(fromBase64(packed.dom), PACKED_LIMITS.domBytes)]);
  return { text: decoder.decode(t), dom: decoder.decode(d), textDeflate: { bytes: t, deflated }, domBytes: d };
}
