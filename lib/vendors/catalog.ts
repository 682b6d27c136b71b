import type { VendorDefinition } from './definition';
import { FALLBACK_VENDOR_ID, SHIPPED_VENDORS, type ShippedVendorId } from './registry';
import { tencentExmail } from './tencent-exmail';
import { tencentCloud } from './tencent-cloud';
import { letsvpn } from './letsvpn';
import { genericSoftware } from './generic-software';
import { genericSoftwareFlags } from './generic-software/flags';

/**
 * Each shipped vendor's definition (policy, ticket template, risk-flag wording,
 * service levels), keyed by the ids of registry.ts: a vendor listed there and
 * missing here, or the other way round, does not compile. The policy packs,
 * ticket templates, risk-flag wording and service levels the engines use are
 * all read from here; the definitions live apart from the registry so that
 * scripts inside web pages load page rules and names, never policy text.
 */
const DEFINITIONS: { readonly [Id in ShippedVendorId]: VendorDefinition<Id> } = {
  'tencent-exmail': tencentExmail,
  'tencent-cloud': tencentCloud,
  letsvpn,
  'generic-software': genericSoftware,
};

/** Every shipped vendor's definition, in the registry's order: the engines read vendors from here only. */
// (The type above makes every id have its definition; the architecture test checks the two lists agree.)
export const VENDORS: readonly VendorDefinition[] = SHIPPED_VENDORS.flatMap((id) =>
  Object.hasOwn(DEFINITIONS, id) ? [DEFINITIONS[id]] : [],
);

/** Generic software's definition: the ticket and risk advice of any vendor without its own. */
export const FALLBACK_VENDOR: VendorDefinition = DEFINITIONS[FALLBACK_VENDOR_ID];
/** Its risk advice, which covers every flag. */
export const FALLBACK_FLAGS = genericSoftwareFlags;
