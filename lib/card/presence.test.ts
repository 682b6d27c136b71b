import { describe, expect, it } from 'vitest';
import { cardNotice, cardPresence, isUrgent, NO_SIGNALS, readsNotActivated, type PresenceInput } from './presence';
import { showsWebmailFailure } from './signals';

const NOW = '2026-12-06T10:00:00+08:00';
const base = (over: Partial<PresenceInput>): PresenceInput => ({
  match: { vendor: 'tencent-cloud', kind: 'order' },
  notice: null,
  flags: 0,
  hasSubject: true,
  deadlines: [],
  ...over,
});

describe('when the card shows, and how', () => {
  it('opens by itself at a checkout that shows a risk, and stays a pill at one that shows none', () => {
    expect(cardPresence(base({ match: { vendor: 'tencent-cloud', kind: 'checkout' }, flags: 1 }), NOW)).toBe(
      'expanded',
    );
    expect(cardPresence(base({ match: { vendor: 'tencent-cloud', kind: 'checkout' }, flags: 0 }), NOW)).toBe('pill');
  });

  it('opens by itself when a deadline is within three days, not four', () => {
    expect(cardPresence(base({ deadlines: ['2026-12-09'] }), NOW)).toBe('expanded');
    expect(cardPresence(base({ deadlines: ['2026-12-10'] }), NOW)).toBe('pill');
    // A date already past is no reason to open.
    expect(cardPresence(base({ deadlines: ['2026-12-05'] }), NOW)).toBe('pill');
  });

  it('gives no card where nothing can be done: an inbox, a members list, a product page with nothing chosen', () => {
    expect(cardPresence(base({ match: { vendor: 'tencent-exmail', kind: 'webmail' } }), NOW)).toBe('none');
    expect(cardPresence(base({ match: { vendor: 'tencent-exmail', kind: 'console' } }), NOW)).toBe('none');
    expect(cardPresence(base({ match: { vendor: 'tencent-exmail', kind: 'checkout' }, hasSubject: false }), NOW)).toBe(
      'none',
    );
    // Even where the vendor's every purchase carries a risk (Exmail: no refund once activated).
    expect(
      cardPresence(base({ match: { vendor: 'tencent-exmail', kind: 'checkout' }, hasSubject: false, flags: 1 }), NOW),
    ).toBe('none');
    expect(cardPresence(base({ match: { vendor: 'tencent-cloud', kind: 'order' }, hasSubject: false }), NOW)).toBe(
      'none',
    );
  });

  it('speaks on the pages where the moment matters', () => {
    const notActivated = cardNotice(
      { vendor: 'tencent-exmail', kind: 'console' },
      { ...NO_SIGNALS, notActivated: true },
      NOW,
      'zh-CN',
    );
    expect(notActivated?.title).toContain('现在申请退款');
    expect(notActivated?.lines.join('')).toContain('95078');
    // The rule's own clause is the basis, never a user's story.
    expect(notActivated?.citation?.title).not.toMatch(/案例/);
    expect(
      cardPresence(base({ match: { vendor: 'tencent-exmail', kind: 'console' }, notice: notActivated }), NOW),
    ).toBe('expanded');

    const outage = cardNotice(
      { vendor: 'tencent-exmail', kind: 'webmail' },
      { ...NO_SIGNALS, title: '系统繁忙 - 腾讯企业邮箱' },
      NOW,
      'zh-CN',
    );
    expect(outage?.title).toContain('2026-12');
    expect(cardPresence(base({ match: { vendor: 'tencent-exmail', kind: 'webmail' }, notice: outage }), NOW)).toBe(
      'pill',
    );
    expect(
      cardNotice(
        { vendor: 'tencent-exmail', kind: 'webmail' },
        { ...NO_SIGNALS, title: '收件箱 - 腾讯企业邮箱' },
        NOW,
        'zh-CN',
      ),
    ).toBeNull();
    // A timeout shown over the mail list (title unchanged) is not logged by itself: the card offers to save it.
    const seen = cardNotice(
      { vendor: 'tencent-exmail', kind: 'webmail' },
      { ...NO_SIGNALS, title: '腾讯企业邮箱', failureShown: true },
      NOW,
      'zh-CN',
    );
    expect(seen).toMatchObject({ kind: 'outage-seen' });
    expect(seen?.title).toContain('保存为证据');
    expect(cardPresence(base({ match: { vendor: 'tencent-exmail', kind: 'webmail' }, notice: seen }), NOW)).toBe(
      'pill',
    );
    expect(showsWebmailFailure('连接超时，请检查网络后重试')).toBe(true);
    expect(showsWebmailFailure('收件箱（3）')).toBe(false);

    const ticket = cardNotice(
      { vendor: 'tencent-cloud', kind: 'ticket' },
      { ...NO_SIGNALS, ticketForm: true },
      NOW,
      'zh-CN',
    );
    expect(ticket?.kind).toBe('ticket-draft');
    expect(cardNotice({ vendor: 'tencent-cloud', kind: 'ticket' }, NO_SIGNALS, NOW, 'zh-CN')).toBeNull();
  });

  it('reads "not set up" from the admin page’s own words only', () => {
    expect(readsNotActivated('待完成 企业域名尚未验证，成员暂时无法收到外部邮件。')).toBe(true);
    expect(readsNotActivated('企业域名 sample-trading.com.cn 未验证')).toBe(true);
    expect(readsNotActivated('企业域名 sample-trading.com.cn 已验证 成员 18 个，其中 1 个未激活')).toBe(false);
  });

  it('counts urgency in Asia/Shanghai days', () => {
    expect(isUrgent('2026-12-06', '2026-12-06')).toBe(true);
    expect(isUrgent(null, '2026-12-06')).toBe(false);
  });
});
