import { describe, expect, it } from 'vitest';
import { evaluateClaim, type Route, type Verdict } from './eligibility';
import { validatePack } from '../policy/schema';

/**
 * Routes (issue 18 §1): every remedy the pack knows, best first; the headline
 * is the best one open or waiting on answers.
 */
const route = (v: Verdict, id: string): Route | undefined => v.routes.find((r) => r.id === id);
const cvmNew = {
  vendor: 'tencent-cloud',
  billing: 'prepaid',
  renewal: false,
  firstNoReasonRefundUsed: false,
  promoNonRefundable: false,
};

describe('the opening scenarios of the issue', () => {
  it('CVM bought the day before yesterday, conversion unknown → the five-day full refund leads, unconfirmed, with its deadline', () => {
    const v = evaluateClaim({ ...cvmNew, purchasedAt: '2026-12-04T15:00:00+08:00' }, '2026-12-06T10:00:00+08:00');
    expect(v).toMatchObject({
      outcome: 'eligible',
      refund: 'full',
      rule: 'five-day-no-reason',
      confirmed: false,
      needs: ['convertedFromPayAsYouGo'],
    });
    expect(v.deadline?.date).toBe('2026-12-09');
    expect(v.routes[0]).toMatchObject({
      id: 'five-day-no-reason',
      status: 'needs-answers',
      needs: ['convertedFromPayAsYouGo'],
      label: '五天无理由全额退款',
    });
    expect(route(v, 'partial-refund')?.status).toBe('open');
    expect(v.questions[0]?.fact).toBe('convertedFromPayAsYouGo');
  });

  it('快连 bought 20 hours ago, trial facts unknown → the trial route leads (needs answers), not "not-eligible"', () => {
    const v = evaluateClaim(
      { vendor: 'letsvpn', purchasedAt: '2026-12-05T14:00:00+08:00', reason: 'dissatisfied' },
      '2026-12-06T10:00:00+08:00',
    );
    expect(v).toMatchObject({ outcome: 'eligible', refund: 'full', rule: 'new-user-trial', confirmed: false });
    expect(v.needs).toEqual(['newUser', 'trialOffered']);
    expect(v.routes[0]).toMatchObject({ id: 'new-user-trial', status: 'needs-answers' });
  });

  it('CVM vendor outage on day 2 → the five-day full refund is listed above the SLA voucher, both open', () => {
    const v = evaluateClaim(
      {
        ...cvmNew,
        convertedFromPayAsYouGo: false,
        purchasedAt: '2026-12-04T15:00:00+08:00',
        reason: 'outage',
        outageCause: 'vendor',
        outageMonth: '2026-12',
      },
      '2026-12-06T10:00:00+08:00',
    );
    expect(v).toMatchObject({ rule: 'five-day-no-reason', outcome: 'eligible', confirmed: true });
    const ids = v.routes.map((r) => r.id);
    expect(ids.indexOf('five-day-no-reason')).toBeLessThan(ids.indexOf('cvm-sla-compensation'));
    expect(route(v, 'cvm-sla-compensation')).toMatchObject({
      status: 'open',
      outcome: 'compensation',
      refund: 'voucher',
    });
  });
});

describe('route statuses', () => {
  it('a window that has passed stays listed as closed, keeping its outcome', () => {
    const v = evaluateClaim(
      { ...cvmNew, convertedFromPayAsYouGo: false, purchasedAt: '2026-11-20T10:00:00+08:00' },
      '2026-12-06T10:00:00+08:00',
    );
    expect(v.rule).toBe('partial-refund');
    expect(route(v, 'five-day-no-reason')).toMatchObject({
      status: 'closed',
      outcome: 'eligible',
      refund: 'full',
      deadline: { date: '2026-11-25' },
      needs: [],
    });
  });

  it('an exception names itself on the routes it rules out', () => {
    const v = evaluateClaim(
      { ...cvmNew, convertedFromPayAsYouGo: false, promoNonRefundable: true, purchasedAt: '2026-12-04T10:00:00+08:00' },
      '2026-12-06T10:00:00+08:00',
    );
    expect(v).toMatchObject({ outcome: 'not-eligible', rule: 'campaign-no-refund', confirmed: true, needs: [] });
    expect(route(v, 'five-day-no-reason')).toMatchObject({ status: 'ruled-out', ruledOutBy: 'campaign-no-refund' });
    expect(route(v, 'partial-refund')).toMatchObject({ status: 'ruled-out', ruledOutBy: 'campaign-no-refund' });
  });

  it('routes carry their own estimate, deadline and cited basis, in the locale', () => {
    const v = evaluateClaim(
      { ...cvmNew, convertedFromPayAsYouGo: false, purchasedAt: '2026-12-04T10:00:00+08:00', amountPaid: 1000 },
      '2026-12-06T10:00:00+08:00',
      { locale: 'en' },
    );
    const five = route(v, 'five-day-no-reason')!;
    expect(five.estimate?.amount).toBe(1000);
    expect(five.label).toBe('Five-day no-reason full refund');
    expect(five.basis.length).toBeGreaterThan(0);
    expect(route(v, 'partial-refund')?.estimate).toBeDefined();
  });

  it('a store purchase leaves only the store route: the vendor routes are ruled out by the store', () => {
    const v = evaluateClaim(
      {
        vendor: 'letsvpn',
        purchasedAt: '2026-12-05T14:00:00+08:00',
        channel: 'app-store',
        newUser: true,
        trialOffered: true,
      },
      '2026-12-06T10:00:00+08:00',
    );
    expect(v).toMatchObject({ rule: 'app-store-purchase', claimWith: 'apple', confirmed: true });
    expect(route(v, 'new-user-trial')).toMatchObject({ status: 'ruled-out', ruledOutBy: 'store-purchase-not-vendor' });
  });
});

describe('pack schema: blocks', () => {
  const pack = (extra: Record<string, unknown>) => ({
    id: 'acme-saas',
    name: 'Acme',
    lastChecked: '2026-10-01',
    covers: 'Acme',
    rules: [
      {
        id: 'money-back',
        when: { fact: 'newUser', is: true },
        outcome: 'eligible',
        refund: 'full',
        claimWith: 'vendor',
        summary: 'Money back',
        citations: [{ source: 'terms' }],
      },
      {
        id: 'billing-error',
        when: { fact: 'reason', is: 'duplicate-charge' },
        outcome: 'eligible',
        refund: 'full',
        claimWith: 'vendor',
        summary: 'Billing errors',
        citations: [{ source: 'terms' }],
      },
      {
        id: 'sale-final',
        when: { fact: 'onSale', is: true },
        outcome: 'not-eligible',
        refund: null,
        claimWith: 'vendor',
        summary: 'Sales are final',
        citations: [{ source: 'terms' }],
        ...extra,
      },
      {
        id: 'no-refund',
        outcome: 'not-eligible',
        refund: null,
        claimWith: 'vendor',
        summary: 'No refunds',
        citations: [{ source: 'terms' }],
      },
    ],
  });

  it('an exception may block named routes; others stay open', () => {
    const p = pack({ blocks: ['money-back'] });
    expect(validatePack(p).ok).toBe(true);
    const v = evaluateClaim(
      { vendor: 'acme-saas', purchasedAt: '2026-03-01', newUser: true, onSale: true, reason: 'duplicate-charge' },
      '2026-03-02',
      { packs: [p] },
    );
    expect(v.rule).toBe('billing-error');
    expect(v.routes.find((r) => r.id === 'money-back')).toMatchObject({
      status: 'ruled-out',
      ruledOutBy: 'sale-final',
    });
  });

  it('a pack written before routes (no blocks) keeps its order: an exception rules out what follows it only', () => {
    const reordered = pack({});
    reordered.rules = [reordered.rules[0]!, reordered.rules[2]!, reordered.rules[1]!, reordered.rules[3]!];
    const v = evaluateClaim(
      { vendor: 'acme-saas', purchasedAt: '2026-03-01', newUser: true, onSale: true, reason: 'duplicate-charge' },
      '2026-03-02',
      { packs: [reordered] },
    );
    expect(v.rule).toBe('money-back');
    expect(v.routes.find((r) => r.id === 'billing-error')).toMatchObject({
      status: 'ruled-out',
      ruledOutBy: 'sale-final',
    });
  });

  it('rejects blocks on a rule that grants something, unknown ids, and blocking another exception', () => {
    const bad = pack({ blocks: ['nope', 'no-refund'] });
    (bad.rules[0] as Record<string, unknown>).blocks = ['billing-error'];
    const r = validatePack(bad);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([
        'rules[0] "money-back" › blocks: only a not-eligible rule can block routes: remove "blocks" or make the outcome "not-eligible"',
        'rules[2] "sale-final" › blocks[0]: unknown rule "nope": "blocks" lists rule ids of this pack',
        'rules[2] "sale-final" › blocks[1]: "no-refund" is not a route (it is not-eligible itself): block a rule that grants something',
      ]);
  });
});

describe('the remedy the user came for', () => {
  const outage = {
    vendor: 'tencent-exmail',
    purchasedAt: '2026-10-01T10:00:00+08:00',
    reason: 'outage',
    outageCause: 'vendor',
    outageHours: 3,
    sla: { month: '2026-11', compensationPercent: 10, voucher: 60, availabilityText: '99.5%' },
  };

  it('the SLA log asks for the voucher: it leads, while the better refund route is still listed', () => {
    const asked = evaluateClaim(outage, '2026-12-10T10:00:00+08:00', { remedy: 'voucher' });
    expect(asked).toMatchObject({ outcome: 'compensation', refund: 'voucher' });
    const plain = evaluateClaim(outage, '2026-12-10T10:00:00+08:00');
    expect(plain.refund).not.toBe('voucher');
    expect(asked.routes.map((r) => r.id)).toEqual(plain.routes.map((r) => r.id));
  });

  it('a remedy no live route pays leaves the headline as it was', () => {
    const facts = { ...cvmNew, purchasedAt: '2026-12-04T15:00:00+08:00', convertedFromPayAsYouGo: false };
    expect(evaluateClaim(facts, '2026-12-06T10:00:00+08:00', { remedy: 'difference' }).rule).toBe(
      evaluateClaim(facts, '2026-12-06T10:00:00+08:00').rule,
    );
  });
});
