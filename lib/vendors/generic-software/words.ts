import type { VendorWords } from '../types';

// The vendor's name and its policy in one line (pages.ts): data only, so the worker's build ships
// them in its data file (build/worker-data-modules.ts). Each is its own export: pages.ts refers to
// them without reading them.

export const genericSoftwareName: VendorWords = {
  'zh-CN': '其他软件 / 在线课程',
  en: 'Other software / online courses',
};

export const genericSoftwareSummary: VendorWords = {
  'zh-CN': '先看卖家政策；网购 7 日无理由退货不适用于已下载的数字商品和下单时确认不退的商品。',
  en: 'Read the seller’s policy first; the 7-day online return right excludes downloaded digital goods and items confirmed non-returnable at checkout.',
};
