import { defineVendor } from '../definition';
import { genericSoftwarePages } from './pages';
import { genericSoftwareFlags } from './flags';
import { genericSoftwarePolicy } from './policy';
import { genericSoftwareTicket } from './ticket';

/** generic-software: policy, ticket template, risk-flag wording and service levels; its page rules, name and summary are pages.ts. */
export const genericSoftware = defineVendor({
  id: 'generic-software',
  pages: genericSoftwarePages,
  policy: genericSoftwarePolicy,
  ticket: genericSoftwareTicket,
  flags: genericSoftwareFlags,
  sla: [],
});
