import type { TicketTemplate } from '../../tickets/template';
import { zhEn } from '../../policy/text';

/**
 * Tencent Cloud's ticket form (console.cloud.tencent.com/workorder/category:
 * product → problem type → form). The fields follow the legacy ticket API's
 * shape in FACTS.md: category levels, title, content, confidential content,
 * phone, email, contact time window.
 */
export const tencentCloudTicket: TicketTemplate = {
  vendor: 'tencent-cloud',
  channel: 'ticket',
  url: 'https://console.cloud.tencent.com/workorder/category',
  category: {
    refund: [zhEn('{product}', '{product}'), zhEn('退费 / 退还', 'Refund / return')],
    difference: [zhEn('{product}', '{product}'), zhEn('退费 / 退还', 'Refund / return')],
    compensation: [zhEn('{product}', '{product}'), zhEn('SLA 赔偿', 'SLA compensation')],
    review: [zhEn('{product}', '{product}'), zhEn('退费 / 退还', 'Refund / return')],
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
  defaultProduct: zhEn('云服务器 CVM', 'Cloud Virtual Machine (CVM)'),
  note: zhEn(
    '问题类型的确切名称以工单页面为准，选择最接近的一项。',
    'The problem types are named on the ticket page; pick the closest one.',
  ),
  citations: [{ source: 'FACTS.md', clause: 'URLs and page kinds: Tencent Cloud tickets' }],
};
