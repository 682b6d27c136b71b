import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../../lib/claims/eligibility';
import { parseJsonWithLines } from './json-lines';
import { checkPacksText, EXAMPLE_PACK, EXAMPLE_PACKS_TEXT } from './packs';

describe('custom policy packs: checking the editor text', () => {
  it('the example pack is valid and evaluates like any pack', () => {
    expect(checkPacksText(EXAMPLE_PACKS_TEXT)).toEqual({ ok: true, packs: [EXAMPLE_PACK] });
    const verdict = evaluateClaim(
      { vendor: 'acme-drive', purchasedAt: '2026-11-10', renewal: false, reason: 'changed-mind' },
      '2026-11-20T10:00:00+08:00',
      { packs: [EXAMPLE_PACK] },
    );
    expect(verdict).toMatchObject({ outcome: 'eligible', refund: 'full', deadline: { date: '2026-11-24' } });
  });

  it('a JSON syntax error is reported at its line and column', () => {
    const text = '[\n  {\n    "id": "acme-drive",\n    "name": "Acme"\n    "covers": "x"\n  }\n]';
    expect(checkPacksText(text)).toMatchObject({ ok: false, kind: 'syntax', line: 5, column: 5 });
    expect(checkPacksText('[{"id": "a",}]')).toMatchObject({ ok: false, kind: 'syntax', line: 1 });
    expect(checkPacksText('{"id": "a"}')).toEqual({ ok: false, kind: 'not-array' });
  });

  it('schema problems point at the line of the offending member (zod issue path → JSON line)', () => {
    const broken = structuredClone(EXAMPLE_PACK) as any;
    delete broken.rules[0].citations;
    broken.lastChecked = 'last week';
    const text = JSON.stringify([broken], null, 2);
    const lines = text.split('\n');
    const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    const result = checkPacksText(text);
    if (result.ok || result.kind !== 'schema') throw new Error('expected schema problems');
    expect(result.issues).toEqual([
      {
        line: lineOf('"lastChecked"'),
        path: '[0].lastChecked',
        message: 'lastChecked must be a date written YYYY-MM-DD',
      },
      // A missing member is reported at the object that lacks it (the rule's opening brace).
      {
        line: lineOf('"id": "fourteen-day-money-back"') - 1,
        path: '[0].rules[0].citations',
        message: expect.stringContaining('expected array'),
      },
    ]);
  });

  it('whole-pack rules (checked after the shape) are located too', () => {
    const broken = structuredClone(EXAMPLE_PACK) as any;
    broken.rules[1].when = { fact: 'reason', is: 'changed-mind' };
    const text = JSON.stringify([broken], null, 2);
    const lines = text.split('\n');
    const result = checkPacksText(text);
    if (result.ok || result.kind !== 'schema') throw new Error('expected schema problems');
    const whenLines = lines.flatMap((l, n) => (l.includes('"when"') ? [n + 1] : []));
    expect(result.issues).toEqual([
      {
        line: whenLines[1],
        path: '[0].rules[1].when',
        message: expect.stringContaining('the last rule is the default'),
      },
    ]);
  });

  it('refuses a shipped vendor id and an id given twice', () => {
    const shipped = { ...EXAMPLE_PACK, id: 'tencent-cloud' };
    const result = checkPacksText(JSON.stringify([EXAMPLE_PACK, shipped, EXAMPLE_PACK], null, 2));
    expect(result).toMatchObject({ ok: false, kind: 'schema' });
    if (!result.ok && result.kind === 'schema')
      expect(result.issues.map((i) => i.message)).toEqual([
        '"tencent-cloud" is a shipped pack; choose another id',
        '"acme-drive" is given twice',
      ]);
  });

  it('locates nested paths and falls back to the nearest existing parent', () => {
    const doc = parseJsonWithLines('{\n  "a": [\n    1,\n    { "b": 2 }\n  ]\n}');
    expect(doc.lineOf(['a', 1, 'b'])).toBe(4);
    expect(doc.lineOf(['a', 0])).toBe(3);
    expect(doc.lineOf(['a', 1, 'missing'])).toBe(4);
    expect(doc.value).toEqual({ a: [1, { b: 2 }] });
  });
});
