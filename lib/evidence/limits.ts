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
