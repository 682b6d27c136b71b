import type { TicketTemplate } from '../../tickets/template';
import { zhEn } from '../../policy/text';

/** 快连's "联系客服" / "退款申请" form on the official site (seed 003, 第二步). */
export const letsvpnTicket: TicketTemplate = {
  vendor: 'letsvpn',
  channel: 'web-form',
  url: 'https://letsvpn.world',
  category: {
    refund: [zhEn('退款申请', 'Refund request')],
    difference: [zhEn('退款申请', 'Refund request')],
    compensation: [zhEn('退款申请', 'Refund request')],
    review: [zhEn('联系客服', 'Contact support')],
  },
  fields: { subject: 'subject', description: 'message', email: 'email', orderId: 'orderId' },
  company: null,
  defaultProduct: zhEn('快连 VPN 订阅', 'LetsVPN subscription'),
  note: zhEn(
    '表单的字段名未在来源中给出：按页面上的标签填写；也可改为邮件发送同样内容。',
    'The form’s field names are not in the sources: fill by the labels on the page, or send the same text by email.',
  ),
  citations: [{ source: '003_0b8ab3fa7a8ff686.txt', clause: '退款申请流程：第二步 提交申请' }],
};
