import type { VendorWords } from '../types';

// The vendor's name and its policy in one line (pages.ts): data only, so the worker's build ships
// them in its data file (build/worker-data-modules.ts). Each is its own export: pages.ts refers to
// them without reading them.

export const tencentCloudName: VendorWords = { 'zh-CN': '腾讯云', en: 'Tencent Cloud' };

export const tencentCloudSummary: VendorWords = {
  'zh-CN': '包年包月新购：每个主体一次五天无理由全额退还；其余按已用部分退还，退回账户余额。',
  en: 'New prepaid purchases: one five-day no-reason full refund per account holder; otherwise the unused part is refunded to the account balance.',
};
