/** Limits on what a content script may send (it runs beside untrusted pages). */
export const CAPTURE_LIMITS = {
  url: 8192,
  title: 2000,
  text: 1_000_000,
  dom: 5_000_000,
  fields: 200,
  fieldKey: 64,
  fieldValue: 4000,
  note: 2000,
  screenshotBytes: 8 * 1024 * 1024,
} as const;

/**
 * A capture's text and page copy packed for the journey to the worker (UTF-8,
 * raw DEFLATE, base64; platform/capture-packing.ts). Unpacked, at most three
 * UTF-8 bytes per character the plain limits allow; packed, the base64 of
 * that much DEFLATE output (which may exceed its input a little).
 */
const base64Of = (bytes: number) => Math.ceil((bytes * 1.01 + 1024) / 3) * 4;
export const PACKED_LIMITS = {
  textBytes: CAPTURE_LIMITS.text * 3,
  domBytes: CAPTURE_LIMITS.dom * 3,
  textBase64: base64Of(CAPTURE_LIMITS.text * 3),
  domBase64: base64Of(CAPTURE_LIMITS.dom * 3),
} as const;

/** The random name a page gives the screenshot of a capture (128 bits, hex): the capture names it too. */
export const SCREENSHOT_TICKET = /^[0-9a-f]{32}$/;

/** A new screenshot ticket from the given random bytes (16 of them). */
export function screenshotTicket(random: Uint8Array): string {
  if (random.length !== 16) throw new Error('a screenshot ticket needs 16 random bytes');
  return Array.from(random, (b) => b.toString(16).padStart(2, '0')).join('');
}
