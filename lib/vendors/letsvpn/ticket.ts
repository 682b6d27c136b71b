import type { TicketTemplate } from '../../tickets/template';
import { t } from '../../policy/text';

/** 快连's "联系客服" / "退款申请" form on the official site (seed 003, 第二步). */
export const letsvpnTicket: TicketTemplate = {
  vendor: 'letsvpn',
  channel: 'web-form',
  url: 'https://letsvpn.world',
  category: {
    refund: [t('退款申请', 'Refund request')],
    difference: [t('退款申请', 'Refund request')],
    compensation: [t('退款申请', 'Refund request')],
    review: [t('联系客服', 'Contact support')],
  },
  fields: { subject: 'subject', description: 'message', email: 'email', orderId: 'orderId' },
  company: null,
  defaultProduct: t('快连 VPN 订阅', 'LetsVPN subscription'),
  note: t('表单的字段名未在来源中给出：按页面上的标签填写；也可改为邮件发送同样内容。', 'The form’s field names are not in the sources: fill by the labels on the page, or send the same text by email.'),
  citations: [{ source: '003_0b8ab3fa7a8ff686.txt', clause: '退款申请流程：第二步 提交申请' }],
};
