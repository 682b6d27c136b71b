import { defineVendor } from '../definition';
import { tencentCloudFlags } from './flags';
import { tencentCloudPolicy } from './policy';
import { cvmSla } from './sla';
import { tencentCloudTicket } from './ticket';

/** tencent-cloud: policy, ticket template, risk-flag wording and service levels (its page rules are pages.ts). */
export const tencentCloud = defineVendor({
  id: 'tencent-cloud',
  policy: tencentCloudPolicy,
  ticket: tencentCloudTicket,
  flags: tencentCloudFlags,
  sla: [cvmSla],
});
