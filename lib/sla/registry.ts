import type { SlaPolicy, SlaService } from './policy';
import { VENDORS } from '../vendors/catalog';

/** The SLA of each service, from the vendors' definitions (kept apart from the calculation, so schemas can use it cheaply). */
export const SLA_POLICIES = Object.fromEntries(VENDORS.flatMap((v) => v.sla.map((s) => [s.service, s]))) as Readonly<
  Record<SlaService, SlaPolicy>
>;
