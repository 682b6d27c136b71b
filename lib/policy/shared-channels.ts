import { CITE } from './cite';
import { zhEn } from './text';
import type { PolicyChannel } from './schema';

// Data only, so the worker's build ships it in its data file (build/worker-data-modules.ts).

/**
 * Channels any pack may reference (their ids are in SHARED_CHANNEL_IDS).
 * The app stores run their own refund processes; 12315 and 黑猫投诉 are where a
 * refused consumer escalates.
 */
export const SHARED_CHANNELS: readonly PolicyChannel[] = [
  {
    id: 'apple-report-a-problem',
    kind: 'web-form',
    name: zhEn('Apple 退款申请（reportaproblem.apple.com）', 'Apple refund request (reportaproblem.apple.com)'),
    value: 'https://reportaproblem.apple.com',
    note: zhEn(
      '登录 → 申请退款 → 选择原因 → 选择项目；通常 24–48 小时内答复；待处理的扣款需先完成。',
      'Sign in → Request a refund → choose a reason → choose the item; usually answered within 24–48 h; a pending charge must clear first.',
    ),
    citations: [CITE.appleGoogle],
  },
  {
    id: 'google-play-order-history',
    kind: 'web-form',
    name: zhEn(
      'Google Play 订单记录（play.google.com/store/account）',
      'Google Play order history (play.google.com/store/account)',
    ),
    value: 'https://play.google.com/store/account',
    note: zhEn(
      '提示（未确认）：购买后约 48 小时内通常可由 Google 退款，之后由开发者决定。',
      'Hint (unconfirmed): within about 48 h of purchase Google can usually refund; later the developer decides.',
    ),
    citations: [CITE.appleGoogle],
  },
  {
    id: 'complaint-12315',
    kind: 'complaint',
    name: zhEn('全国 12315 市场监管投诉平台', 'The 12315 market-regulation complaint platform'),
    value: '12315',
    note: zhEn(
      '监管部门在 7 个工作日内决定是否受理；调解 45 个工作日未达成协议即终止（二手来源）。',
      'The authority decides within 7 working days whether to accept; mediation ends after 45 working days without agreement (secondary source).',
    ),
    citations: [CITE.escalation],
  },
  {
    id: 'complaint-heimao',
    kind: 'complaint',
    name: zhEn('新浪黑猫投诉', 'Sina 黑猫投诉 (Black Cat complaints)'),
    value: null,
    note: zhEn(
      '需填写：被投诉企业、订单号、投诉理由，并上传证据。',
      'Asks for: the company, the order number, the reason, and evidence uploads.',
    ),
    citations: [CITE.escalation],
  },
];
