import type { Plugin } from 'vite';

const STUB = '\0refund-guard:zod-messages-none';

/**
 * The worker's build without zod's English issue messages (lib/zod.ts loads them for the pages).
 * In the worker an issue's message reaches no user: the dispatcher's `malformed` and `bad-response`
 * replies name each issue's path for a developer (lib/messages), and zod says "Invalid input" without
 * a locale; every form that shows a field's problem parses in its own page, with the messages.
 * The messages were 1.1 KB gzip of the worker's script.
 */
export function workerWithoutZodMessages(): Plugin {
  return {
    name: 'refund-guard:worker-zod-messages',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'zod/v4/locales/en.js' && importer && /[\\/]lib[\\/]zod\.ts$/.test(importer)) return STUB;
      return null;
    },
    load(id) {
      return id === STUB ? 'export default () => ({});' : null;
    },
  };
}
