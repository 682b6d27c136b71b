import { defineVendor } from '../definition';
import { tencentCloudPages } from './pages';
import { tencentCloudFlags } from './flags';
import { tencentCloudPolicy } from './policy';
import { cvmSla } from './sla';
import { tencentCloudTicket } from './ticket';

/** tencent-cloud: policy, ticket template, risk-flag wording and service levels; its page rules, name and summary are pages.ts. */
export const tencentCloud = defineVendor({
  id: 'tencent-cloud',
  pages: tencentCloudPages,
  policy: tencentCloudPolicy,
  ticket: tencentCloudTicket,
  flags: tencentCloudFlags,
  sla: [cvmSla],
});
