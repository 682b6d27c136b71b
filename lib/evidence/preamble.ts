/**
 * Marks a stored page as inert when opened: no script, no network, only inline
 * styles and data images; no DNS prefetch of its links, no referrer if one is followed.
 * Its own module: the page puts it before the copy it packs (platform/capture-packing.ts),
 * so the worker can keep the page's compressed bytes as they came.
 */
export const DOM_PREAMBLE =
  '<!-- Refund Guard evidence snapshot: scripts removed, sensitive values masked. -->\n' +
  `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">\n` +
  '<meta http-equiv="x-dns-prefetch-control" content="off">\n<meta name="referrer" content="no-referrer">\n';
