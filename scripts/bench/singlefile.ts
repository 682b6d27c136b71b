import { build } from 'esbuild';
import { createRequire } from 'node:module';

/**
 * SingleFile (single-file-core, a dev-only dependency) as one script for a
 * page: its documented entry `getPageData(options)` exposed as
 * `globalThis.singlefile`. Used only by the bench, as the capture peer; it is
 * never part of the extension.
 */
export async function singleFileScript(): Promise<string> {
  const entry = createRequire(import.meta.url).resolve('single-file-core/single-file.js');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: 'singlefile',
    write: false,
    logLevel: 'silent',
    platform: 'browser',
  });
  return result.outputFiles[0]!.text;
}

/** The options single-file-cli uses by default, minus waiting for lazy images (the page has none). */
export const SINGLE_FILE_OPTIONS = {
  removeHiddenElements: true,
  removeUnusedStyles: true,
  removeUnusedFonts: true,
  removeFrames: true,
  compressHTML: true,
  compressCSS: false,
  loadDeferredImages: false,
  removeAlternativeFonts: true,
  removeAlternativeMedias: true,
  removeAlternativeImages: true,
  groupDuplicateImages: true,
  blockScripts: true,
  blockVideos: true,
  blockAudios: true,
  insertMetaCSP: true,
  insertSingleFileComment: true,
  saveFavicon: true,
};
