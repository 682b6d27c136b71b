import { defineVendor } from '../definition';
import { tencentExmailPages } from './pages';
import { tencentExmailFlags } from './flags';
import { tencentExmailPolicy } from './policy';
import { exmailSla } from './sla';
import { tencentExmailTicket } from './ticket';

/** tencent-exmail: policy, ticket template, risk-flag wording and service levels; its page rules, name and summary are pages.ts. */
export const tencentExmail = defineVendor({
  id: 'tencent-exmail',
  pages: tencentExmailPages,
  policy: tencentExmailPolicy,
  ticket: tencentExmailTicket,
  flags: tencentExmailFlags,
  sla: [exmailSla],
});
