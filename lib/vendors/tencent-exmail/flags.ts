import type { VendorFlags } from '../../card/flags';
import { zhEn } from '../../policy/text';

const S000 = '000_b578c39791e62d25.txt';

/** What the card advises on an Exmail purchase page where it differs from the generic advice (seed 000). */
export const tencentExmailFlags: VendorFlags = {
  vendor: 'tencent-exmail',
  // Every Exmail purchase is refundable only until the service is activated (seed 000): said on every purchase page.
  always: ['no-refund-after-activation'],
  advice: {
    'no-refund-after-activation': {
      title: zhEn('开通后原则上不退款', 'No refund once activated'),
      advice: zhEn(
        '验证域名、创建管理员或添加成员任一操作即算开通；付款后先别操作，确认要用再开通。',
        'Verifying the domain, creating an admin or adding members counts as activation: hold off after paying until you are sure.',
      ),
      citations: [
        { source: S000, clause: '《服务协议》第8.3条（开通付费服务后已付费用不予退还）' },
        { source: S000, clause: '例外：服务尚未激活或未开始使用' },
      ],
    },
  },
};
