/**
 * The sites the user enables for checkout detection, as host-permission origin patterns. Kept
 * apart from the settings' schema (lib/settings.ts re-exports both) so the popup's "enable on this
 * site" loads no validator.
 */

/** A site the user enabled, as a host-permission origin pattern: `https://shop.example.com/*`. */
export const SITE_PATTERN = /^(https?):\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)+|localhost)(?::\d{1,5})?\/\*$/;

/** `https://Shop.Example.com/cart?x` → `https://shop.example.com/*`; null when it is not a web site address. */
export function sitePattern(input: string): string | null {
  const raw = input.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const pattern = `${url.protocol}//${url.host.toLowerCase()}/*`;
  return SITE_PATTERN.test(pattern) ? pattern : null;
}
