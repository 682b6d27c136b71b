import { snapshotHeadlines } from '../../lib/claims/order-headline';
import { PackSet } from '../../lib/policy/registry';
import type { Handlers } from '../../lib/messages';
import { loadSettings } from '../../platform/settings';
import type { EvidenceStore } from '../../platform/evidence-db';

/**
 * The headline of stored orders for the extension's pages (the evidence
 * locker), computed here with the user's packs, as the card's are.
 */
export function headlineHandlers(store: () => EvidenceStore, now: () => Date = () => new Date()): Handlers {
  return {
    'order.headlines': async ({ ids, locale }) => {
      const [{ settings }, bodies] = await Promise.all([loadSettings(), store().bodies(ids)]);
      // Custom packs that do not validate are left out rather than leaving every row blank.
      const packs = PackSet.of(settings.customPacks);
      return { headlines: snapshotHeadlines(bodies, now().toISOString(), { locale, packs }) };
    },
  };
}
