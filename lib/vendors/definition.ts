import type { VendorFlags } from '../card/flags';
import type { PolicyPack } from '../policy/schema';
import type { SlaPolicy } from '../sla/policy';
import type { TicketTemplate } from '../tickets/template';
import type { VendorPages } from './types';

/**
 * Everything the worker, the popup and the admin pages know about one shipped
 * vendor, exported once from its folder (lib/vendors/<vendor>/index.ts) and
 * listed once in lib/vendors/catalog.ts. The vendor's page rules (pages.ts) are
 * the part scripts inside web pages load; they are listed in registry.ts (the
 * list every vendor id comes from) so that those scripts carry no policy text,
 * and catalog.ts maps each id to its definition.
 */
export interface VendorDefinition<Id extends string = string> {
  id: Id;
  /** Page rules, name and summary (pages.ts, also listed in registry.ts). */
  pages: VendorPages<Id>;
  policy: PolicyPack;
  ticket: TicketTemplate;
  /** Risk-flag wording where it differs from the generic advice. */
  flags: VendorFlags;
  /** The service levels the vendor publishes (none for most). */
  sla: readonly SlaPolicy[];
}

export function defineVendor<const Id extends string>(definition: VendorDefinition<Id>): VendorDefinition<Id> {
  const mismatched = [
    definition.pages.vendor,
    definition.policy.id,
    definition.ticket.vendor,
    definition.flags.vendor,
    ...definition.sla.map((s) => s.vendor),
  ].filter((id) => id !== definition.id);
  if (mismatched.length) throw new Error(`vendor ${definition.id}: parts name ${mismatched.join(', ')}`);
  return definition;
}
