import { describe, expect, it } from 'vitest';
import { fixturePages } from '../../test/fixtures/catalog';
import { cardContent } from '../card/model';
import { headlineText } from '../headline-text';
import { emptyOutageLog } from '../outages';
import { emptyReminderState, notificationText, planReminders, trackedDeadlines, type OrderRecord } from '../reminders';
import { evaluateClaim } from './eligibility';
import { checkoutFacts, orderFacts, orderState, orderTypeOf } from './order-facts';
import { evaluateOrder, orderStateWords } from './order-headline';

const NOW = '2026-11-22T14:00:00+08:00';
const ORDER_URL = 'http://console.cloud.tencent.com/expense/deal/detail?dealName=20261118105822371604';
/** The paid new CVM order of the fixture tc-deal-detail-paid-new, as its snapshot stores it. */
const paidNew: Record<string, unknown> = fixturePages.find((p) => p.id === 'tc-deal-detail-paid-new')!.expected!;
const cvm = (fields: Record<string, unknown>) => orderFacts({ vendor: 'tencent-cloud', fields, url: ORDER_URL });

describe('order status', () => {
  it('reads each status the consoles show', () => {
    const cases: [string | undefined, string][] = [
      ['已支付', 'paid'],
      ['支付成功', 'paid'],
      ['已完成', 'paid'],
      ['已退款', 'refunded'],
      ['部分退款', 'refunded'],
      ['退款成功', 'refunded'],
      ['退款中', 'refunding'],
      ['待支付', 'unpaid'],
      ['未支付', 'unpaid'],
      ['已取消', 'cancelled'],
      ['已关闭', 'cancelled'],
      ['处理中', 'unknown'],
      [undefined, 'unknown'],
      ['', 'unknown'],
    ];
    expect(cases.map(([status]) => orderState(status))).toEqual(cases.map(([, state]) => state));
  });

  it('a paid order runs its clock from the payment time', () => {
    const order = cvm(paidNew);
    expect(order).toMatchObject({ state: 'paid', statusText: '已支付', clock: true });
    expect(order.facts.purchasedAt).toBe('2026-11-18T10:59:07+08:00');
  });

  it('a refunded order keeps its facts but has no claim, and says so', () => {
    const order = cvm({ ...paidNew, status: '已退款' });
    expect(order).toMatchObject({ state: 'refunded', clock: false });
    expect(order.facts.purchasedAt).toBe('2026-11-18T10:59:07+08:00');
    const { verdict, words } = evaluateOrder(order, NOW);
    expect(verdict).toBeNull();
    expect(words).toMatchObject({ line: '本单已退款', tone: 'neutral', deadline: null });
    expect(evaluateOrder(order, NOW, { locale: 'en' }).words.line).toBe('This order has been refunded');
  });

  it('a refund in progress has no claim either', () => {
    const order = cvm({ ...paidNew, status: '退款中' });
    expect(order.clock).toBe(false);
    expect(orderStateWords(order, 'zh-CN', NOW)?.line).toBe('本单退款处理中');
  });

  it('an unpaid order starts no clock: its creation time is no payment time', () => {
    const order = cvm({
      orderId: 'P1',
      orderType: '新购',
      status: '待支付',
      createdAt: '2026-11-22 09:33:44',
      amount: 68,
      product: 'Lighthouse',
      term: '1个月',
    });
    expect(order).toMatchObject({ state: 'unpaid', clock: false });
    expect(order.facts.purchasedAt).toBeUndefined();
    expect(evaluateOrder(order, NOW).words.line).toBe('本单尚未支付，不计退款期限');
  });

  it('a cancelled order starts no clock', () => {
    const order = cvm({ ...paidNew, status: '已取消', paidAt: undefined });
    expect(order).toMatchObject({ state: 'cancelled', clock: false });
    expect(evaluateOrder(order, NOW).words.line).toBe('本单已取消，不计退款期限');
  });

  it('a paid order that shows only its creation time counts from it (never later than the payment)', () => {
    const order = cvm({ ...paidNew, paidAt: undefined });
    expect(order.facts.purchasedAt).toBe('2026-11-18T10:58:22+08:00');
    expect(order.clock).toBe(true);
  });

  it('an order with no time at all says the windows cannot be counted', () => {
    const order = cvm({ orderId: 'X1', status: '已支付' });
    expect(order.clock).toBe(false);
    expect(evaluateOrder(order, NOW).words).toMatchObject({
      line: '页面未显示支付时间，无法计算退款期限',
      confirmed: false,
    });
  });
});

describe('order type', () => {
  it('reads the console’s words for each type', () => {
    const words = ['新购', '续费', '升级', '变配', '配置调整', '降配', '按量转包年包月', '其他'];
    expect(words.map(orderTypeOf)).toEqual([
      'new',
      'renewal',
      'upgrade',
      'upgrade',
      'upgrade',
      'downgrade',
      'conversion',
      null,
    ]);
  });

  it('a new purchase is no renewal; nothing else is implied', () => {
    const { facts } = cvm(paidNew);
    expect(facts).toMatchObject({ orderType: 'new', renewal: false, billing: 'prepaid', termMonths: 12 });
    // Never guessed: whether it was converted, or whether the five-day refund was used.
    expect(facts).not.toHaveProperty('convertedFromPayAsYouGo');
    expect(facts).not.toHaveProperty('firstNoReasonRefundUsed');
  });

  it('a renewal gets no five-day refund (FACTS.md: renewals do not qualify)', () => {
    const order = cvm({ ...paidNew, orderType: '续费' });
    expect(order.facts).toMatchObject({ orderType: 'renewal', renewal: true });
    const verdict = evaluateClaim(order.facts, NOW);
    expect(verdict.rule).not.toBe('five-day-no-reason');
    expect(verdict.questions.map((q) => q.because)).not.toContain('five-day-no-reason');
  });

  it('an upgrade is its own order type, not a new purchase; its remaining term is no whole term', () => {
    const order = cvm({
      orderId: '20261015163355027731',
      orderType: '升级',
      status: '已支付',
      paidAt: '2026-10-15 16:34:20',
      amountPaid: 1203.55,
      term: '剩余 11个月6天',
    });
    expect(order.facts).toMatchObject({ orderType: 'upgrade', renewal: true });
    expect(order.facts).not.toHaveProperty('termMonths');
    expect(order.facts).not.toHaveProperty('billing');
  });

  it('a pay-as-you-go instance converted to prepaid is marked so (no five-day refund)', () => {
    const order = cvm({ ...paidNew, orderType: '按量转包年包月' });
    expect(order.facts).toMatchObject({ orderType: 'conversion', convertedFromPayAsYouGo: true, billing: 'prepaid' });
    expect(evaluateClaim(order.facts, NOW).questions.map((q) => q.because)).not.toContain('five-day-no-reason');
  });
});

describe('amounts and channel', () => {
  it('实付 is what was paid after vouchers; the voucher stays a fact of its own', () => {
    const { facts } = cvm({ ...paidNew, amount: 1368, voucher: 200, amountPaid: 1168 });
    expect(facts.amountPaid).toBe(1168);
    expect(facts.amountPaidWithVouchers).toBe(200);
  });

  it('an order amount (订单金额) is not taken for what was paid', () => {
    const { facts } = cvm({ ...paidNew, amountPaid: undefined, amount: 1368, voucher: 200 });
    expect(facts).not.toHaveProperty('amountPaid');
  });

  it('a page on the vendor’s own host is an official purchase; elsewhere the channel stays unknown', () => {
    expect(cvm(paidNew).facts.channel).toBe('official');
    expect(
      orderFacts({ vendor: 'tencent-cloud', fields: paidNew, url: 'https://mail-reseller.example.com/order' }).facts,
    ).not.toHaveProperty('channel');
    expect(orderFacts({ vendor: 'tencent-cloud', fields: paidNew }).facts).not.toHaveProperty('channel');
  });

  it('a term means prepaid only where the vendor sells both ways and says so', () => {
    const exmail = orderFacts({
      vendor: 'tencent-exmail',
      fields: { status: '已支付', paidAt: '2026-02-10 11:00:00', term: '1年' },
    });
    expect(exmail.facts).toMatchObject({ termMonths: 12 });
    expect(exmail.facts).not.toHaveProperty('billing');
  });
});

describe('a checkout, as if paid now', () => {
  it('starts the windows at payment and reads the page’s promotion, channel, term and order type', () => {
    const { facts } = checkoutFacts(
      'tencent-cloud',
      {
        product: '云服务器 CVM',
        term: '3年',
        promoText: '活动价，不支持退款',
        price: 1499,
        channel: 'official',
        orderType: '续费',
      },
      NOW,
    );
    expect(facts).toEqual({
      vendor: 'tencent-cloud',
      purchasedAt: NOW,
      deliveredAt: NOW,
      channel: 'official',
      promoNonRefundable: true,
      product: '云服务器 CVM',
      amountPaid: 1499,
      termMonths: 36,
      billing: 'prepaid',
      orderType: 'renewal',
      renewal: true,
    });
  });

  it('a sparse page establishes nothing but the time', () => {
    expect(checkoutFacts('letsvpn', {}, NOW).facts).toEqual({ vendor: 'letsvpn', purchasedAt: NOW, deliveredAt: NOW });
    expect(() => checkoutFacts('letsvpn', {}, 'soon')).toThrow(RangeError);
  });
});

describe('agreement: the card, its list rows and reminders say the same about the same stored order', () => {
  const orders = fixturePages.filter((p) => p.kind === 'order' && p.vendor && p.expected?.orderId);

  it('has stored orders of every status to compare', () => {
    expect(new Set(orders.map((p) => orderState(p.expected!.status)))).toEqual(new Set(['paid', 'refunded', 'unpaid']));
  });

  it.each(orders.map((p) => [p.id, p] as const))('%s', (_id, page) => {
    const fields = page.expected!;
    const vendor = page.vendor!;
    const content = cardContent(
      { match: { vendor, kind: 'order' }, locale: 'zh-CN', checkout: null, order: fields, rows: [fields] },
      NOW,
      { locale: 'zh-CN', url: page.url },
    );
    const card = content.order!.words;
    // The list row shows the same order in the same words.
    expect(content.orderRows[0]!.words).toEqual(card);
    // So does the checker, which evaluates the same facts before any answer.
    expect(evaluateOrder(orderFacts({ vendor, fields, url: page.url }), NOW).words).toEqual(card);
    // And every reminder of the order, in its notification.
    const record: OrderRecord = {
      vendor,
      orderId: String(fields.orderId),
      snapshotId: 'snap-000001',
      fields,
      url: page.url,
    };
    const deadlines = trackedDeadlines({ orders: [record], outageLog: emptyOutageLog, now: Date.parse(NOW) });
    for (const d of deadlines) expect(d.headline).toEqual(card);
    for (const reminder of planReminders(deadlines, [1], emptyReminderState, Date.parse(NOW)))
      expect(notificationText(reminder, 'zh-CN', Date.parse(NOW)).message.split('\n')[0]).toBe(headlineText(card));
    // A refunded or unpaid order tracks nothing.
    if (!orderFacts({ vendor, fields }).clock) expect(deadlines).toEqual([]);
  });
});
