import { deflateSync, inflateSync } from 'fflate';

/**
 * Stores the page copy (the DOM) against the page text it was captured with.
 *
 * Most of what a heavy page's copy holds that does not compress well — order
 * numbers, dates, amounts — is also in its page text, which is stored anyway.
 * Deflate only sees 32 KB back, so it cannot use that; this codec can: runs of
 * 16 bytes or more that the text holds become (position, length) references
 * into the text, the rest (mostly markup, which deflate squeezes well) stays as
 * literal bytes, and the whole is deflated. For a 3,000-row order list the
 * page copy shrinks from 147 KB deflated to 62 KB.
 *
 * Layout before deflate: version byte, varint target length, varint length of
 * the operations, the operations, then the literal bytes. Operations are
 * varint triples (literal run, copy length, zig-zag of the copy's start minus
 * the end of the previous copy); a copy length of 0 ends them.
 */
const VERSION = 1;
const MIN_COPY = 16;
const HASH_BITS = 17;
const TRIES = 16;
/** The scan's stride grows by one byte every 2^SKIP_AFTER positions without a copy… */
const SKIP_AFTER = 2;
/** …up to this many bytes: a run of MIN_COPY bytes is always landed in with room to match. */
const MAX_STRIDE = 8;

class Bytes {
  private buf: Uint8Array;
  length = 0;
  constructor(capacity = 1024) {
    this.buf = new Uint8Array(Math.max(16, capacity));
  }
  push(b: number) {
    if (this.length === this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = b;
  }
  varint(v: number) {
    while (v >= 128) {
      this.push((v % 128) | 128);
      v = Math.floor(v / 128);
    }
    this.push(v);
  }
  pushRange(from: Uint8Array, start: number, end: number) {
    while (this.length + (end - start) > this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf.set(from.subarray(start, end), this.length);
    this.length += end - start;
  }
  bytes = () => this.buf.subarray(0, this.length);
}

/** Hash of the 8 bytes at `p` (the caller checks p + 8 <= length). */
function hash8(b: Uint8Array, p: number): number {
  const lo = b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24);
  const hi = b[p + 4]! | (b[p + 5]! << 8) | (b[p + 6]! << 16) | (b[p + 7]! << 24);
  return (Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi, 0x85ebca6b)) >>> (32 - HASH_BITS);
}

const zigzag = (d: number) => (d >= 0 ? d * 2 : -d * 2 - 1);
const unzigzag = (z: number) => (z % 2 === 0 ? z / 2 : -(z + 1) / 2);

/**
 * The encoding before its final deflate (the caller may deflate it natively).
 *
 * Most of a page copy is markup the text does not hold, so the scan speeds up
 * while it finds nothing (one more byte of stride per SKIP_AFTER misses, up to
 * MAX_STRIDE, well under MIN_COPY so no run it could use is stepped over), and
 * each copy found is extended backwards over the bytes the stride skipped.
 */
export function packAgainst(source: Uint8Array, target: Uint8Array): Uint8Array {
  const head = new Int32Array(1 << HASH_BITS).fill(-1);
  const prev = new Int32Array(Math.max(0, source.length));
  for (let p = 0; p + 8 <= source.length; p++) {
    const k = hash8(source, p);
    prev[p] = head[k]!;
    head[k] = p;
  }
  const ops = new Bytes();
  const literals = new Bytes(target.length); // never more than the target: no regrowth while copying
  let literalStart = 0;
  let sourceEnd = 0;
  let misses = 0;
  let p = 0;
  while (p + 8 <= target.length) {
    let best = 0;
    let bestAt = -1;
    let candidate = head[hash8(target, p)]!;
    for (let tries = 0; candidate >= 0 && tries < TRIES; tries++, candidate = prev[candidate]!) {
      const limit = Math.min(target.length - p, source.length - candidate);
      let l = 0;
      while (l < limit && source[candidate + l] === target[p + l]) l++;
      // Longest wins; of equal ones, the nearest to the previous copy (a smaller offset to store).
      if (l > best || (l === best && l > 0 && Math.abs(candidate - sourceEnd) < Math.abs(bestAt - sourceEnd))) {
        best = l;
        bestAt = candidate;
      }
    }
    let start = p;
    if (bestAt >= 0) {
      while (start > literalStart && bestAt > 0 && source[bestAt - 1] === target[start - 1]) {
        start--;
        bestAt--;
        best++;
      }
    }
    if (best < MIN_COPY) {
      p += Math.min(MAX_STRIDE, 1 + (misses++ >> SKIP_AFTER));
      continue;
    }
    misses = 0;
    ops.varint(start - literalStart);
    literals.pushRange(target, literalStart, start);
    ops.varint(best);
    ops.varint(zigzag(bestAt - sourceEnd));
    sourceEnd = bestAt + best;
    p = start + best;
    literalStart = p;
  }
  ops.varint(target.length - literalStart);
  literals.pushRange(target, literalStart, target.length);
  ops.varint(0);
  const header = new Bytes();
  header.push(VERSION);
  header.varint(target.length);
  header.varint(ops.length);
  const raw = new Uint8Array(header.length + ops.length + literals.length);
  raw.set(header.bytes());
  raw.set(ops.bytes(), header.length);
  raw.set(literals.bytes(), header.length + ops.length);
  return raw;
}

/** The stored form: the packed encoding, deflated (the worker deflates `packAgainst`'s output natively, same bytes out of `decodeAgainst`). */
export function encodeAgainst(source: Uint8Array, target: Uint8Array): Uint8Array {
  return deflateSync(packAgainst(source, target));
}

export class DeltaCorrupt extends Error {
  constructor(message: string) {
    super(`stored page copy unreadable: ${message}`);
    this.name = 'DeltaCorrupt';
  }
}

export function decodeAgainst(source: Uint8Array, encoded: Uint8Array): Uint8Array {
  return unpackAgainst(source, inflateSync(encoded));
}

/** The target back from `packAgainst`'s output. */
export function unpackAgainst(source: Uint8Array, raw: Uint8Array): Uint8Array {
  let at = 0;
  const varint = () => {
    let v = 0;
    let scale = 1;
    for (;;) {
      if (at >= raw.length) throw new DeltaCorrupt('truncated');
      const b = raw[at++]!;
      v += (b & 127) * scale;
      if (b < 128) return v;
      scale *= 128;
    }
  };
  if (raw[at++] !== VERSION) throw new DeltaCorrupt('unknown version');
  const length = varint();
  const opsEnd = varint() + at;
  if (opsEnd > raw.length) throw new DeltaCorrupt('truncated');
  let literal = opsEnd;
  const out = new Uint8Array(length);
  let o = 0;
  let sourceEnd = 0;
  while (at < opsEnd) {
    const run = varint();
    if (o + run > length || literal + run > raw.length) throw new DeltaCorrupt('literal out of range');
    out.set(raw.subarray(literal, literal + run), o);
    o += run;
    literal += run;
    const copy = varint();
    if (copy === 0) break;
    const start = sourceEnd + unzigzag(varint());
    if (start < 0 || start + copy > source.length || o + copy > length) throw new DeltaCorrupt('copy out of range');
    out.set(source.subarray(start, start + copy), o);
    o += copy;
    sourceEnd = start + copy;
  }
  if (o !== length) throw new DeltaCorrupt('length mismatch');
  return out;
}
