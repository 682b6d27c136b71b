import type { VendorFlags } from '../card/flags';
import { genericSoftwareFlags } from './generic-software/flags';
import { letsvpnFlags } from './letsvpn/flags';
import { tencentCloudFlags } from './tencent-cloud/flags';
import { tencentExmailFlags } from './tencent-exmail/flags';

/**
 * Each shipped vendor's risk-flag wording, one line each. Kept apart from
 * registry.ts, which scripts inside web pages load: the wording is read in
 * the worker only. Generic software's advice is everyone else's.
 */
export const vendorFlags: readonly VendorFlags[] = [tencentExmailFlags, tencentCloudFlags, letsvpnFlags, genericSoftwareFlags];

/** The advice for a vendor whose definition says nothing more specific. */
export const defaultFlags = genericSoftwareFlags;
