import type { VendorWords } from '../types';

// The vendor's name and its policy in one line (pages.ts): data only, so the worker's build ships
// them in its data file (build/worker-data-modules.ts). Each is its own export: pages.ts refers to
// them without reading them.

export const tencentExmailName: VendorWords = { 'zh-CN': '腾讯企业邮箱', en: 'Tencent Exmail' };

export const tencentExmailSummary: VendorWords = {
  'zh-CN': '开通后原则上不退款；未激活、故障超 72 小时、误购或重复支付、代理商书面承诺可协商。',
  en: 'No refund once activated, in principle; not activated, outages over 72 h, wrong or duplicate orders and a reseller’s written promise are worth a request.',
};
