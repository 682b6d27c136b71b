import { describe, expect, it } from 'vitest';
import { detectPage, detectionText, isPlausibleDetection, DETECT_TEXT_LIMIT } from './detect';
import { contentScriptHosts } from './vendors/registry';

describe('detectPage by URL (FACTS.md "URLs and page kinds")', () => {
  it.each([
    ['https://buy.cloud.tencent.com/cvm?tab=custom&step=1', 'tencent-cloud', 'checkout'],
    ['https://buy.cloud.tencent.com/domain', 'tencent-cloud', 'checkout'],
    ['https://console.cloud.tencent.com/expense/deal', 'tencent-cloud', 'order'],
    ['https://console.cloud.tencent.com/expense/deal/detail?dealName=20261120123456789012', 'tencent-cloud', 'order'],
    ['https://console.cloud.tencent.com/deal', 'tencent-cloud', 'order'],
    ['https://console.cloud.tencent.com/workorder', 'tencent-cloud', 'ticket'],
    ['https://console.cloud.tencent.com/workorder/category', 'tencent-cloud', 'ticket'],
    ['https://console.cloud.tencent.com/workorder/create?level1_id=6&level2_id=163', 'tencent-cloud', 'ticket'],
    ['https://console.cloud.tencent.com/expense/overview', 'tencent-cloud', 'console'],
    ['https://console.cloud.tencent.com/cvm/instance', 'tencent-cloud', 'console'],
    ['https://cloud.tencent.com/product/exmail', 'tencent-exmail', 'checkout'],
    ['https://buy.cloud.tencent.com/exmail?type=standard', 'tencent-exmail', 'checkout'],
    ['https://exmail.qq.com/cgi-bin/bizmail?sid=abc', 'tencent-exmail', 'console'],
    ['https://exmail.qq.com/cgi-bin/bizmail_account?sid=abc', 'tencent-exmail', 'console'],
    ['https://exmail.qq.com/cgi-bin/frame_html?sid=abc', 'tencent-exmail', 'webmail'],
    ['https://exmail.qq.com/login', 'tencent-exmail', 'webmail'],
    ['https://letsvpn.world/pricing', 'letsvpn', 'checkout'],
    ['https://letsvpn.world/checkout?plan=year', 'letsvpn', 'checkout'],
    ['https://letsvpn.world/account/orders', 'letsvpn', 'order'],
    ['https://apps.apple.com/cn/app/%E5%BF%AB%E8%BF%9E/id1234567890', 'letsvpn', 'checkout'],
    ['https://apps.apple.com/cn/app/letsvpn/id1604321987', 'letsvpn', 'checkout'],
  ])('%s is %s %s', (url, vendor, kind) => {
    expect(detectPage(url)).toEqual({ vendor, kind });
  });

  it.each([
    'https://cloud.tencent.com/document/product/213/9711',
    'https://letsvpn.world/',
    'https://apps.apple.com/cn/app/wechat/id414478124',
    'https://exmail.qq.com/',
    'https://exmail.qq.com/loginhelp',
  ])('%s is a vendor host but no page kind', (url) => {
    expect(detectPage(url)).toBeNull();
  });

  it.each([
    'https://buy.cloud.tencent.com.evil.example/cvm',
    'https://evilbuy.cloud.tencent.com/cvm',
    'https://example.com/buy.cloud.tencent.com/cvm',
    'https://example.com/?next=https://console.cloud.tencent.com/expense/deal',
    'https://console-cloud-tencent.com/expense/deal',
    'https://exmail.qq.com.example.org/cgi-bin/frame_html',
  ])('look-alike %s is not a vendor page', (url) => {
    expect(detectPage(url)).toBeNull();
  });

  it('ignores a trailing dot and case in the host name', () => {
    expect(detectPage('https://BUY.Cloud.Tencent.com./cvm')).toEqual({ vendor: 'tencent-cloud', kind: 'checkout' });
  });

  it('rejects what is not an http(s) URL', () => {
    for (const url of [
      '',
      'not a url',
      'javascript:alert(1)',
      'chrome://extensions',
      'file:///buy.cloud.tencent.com/cvm',
    ]) {
      expect(detectPage(url)).toBeNull();
    }
  });
});

describe('detectPage by content', () => {
  it('recognises the 快连 App Store page by the name on the page', () => {
    const url = 'https://apps.apple.com/cn/app/vpn-fast/id1500000000';
    expect(detectPage(url, detectionText('App Store 上的“快连VPN”', '快连VPN 获取 App 内购买项目'))).toEqual({
      vendor: 'letsvpn',
      kind: 'checkout',
    });
    expect(detectPage(url, detectionText('App Store 上的“微信”', '微信 WeChat 获取'))).toBeNull();
    // another app's page that mentions 快连 in a review is not the 快连 page
    expect(detectPage(url, detectionText('App Store 上的“格物笔记”', '评论：比快连好用的笔记应用'))).toBeNull();
  });

  it('tells an Exmail purchase screen in the admin console from the console', () => {
    const url = 'https://exmail.qq.com/cgi-bin/bizmail?sid=abc&t=upgrade';
    expect(detectPage(url, '成员与部门 续费提醒 版本：标准版')).toEqual({ vendor: 'tencent-exmail', kind: 'console' });
    expect(detectPage(url, '升级版本 账户数 20 应付金额 ¥1,900 确认订单')).toEqual({
      vendor: 'tencent-exmail',
      kind: 'checkout',
    });
    // an order list with one unpaid order's "去支付" link is still the console
    expect(detectPage(url, '订单记录 2026-10-01 标准版续费 待支付 去支付')).toEqual({
      vendor: 'tencent-exmail',
      kind: 'console',
    });
  });

  it('sees a generic checkout only with a checkout action and a price', () => {
    const url = 'https://course.example.com/checkout';
    expect(detectPage(url, '课程：TypeScript 进阶 价格 ¥399 立即支付')).toEqual({
      vendor: 'generic-software',
      kind: 'checkout',
    });
    expect(detectPage(url, '今天的新闻：某云厂商降价 ¥399')).toBeNull();
    expect(detectPage(url, '立即购买 我们的课程')).toBeNull();
    expect(detectPage(url)).toBeNull();
  });

  it('is not fooled by articles and code that talk about checkouts', () => {
    const url = 'https://bbs.example.net/thread-1.html';
    expect(detectPage(url, '退款会退回原支付方式，一般 100元 以内当天到账')).toBeNull();
    expect(detectPage(url, 'git checkout main && echo $1 $2')).toBeNull();
    expect(detectPage(url, 'Order summary Pro plan $12.00 Pay now')).toEqual({
      vendor: 'generic-software',
      kind: 'checkout',
    });
  });

  it('never reports a vendor host as a generic checkout', () => {
    expect(detectPage('https://cloud.tencent.com/document/x', '立即购买 ¥99')).toBeNull();
  });

  it('reads at most the text limit, so a huge page costs bounded work', () => {
    const filler = 'x'.repeat(DETECT_TEXT_LIMIT);
    expect(detectPage('https://shop.example.net/buy', `${filler} 立即支付 ¥99`)).toBeNull();
    expect(detectPage('https://shop.example.net/buy', `立即支付 ¥99 ${filler}`)).toEqual({
      vendor: 'generic-software',
      kind: 'checkout',
    });
  });
});

describe('isPlausibleDetection (a content script claim checked against the sender URL)', () => {
  it('accepts a claim that the URL supports', () => {
    expect(
      isPlausibleDetection(
        { vendor: 'tencent-cloud', kind: 'order' },
        'https://console.cloud.tencent.com/expense/deal',
      ),
    ).toBe(true);
    expect(
      isPlausibleDetection(
        { vendor: 'tencent-exmail', kind: 'checkout' },
        'https://exmail.qq.com/cgi-bin/bizmail?t=buy',
      ),
    ).toBe(true);
    expect(
      isPlausibleDetection({ vendor: 'generic-software', kind: 'checkout' }, 'https://course.example.com/pay'),
    ).toBe(true);
  });

  it('rejects claims about other hosts, kinds or vendors', () => {
    expect(isPlausibleDetection({ vendor: 'tencent-cloud', kind: 'order' }, 'https://example.com/expense/deal')).toBe(
      false,
    );
    expect(
      isPlausibleDetection(
        { vendor: 'tencent-cloud', kind: 'ticket' },
        'https://console.cloud.tencent.com/expense/deal',
      ),
    ).toBe(false);
    expect(isPlausibleDetection({ vendor: 'letsvpn', kind: 'checkout' }, 'https://buy.cloud.tencent.com/cvm')).toBe(
      false,
    );
    expect(
      isPlausibleDetection({ vendor: 'generic-software', kind: 'checkout' }, 'https://buy.cloud.tencent.com/cvm'),
    ).toBe(false);
    expect(isPlausibleDetection({ vendor: 'tencent-cloud', kind: 'order' }, undefined)).toBe(false);
  });
});

describe('the content script host list', () => {
  it('is exact host names from the packs, with no wildcard', () => {
    const hosts = contentScriptHosts();
    expect(hosts).toContain('console.cloud.tencent.com');
    expect(hosts).toContain('exmail.qq.com');
    for (const host of hosts) expect(host).toMatch(/^[a-z0-9.-]+\.[a-z]+$/);
    expect(new Set(hosts).size).toBe(hosts.length);
  });
});

describe('detectPageWith', () => {
  it('reads the page text only when a rule needs it, and at most once', async () => {
    const { detectPageWith } = await import('./detect');
    let reads = 0;
    const text = () => {
      reads++;
      return '确认订单 立即支付 ¥99.00';
    };
    expect(detectPageWith('http://console.cloud.tencent.com/expense/deal', text)).toEqual(
      detectPage('http://console.cloud.tencent.com/expense/deal'),
    );
    expect(reads).toBe(0);
    expect(detectPageWith('http://shop.example.com/pay', text)).toEqual({
      vendor: 'generic-software',
      kind: 'checkout',
    });
    expect(reads).toBe(1);
  });
});
