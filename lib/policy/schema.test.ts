import { describe, it, expect } from 'vitest';
import { validatePack, definePack, PolicyPackError, type PolicyPackInput } from './schema';
import { loadUserPacks, findPack, UnknownVendorError } from './registry';

const minimal = () => ({
  id: 'acme-saas',
  name: 'Acme SaaS',
  lastChecked: '2026-10-01',
  covers: 'Acme subscriptions',
  rules: [
    {
      id: 'fourteen-day-trial',
      when: {
        all: [
          { fact: 'newUser', is: true },
          { fact: 'seats', lte: 5 },
        ],
      },
      outcome: 'eligible',
      refund: 'full',
      claimWith: 'vendor',
      summary: '14-day money-back guarantee for new customers',
      citations: [{ source: 'https://acme.example/terms', clause: '§4' }],
      deadline: {
        kind: 'period',
        amount: 14,
        unit: 'business-days',
        from: 'purchase',
        label: 'Money-back guarantee ends',
      },
    },
    {
      id: 'no-refund',
      outcome: 'not-eligible',
      refund: null,
      claimWith: 'vendor',
      summary: 'No refunds afterwards',
      citations: [{ source: 'https://acme.example/terms', clause: '§5' }],
    },
  ],
});

function errorsOf(input: unknown): string[] {
  const r = validatePack(input);
  return r.ok ? [] : r.errors;
}

describe('one zod schema for every pack: user-defined packs', () => {
  it('a minimal pack with plain-string texts and a vendor document as source is valid', () => {
    const r = validatePack(minimal());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.pack.channels).toEqual([]); // defaults applied
  });

  it('reports the rule by index and id, with what to do', () => {
    const p = minimal();
    (p.rules[0] as Record<string, unknown>).citations = [];
    expect(errorsOf(p)).toEqual([
      'rules[0] "fourteen-day-trial" › citations: every rule must cite its source (seed file + clause, FACTS.md entry, or the vendor document)',
    ]);
  });

  it('explains a malformed condition', () => {
    const p = minimal();
    (p.rules[0] as Record<string, unknown>).when = { fact: 'seats', equals: 5 };
    expect(errorsOf(p)).toEqual([
      expect.stringMatching(/^rules\[0\] "fourteen-day-trial" › when: expected a condition: \{ fact, is \}/),
    ]);
  });

  it('requires the last rule to be an unconditional default without deadline', () => {
    const p = minimal();
    p.rules.pop();
    const errors = errorsOf(p);
    expect(errors).toContain(
      'rules[0] "fourteen-day-trial" › when: the last rule is the default: it must have no "when", so every claim gets a verdict',
    );
    expect(errors).toContain(
      'rules[0] "fourteen-day-trial" › deadline: the default rule cannot have a deadline: it must apply at any time',
    );
  });

  it('checks references to channels and evidence', () => {
    const p = minimal();
    Object.assign(p.rules[0]!, { channels: ['acme-chat'], evidence: ['selfie'] });
    expect(errorsOf(p)).toEqual([
      'rules[0] "fourteen-day-trial" › channels[0]: unknown channel "acme-chat": define it in "channels"',
      'rules[0] "fourteen-day-trial" › evidence[0]: unknown evidence item "selfie": use a catalog id or define it in "evidence"',
    ]);
  });

  it('shared channels (stores, 12315, 黑猫投诉) need no definition', () => {
    const p = minimal();
    Object.assign(p.rules[0]!, { channels: ['complaint-12315', 'apple-report-a-problem'] });
    expect(errorsOf(p)).toEqual([]);
  });

  it('keeps outcomes consistent with refunds', () => {
    const p = minimal();
    Object.assign(p.rules[0]!, { outcome: 'compensation', refund: 'full' });
    Object.assign(p.rules[1]!, { refund: 'partial' });
    expect(errorsOf(p)).toEqual([
      'rules[0] "fourteen-day-trial" › refund: a compensation rule pays a voucher: set refund to "voucher"',
      'rules[1] "no-refund" › refund: a not-eligible rule refunds nothing: set refund to null',
    ]);
  });

  it('rejects "expired" as a rule outcome (the engine derives it from a closed window)', () => {
    const p = minimal();
    Object.assign(p.rules[1]!, { outcome: 'expired' });
    expect(errorsOf(p)[0]).toMatch(/^rules\[1\] "no-refund" › outcome: /);
  });

  it('rejects a bad id, date, duplicate rule ids and unknown keys', () => {
    const p = { ...minimal(), id: 'Acme SaaS', lastChecked: '2026-02-30', extra: 1 } as Record<string, unknown>;
    const rules = p.rules as { id: string }[];
    rules[1]!.id = 'fourteen-day-trial';
    const errors = errorsOf(p);
    expect(errors).toEqual(
      expect.arrayContaining([
        'id: pack id (the vendor id) must be lower-case words joined by "-", e.g. "five-day-refund"',
        'lastChecked: lastChecked must be a date written YYYY-MM-DD',
        expect.stringMatching(/^\(pack\): .*extra/),
      ]),
    );
  });

  it('reports bilingual text problems precisely', () => {
    const p = minimal();
    (p.rules[0] as Record<string, unknown>).summary = { 'zh-CN': '十四天退款', en: '' };
    expect(errorsOf(p)).toEqual(['rules[0] "fourteen-day-trial" › summary › en: en text is empty']);
  });

  it('definePack fills in exactly the defaults the schema would (and leaves validation to the meta-test)', () => {
    const p = minimal();
    const defined = definePack(p as PolicyPackInput);
    expect(defined).toEqual((validatePack(p) as { ok: true; pack: unknown }).pack);
    expect(defined.rules[0]).toMatchObject({ evidence: [], channels: [], nextSteps: [] });
    expect(defined).toMatchObject({ channels: [], advice: [], processing: [], evidence: [], questions: {} });
  });

  it('a user pack is refused with every problem at once (PolicyPackError)', () => {
    const p = minimal() as Record<string, unknown>;
    delete p.covers;
    p.lastChecked = 'yesterday';
    expect(() => loadUserPacks([p])).toThrow(PolicyPackError);
    try {
      loadUserPacks([p]);
    } catch (e) {
      expect((e as PolicyPackError).errors).toHaveLength(2);
      expect((e as Error).message).toContain('Invalid policy pack');
    }
  });
});

describe('registry', () => {
  it('loads user packs next to the shipped ones', () => {
    const [pack] = loadUserPacks([minimal()]);
    expect(findPack('acme-saas', [pack!]).id).toBe('acme-saas');
    expect(findPack('letsvpn', [pack!]).id).toBe('letsvpn');
  });

  it('rejects duplicate user packs and names the pack index', () => {
    expect(() => loadUserPacks([minimal(), minimal()])).toThrow(/packs\[1\] id: "acme-saas" is given twice/);
    expect(() => loadUserPacks([{ ...minimal(), rules: [] }])).toThrow(
      /packs\[0\] rules: a pack needs at least one rule/,
    );
  });

  it('an unknown vendor says how to add one', () => {
    expect(() => findPack('nope')).toThrow(UnknownVendorError);
    expect(() => findPack('nope')).toThrow(/add a user-defined pack/);
  });
});
