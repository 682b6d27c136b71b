import type { Plugin } from 'vite';

/**
 * For extension pages whose small entry script asks its questions first and
 * imports the interface lazily (the popup):
 *
 * - `<link rel="modulepreload">` for the lazily imported chunks (and their
 *   imports), so they download in parallel with the entry instead of after it
 *   runs;
 * - the entry script is made `async`: a deferred module script waits for the
 *   page's style sheets before it runs, and its first question would wait with
 *   it. The entry mounts the interface once the document is parsed.
 */
export function earlyStart(pages: readonly string[]): Plugin {
  return {
    name: 'refund-guard:early-start',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const { chunk, bundle } = ctx;
        if (!chunk || !bundle || !pages.some((page) => ctx.path.endsWith(`/${page}`))) return html;
        const have = new Set<string>([chunk.fileName, ...chunk.imports]);
        const lazy = new Set<string>();
        const visit = (file: string) => {
          const out = bundle[file];
          if (have.has(file) || lazy.has(file) || !out || out.type !== 'chunk') return;
          lazy.add(file);
          out.imports.forEach(visit);
        };
        chunk.dynamicImports.forEach(visit);
        const entryTag = new RegExp(`<script type="module"([^>]*) src="/${chunk.fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`);
        if (!entryTag.test(html)) throw new Error(`early-start: no entry script tag for ${chunk.fileName} in ${ctx.path}`);
        return {
          html: html.replace(entryTag, (tag) => tag.replace('<script type="module"', '<script type="module" async')),
          tags: [...lazy].map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
            injectTo: 'head' as const,
          })),
        };
      },
    },
  };
}
