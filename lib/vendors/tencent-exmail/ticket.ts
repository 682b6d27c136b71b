import type { TicketTemplate } from '../../tickets/template';
import { zhEn } from '../../policy/text';

/**
 * Exmail claims go through the Tencent Cloud console ticket form, or the 95078
 * hotline (seed 000). SLA compensation is ticket-only (seed 002 §3.2.1).
 */
export const tencentExmailTicket: TicketTemplate = {
  vendor: 'tencent-exmail',
  channel: 'ticket',
  url: 'https://console.cloud.tencent.com/workorder/category',
  category: {
    refund: [zhEn('{product}', '{product}'), zhEn('退费 / 退款', 'Refund')],
    difference: [
      zhEn('{product}', '{product}'),
      zhEn('订单修改 / 退还差额', 'Order change / refund of the difference'),
    ],
    compensation: [zhEn('{product}', '{product}'), zhEn('SLA 赔偿', 'SLA compensation')],
    review: [zhEn('{product}', '{product}'), zhEn('退费 / 退款', 'Refund')],
  },
  fields: {
    title: 'title',
    description: 'description',
    confidential: 'confidential',
    phone: 'phone',
    email: 'email',
    contactTime: 'contactTime',
  },
  // The contracting party named in seed 002 ("本协议即在您与腾讯云计算（北京）有限责任公司之间产生法律效力").
  company: zhEn('腾讯云计算（北京）有限责任公司', 'Tencent Cloud Computing (Beijing) Co., Ltd.'),
  defaultProduct: zhEn('腾讯企业邮', 'Tencent Exmail'),
  phone: {
    number: '95078',
    citation: { source: '000_b578c39791e62d25.txt', clause: '建议：发现问题尽早沟通（95078、腾讯云控制台工单）' },
  },
  note: zhEn(
    '问题类型的确切名称以工单页面为准，选择最接近的一项。',
    'The problem types are named on the ticket page; pick the closest one.',
  ),
  citations: [
    { source: '000_b578c39791e62d25.txt', clause: '建议：发现问题尽早沟通（95078、腾讯云控制台工单）' },
    { source: '002_b54d770f95033cbc.txt', clause: '3.2.1' },
  ],
};
