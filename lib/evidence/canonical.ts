/**
 * Canonical JSON: object keys sorted by code unit, no insignificant whitespace,
 * so the same value always yields the same bytes and therefore the same hash.
 * Only plain JSON values are accepted — `undefined`, functions, non-finite
 * numbers and class instances are errors, not silently dropped fields.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export class CanonicalJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CanonicalJsonError';
  }
}

function normalise(value: unknown, path: string): Json {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new CanonicalJsonError(`${path}: non-finite number`);
    return Object.is(value, -0) ? 0 : value;
  }
  if (Array.isArray(value)) return value.map((item, i) => normalise(item, `${path}[${i}]`));
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw new CanonicalJsonError(`${path}: not a plain object`);
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined) throw new CanonicalJsonError(`${path}.${key}: undefined`);
      out[key] = normalise(item, `${path}.${key}`);
    }
    return out;
  }
  throw new CanonicalJsonError(`${path}: ${typeof value} is not JSON`);
}

/** Canonical, compact JSON text of a plain value. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value, '$'));
}

/** Canonical JSON indented for people (the bundle manifest): still one spelling per value. */
export function canonicalJsonPretty(value: unknown): string {
  return `${JSON.stringify(normalise(value, '$'), null, 2)}\n`;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export const utf8 = (text: string): Uint8Array => encoder.encode(text);
/** Strict UTF-8 decoding: malformed bytes throw instead of becoming U+FFFD. */
export const fromUtf8 = (bytes: Uint8Array): string => decoder.decode(bytes);

export function canonicalBytes(value: unknown): Uint8Array {
  return utf8(canonicalJson(value));
}
