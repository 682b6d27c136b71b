import { defineVendor } from '../definition';
import { letsvpnFlags } from './flags';
import { letsvpnPolicy } from './policy';
import { letsvpnTicket } from './ticket';

/** letsvpn: policy, ticket template, risk-flag wording and service levels (its page rules are pages.ts). */
export const letsvpn = defineVendor({
  id: 'letsvpn',
  policy: letsvpnPolicy,
  ticket: letsvpnTicket,
  flags: letsvpnFlags,
  sla: [],
});
