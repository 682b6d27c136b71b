import { describe, expect, it } from 'vitest';
import { localize } from '../policy/text';
import { CHANNELS, ITEM_KINDS, OUTAGE_CAUSES, BILLING_MODES, FACT_QUESTIONS, factQuestion } from './facts';
import { EVIDENCE_ITEMS } from './evidence';
import { evaluateClaim } from './eligibility';

const han = /[\u4e00-\u9fff]/;

/** Shipped words read from the engine section: a missing key would show as the key itself. */
function expectWorded(text: { 'zh-CN': string; en: string }, what: string) {
  expect(text['zh-CN'], what).toMatch(han);
  expect(text.en, what).not.toMatch(han);
  expect(text.en, what).toMatch(/^[A-Z]/);
  for (const words of [text['zh-CN'], text.en]) expect(words, what).not.toMatch(/^engine\./);
}

describe('the questions the popup asks for facts (engine section: engine.ask.*)', () => {
  it('every question and every choice is worded in both languages', () => {
    const facts = Object.keys(FACT_QUESTIONS);
    expect(facts.length).toBeGreaterThan(30);
    for (const [fact, q] of Object.entries(FACT_QUESTIONS)) {
      expectWorded(q.text, fact);
      for (const { value, label } of q.options ?? []) {
        // A choice may be a name kept as it is in Chinese ('Google Play'), but is never empty nor a bare key.
        expect(label['zh-CN'], `${fact}.${value}`).toMatch(/^(?!engine\.)\S/);
        expect(label.en, `${fact}.${value}`).toMatch(/^(?!engine\.)[A-Z]/);
        expect(label.en, `${fact}.${value}`).not.toMatch(han);
      }
    }
  });

  it("offers exactly the fact's values as choices, in the schema's order", () => {
    const values = (fact: string) => FACT_QUESTIONS[fact]!.options!.map((o) => o.value);
    expect(values('channel')).toEqual([...CHANNELS]);
    expect(values('outageCause')).toEqual([...OUTAGE_CAUSES]);
    expect(values('billing')).toEqual([...BILLING_MODES]);
    expect(values('itemKind')).toEqual([...ITEM_KINDS]);
    expect(FACT_QUESTIONS.reason!.type).toBe('enum');
    expect(FACT_QUESTIONS.activated!.type).toBe('boolean');
  });

  it('asks for a fact nobody words by its name, in both languages', () => {
    const q = factQuestion('seatCount');
    expect(q.type).toBe('object');
    expect(localize(q.text, 'zh-CN')).toBe('请补充：seatCount');
    expect(localize(q.text, 'en')).toBe('Please provide: seatCount');
  });

  it('a verdict asks its questions in the chosen language', () => {
    const facts = { vendor: 'tencent-exmail', purchasedAt: '2026-03-02T10:00:00+08:00' };
    const zh = evaluateClaim(facts, '2026-03-03T10:00:00+08:00', { locale: 'zh-CN' });
    const en = evaluateClaim(facts, '2026-03-03T10:00:00+08:00', { locale: 'en' });
    expect(zh.questions.length).toBeGreaterThan(0);
    expect(zh.questions.map((q) => q.fact)).toEqual(en.questions.map((q) => q.fact));
    zh.questions.forEach((q, i) => {
      expect(q.text).toBe(localize(FACT_QUESTIONS[q.fact]!.text, 'zh-CN'));
      expect(en.questions[i]!.text).toBe(localize(FACT_QUESTIONS[q.fact]!.text, 'en'));
    });
  });
});

describe('the evidence items (engine section: engine.evidence.*)', () => {
  it('every item is worded in both languages', () => {
    for (const item of EVIDENCE_ITEMS) expectWorded(item.label, item.id);
  });
});

describe('words of a window past its longest possible length', () => {
  it('names the days once: the pack label has them, the note says only that the longest window was taken', () => {
    // 快连 FAQ Q1: 7–30 days depending on the plan; two months later even 30 days have passed.
    const facts = { vendor: 'letsvpn', purchasedAt: '2026-03-02T10:00:00+08:00' };
    const label = (locale: 'zh-CN' | 'en') =>
      evaluateClaim(facts, '2026-05-01T10:00:00+08:00', { locale }).routes.find(
        (r) => r.id === 'incompatible-unresolved',
      )?.deadline?.label ?? '';
    expect(label('zh-CN')).toBe('套餐退款申请期限（30 天）截止（按最长期限计）');
    expect(label('zh-CN').match(/30 天/g)).toHaveLength(1);
    expect(label('en').match(/30/g)).toHaveLength(1);
  });
});
