import type { VendorDefinition } from './definition';
import { tencentExmail } from './tencent-exmail';
import { tencentCloud } from './tencent-cloud';
import { letsvpn } from './letsvpn';
import { genericSoftware } from './generic-software';
import { genericSoftwareFlags } from './generic-software/flags';

/**
 * Every shipped vendor's definition, one line each, in the order of
 * registry.ts (the page rules scripts inside pages load). The policy packs,
 * ticket templates, risk-flag wording and service levels the engines use are
 * all read from here.
 */
export const VENDORS: readonly VendorDefinition[] = [tencentExmail, tencentCloud, letsvpn, genericSoftware];

/** Generic software's definition: the ticket and risk advice of any vendor without its own. */
export const FALLBACK_VENDOR: VendorDefinition = genericSoftware;
/** Its risk advice, which covers every flag. */
export const FALLBACK_FLAGS = genericSoftwareFlags;
