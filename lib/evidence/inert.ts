/**
 * A stored page copy must stay silent when opened from disk. The copy carries
 * a Content-Security-Policy (snapshot.ts DOM_PREAMBLE) that blocks scripts,
 * images and styles from the network, but some things a policy does not
 * govern: a `<meta http-equiv=refresh>` navigates, `<link rel=dns-prefetch |
 * preconnect | prefetch | preload | prerender>` resolve and connect, and a
 * `javascript:` URL spelled with entities or whitespace (`java&#9;script:`)
 * slips past a pattern that reads the markup literally. This pass removes
 * every `http-equiv` meta and every `<link>` of the page, and turns every URL
 * attribute whose decoded value names a script or document scheme into `#`.
 * It runs in the worker, on the markup the page sent, before it is hashed.
 */

/** A start tag of one of `names`, read whole (quoted values may hold `>`). */
const tagPattern = (names: string) => new RegExp(`<(?:${names})(?=[\\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>?`, 'gi');
const META_OR_LINK = tagPattern('meta|link');
const HTTP_EQUIV = /\shttp-equiv\s*=/i;

/**
 * Attributes that hold a URL the browser may load or navigate to. A value that
 * starts with `/`, `#` or `?` is a path on the page's own site and cannot name
 * a scheme: it is not read further (most links of a large page are such paths).
 */
const URL_ATTRIBUTE =
  /(\s(?:href|src|action|formaction|xlink:href|data|poster|background|ping|cite|longdesc|lowsrc|dynsrc|codebase|icon|manifest|usemap|archive|profile|srcset|imagesrcset)\s*=\s*)("(?![/#?])[^"]*"|'(?![/#?])[^']*'|(?![/#?])[^\s"'=<>`]+)/gi;

const NAMED: Record<string, string> = {
  tab: '\t',
  newline: '\n',
  colon: ':',
  lpar: '(',
  rpar: ')',
  sol: '/',
  amp: '&',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  period: '.',
};

/** The value as the browser reads it: entities decoded (with or without `;`), then tabs, newlines and controls dropped. */
export function decodedUrl(raw: string): string {
  const decoded = raw.replace(
    /&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));?/gi,
    (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (dec || hex) {
        const code = dec ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
      return NAMED[name!.toLowerCase()] ?? whole;
    },
  );
  // URL parsing strips tab, newline and carriage return anywhere, and C0 controls and spaces at the ends.
  // eslint-disable-next-line no-control-regex -- those control characters are what is matched
  return decoded.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020\u00a0\ufeff]+|[\u0000-\u0020]+$/g, '');
}

/** Schemes that run code or render a document the policy did not vet. */
const ACTIVE_SCHEME =
  /^(?:javascript|vbscript|livescript|data(?!:image\/(?:png|gif|jpeg|webp|avif|svg\+xml)[;,]))\s*:/i;

export function isActiveUrl(raw: string): boolean {
  // Spelled plainly as a web address: nothing to decode (the common case, read without decoding).
  if (/^https?:\/\//i.test(raw)) return false;
  // eslint-disable-next-line no-control-regex -- browsers drop control characters inside a scheme name
  return ACTIVE_SCHEME.test(decodedUrl(raw).replace(/[\u0000-\u001f]/g, ''));
}

export function quietMarkup(html: string): string {
  const withoutHeads = html.replace(META_OR_LINK, (tag) => (/^<link/i.test(tag) || HTTP_EQUIV.test(tag) ? '' : tag));
  return withoutHeads.replace(URL_ATTRIBUTE, (whole, prefix: string, quoted: string) => {
    const value = /^["']/.test(quoted) ? quoted.slice(1, -1) : quoted;
    return isActiveUrl(value) ? `${prefix}"#"` : whole;
  });
}
