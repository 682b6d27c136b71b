import type { TicketTemplate } from '../../tickets/template';
import { zhEn } from '../../policy/text';

/** Any other vendor: an email (or the vendor's own form) with the refund form's usual fields (seed 004). */
export const genericSoftwareTicket: TicketTemplate = {
  vendor: 'generic-software',
  channel: 'email',
  url: null,
  category: {
    refund: [zhEn('退款申请', 'Refund request')],
    difference: [zhEn('退款申请', 'Refund request')],
    compensation: [zhEn('退款申请', 'Refund request')],
    review: [zhEn('退款申请', 'Refund request')],
  },
  fields: { subject: 'subject', description: 'body', to: 'to' },
  company: null,
  defaultProduct: zhEn('所购软件 / 服务', 'the software or service bought'),
  citations: [{ source: '004_d4e4eea1fdf0fe9a.txt', clause: '确认退款申请流程（退款原因、退款金额、证明材料）' }],
};
