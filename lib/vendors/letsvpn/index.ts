import { defineVendor } from '../definition';
import { letsvpnPages } from './pages';
import { letsvpnFlags } from './flags';
import { letsvpnPolicy } from './policy';
import { letsvpnTicket } from './ticket';

/** letsvpn: policy, ticket template, risk-flag wording and service levels; its page rules, name and summary are pages.ts. */
export const letsvpn = defineVendor({
  id: 'letsvpn',
  pages: letsvpnPages,
  policy: letsvpnPolicy,
  ticket: letsvpnTicket,
  flags: letsvpnFlags,
  sla: [],
});
