import { beforeAll, describe, expect, it, vi } from 'vitest';
import { defineVendor, type VendorDefinition } from '../../lib/vendors/definition';
import { defineVendorPages } from '../../lib/vendors/define-pages';
import { validatePack } from '../../lib/policy/schema';
import type { SlaPolicy, SlaService } from '../../lib/sla/policy';

/**
 * Issue 18 §4: a vendor is one unit. A throwaway vendor — its pages, policy,
 * SLA, ticket template and risk wording, as a vendor folder would export them —
 * is added to the two lists the product reads vendors from (the page registry,
 * lib/vendors/registry.ts, and the catalog of definitions, lib/vendors/catalog.ts),
 * and every engine finds it there: detection, names, the manifest's hosts,
 * policy, the SLA table, tickets and the card's risk advice. No engine has a
 * list of its own to update.
 */
const ID = 'dummy-shop';
const cite = { source: 'https://dummy.example/terms', clause: '第 1 条' };
const L = (zh: string, en: string) => ({ 'zh-CN': zh, en });

const pages = defineVendorPages({
  vendor: ID,
  name: L('示例商店', 'Dummy Shop'),
  summary: L('购买后 3 天内可全额退款。', 'Full refund within 3 days of purchase.'),
  hosts: ['shop.dummy.example'],
  rules: [{ kind: 'checkout', hosts: ['shop.dummy.example'], path: /^\/buy(\/|$)/ }],
});

const checked = validatePack({
  id: ID,
  name: L('示例商店', 'Dummy Shop'),
  lastChecked: '2026-12-01',
  covers: L('示例商店的订阅', 'Dummy Shop subscriptions'),
  rules: [
    {
      id: 'three-days',
      outcome: 'eligible',
      refund: 'full',
      claimWith: 'vendor',
      summary: L('购买后 3 天内全额退款。', 'Full refund within 3 days.'),
      citations: [cite],
      deadline: {
        kind: 'period',
        amount: 3,
        unit: 'calendar-days',
        from: 'purchase',
        label: L('3 天退款期截止', '3-day window closes'),
      },
    },
    {
      id: 'after',
      outcome: 'not-eligible',
      refund: null,
      claimWith: 'vendor',
      summary: L('过期不退。', 'No refund after.'),
      citations: [cite],
    },
  ],
});
if (!checked.ok) throw new Error(checked.errors.join('\n'));

const sla: SlaPolicy = {
  service: 'dummy-mail' as SlaService,
  vendor: ID,
  name: L('示例邮箱 SLA', 'Dummy mail SLA'),
  lastChecked: '2026-12-01',
  commitments: [{ id: 'std', label: L('99.9%', '99.9%'), percent: '99.9', citation: cite }],
  tiers: [{ atLeast: null, percent: 10 }],
  tiersCitation: cite,
  minFailureMs: null,
  periodCitation: cite,
  availabilityCitation: cite,
  voucherCitation: cite,
  exclusions: [],
  claim: { opensAfterBusinessDay: 1, closesAfterCalendarDays: 30, citation: cite },
  notes: [],
};

const dummy: VendorDefinition = defineVendor({
  id: ID,
  pages,
  policy: checked.pack,
  sla: [sla],
  ticket: {
    vendor: ID,
    channel: 'email',
    url: 'mailto:refunds@dummy.example',
    category: {
      refund: [L('退款', 'Refund')],
      difference: [L('退款', 'Refund')],
      compensation: [L('赔偿', 'Credit')],
      review: [L('复核', 'Review')],
    },
    fields: { subject: 'subject', description: 'body' },
    defaultProduct: L('示例订阅', 'Dummy subscription'),
    company: L('示例商店有限公司', 'Dummy Shop Ltd.'),
    citations: [cite],
  },
  flags: {
    vendor: ID,
    advice: {
      'auto-renew': {
        title: L('示例：自动续费', 'Dummy: auto-renew'),
        advice: L('到期前关掉。', 'Turn it off before expiry.'),
        citations: [cite],
      },
    },
  },
});

const NOW = '2026-12-06T10:00:00+08:00';

describe('a throwaway vendor added to the registry and the catalog reaches every engine', () => {
  beforeAll(() => {
    vi.resetModules();
    vi.doMock('../../lib/vendors/registry', async (importOriginal) => {
      const real = await importOriginal<typeof import('../../lib/vendors/registry')>();
      return { ...real, ...real.pageRegistry<string>([...real.vendorPages, pages]) };
    });
    vi.doMock('../../lib/vendors/catalog', async (importOriginal) => {
      const real = await importOriginal<typeof import('../../lib/vendors/catalog')>();
      return { ...real, VENDORS: [...real.VENDORS, dummy] };
    });
  });

  it('pages: detection, the content script hosts and the shipped ids', async () => {
    const { detectPage, isPlausibleDetection } = await import('../../lib/detect');
    const { contentScriptHosts } = await import('../../lib/vendors/registry');
    const { SHIPPED_VENDORS, isShippedVendor } = await import('../../lib/vendors/types');
    expect(detectPage('https://shop.dummy.example/buy?plan=pro')).toEqual({ vendor: ID, kind: 'checkout' });
    expect(isPlausibleDetection({ vendor: ID, kind: 'checkout' }, 'https://shop.dummy.example/buy')).toBe(true);
    expect(contentScriptHosts()).toContain('shop.dummy.example');
    expect(SHIPPED_VENDORS).toContain(ID);
    expect(isShippedVendor(ID)).toBe(true);
  });

  it('names and summary, in both languages', async () => {
    const { vendorName, vendorSummary } = await import('../../lib/vendors/registry');
    expect(vendorName(ID, 'zh-CN')).toBe('示例商店');
    expect(vendorName(ID, 'en')).toBe('Dummy Shop');
    expect(vendorSummary(ID, 'en')).toBe('Full refund within 3 days of purchase.');
  });

  it('policy: a verdict without any user pack, and a user pack may not take its id', async () => {
    const { evaluateClaim } = await import('../../lib/claims/eligibility');
    const { SHIPPED_PACKS, PackSet } = await import('../../lib/policy/registry');
    expect(Object.keys(SHIPPED_PACKS)).toContain(ID);
    const verdict = evaluateClaim({ vendor: ID, purchasedAt: '2026-12-05T09:00:00+08:00' }, NOW);
    expect([verdict.outcome, verdict.refund, verdict.deadline?.date]).toEqual(['eligible', 'full', '2026-12-08']);
    expect(PackSet.of([{ ...checked.pack }]).problems[0]?.errors.join()).toMatch(/shipped pack/);
  });

  it('SLA: its service level joins the table the SLA engine and reminders read', async () => {
    const { SLA_POLICIES } = await import('../../lib/sla/registry');
    expect((SLA_POLICIES as Record<string, SlaPolicy>)['dummy-mail']?.vendor).toBe(ID);
  });

  it('tickets: the draft goes to its own address, in its own category, naming its company', async () => {
    const { evaluateClaim } = await import('../../lib/claims/eligibility');
    const { draftTicket, TICKET_TEMPLATES } = await import('../../lib/tickets/draft');
    expect(TICKET_TEMPLATES[ID]?.url).toBe('mailto:refunds@dummy.example');
    const facts = { vendor: ID, purchasedAt: '2026-12-05T09:00:00+08:00', orderId: 'D-1' };
    const draft = draftTicket(evaluateClaim(facts, NOW), facts, [], 'zh-CN', { target: '12315' });
    expect(draft.fields['company']).toBe('示例商店有限公司');
    const own = draftTicket(evaluateClaim(facts, NOW), facts, [], 'en');
    expect([own.channel, own.url, own.category, own.title]).toEqual([
      'email',
      'mailto:refunds@dummy.example',
      ['Refund'],
      'Refund request: Dummy subscription (order D-1)',
    ]);
  });

  it('flags: the card gives its own risk advice, and the generic advice where it has none', async () => {
    const { riskFlags, flagAdviceEntries } = await import('../../lib/card/flags');
    const flags = riskFlags(ID, { autoRenew: true, term: '3年' }, 'en');
    expect(flags.map((f) => [f.id, f.title])).toEqual([
      ['auto-renew', 'Dummy: auto-renew'],
      ['multi-year', 'Multi-year term'],
    ]);
    expect(flagAdviceEntries().some((e) => e.vendor === ID)).toBe(true);
  });
});
