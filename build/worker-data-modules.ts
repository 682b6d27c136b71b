import { resolve } from 'node:path';
import { en } from '../lib/i18n/en';
import { surfaceCatalog, type Surface } from '../lib/i18n/surfaces';
import { zhCN } from '../lib/i18n/zh-CN';
import { moduleExports, type DataModule } from './worker-data';

const ROOT = resolve(import.meta.dirname, '..');

/** The zh-CN and English catalogs cut to one surface's keys (lib/i18n/surfaces.ts). */
export const surfaceCut = (surface: Surface) => ({
  'zh-CN': surfaceCatalog(zhCN, surface),
  en: surfaceCatalog(en, surface),
});

/**
 * What the worker reads from a data file of the package on its first event instead of carrying in
 * its script (build/worker-data.ts, lib/worker-data.ts): its catalogs (cut to the keys it shows:
 * it carried every word of the popup, the checker, the locker and the options page), every catalog
 * section, the policy engine's data-only tables, the holiday schedules, and the vendors' definitions (policy packs, tickets, risk wording, service levels), whose
 * page rules, which hold regular expressions, stay in the script (registry.ts) and are put back.
 */
export const workerDataModules: DataModule[] = [
  { test: /[\\/]lib[\\/]i18n[\\/]zh-CN\.ts$/, values: () => ({ zhCN: surfaceCut('worker')['zh-CN'] }) },
  { test: /[\\/]lib[\\/]i18n[\\/]en\.ts$/, values: () => ({ en: surfaceCut('worker').en }) },
  // Every section, the engine's too: the tables the engines word from it (lib/claims/evidence.ts,
  // facts.ts) are built on first use, after the worker has read the file.
  { test: /[\\/]lib[\\/]i18n[\\/]sections[\\/][\w-]+\.ts$/ },
  // Tables of the policy engine that are data only: the cited documents' titles, the shared channels;
  // and the official holiday schedules (already cut to the recent years).
  { test: /[\\/]lib[\\/]policy[\\/](source-titles|shared-channels)\.ts$/ },
  { test: /[\\/]lib[\\/]time[\\/]holiday-table\.ts$/ },
  // The style of an exported bundle's index page.
  { test: /[\\/]lib[\\/]evidence[\\/]bundle-style\.ts$/ },
  // Each vendor's name and one-line summary (its page rules, which hold regular expressions, stay).
  { test: /[\\/]lib[\\/]vendors[\\/][\w-]+[\\/]words\.ts$/ },
  {
    test: /[\\/]lib[\\/]vendors[\\/]catalog\.ts$/,
    values: async (id) => {
      const exports = await moduleExports(id);
      const withoutPages = (v: unknown) => ({ ...(v as object), pages: undefined });
      return { ...exports, VENDORS: (exports.VENDORS as unknown[]).map(withoutPages) };
    },
    prelude: `import { FALLBACK_VENDOR_ID, pagesOf } from ${JSON.stringify(resolve(ROOT, 'lib/vendors/registry.ts'))};
import { lazyRecord } from ${JSON.stringify(resolve(ROOT, 'lib/lazy.ts'))};
const withPages = (v) => ({ ...v, pages: pagesOf(v.id) });`,
    revive: { VENDORS: '(list) => list.map(withPages)' },
    // One of the vendors, not a second copy of its definition in the file.
    code: { FALLBACK_VENDOR: 'lazyRecord(() => VENDORS.find((v) => v.id === FALLBACK_VENDOR_ID))' },
  },
];
