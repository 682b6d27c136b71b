import type { VendorWords } from '../types';

// The vendor's name and its policy in one line (pages.ts): data only, so the worker's build ships
// them in its data file (build/worker-data-modules.ts). Each is its own export: pages.ts refers to
// them without reading them.

export const letsvpnName: VendorWords = { 'zh-CN': '快连 LetsVPN', en: 'LetsVPN (快连)' };

export const letsvpnSummary: VendorWords = {
  'zh-CN': '体验期内、无法解决的兼容问题、区域中断超 72 小时、重复扣款可申请；应用商店购买找商店退款。',
  en: 'Trial window, unresolvable incompatibility, regional outage over 72 h and duplicate charges qualify; app-store purchases are refunded by the store.',
};
