import { describe, it, expect } from 'vitest';
import { shippedPacks, SHIPPED_PACKS } from './registry';
import { KNOWN_SOURCES, citationTitle } from './sources';
import { validatePack, type PolicyPack } from './schema';
import { SHARED_CHANNELS } from './common';
import { EVIDENCE_ITEMS } from '../claims/evidence';
import { FACT_QUESTIONS, ClaimFactsSchema } from '../claims/facts';
import { factsOf } from '../claims/conditions';
import { SHIPPED_VENDORS } from '../vendors/types';
import { SLA_POLICIES } from '../sla/compute';
import { TICKET_TEMPLATES } from '../tickets/draft';
import { isIsoDate } from '../time/zone';

/**
 * The structure itself is tested (STYLE.md): every shipped pack validates,
 * every rule, channel and note cites a seed clause or a FACTS.md entry, every
 * text exists in zh-CN and en, and a "last checked" date is recorded.
 */

type Cite = { source: string; clause?: string };

function citationsOf(pack: PolicyPack): { where: string; citations: Cite[] }[] {
  return [
    ...pack.rules.map((r) => ({ where: `rule ${r.id}`, citations: r.citations })),
    ...pack.channels.map((c) => ({ where: `channel ${c.id}`, citations: c.citations })),
    ...pack.advice.map((a) => ({ where: `advice ${a.id}`, citations: a.citations })),
    ...pack.processing.map((p) => ({ where: `processing ${p.id}`, citations: p.citations })),
  ];
}

/** Every text-valued leaf in the pack (summary, labels, next steps, notes…). */
function textsOf(node: unknown, path = ''): { path: string; value: unknown }[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => textsOf(n, `${path}[${i}]`));
  if (!node || typeof node !== 'object') return [];
  const obj = node as Record<string, unknown>;
  if ('zh-CN' in obj || 'en' in obj) return [{ path, value: obj }];
  return Object.entries(obj).flatMap(([k, v]) => {
    if (['summary', 'name', 'covers', 'label', 'note', 'text', 'unknown'].includes(k))
      return [{ path: `${path}.${k}`, value: v }];
    if (k === 'nextSteps' && Array.isArray(v)) return v.map((x, i) => ({ path: `${path}.nextSteps[${i}]`, value: x }));
    return textsOf(v, `${path}.${k}`);
  });
}

describe('shipped policy packs (meta-test)', () => {
  it('there is one pack per shipped vendor, registered under its id', () => {
    expect(Object.keys(SHIPPED_PACKS).sort()).toEqual([...SHIPPED_VENDORS].sort());
    for (const [id, pack] of Object.entries(SHIPPED_PACKS)) expect(pack.id).toBe(id);
  });

  describe.each(shippedPacks.map((p) => [p.id, p] as const))('%s', (_id, pack) => {
    it('validates against the one pack schema', () => {
      expect(validatePack(pack)).toEqual({ ok: true, pack });
    });

    it('records a last-checked date', () => {
      expect(isIsoDate(pack.lastChecked)).toBe(true);
    });

    it('cites a known source with a clause for every rule, channel, note and processing time', () => {
      for (const { where, citations } of citationsOf(pack)) {
        expect(citations.length, `${where} has no citation`).toBeGreaterThan(0);
        for (const c of citations) {
          expect(KNOWN_SOURCES, `${where} cites an unknown source ${c.source}`).toContain(c.source);
          expect(c.clause?.trim(), `${where} cites ${c.source} without a clause`).toBeTruthy();
          // The citation renders as a title a support agent recognises.
          expect(citationTitle(c, 'zh-CN')).not.toBe(c.source);
        }
      }
    });

    it('gives every text in zh-CN and en (no single-language strings)', () => {
      const texts = textsOf(pack);
      expect(texts.length).toBeGreaterThan(10);
      for (const { path, value } of texts) {
        expect(typeof value, `${path} must be { "zh-CN", en }`).toBe('object');
        const v = value as Record<string, string>;
        expect(v['zh-CN']?.trim(), `${path} zh-CN`).toBeTruthy();
        expect(v.en?.trim(), `${path} en`).toBeTruthy();
        expect(/[\u4e00-\u9fff]/.test(v['zh-CN']!), `${path} zh-CN has no Chinese`).toBe(true);
      }
    });

    it('asks about facts it knows how to ask about', () => {
      const facts = new Set(pack.rules.flatMap((r) => factsOf(r.when)).map((f) => f.split('.')[0]!));
      const vocabulary = Object.keys(ClaimFactsSchema.shape);
      for (const fact of facts) {
        expect(vocabulary, `rule fact ${fact} is not in the fact vocabulary`).toContain(fact);
        expect(FACT_QUESTIONS[fact] ?? pack.questions[fact], `no question text for ${fact}`).toBeTruthy();
      }
    });

    it('ends with a default rule without conditions or deadline', () => {
      const last = pack.rules[pack.rules.length - 1]!;
      expect(last.when).toBeUndefined();
      expect(last.deadline).toBeUndefined();
    });

    it('has a ticket template', () => {
      expect(TICKET_TEMPLATES[pack.id]).toBeDefined();
    });
  });

  it('shared channels cite FACTS.md', () => {
    for (const c of SHARED_CHANNELS) expect(c.citations.every((x) => x.source === 'FACTS.md' && x.clause)).toBe(true);
  });

  it('SLA policies cite their source for every part and record a last-checked date', () => {
    for (const sla of Object.values(SLA_POLICIES)) {
      expect(isIsoDate(sla.lastChecked)).toBe(true);
      const cites = [
        sla.tiersCitation,
        sla.periodCitation,
        sla.availabilityCitation,
        sla.voucherCitation,
        sla.claim.citation,
        ...sla.commitments.map((c) => c.citation),
        ...sla.exclusions.map((e) => e.citation),
        ...sla.notes.map((n) => n.citation),
      ];
      for (const c of cites) {
        expect(KNOWN_SOURCES).toContain(c.source);
        expect(c.clause).toBeTruthy();
      }
    }
    expect(SLA_POLICIES.exmail.minFailureCitation).toEqual({ source: '002_b54d770f95033cbc.txt', clause: '1.2' });
  });

  it('evidence items all have both languages', () => {
    for (const item of EVIDENCE_ITEMS) {
      expect(item.label['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(item.label.en).toMatch(/^[A-Z]/);
    }
  });

  it('unconfirmed facts are hints only: no rule has a 48-hour deadline (Google Play, FACTS.md)', () => {
    for (const pack of shippedPacks)
      for (const rule of pack.rules) {
        const d = rule.deadline;
        if (d?.kind === 'period' && d.unit === 'hours') expect(d.amount).not.toBe(48);
      }
  });
});

describe('the meta-test would catch a rule without a citation', () => {
  const pack = structuredClone(SHIPPED_PACKS['tencent-exmail']) as unknown as { rules: { citations?: unknown[] }[] };

  it('an empty citation list', () => {
    pack.rules[0]!.citations = [];
    const result = validatePack(pack);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toEqual([
        'rules[0] "terminated-for-violation" › citations: every rule must cite its source (seed file + clause, FACTS.md entry, or the vendor document)',
      ]);
  });

  it('a missing citation list', () => {
    delete pack.rules[0]!.citations;
    const result = validatePack(pack);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^rules\[0\] "terminated-for-violation" › citations: /);
  });
});
