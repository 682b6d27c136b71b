import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { resolve } from 'node:path';
import { preactCompatAliases } from './build/preact-compat';
import { moduleExports, workerData, type DataModule } from './build/worker-data';
import { en } from './lib/i18n/en';
import { surfaceCatalog, type Surface } from './lib/i18n/surfaces';
import { zhCN } from './lib/i18n/zh-CN';
import { slimHolidayData } from './lib/time/holiday-data';
import { contentScriptHosts } from './lib/vendors/registry';

const vendorHosts = contentScriptHosts().map((host) => `*://${host}/*`);

/**
 * `chinese-days`' data file cut to the years the calendar reads (lib/time/holiday-data.ts):
 * the worker and the popup each carried every schedule since 2004.
 */
function slimHolidays(): Plugin {
  return {
    name: 'refund-guard:slim-holidays',
    enforce: 'pre',
    load(id) {
      if (!/[\\/]chinese-days[\\/]dist[\\/]chinese-days\.json$/.test(id)) return null;
      return JSON.stringify(slimHolidayData(JSON.parse(readFileSync(id, 'utf8'))));
    },
  };
}

/** The zh-CN and English catalogs cut to one surface's keys (lib/i18n/surfaces.ts). */
const surfaceCut = (surface: Surface) => ({
  'zh-CN': surfaceCatalog(zhCN, surface),
  en: surfaceCatalog(en, surface),
});

/**
 * The popup ships the catalogs cut to the keys it shows (lib/i18n/surfaces.ts): the pages are built
 * together, so the popup's cut is the value of lib/i18n/popup-catalogs.ts, which alone it imports.
 */
function popupCatalogs(): Plugin {
  return {
    name: 'refund-guard:catalogs-pages',
    enforce: 'pre',
    load(id) {
      if (!/[\\/]lib[\\/]i18n[\\/]popup-catalogs\.ts$/.test(id)) return null;
      return `export const popupCatalogs = ${JSON.stringify(surfaceCut('popup'))};`;
    },
  };
}

/**
 * What the worker reads from a data file of the package on its first event instead of carrying in
 * its script (build/worker-data.ts, lib/worker-data.ts): its catalogs (cut to the keys it shows:
 * it carried every word of the popup, the checker, the locker and the options page), every catalog
 * section, and the vendors' definitions (policy packs, tickets, risk wording, service levels), whose
 * page rules, which hold regular expressions, stay in the script (registry.ts) and are put back.
 */
const workerDataModules: DataModule[] = [
  { test: /[\\/]lib[\\/]i18n[\\/]zh-CN\.ts$/, values: () => ({ zhCN: surfaceCut('worker')['zh-CN'] }) },
  { test: /[\\/]lib[\\/]i18n[\\/]en\.ts$/, values: () => ({ en: surfaceCut('worker').en }) },
  { test: /[\\/]lib[\\/]i18n[\\/]sections[\\/][\w-]+\.ts$/ },
  {
    test: /[\\/]lib[\\/]vendors[\\/]catalog\.ts$/,
    values: async (id) => {
      const exports = await moduleExports(id);
      const withoutPages = (v: unknown) => ({ ...(v as object), pages: undefined });
      return {
        ...exports,
        VENDORS: (exports.VENDORS as unknown[]).map(withoutPages),
        FALLBACK_VENDOR: withoutPages(exports.FALLBACK_VENDOR),
      };
    },
    prelude: `import { pagesOf } from ${JSON.stringify(resolve(import.meta.dirname, 'lib/vendors/registry.ts'))};
const withPages = (v) => ({ ...v, pages: pagesOf(v.id) });`,
    revive: { VENDORS: '(list) => list.map(withPages)', FALLBACK_VENDOR: 'withPages' },
  },
];

// The manifest is the product's permission story: everything that could read
// more than the vendors' own pages is optional and asked for at the moment the
// user turns the feature on (options page), never at install.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  // Parallel builds (several test runs at once) each get their own output folder.
  outDir: process.env.RG_OUT_DIR ?? '.output',
  // `npm run bench` profiles a copy built with readable names, to say which function costs what,
  // and reads a copy with source maps to say what each bundle is made of.
  vite: () => ({
    plugins: [slimHolidays()],
    build: {
      ...(process.env.RG_NO_MINIFY ? { minify: false } : {}),
      ...(process.env.RG_SOURCEMAP ? { sourcemap: true } : {}),
    },
  }),
  hooks: {
    // WXT titles the toolbar button with the popup page's <title>; the tooltip follows the browser's
    // language instead, like the extension's name.
    'build:manifestGenerated': (_wxt, manifest) => {
      const action = manifest.action ?? manifest.browser_action;
      if (action) action.default_title = '__MSG_extName__';
    },
    // The shipped UI renders with Preact's React-compatible layer (build/preact-compat.ts). It matters
    // twice: the card is parsed and run on every vendor page the user opens, and the popup is judged by
    // how soon it answers (its code is a third smaller). Component tests resolve the same aliases.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((entry) => entry.type === 'background')) {
        config.plugins = [...(config.plugins ?? []), workerData(import.meta.dirname, workerDataModules)];
        return;
      }
      if (entrypoints.some((entry) => entry.type === 'popup'))
        config.plugins = [...(config.plugins ?? []), popupCatalogs()];
      const aliases = preactCompatAliases;
      config.resolve ??= {};
      const existing = config.resolve.alias;
      config.resolve.alias = [
        ...aliases,
        ...(Array.isArray(existing)
          ? existing
          : Object.entries(existing ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }))),
      ];
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: [
      'storage',
      'unlimitedStorage',
      'alarms',
      'notifications',
      'activeTab',
      'contextMenus',
      'scripting',
      ...(browser === 'firefox' ? vendorHosts : []),
    ],
    // The vendors' hosts, where the content script already runs: the worker may also run the card's
    // code beyond its pill there, on demand (entrypoints/card-ui.ts). No host beyond the content script's.
    // (Firefox's MV2 manifest lists hosts among the permissions.)
    ...(browser === 'firefox' ? {} : { host_permissions: vendorHosts }),
    // Sites the user enables for generic checkout detection, and `<all_urls>` for automatic
    // screenshots (captureVisibleTab needs it); both asked for in options (MV2 Firefox names it differently).
    ...(browser === 'firefox'
      ? { optional_permissions: ['*://*/*', '<all_urls>'] }
      : { optional_host_permissions: ['*://*/*', '<all_urls>'] }),
    // The popup is entrypoints/popup (index.html → main.tsx), which WXT names as the default popup;
    // its button's tooltip is set in the language of the browser (hook below).
    // Save the page in front of the user as evidence (also in the page's context menu).
    commands: {
      'save-page-evidence': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_saveCommand__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'refund-guard@refund-guard.local',
              strict_min_version: '115.0',
              // Nothing leaves the machine: no data is collected or transmitted.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
