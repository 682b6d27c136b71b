import { termMonths } from '../extract/normalize';
import { describe, expect, it } from 'vitest';
import { orderFacts } from '../claims/order-facts';
import { outageLogSchema, emptyOutageLog } from '../outages';
import {
  badgeCount,
  dismiss,
  emptyReminderState,
  fireTime,
  markFired,
  notificationText,
  parseReminderName,
  planReminders,
  reminderName,
  snooze,
  trackedDeadlines,
  type OrderRecord,
} from '.';

const at = (iso: string) => Date.parse(iso);
/** The paid new CVM order of the fixture tc-deal-detail-paid-new. */
const paidNew: OrderRecord = {
  vendor: 'tencent-cloud',
  orderId: '20261118105822371604',
  snapshotId: 'snap-000001',
  fields: {
    orderId: '20261118105822371604',
    orderType: '新购',
    status: '已支付',
    paidAt: '2026-11-18 10:59:07',
    amountPaid: 3145.37,
    product: '云服务器 CVM',
    term: '1年',
  },
};
const renewal: OrderRecord = {
  vendor: 'tencent-cloud',
  orderId: '20261021090412158720',
  snapshotId: 'snap-000002',
  fields: {
    orderId: '20261021090412158720',
    orderType: '续费',
    status: '已支付',
    paidAt: '2026-10-21 09:05:01',
    product: '云服务器 CVM',
    term: '1年',
  },
};
const refunded: OrderRecord = {
  ...paidNew,
  orderId: 'R1',
  fields: { ...paidNew.fields, orderId: 'R1', status: '已退款' },
};
const pending: OrderRecord = {
  ...paidNew,
  orderId: 'P1',
  fields: { orderId: 'P1', status: '待支付', product: 'Lighthouse', term: '1个月' },
};
const exmail: OrderRecord = {
  vendor: 'tencent-exmail',
  orderId: 'EX-9',
  snapshotId: 'snap-000003',
  fields: {
    orderId: 'EX-9',
    status: '已支付',
    paidAt: '2026-02-10 11:00:00',
    product: '腾讯企业邮箱 标准版',
    term: '1年',
  },
};

const NOW = at('2026-11-22T14:00:00+08:00');
const slaLog = (month: string) =>
  outageLogSchema().parse({
    entries: [
      {
        id: 'out-1',
        service: 'exmail',
        start: `${month}-10T09:00:00+08:00`,
        end: `${month}-10T11:30:00+08:00`,
        failed: ['webmail'],
      },
    ],
  });

describe('deadlines tracked from stored orders (evaluateClaim, Tencent Cloud five-day window)', () => {
  it('a paid new order has the five-day window end (day 5 included) and an estimated service expiry', () => {
    const list = trackedDeadlines({ orders: [paidNew], outageLog: emptyOutageLog, now: NOW });
    const window = list.find((d) => d.kind === 'refund-window')!;
    expect(window).toMatchObject({
      id: 'order|tencent-cloud|20261118105822371604|five-day-no-reason',
      date: '2026-11-23',
      estimated: false,
      conditional: true,
    });
    expect(window.at).toBe(at('2026-11-23T23:59:59+08:00'));
    expect(window.label).toContain('五天无理由');
    const expiry = list.find((d) => d.kind === 'service-expiry')!;
    expect(expiry).toMatchObject({ date: '2027-11-18', estimated: true, dataDeletionWarning: false });
  });

  it('a renewal has no five-day window (renewals do not qualify); refunded and unpaid orders track nothing', () => {
    const list = trackedDeadlines({ orders: [renewal, refunded, pending], outageLog: emptyOutageLog, now: NOW });
    expect(list.filter((d) => d.kind === 'refund-window')).toEqual([]);
    expect(list.map((d) => d.orderId)).toEqual([renewal.orderId]);
  });

  it('a window that already closed is not tracked', () => {
    const later = at('2026-11-24T00:00:01+08:00');
    expect(trackedDeadlines({ orders: [paidNew], outageLog: emptyOutageLog, now: later }).map((d) => d.kind)).toEqual([
      'service-expiry',
    ]);
  });

  it('an Exmail expiry carries the SLA §5.4 data-deletion warning', () => {
    const [expiry] = trackedDeadlines({ orders: [exmail], outageLog: emptyOutageLog, now: NOW });
    expect(expiry).toMatchObject({ kind: 'service-expiry', date: '2027-02-10', dataDeletionWarning: true });
    const text = notificationText(planReminders([expiry!], [3], emptyReminderState, NOW)[0]!, 'zh-CN', NOW);
    expect(text.message).toContain('5.4');
    expect(notificationText(planReminders([expiry!], [3], emptyReminderState, NOW)[0]!, 'en', NOW).message).toContain(
      'delete all mail',
    );
  });

  it('reads terms in years and months only', () => {
    expect([
      termMonths('1年'),
      termMonths('3个月'),
      termMonths('2 years'),
      termMonths('剩余 11个月6天'),
      termMonths(undefined),
    ]).toEqual([12, 3, 24, null, null]);
    expect(orderFacts(paidNew).facts).toMatchObject({
      purchasedAt: '2026-11-18T10:59:07+08:00',
      billing: 'prepaid',
      renewal: false,
      termMonths: 12,
    });
  });
});

describe('SLA claim windows per logged month (seed 002 §3.2), across holidays', () => {
  it('September 2026: the 5th business day of October falls after the National Day holiday', () => {
    const list = trackedDeadlines({ orders: [], outageLog: slaLog('2026-09'), now: at('2026-10-01T10:00:00+08:00') });
    // 10-01…10-08 are off and 09-27/10-10 are make-up working days, so the 5th business day is 10-13; filing from 10-14.
    expect(list.map((d) => [d.id, d.date])).toEqual([
      ['sla|exmail|2026-09|opens', '2026-10-14'],
      ['sla|exmail|2026-09|closes', '2026-11-29'],
    ]);
  });

  it('January 2027: no published schedule yet, so the opening day is marked estimated', () => {
    const [opens] = trackedDeadlines({
      orders: [],
      outageLog: slaLog('2027-01'),
      now: at('2027-01-20T10:00:00+08:00'),
    });
    expect(opens).toMatchObject({ kind: 'sla-opens', date: '2027-02-06', estimated: true });
  });

  it('a holiday override for the year replaces the estimate', () => {
    const overrides = [
      { year: 2027, holidays: ['2027-02-01', '2027-02-02', '2027-02-03', '2027-02-04', '2027-02-05'], workdays: [] },
    ];
    const [opens] = trackedDeadlines({
      orders: [],
      outageLog: slaLog('2027-01'),
      now: at('2027-01-20T10:00:00+08:00'),
      holidayOverrides: overrides,
    });
    expect(opens).toMatchObject({ date: '2027-02-13', estimated: false });
  });

  it('a month that met its commitment has nothing to claim and no reminder', () => {
    const short = outageLogSchema().parse({
      entries: [
        { id: 'out-1', service: 'exmail', start: '2026-09-10T09:00:00+08:00', end: '2026-09-10T09:20:00+08:00' },
      ],
    });
    expect(trackedDeadlines({ orders: [], outageLog: short, now: at('2026-10-01T10:00:00+08:00') })).toEqual([]);
  });

  it('an excluded outage (§2.3 notified maintenance) does not create a claim', () => {
    const log = outageLogSchema().parse({
      entries: [
        {
          id: 'out-1',
          service: 'exmail',
          start: '2026-09-10T01:00:00+08:00',
          end: '2026-09-10T05:00:00+08:00',
          excluded: 'notified-maintenance',
        },
      ],
    });
    expect(trackedDeadlines({ orders: [], outageLog: log, now: at('2026-10-01T10:00:00+08:00') })).toEqual([]);
  });
});

describe('planning reminders (fixed now)', () => {
  const deadlines = () =>
    trackedDeadlines({ orders: [paidNew], outageLog: slaLog('2026-09'), now: at('2026-10-01T10:00:00+08:00') }).filter(
      (d) => d.kind !== 'refund-window',
    );

  it('fires at 09:00 Beijing time the chosen number of days before, with deterministic names', () => {
    const list = deadlines();
    const opens = list.find((d) => d.kind === 'sla-opens')!;
    expect(new Date(fireTime(opens, 3)).toISOString()).toBe('2026-10-11T01:00:00.000Z');
    const plan = planReminders(list, [3, 1], emptyReminderState, at('2026-10-01T10:00:00+08:00'));
    expect(plan.map((r) => r.name)).toContain('rg-reminder|sla|exmail|2026-09|opens|3');
    expect(new Set(plan.map((r) => r.name)).size).toBe(plan.length);
    expect(planReminders(list, [1, 3], emptyReminderState, at('2026-10-01T10:00:00+08:00'))).toEqual(plan);
    expect(parseReminderName('rg-reminder|sla|exmail|2026-09|opens|3')).toEqual({
      deadlineId: 'sla|exmail|2026-09|opens',
      leadDays: 3,
    });
  });

  it('a reminder whose time passed while the deadline is ahead is due now — only the nearest lead time', () => {
    const now = at('2026-11-22T14:00:00+08:00');
    const list = trackedDeadlines({ orders: [paidNew], outageLog: emptyOutageLog, now });
    const window = planReminders(list, [3, 1], emptyReminderState, now).filter(
      (r) => r.deadline.kind === 'refund-window',
    );
    expect(window.map((r) => [r.leadDays, r.fireAt])).toEqual([[1, now]]);
  });

  it('a shown reminder is not planned again; a dismissed one stays dismissed; a snoozed one returns a day later', () => {
    const now = at('2026-11-22T14:00:00+08:00');
    const list = trackedDeadlines({ orders: [paidNew], outageLog: emptyOutageLog, now });
    const [due] = planReminders(list, [3, 1], emptyReminderState, now).filter((r) => r.fireAt === now);
    const fired = markFired(emptyReminderState, due!, [3, 1], now);
    expect(Object.keys(fired.fired)).toEqual([due!.name, reminderName(due!.deadlineId, 3)]);
    expect(planReminders(list, [3, 1], fired, now + 60_000).some((r) => r.deadlineId === due!.deadlineId)).toBe(false);

    const snoozed = snooze(fired, due!.name, now);
    const back = planReminders(list, [3, 1], snoozed, now + 60_000).find((r) => r.name === due!.name)!;
    expect(back.fireAt).toBe(now + 86_400_000);

    const gone = dismiss(snoozed, due!.name);
    expect(planReminders(list, [3, 1], gone, now + 60_000).some((r) => r.name === due!.name)).toBe(false);
    expect(planReminders(list, [3, 1], gone, now + 2 * 86_400_000).some((r) => r.name === due!.name)).toBe(false);
  });

  it('the badge counts deadlines within the next 7 days', () => {
    const now = at('2026-11-22T14:00:00+08:00');
    const list = trackedDeadlines({ orders: [paidNew, exmail], outageLog: emptyOutageLog, now });
    expect(badgeCount(list, now)).toBe(1);
    expect(badgeCount(list, at('2027-11-12T09:00:00+08:00'))).toBe(1);
    expect(badgeCount(list, at('2027-11-20T09:00:00+08:00'))).toBe(0);
  });

  it('notifications are localised and say when', () => {
    const now = at('2026-11-22T14:00:00+08:00');
    const list = trackedDeadlines({ orders: [paidNew], outageLog: emptyOutageLog, now, locale: 'en' });
    const [due] = planReminders(list, [1], emptyReminderState, now);
    const text = notificationText(due!, 'en', now);
    expect(text.title).toBe('Refund Guard · deadline');
    expect(text.message).toContain('Closes tomorrow (2026-11-23)');
    expect(text.message).toContain('order 20261118105822371604');
    expect(notificationText(due!, 'zh-CN', now).message).toContain('明天（2026-11-23）截止');
  });
});
