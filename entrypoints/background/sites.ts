import { browser } from 'wxt/browser';
import { afterData } from './data';
import type { ResponseOf } from '../../lib/messages';
import { loadSettings } from '../../platform/settings';

/**
 * Generic checkout detection on sites the user enabled (options page): the
 * content script is registered at runtime for exactly the enabled sites whose
 * optional host permission is still granted. Registrations persist across
 * sessions; this re-derives them from settings + permissions, so a permission
 * revoked in the browser's own UI also ends the injection.
 */
export const GENERIC_SCRIPT_ID = 'rg-generic-checkout';
/** The generic checkout page script, as built (registered per site, or run once in a tab). */
export const GENERIC_SCRIPT_FILE = 'content-scripts/generic-checkout.js';

async function granted(sites: readonly string[]): Promise<{ granted: string[]; missing: string[] }> {
  const result = { granted: [] as string[], missing: [] as string[] };
  for (const site of sites) {
    const has = await browser.permissions.contains({ origins: [site] }).catch(() => false);
    (has ? result.granted : result.missing).push(site);
  }
  return result;
}

let queue: Promise<unknown> = Promise.resolve();

export function syncSites(): Promise<ResponseOf<'sites.sync'>> {
  const run = queue.then(async () => {
    const { settings } = await loadSettings();
    const { granted: sites, missing } = await granted(settings.genericSites);
    const existing = await browser.scripting.getRegisteredContentScripts({ ids: [GENERIC_SCRIPT_ID] });
    if (sites.length === 0) {
      if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [GENERIC_SCRIPT_ID] });
      return { registered: [], missingPermission: missing };
    }
    const script = {
      id: GENERIC_SCRIPT_ID,
      matches: sites,
      js: [GENERIC_SCRIPT_FILE],
      runAt: 'document_idle' as const,
      persistAcrossSessions: true,
    };
    if (existing.length) await browser.scripting.updateContentScripts([script]);
    else {
      try {
        await browser.scripting.registerContentScripts([script]);
      } catch {
        // Browsers that keep runtime scripts only for the session: worker start registers them again.
        await browser.scripting.registerContentScripts([{ ...script, persistAcrossSessions: false }]);
      }
    }
    return { registered: sites, missingPermission: missing };
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Worker start, and whenever a permission is granted or revoked anywhere. */
export function registerSiteSync(): void {
  const sync = afterData(() => syncSites().catch(() => undefined));
  sync();
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
}
