import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { utf8 } from './canonical';
import { decodeAgainst, DeltaCorrupt, encodeAgainst, packAgainst, unpackAgainst } from './delta';

/** An order list as a page shows it: the table's text, and the markup around the same values. */
function orderList(rows: number) {
  const text: string[] = ['订单管理'];
  const html: string[] = ['<!doctype html><html><body><h1>订单管理</h1><table>'];
  for (let i = 0; i < rows; i++) {
    const id = `2026${String((i * 7919) % 1_000_000).padStart(6, '0')}${String(i * 104_729).padStart(10, '0')}`;
    const paid = `2026-11-${String(1 + (i % 28)).padStart(2, '0')} 1${i % 10}:${String(i % 60).padStart(2, '0')}:07`;
    const amount = ((i * 37.13) % 50_000).toFixed(2);
    text.push(`${id}\t云服务器 CVM\t新购\t已支付\t${amount}\t${paid}`);
    html.push(
      `<tr data-deal-name="${id}"><td><a href="/expense/deal/detail?dealName=${id}">${id}</a></td><td>云服务器 CVM</td><td>新购</td><td><span class="st ok">已支付</span></td><td class="num">${amount}</td><td>${paid}</td></tr>`,
    );
  }
  return { text: utf8(text.join('\n')), dom: utf8(`${html.join('\n')}</table></body></html>`) };
}

const bytes = (max: number) => fc.uint8Array({ maxLength: max });

/** How many bytes of a packed copy are literals: what follows the version, two varints and the operations. */
function literalBytes(packed: Uint8Array): number {
  let at = 1;
  const varint = () => {
    let v = 0;
    for (let scale = 1; ; scale *= 128) {
      const b = packed[at++]!;
      v += (b & 127) * scale;
      if (b < 128) return v;
    }
  };
  varint(); // the target's length
  const opsLength = varint();
  return packed.length - at - opsLength;
}

describe('the page copy stored against the page text', () => {
  it('reads back byte for byte, whatever the two hold (property)', () => {
    // Targets spliced from pieces of the source and bytes of their own, so copies of every length occur.
    const piece = (source: Uint8Array) =>
      fc.oneof(
        bytes(40),
        fc
          .tuple(fc.nat(), fc.integer({ min: 0, max: 80 }))
          .map(([start, length]) =>
            source.subarray(start % (source.length + 1), (start % (source.length + 1)) + length),
          ),
      );
    fc.assert(
      fc.property(
        bytes(400).chain((source) => fc.tuple(fc.constant(source), fc.array(piece(source), { maxLength: 12 }))),
        ([source, pieces]) => {
          const target = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
          pieces.reduce((at, p) => (target.set(p, at), at + p.length), 0);
          expect(decodeAgainst(source, encodeAgainst(source, target))).toEqual(target);
        },
      ),
      { seed: 20261122, numRuns: 500 },
    );
  });

  it('uses every run of 24 bytes or more the text holds, however much markup around it matches nothing (property)', () => {
    // The scan strides through unmatched stretches; copies found are extended backwards over what it skipped.
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 300, maxLength: 600 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.nat(), fc.integer({ min: 24, max: 60 })), {
          minLength: 1,
          maxLength: 6,
        }),
        (source, layout) => {
          // Markup: bytes 0xF8–0xFF, which the source (0x00–0x7F) never holds.
          const src = source.map((b) => b & 0x7f);
          const parts: Uint8Array[] = [];
          let copied = 0;
          for (const [gap, start, length] of layout) {
            parts.push(Uint8Array.from({ length: gap }, (_, i) => 0xf8 + (i % 8)));
            const from = start % (src.length - length);
            parts.push(src.subarray(from, from + length));
            copied += length;
          }
          const target = new Uint8Array(parts.reduce((n, x) => n + x.length, 0));
          parts.reduce((at, x) => (target.set(x, at), at + x.length), 0);
          const packed = packAgainst(src, target);
          expect(Buffer.from(unpackAgainst(src, packed)).equals(target)).toBe(true);
          // The bytes kept as literals (after the header and the operations) are the markup alone.
          expect(literalBytes(packed)).toBe(target.length - copied);
        },
      ),
      { seed: 20261123, numRuns: 200 },
    );
  });

  it('handles empty and tiny inputs', () => {
    for (const [source, target] of [
      ['', ''],
      ['', '<p>x</p>'],
      ['订单号 20261118105822371604', ''],
      ['short', 'short'],
      [
        '订单号 20261118105822371604 状态 已支付',
        '<td>订单号 20261118105822371604 状态 已支付</td><td>订单号 20261118105822371604 状态 已支付</td>',
      ],
    ]) {
      const [s, t] = [utf8(source!), utf8(target!)];
      expect(decodeAgainst(s, encodeAgainst(s, t))).toEqual(t);
    }
  });

  it('stores a long order list in well under two thirds of what deflate alone needs', () => {
    const { text, dom } = orderList(800);
    const encoded = encodeAgainst(text, dom);
    expect(decodeAgainst(text, encoded)).toEqual(dom);
    expect(encoded.length).toBeLessThan(deflateSync(dom).length * 0.6);
  });

  it('refuses a damaged copy, or the wrong text, instead of returning other bytes', () => {
    const { text, dom } = orderList(50);
    const encoded = encodeAgainst(text, dom);
    expect(() => decodeAgainst(text.subarray(0, 100), encoded)).toThrow(DeltaCorrupt);
    expect(() => decodeAgainst(text, deflateSync(new Uint8Array([9, 1, 2])))).toThrow(DeltaCorrupt);
    expect(() => decodeAgainst(text, deflateSync(new Uint8Array([1, 200])))).toThrow(DeltaCorrupt);
  });
});
