import type { Condition } from '../policy/schema';

/** Three-valued truth: a fact nobody has told us about is `unknown`, never false. */
export type Truth = 'true' | 'false' | 'unknown';

export type FactBag = Readonly<Record<string, unknown>>;

/** Reads `a.b.c` from the facts; undefined (and null) mean unknown. */
export function readFact(facts: FactBag, path: string): unknown {
  const found = lookup(facts, path);
  return found.known ? found.value : undefined;
}

/**
 * Like readFact, but tells "unknown" apart from "known to be absent": with
 * `resellerPromise: false` (no promise at all), `resellerPromise.written` is
 * known — there is nothing written — rather than unknown.
 */
function lookup(facts: FactBag, path: string): { known: boolean; value: unknown } {
  let node: unknown = facts;
  for (const key of path.split('.')) {
    if (node === undefined || node === null) return { known: false, value: undefined };
    if (typeof node !== 'object') return { known: true, value: undefined };
    node = (node as Record<string, unknown>)[key];
  }
  return node === undefined || node === null ? { known: false, value: undefined } : { known: true, value: node };
}

/** The fact a question should ask for: `resellerPromise.written` is asked as `resellerPromise`. */
export function rootFact(path: string): string {
  return path.split('.')[0] ?? path;
}

function compare(cond: Condition & { fact: string }, value: unknown): boolean {
  if ('is' in cond) return value === cond.is;
  if ('in' in cond) return cond.in.some((v) => v === value);
  if (typeof value !== 'number') return false;
  if ('gt' in cond) return value > cond.gt;
  if ('gte' in cond) return value >= cond.gte;
  if ('lt' in cond) return value < cond.lt;
  if ('lte' in cond) return value <= cond.lte;
  return false;
}

export function evaluateCondition(cond: Condition | undefined, facts: FactBag): Truth {
  if (!cond) return 'true';
  if ('all' in cond) {
    const parts = cond.all.map((c) => evaluateCondition(c, facts));
    return parts.includes('false') ? 'false' : parts.includes('unknown') ? 'unknown' : 'true';
  }
  if ('any' in cond) {
    const parts = cond.any.map((c) => evaluateCondition(c, facts));
    return parts.includes('true') ? 'true' : parts.includes('unknown') ? 'unknown' : 'false';
  }
  if ('not' in cond) {
    const inner = evaluateCondition(cond.not, facts);
    return inner === 'unknown' ? 'unknown' : inner === 'true' ? 'false' : 'true';
  }
  const found = lookup(facts, cond.fact);
  if (!found.known) return 'unknown';
  return compare(cond, found.value) ? 'true' : 'false';
}

/**
 * The facts whose answer could settle an `unknown` condition. Branches already
 * decided are skipped: in `all`, nothing is asked once a part is false.
 */
export function unknownFacts(cond: Condition | undefined, facts: FactBag): string[] {
  if (!cond || evaluateCondition(cond, facts) !== 'unknown') return [];
  if ('all' in cond || 'any' in cond) {
    const parts = 'all' in cond ? cond.all : cond.any;
    return [...new Set(parts.flatMap((c) => unknownFacts(c, facts)))];
  }
  if ('not' in cond) return unknownFacts(cond.not, facts);
  return [cond.fact];
}

/** Every fact a condition mentions (for pack documentation and meta-tests). */
export function factsOf(cond: Condition | undefined): string[] {
  if (!cond) return [];
  if ('all' in cond) return [...new Set(cond.all.flatMap(factsOf))];
  if ('any' in cond) return [...new Set(cond.any.flatMap(factsOf))];
  if ('not' in cond) return factsOf(cond.not);
  return [cond.fact];
}
