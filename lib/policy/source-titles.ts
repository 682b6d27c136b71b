import { zhEn, type LocalizedText } from './text';

/*
 * The titles of the documents rules cite: data only, so the worker's build ships them in its data file
 * (build/worker-data-modules.ts); citationTitle in sources.ts reads them.
 */

/** Files of the public tencentyun/qcloud-documents repository that packs cite (path = the source name). */
export const TENCENT_DOCS = {
  cvmRefund: 'qcloud-documents/product/计算与网络/云服务器/购买指南/退还包年包月实例退费说明.md',
  cvmSla: 'qcloud-documents/product/计算与网络/云服务器/服务协议/服务等级协议（新版）.md',
} as const;

/**
 * The documents rules cite, with titles a support agent would recognise. The
 * files themselves are in /work/shared/seeds (see its README).
 */
export const SEED_SOURCES: Readonly<Record<string, { title: LocalizedText; official: boolean }>> = {
  // A help-centre style article about the agreement: it quotes §8.3, and its "exceptions" are its own account of practice, not contract clauses.
  '000_b578c39791e62d25.txt': {
    title: zhEn(
      '帮助中心文章“腾讯企业邮箱购买后能退款吗”',
      'Help-centre article "Can Tencent Exmail be refunded after purchase"',
    ),
    official: false,
  },
  '001_03ccb7fdb36f449b.txt': {
    title: zhEn(
      '“腾讯云主机退费手续”（一万网络，2025-09-04）',
      '"Tencent Cloud server refund procedure" (一万网络, 2025-09-04)',
    ),
    official: false,
  },
  '002_b54d770f95033cbc.txt': {
    title: zhEn(
      '《腾讯企业邮服务等级协议》（2020-09-15 更新）',
      'Tencent Exmail Service Level Agreement (updated 2020-09-15)',
    ),
    official: true,
  },
  '003_0b8ab3fa7a8ff686.txt': {
    title: zhEn('“快连官网退款政策”（第三方整理）', '"LetsVPN refund policy" (third-party summary)'),
    official: false,
  },
  '004_d4e4eea1fdf0fe9a.txt': {
    title: zhEn('“买了软件系统怎么退款”', '"How to get a refund for purchased software"'),
    official: false,
  },
  // Tencent's own documentation (public repository tencentyun/qcloud-documents), cited by file path.
  [TENCENT_DOCS.cvmRefund]: {
    title: zhEn(
      '腾讯云文档《退还包年包月实例退费说明》',
      'Tencent Cloud documentation: 退还包年包月实例退费说明 (returning prepaid CVM instances)',
    ),
    official: true,
  },
  [TENCENT_DOCS.cvmSla]: {
    title: zhEn(
      '腾讯云文档《云服务器服务等级协议》（2020-11-01 生效）',
      'Tencent Cloud documentation: CVM Service Level Agreement (effective 2020-11-01)',
    ),
    official: true,
  },
};

/** FACTS.md entries by the start of their clause name. */
export const FACTS_TITLES: readonly [prefix: string, title: LocalizedText][] = [
  [
    'Tencent Cloud CVM SLA',
    zhEn(
      '《云服务器 CVM 服务等级协议》（2020-11-01 生效）',
      'Tencent Cloud CVM Service Level Agreement (effective 2020-11-01)',
    ),
  ],
  [
    'Tencent Cloud refunds',
    zhEn(
      '腾讯云《云服务退货说明》《退还包年包月实例退费说明》',
      'Tencent Cloud "云服务退货说明" and CVM "退还包年包月实例退费说明"',
    ),
  ],
  ['Chinese consumer law: CRPL', zhEn('《消费者权益保护法》第二十五条', 'Consumer Rights Protection Law, art. 25')],
  [
    'Chinese consumer law: interim measures',
    zhEn(
      '《网络购买商品七日无理由退货暂行办法》',
      'Interim Measures for 7-day No-reason Returns of Goods Bought Online',
    ),
  ],
  ['Chinese consumer law: escalation', zhEn('12315 平台与黑猫投诉', 'The 12315 platform and 黑猫投诉')],
  ['URLs and page kinds: Apple', zhEn('Apple / Google Play 退款流程', 'Apple / Google Play refund processes')],
  ['URLs and page kinds', zhEn('厂商网站与工单入口', 'Vendor sites and ticket pages')],
  ['Chinese public holidays', zhEn('国务院办公厅 2026 年节假日安排', 'State Council 2026 holiday schedule')],
];
