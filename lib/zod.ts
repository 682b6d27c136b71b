import { z } from 'zod';

/**
 * The project's one import of zod; every schema module takes `z` from here.
 *
 * The extension's pages and its worker run under a content security policy
 * without 'unsafe-eval'. On its first object parse zod would otherwise probe
 * whether `new Function` works: the probe's error is caught, but the browser
 * still reports a CSP violation (an event in the page, a console entry) on
 * every popup open, and the check itself is work on the path to the first
 * verdict. Jitless parsing is the path zod takes under such a policy anyway.
 */
z.config({ jitless: true });

export { z };
