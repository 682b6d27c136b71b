import { describe, it, expect } from 'vitest';
import { draftTicket } from './draft';
import { evaluateClaim } from '../claims/eligibility';
import { computeSla } from '../sla/compute';
import type { ClaimSnapshot } from '../claims/evidence';

const contact = { name: '王敏', phone: '13800000000', email: 'it@example.com', contactTime: '09:00-18:00' };

function draft(
  facts: Record<string, unknown>,
  now: string,
  locale: 'zh-CN' | 'en' = 'zh-CN',
  snapshots: ClaimSnapshot[] = [],
  target?: 'vendor' | '12315' | 'heimao',
) {
  const verdict = evaluateClaim(facts, now, { locale });
  return { verdict, ticket: draftTicket(verdict, facts, snapshots, locale, target ? { target } : {}) };
}

const cvmFiveDay = {
  vendor: 'tencent-cloud',
  purchasedAt: '2026-11-22T10:00:00+08:00',
  billing: 'prepaid',
  renewal: false,
  convertedFromPayAsYouGo: false,
  firstNoReasonRefundUsed: false,
  promoNonRefundable: false,
  reason: 'changed-mind',
  orderId: '20261122000123',
  product: '云服务器 CVM',
  amountPaid: 300,
  amountPaidWithVouchers: 50,
  account: '100012345678',
  contact,
};

describe('Tencent Cloud ticket (FACTS: category levels, title, content, confidential, phone, email, contact time)', () => {
  const { ticket } = draft(cvmFiveDay, '2026-11-23T10:00:00+08:00');

  it('fills the form fields by their names', () => {
    expect(ticket).toMatchObject({
      vendor: 'tencent-cloud',
      target: 'vendor',
      channel: 'ticket',
      url: 'https://console.cloud.tencent.com/workorder/category',
    });
    expect(Object.keys(ticket.fields).sort()).toEqual([
      'confidential',
      'contactTime',
      'description',
      'email',
      'phone',
      'title',
    ]);
    expect(ticket.fields).toMatchObject({
      title: '退款申请：云服务器 CVM（订单 20261122000123）',
      confidential: '账号：100012345678',
      phone: '13800000000',
      email: 'it@example.com',
      contactTime: '09:00-18:00',
    });
    expect(ticket.category).toEqual(['云服务器 CVM', '退费 / 退还']);
  });

  it('states order, product, amounts, dates, the request, the clause and the evidence', () => {
    const d = ticket.description;
    expect(d).toContain('订单号：20261122000123');
    expect(d).toContain('产品：云服务器 CVM');
    expect(d).toContain('实付金额：300.00 元（其中代金券 / 优惠券抵扣 50.00 元）');
    expect(d).toContain('购买时间：2026-11-22 10:00');
    // 实付 300.00 is already after the 50.00 of vouchers: it is what comes back.
    expect(d).toContain('申请全额退款（约 300.00 元，估算）');
    expect(d).toContain('腾讯云《云服务退货说明》');
    expect(d).toContain('2026-11-27');
    expect(d).toContain('【附件】账户信息');
    expect(d).toContain('订单号、支付记录');
    // The account number goes in the confidential field, not the description.
    expect(d).not.toContain('100012345678');
  });

  it('a provisional draft names the open questions as the user read them, not as fact keys', () => {
    const facts = {
      vendor: 'tencent-cloud',
      purchasedAt: '2026-11-21T10:00:00+08:00',
      orderId: 'T-1',
      product: '云服务器 CVM',
      amountPaid: 300,
    };
    const { verdict, ticket } = draft(facts, '2026-11-22T12:00:00+08:00');
    expect(verdict.provisional).toBe(true);
    const note = ticket.notes.find((n) => n.startsWith('结论仍取决于未回答的问题'))!;
    for (const q of verdict.questions) expect(note).not.toContain(q.fact);
    expect(note).toContain(verdict.questions[0]!.text.replace(/[？?]\s*$/, ''));
  });

  it('lists the evidence still missing', () => {
    expect(ticket.attachments.every((a) => !a.have)).toBe(true);
    expect(ticket.notes[0]).toMatch(/^尚缺证据：/);
  });
});

describe('snapshots fill what the facts lack and tick off evidence', () => {
  const snapshots: ClaimSnapshot[] = [
    {
      id: 'snap-1',
      kind: 'order',
      capturedAt: '2026-11-22T10:05:00+08:00',
      fields: { orderId: 'OLD-1', product: '轻量应用服务器' },
    },
    {
      id: 'snap-2',
      kind: 'order',
      capturedAt: '2026-11-22T11:00:00+08:00',
      fields: {
        orderId: '20261122000999',
        amount: 120,
        voucher: 21,
        amountPaid: 99,
        paidAt: '2026-11-22T10:00:00+08:00',
      },
    },
    { id: 'snap-3', kind: 'checkout', capturedAt: '2026-11-22T09:58:00+08:00', evidence: ['invoice-or-contract'] },
  ];
  const facts = {
    ...cvmFiveDay,
    orderId: undefined,
    product: undefined,
    amountPaid: undefined,
    amountPaidWithVouchers: undefined,
  };

  it('uses the latest snapshot with each field', () => {
    const { ticket } = draft(facts, '2026-11-23T10:00:00+08:00', 'zh-CN', snapshots);
    expect(ticket.description).toContain('订单号：20261122000999');
    expect(ticket.description).toContain('产品：轻量应用服务器');
    // 实付 (after vouchers), as the order page shows it; the voucher beside it, never subtracted again.
    expect(ticket.description).toContain('实付金额：99.00 元（其中代金券 / 优惠券抵扣 21.00 元）');
    const have = Object.fromEntries(ticket.attachments.map((a) => [a.id, a.snapshots]));
    expect(have['order-number']).toEqual(['snap-1', 'snap-2']);
    expect(have['payment-record']).toEqual(['snap-2']);
    expect(have['invoice-or-contract']).toEqual(['snap-3']);
    expect(have['usage-records']).toEqual([]);
  });
});

describe('the amount paid comes from the order as every surface reads it', () => {
  it('an order amount (订单金额) alone is not presented as the amount paid', () => {
    const snapshots: ClaimSnapshot[] = [
      {
        id: 'snap-9',
        kind: 'order',
        capturedAt: '2026-11-22T11:00:00+08:00',
        fields: { orderId: '20261122000999', amount: 1088, voucher: 100 },
      },
    ];
    const facts = { ...cvmFiveDay, amountPaid: undefined, amountPaidWithVouchers: undefined };
    const { ticket } = draft(facts, '2026-11-23T10:00:00+08:00', 'zh-CN', snapshots);
    expect(ticket.description).not.toContain('实付金额：1088.00 元');
  });
});

describe('Exmail: ticket or hotline script (seed 000), SLA claims by ticket only (seed 002 §3.2.1)', () => {
  it('a not-activated refund request offers the 95078 script as an alternative', () => {
    const { ticket } = draft(
      {
        vendor: 'tencent-exmail',
        purchasedAt: '2026-03-02T10:00:00+08:00',
        activated: false,
        reason: 'changed-mind',
        orderId: 'EX-1',
        contact,
      },
      '2026-03-02T15:00:00+08:00',
    );
    expect(ticket.channel).toBe('ticket');
    expect(ticket.category).toEqual(['腾讯企业邮', '退费 / 退款']);
    expect(ticket.description).toContain('付款后尚未启用');
    expect(ticket.alternatives).toEqual([expect.objectContaining({ channel: 'phone', number: '95078' })]);
    expect(ticket.alternatives[0]!.script).toContain('订单号：EX-1');
    expect(ticket.alternatives[0]!.script).toContain('申请全额退款');
  });

  it('an SLA claim states the month, availability, tier and voucher — and has no phone alternative', () => {
    const sla = computeSla({
      service: 'exmail',
      month: '2026-03',
      outages: [{ start: '2026-03-10T09:00:00+08:00', end: '2026-03-10T11:30:00+08:00' }],
      prepaid: { amount: 1200, months: 12 },
    });
    const facts = {
      vendor: 'tencent-exmail',
      purchasedAt: '2026-01-05',
      reason: 'outage',
      outageCause: 'vendor',
      outageHours: 2.5,
      sla,
      orderId: 'EX-2',
      terminatedForViolation: false,
      activated: true,
    };
    for (const locale of ['zh-CN', 'en'] as const) {
      const { ticket } = draft(facts, '2026-04-09T10:00:00+08:00', locale);
      expect(ticket.alternatives).toEqual([]);
      expect(ticket.description).toContain('2026-03');
      expect(ticket.description).toContain('99.6639%');
      expect(ticket.description).toContain(locale === 'zh-CN' ? '10%' : '10% tier');
      expect(ticket.description).toContain(locale === 'zh-CN' ? '10.00 元' : 'CNY 10.00');
      expect(ticket.description).toContain(
        locale === 'zh-CN'
          ? '《腾讯企业邮服务等级协议》（2020-09-15 更新） 2.2、3.1'
          : 'Tencent Exmail Service Level Agreement (updated 2020-09-15) 2.2; 3.1',
      );
      expect(ticket.category[1]).toBe(locale === 'zh-CN' ? 'SLA 赔偿' : 'SLA compensation');
      expect(ticket.notes.join(' ')).toContain(locale === 'zh-CN' ? '只能通过工单' : 'only be claimed by ticket');
    }
  });

  it("a reseller's written promise becomes a message to the reseller", () => {
    const { ticket } = draft(
      {
        vendor: 'tencent-exmail',
        purchasedAt: '2026-03-02T10:00:00+08:00',
        channel: 'reseller',
        resellerPromise: { days: 7, written: true },
        orderId: 'R-7',
      },
      '2026-03-04T10:00:00+08:00',
    );
    expect(ticket).toMatchObject({ target: 'reseller', channel: 'email' });
    expect(ticket.description).toContain('书面承诺 7 天内可无理由退订');
    expect(ticket.fields.subject).toBe(ticket.title);
    expect(ticket.attachments.map((a) => a.id)).toContain('reseller-written-promise');
  });
});

describe('快连: the contact form', () => {
  it('a duplicate charge goes to the web form with subject and message', () => {
    const { ticket } = draft(
      {
        vendor: 'letsvpn',
        purchasedAt: '2026-03-02T10:00:00+08:00',
        reason: 'duplicate-charge',
        requestWindowDays: 14,
        orderId: 'LV-9',
        amountPaid: 68,
        contact,
      },
      '2026-03-03T10:00:00+08:00',
      'en',
    );
    expect(ticket).toMatchObject({ channel: 'web-form', url: 'https://letsvpn.world' });
    expect(ticket.fields).toMatchObject({
      subject: 'Refund request: LetsVPN subscription (order LV-9)',
      email: 'it@example.com',
      orderId: 'LV-9',
    });
    expect(ticket.fields.message).toContain('The same order was charged twice.');
    expect(ticket.fields.message).toContain('Amount paid: CNY 68.00');
    expect(ticket.notes.join(' ')).toContain('field names are not in the sources');
  });
});

describe('App stores: what to choose in their refund flows (FACTS)', () => {
  it('Apple: reportaproblem → request a refund → reason → item', () => {
    const { ticket } = draft(
      {
        vendor: 'letsvpn',
        purchasedAt: '2026-03-02T10:00:00+08:00',
        channel: 'app-store',
        reason: 'dissatisfied',
        product: '快连 年度会员',
      },
      '2026-03-02T12:00:00+08:00',
    );
    expect(ticket).toMatchObject({ target: 'apple', channel: 'web-form', url: 'https://reportaproblem.apple.com' });
    expect(ticket.category).toEqual(['申请退款', '选择最符合的原因', '快连 年度会员']);
    expect(ticket.description).toContain('reportaproblem.apple.com');
    expect(ticket.fields.item).toBe('快连 年度会员');
  });

  it('Google Play: order history, with the 48 h only as a hint', () => {
    const { ticket } = draft(
      {
        vendor: 'generic-software',
        purchasedAt: '2026-03-02T10:00:00+08:00',
        channel: 'google-play',
        product: 'Notes Pro',
      },
      '2026-03-02T12:00:00+08:00',
      'en',
    );
    expect(ticket).toMatchObject({ target: 'google', url: 'https://play.google.com/store/account' });
    expect(ticket.description).toContain('Hint (unconfirmed)');
  });
});

describe('escalation after a refusal (FACTS: 12315, 黑猫投诉)', () => {
  const refused = {
    vendor: 'generic-software',
    purchasedAt: '2026-03-02T10:00:00+08:00',
    itemKind: 'online-service',
    reason: 'defect',
    vendorRefused: true,
    product: '某设计软件',
    orderId: 'G-1',
    amountPaid: 499,
  };

  it('黑猫投诉: company, order number, reason, evidence', () => {
    const { ticket } = draft(refused, '2026-03-20T10:00:00+08:00', 'zh-CN', [], 'heimao');
    expect(ticket).toMatchObject({ target: 'heimao', channel: 'web-form' });
    expect(ticket.fields).toMatchObject({ orderId: 'G-1', amount: '499' });
    expect(ticket.fields.company).toBe('（填写商家的公司名称）'); // the generic pack does not know the seller
    expect(ticket.fields.reason).toContain('此前已向商家申请退款，被拒绝');
    expect(ticket.fields.evidence).toContain('商家拒绝退款的记录');
    expect(ticket.category).toEqual(['黑猫投诉', '发起投诉']);
  });

  it('Tencent products name the contracting company (seed 002)', () => {
    const { ticket } = draft(
      { vendor: 'tencent-exmail', purchasedAt: '2026-03-02', activated: false, vendorRefused: true },
      '2026-03-05',
      'zh-CN',
      [],
      '12315',
    );
    expect(ticket.fields.company).toBe('腾讯云计算（北京）有限责任公司');
  });

  it("each complaint draft links its platform's official complaint site", () => {
    expect(draft(refused, '2026-03-20T10:00:00+08:00', 'zh-CN', [], '12315').ticket.url).toBe('https://www.12315.cn');
    expect(draft(refused, '2026-03-20T10:00:00+08:00', 'zh-CN', [], 'heimao').ticket.url).toBe(
      'https://tousu.sina.com.cn',
    );
  });

  it('12315 in English', () => {
    const { ticket } = draft(
      { ...refused, vendorName: 'Acme Design Ltd.' },
      '2026-03-20T10:00:00+08:00',
      'en',
      [],
      '12315',
    );
    expect(ticket.title).toBe('Complaint: Acme Design Ltd. refused a refund (order G-1)');
    expect(ticket.description.split('\n')[0]).toBe('Company complained about: Acme Design Ltd.');
    expect(ticket.attachments.map((a) => a.id)).toContain('refusal-record');
    expect(ticket.notes.join(' ')).toContain('7 working days');
  });
});

describe('locales', () => {
  it('a verdict evaluated in zh-CN yields an English draft with English basis text', () => {
    const verdict = evaluateClaim(cvmFiveDay, '2026-11-23T10:00:00+08:00', { locale: 'zh-CN' });
    const ticket = draftTicket(verdict, cvmFiveDay, [], 'en');
    expect(ticket.description).toContain('Five-day no-reason refund');
    expect(ticket.description).not.toMatch(/五天无理由退还：每个账号主体/);
    expect(ticket.title).toBe('Refund request: 云服务器 CVM (order 20261122000123)');
  });

  it('defaults to zh-CN', () => {
    const verdict = evaluateClaim(cvmFiveDay, '2026-11-23T10:00:00+08:00');
    expect(draftTicket(verdict, cvmFiveDay).description.startsWith('您好，')).toBe(true);
  });

  it('a not-eligible verdict drafts a request for review, saying it is unlikely', () => {
    const { ticket } = draft(
      { vendor: 'tencent-exmail', purchasedAt: '2026-03-02', activated: true, reason: 'changed-mind' },
      '2026-04-02',
      'en',
    );
    expect(ticket.title).toMatch(/^Request for a refund review/);
    expect(ticket.description).toContain('human review');
    expect(ticket.notes.join(' ')).toContain('usually refused');
  });
});

describe("notes speak the user's words", () => {
  it("open questions are named as the checker asks them, never by the engine's fact names", () => {
    const facts = {
      vendor: 'tencent-exmail',
      purchasedAt: '2026-10-01T10:00:00+08:00',
      reason: 'changed-mind',
      product: '腾讯企业邮箱',
    };
    const verdict = evaluateClaim(facts, '2026-10-03T10:00:00+08:00');
    expect(verdict.provisional).toBe(true);
    const draft = draftTicket(verdict, facts);
    const note = draft.notes.find((n) => n.startsWith('结论仍取决于'));
    expect(note).toContain(verdict.questions[0]!.text);
    expect(note).not.toMatch(/activated|terminatedForViolation|[a-z][A-Z]/);
  });
});
