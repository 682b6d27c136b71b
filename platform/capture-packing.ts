import { fromBase64, toBase64 } from '../lib/evidence/base64';
import { PACKED_LIMITS } from '../lib/evidence/limits';
import { DOM_PREAMBLE } from '../lib/evidence/preamble';
import { deflateRawNative, inflateRawNative } from './streams';

/**
 * A capture's page text and page copy as they travel from the page to the
 * worker: UTF-8, raw DEFLATE, base64 (messages carry JSON). On a 3,000-order
 * list that is 1.8 MB of text shrunk to about 0.3 MB, which crosses in a tenth
 * of the time. The copy travels as the store keeps it, after `DOM_PREAMBLE`:
 * when the worker's redaction leaves it as it came, the page's compressed
 * bytes are the stored bytes, and the worker compresses nothing. The worker
 * unpacks with a ceiling (`PACKED_LIMITS`): what it accepts is never more than
 * the plain limits allow.
 */
export interface PackedParts {
  /** Absent when the text went ahead of the capture (`evidence.captureText`). */
  text?: string;
  dom: string;
}

const encoder = new TextEncoder();

/** The text (null: it went ahead, only the copy is packed) and the copy, packed. */
export async function packParts(text: string, dom: string): Promise<Required<PackedParts>>;
export async function packParts(text: null, dom: string): Promise<PackedParts>;
export async function packParts(text: string | null, dom: string): Promise<PackedParts> {
  const [t, d] = await Promise.all([
    text === null ? null : deflateRawNative(encoder.encode(text)),
    deflateRawNative(encoder.encode(DOM_PREAMBLE + dom)),
  ]);
  return t === null ? { dom: toBase64(d) } : { text: toBase64(t), dom: toBase64(d) };
}

/** UTF-8 bytes and their raw DEFLATE as they came from the page. */
export interface SentBytes {
  bytes: Uint8Array;
  deflated: Uint8Array;
}

export interface UnpackedParts {
  /** Empty when the text went ahead (then `textDeflate` is absent too). */
  text: string;
  /** The page copy, without the preamble it travelled after. */
  dom: string;
  /**
   * The page text as it came: its UTF-8 bytes and their raw DEFLATE, which is
   * how the store keeps a page text. When redaction leaves the text as it is,
   * the store keeps these bytes instead of compressing the text again.
   */
  textDeflate?: SentBytes;
  /**
   * The copy as it came, preamble and page (what the store keeps, and how):
   * kept when redaction leaves the copy as it is. Absent when the copy did not
   * start with the preamble; the store then encodes and compresses it.
   */
  domDeflate?: SentBytes;
}

/** The text and copy back; rejects with TooLargeError past the limits, or an error for anything corrupt. */
export async function unpackParts(packed: PackedParts): Promise<UnpackedParts> {
  // Strict, and a leading byte-order mark kept as a character: the strings then encode back to
  // exactly these bytes, which the store reuses where redaction changes nothing.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const deflated = packed.text === undefined ? null : fromBase64(packed.text);
  const domDeflated = fromBase64(packed.dom);
  const [t, d] = await Promise.all([
    deflated && inflateRawNative(deflated, PACKED_LIMITS.textBytes),
    inflateRawNative(domDeflated, PACKED_LIMITS.domBytes),
  ]);
  const copy = decoder.decode(d);
  const text = t ? { text: decoder.decode(t), textDeflate: { bytes: t, deflated: deflated! } } : { text: '' };
  if (!copy.startsWith(DOM_PREAMBLE)) return { ...text, dom: copy };
  return { ...text, dom: copy.slice(DOM_PREAMBLE.length), domDeflate: { bytes: d, deflated: domDeflated } };
}
