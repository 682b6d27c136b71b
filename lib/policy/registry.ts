import type { ShippedVendorId } from '../vendors/types';
import { lazyList, lazyRecord } from '../lazy';
import { VENDORS } from '../vendors/catalog';
import { validatePack, PolicyPackError, type PolicyPack } from './schema';

/**
 * The policy packs the product ships, from each vendor's definition (lib/vendors/catalog.ts); built
 * on first use, as the worker reads the definitions after its script has loaded.
 */
export const SHIPPED_PACKS = lazyRecord(
  () => Object.fromEntries(VENDORS.map((v) => [v.id, v.policy])) as Readonly<Record<ShippedVendorId, PolicyPack>>,
);

export const shippedPacks: readonly PolicyPack[] = lazyList(() => Object.values(SHIPPED_PACKS));

export class UnknownVendorError extends Error {
  constructor(readonly vendor: string) {
    super(
      `No policy pack for vendor "${vendor}". Shipped: ${Object.keys(SHIPPED_PACKS).join(', ')}; add a user-defined pack with this id.`,
    );
    this.name = 'UnknownVendorError';
  }
}

/** Why one user pack was left out of a pack set (the options page and the checker list these). */
export interface PackProblem {
  /** Its place in the user's list. */
  index: number;
  /** Its id, when it has a readable one. */
  id: string | null;
  errors: string[];
}

/**
 * The packs every engine reads: the shipped ones and the user's, validated
 * once. A user pack may not take a shipped vendor's id (it would silently
 * replace cited rules), nor repeat an id; those that fail are left out and
 * listed in `problems`. Build one where the settings are read (the worker, the
 * popup, the CLI) and hand it to evaluateClaim, the card, reminders and tickets.
 */
export class PackSet {
  private constructor(
    /** The user's packs that validated, in their order. */
    readonly user: readonly PolicyPack[],
    readonly problems: readonly PackProblem[],
  ) {}

  /** Validates the user's packs, keeping those that pass. */
  static of(inputs: readonly unknown[] = []): PackSet {
    const user: PolicyPack[] = [];
    const problems: PackProblem[] = [];
    inputs.forEach((input, index) => {
      const result = validatePack(input);
      const rawId = typeof (input as { id?: unknown } | null)?.id === 'string' ? (input as { id: string }).id : null;
      if (!result.ok) problems.push({ index, id: rawId, errors: result.errors });
      else if (Object.hasOwn(SHIPPED_PACKS, result.pack.id))
        problems.push({ index, id: rawId, errors: [`id: "${result.pack.id}" is a shipped pack; choose another id`] });
      else if (user.some((p) => p.id === result.pack.id))
        problems.push({ index, id: rawId, errors: [`id: "${result.pack.id}" is given twice`] });
      else user.push(result.pack);
    });
    return new PackSet(user, problems);
  }

  /** Every problem as one line, `packs[i] …` (the form a PolicyPackError lists). */
  get errors(): string[] {
    return this.problems.flatMap((p) => p.errors.map((e) => `packs[${p.index}] ${e}`));
  }

  /** Shipped packs, then the user's. */
  get all(): readonly PolicyPack[] {
    return [...shippedPacks, ...this.user];
  }

  has(vendor: string): boolean {
    return Object.hasOwn(SHIPPED_PACKS, vendor) || this.user.some((p) => p.id === vendor);
  }

  /** The pack for a vendor: shipped first, then the user's. */
  find(vendor: string): PolicyPack {
    return findPack(vendor, this.user);
  }
}

/** The shipped packs alone. */
export const SHIPPED_PACK_SET = PackSet.of([]);

const strictSets = new WeakMap<readonly unknown[], PackSet>();

/**
 * The pack set an engine uses: the one it was given, or (contract 1's
 * `packs?: unknown[]`) the user's packs validated once per list, where any
 * problem is an error (a PolicyPackError lists every one).
 */
export function packSetOf(packs: PackSet | readonly unknown[] | undefined): PackSet {
  if (packs === undefined) return SHIPPED_PACK_SET;
  if (packs instanceof PackSet) return packs;
  const known = strictSets.get(packs);
  if (known) return known;
  const set = PackSet.of(packs);
  if (set.problems.length) throw new PolicyPackError(set.errors);
  strictSets.set(packs, set);
  return set;
}

/** Validates user-defined packs; any problem throws a PolicyPackError (kept for contract 1). */
export function loadUserPacks(inputs: readonly unknown[]): PolicyPack[] {
  return [...packSetOf(inputs).user];
}

/** The pack for a vendor: shipped first, then the user's (already validated) packs. */
export function findPack(vendor: string, userPacks: readonly PolicyPack[] = []): PolicyPack {
  const pack = Object.hasOwn(SHIPPED_PACKS, vendor)
    ? (SHIPPED_PACKS as Record<string, PolicyPack>)[vendor]
    : userPacks.find((p) => p.id === vendor);
  if (!pack) throw new UnknownVendorError(vendor);
  return pack;
}
