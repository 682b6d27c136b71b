import type { PageMatch } from './vendors/types';
import { vendorPages } from './vendors/registry';

/** Longest stretch of page text the detector reads; keeps work bounded on huge pages. */
export const DETECT_TEXT_LIMIT = 200_000;

/**
 * The text `detectPage` reads for a page: its title on the first line, then
 * the body's text. Rules that must not match the body alone anchor on line one.
 */
export function detectionText(title: string, bodyText: string): string {
  return `${title.replace(/\s+/g, ' ').trim()}\n${bodyText}`.slice(0, DETECT_TEXT_LIMIT);
}

function parseHttpUrl(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * What a page is: which vendor and which kind (contract 1, `detectPage`).
 * Hosts match exactly (a trailing dot is ignored); a rule that needs the page's
 * text matches only when the text is given or the URL itself says it.
 * Pages of hosts no pack claims are generic checkouts only when their text looks
 * like one (the content script runs there only on sites the user enabled).
 */
export function detectPage(url: string, documentText?: string): PageMatch | null {
  return detectPageWith(url, documentText === undefined ? undefined : () => documentText);
}

/**
 * `detectPage` with the page's text read only if a rule needs it: on pages the
 * URL decides, a content script never walks the document.
 */
export function detectPageWith(url: string, readText?: () => string): PageMatch | null {
  const parsed = parseHttpUrl(url);
  if (!parsed) return null;
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  const path = parsed.pathname;
  let cached: string | undefined;
  const text = () => (cached ??= readText!().slice(0, DETECT_TEXT_LIMIT));
  const urlText = safeDecode(parsed.pathname + parsed.search);
  let vendorHost = false;

  for (const pack of vendorPages) {
    if (pack.hosts.includes(host)) vendorHost = true;
    for (const rule of pack.rules) {
      if (!rule.hosts.includes(host)) continue;
      if (rule.path && !rule.path.test(path)) continue;
      if (rule.text && !rule.text.test(urlText) && !(readText !== undefined && rule.text.test(text()))) continue;
      return { vendor: pack.vendor, kind: rule.kind };
    }
  }
  if (vendorHost || readText === undefined) return null;
  const any = vendorPages.find((pack) => pack.anySite?.text.every((pattern) => pattern.test(text())));
  return any?.anySite ? { vendor: any.vendor, kind: any.anySite.kind } : null;
}

/**
 * Whether a content script's claim about its page is plausible for the URL the
 * browser says the sender is on: the claimed vendor must have a rule of that
 * kind for the sender's exact host and path. Rules that also need page text
 * cannot be re-checked from the URL alone; the host and path check still bounds
 * what a misbehaving page could make the worker believe.
 */
export function isPlausibleDetection(claim: PageMatch, senderUrl: string | undefined): boolean {
  const parsed = senderUrl ? parseHttpUrl(senderUrl) : null;
  if (!parsed) return false;
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  const claimedByPack = vendorPages.some((p) => p.hosts.includes(host));
  const anySite = vendorPages.find((p) => p.vendor === claim.vendor)?.anySite;
  if (anySite) return claim.kind === anySite.kind && !claimedByPack;
  return vendorPages.some(
    (pack) =>
      pack.vendor === claim.vendor &&
      pack.rules.some(
        (rule) =>
          rule.kind === claim.kind && rule.hosts.includes(host) && (!rule.path || rule.path.test(parsed.pathname)),
      ),
  );
}
