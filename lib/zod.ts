import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * The project's one import of zod; every schema module takes `z` from here.
 *
 * `zod/mini`: the same parser and checks as zod's chained API, written as
 * functions (`z.optional(z.string().check(z.maxLength(80)))`), so a bundle
 * carries only the checks it uses: the worker and the popup each shipped
 * 26 KB of zod (gzip) before.
 *
 * The English issue messages are loaded explicitly (the chained API does it
 * by itself): the forms that show a field's problem show the same text.
 *
 * The extension's pages and its worker run under a content security policy
 * without 'unsafe-eval'. On its first object parse zod would otherwise probe
 * whether `new Function` works: the probe's error is caught, but the browser
 * still reports a CSP violation (an event in the page, a console entry) on
 * every popup open, and the check itself is work on the path to the first
 * verdict. Jitless parsing is the path zod takes under such a policy anyway.
 */
z.config(en());
z.config({ jitless: true });

export { z };
