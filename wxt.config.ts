import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { preactCompatAliases } from './build/preact-compat';
import { workerData } from './build/worker-data';
import { workerWithoutZodMessages } from './build/worker-zod';
import { surfaceCut, workerDataModules } from './build/worker-data-modules';
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
        config.plugins = [
          ...(config.plugins ?? []),
          workerData(import.meta.dirname, workerDataModules),
          workerWithoutZodMessages(),
        ];
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
