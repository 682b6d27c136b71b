import type { SlaPolicy, SlaService } from './policy';
import { lazyRecord } from '../lazy';
import { VENDORS } from '../vendors/catalog';

/** The SLA of each service, from the vendors' definitions (kept apart from the calculation, so schemas can use it cheaply). */
// Built on first use: the worker reads the definitions after its script has loaded (lib/worker-data.ts).
export const SLA_POLICIES = lazyRecord(
  () =>
    Object.fromEntries(VENDORS.flatMap((v) => v.sla.map((s) => [s.service, s]))) as Readonly<
      Record<SlaService, SlaPolicy>
    >,
);
