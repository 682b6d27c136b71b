import type { SlaPolicy, SlaService } from './policy';
import { exmailSla } from '../vendors/tencent-exmail/sla';
import { cvmSla } from '../vendors/tencent-cloud/sla';

/** The SLA of each service, as data (kept apart from the calculation, so schemas can use it cheaply). */
export const SLA_POLICIES: Readonly<Record<SlaService, SlaPolicy>> = { exmail: exmailSla, cvm: cvmSla };
