import type { ShippedVendorId } from '../vendors/types';
import { VENDORS } from '../vendors/catalog';
import { validatePack, PolicyPackError, type PolicyPack } from './schema';

/** The policy packs the product ships, from each vendor's definition (lib/vendors/catalog.ts). */
export const SHIPPED_PACKS = Object.fromEntries(VENDORS.map((v) => [v.id, v.policy])) as Readonly<Record<ShippedVendorId, PolicyPack>>;

export const shippedPacks: readonly PolicyPack[] = Object.values(SHIPPED_PACKS);

export class UnknownVendorError extends Error {
  constructor(readonly vendor: string) {
    super(`No policy pack for vendor "${vendor}". Shipped: ${Object.keys(SHIPPED_PACKS).join(', ')}; add a user-defined pack with this id.`);
    this.name = 'UnknownVendorError';
  }
}

/**
 * Validates user-defined packs. A user pack may not take a shipped vendor's id
 * (it would silently replace cited rules), nor repeat an id.
 */
export function loadUserPacks(inputs: readonly unknown[]): PolicyPack[] {
  const errors: string[] = [];
  const packs: PolicyPack[] = [];
  inputs.forEach((input, i) => {
    const result = validatePack(input);
    if (!result.ok) {
      errors.push(...result.errors.map((e) => `packs[${i}] ${e}`));
      return;
    }
    if (Object.hasOwn(SHIPPED_PACKS, result.pack.id)) errors.push(`packs[${i}] id: "${result.pack.id}" is a shipped pack; choose another id`);
    else if (packs.some((p) => p.id === result.pack.id)) errors.push(`packs[${i}] id: "${result.pack.id}" is given twice`);
    else packs.push(result.pack);
  });
  if (errors.length) throw new PolicyPackError(errors);
  return packs;
}

/** The pack for a vendor: shipped first, then the user's (already validated) packs. */
export function findPack(vendor: string, userPacks: readonly PolicyPack[] = []): PolicyPack {
  const pack = Object.hasOwn(SHIPPED_PACKS, vendor) ? (SHIPPED_PACKS as Record<string, PolicyPack>)[vendor] : userPacks.find((p) => p.id === vendor);
  if (!pack) throw new UnknownVendorError(vendor);
  return pack;
}
