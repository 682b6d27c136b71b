import { defineVendor } from '../definition';
import { genericSoftwareFlags } from './flags';
import { genericSoftwarePolicy } from './policy';
import { genericSoftwareTicket } from './ticket';

/** generic-software: policy, ticket template, risk-flag wording and service levels (its page rules are pages.ts). */
export const genericSoftware = defineVendor({
  id: 'generic-software',
  policy: genericSoftwarePolicy,
  ticket: genericSoftwareTicket,
  flags: genericSoftwareFlags,
  sla: [],
});
