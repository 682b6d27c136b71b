import { describe, it, expect } from 'vitest';
import { evaluateCondition, unknownFacts, readFact, factsOf } from './conditions';

describe('three-valued conditions: unknown is never false', () => {
  it('a missing fact is unknown; a present one compares', () => {
    expect(evaluateCondition({ fact: 'activated', is: false }, {})).toBe('unknown');
    expect(evaluateCondition({ fact: 'activated', is: false }, { activated: false })).toBe('true');
    expect(evaluateCondition({ fact: 'activated', is: false }, { activated: true })).toBe('false');
    expect(evaluateCondition({ fact: 'activated', is: false }, { activated: null })).toBe('unknown');
  });

  it('in / gt / gte / lt / lte', () => {
    const f = { reason: 'wrong-plan', outageHours: 72 };
    expect(evaluateCondition({ fact: 'reason', in: ['wrong-plan', 'duplicate-charge'] }, f)).toBe('true');
    expect(evaluateCondition({ fact: 'outageHours', gt: 72 }, f)).toBe('false');
    expect(evaluateCondition({ fact: 'outageHours', gte: 72 }, f)).toBe('true');
    expect(evaluateCondition({ fact: 'outageHours', lt: 72 }, f)).toBe('false');
    expect(evaluateCondition({ fact: 'outageHours', lte: 72 }, f)).toBe('true');
    expect(evaluateCondition({ fact: 'reason', gt: 1 }, f)).toBe('false');
  });

  it('all: false wins over unknown; any: true wins over unknown; not keeps unknown', () => {
    expect(
      evaluateCondition(
        {
          all: [
            { fact: 'a', is: true },
            { fact: 'b', is: true },
          ],
        },
        { a: false },
      ),
    ).toBe('false');
    expect(
      evaluateCondition(
        {
          all: [
            { fact: 'a', is: true },
            { fact: 'b', is: true },
          ],
        },
        { a: true },
      ),
    ).toBe('unknown');
    expect(
      evaluateCondition(
        {
          any: [
            { fact: 'a', is: true },
            { fact: 'b', is: true },
          ],
        },
        { b: true },
      ),
    ).toBe('true');
    expect(
      evaluateCondition(
        {
          any: [
            { fact: 'a', is: true },
            { fact: 'b', is: true },
          ],
        },
        { b: false },
      ),
    ).toBe('unknown');
    expect(evaluateCondition({ not: { fact: 'a', is: true } }, {})).toBe('unknown');
    expect(evaluateCondition({ not: { fact: 'a', is: true } }, { a: false })).toBe('true');
    expect(evaluateCondition(undefined, {})).toBe('true');
  });

  it('dotted paths; a parent known to be absent makes the child known (no reseller promise at all)', () => {
    expect(readFact({ resellerPromise: { days: 7, written: true } }, 'resellerPromise.days')).toBe(7);
    expect(evaluateCondition({ fact: 'resellerPromise.written', is: true }, {})).toBe('unknown');
    expect(evaluateCondition({ fact: 'resellerPromise.written', is: true }, { resellerPromise: false })).toBe('false');
    expect(evaluateCondition({ fact: 'resellerPromise.written', is: false }, { resellerPromise: false })).toBe('false');
  });

  it('lists only the facts that could still decide', () => {
    const cond = {
      all: [
        { fact: 'billing', is: 'prepaid' },
        { fact: 'renewal', is: false },
        { fact: 'promo', is: false },
      ],
    };
    expect(unknownFacts(cond, {})).toEqual(['billing', 'renewal', 'promo']);
    expect(unknownFacts(cond, { billing: 'prepaid', renewal: false })).toEqual(['promo']);
    expect(unknownFacts(cond, { billing: 'pay-as-you-go' })).toEqual([]);
    expect(factsOf({ any: [cond, { not: { fact: 'x', is: 1 } }] })).toEqual(['billing', 'renewal', 'promo', 'x']);
  });
});
