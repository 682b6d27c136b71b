import type { Plugin } from 'vite';

/**
 * Adds `<link rel="modulepreload">` for the chunks an extension page imports
 * lazily (and their imports), so they download in parallel with the page's
 * small entry script instead of after it runs. The popup's entry asks the
 * worker about the tab first and imports its interface lazily: the answers and
 * the code then arrive together.
 */
export function preloadLazyChunks(pages: readonly string[]): Plugin {
  return {
    name: 'refund-guard:preload-lazy-chunks',
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
        return [...lazy].map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
