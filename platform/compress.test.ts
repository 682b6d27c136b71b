import { inflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deflateRaw } from './compress';

describe('native raw deflate', () => {
  it('round-trips through the reader the store uses, and compresses', async () => {
    const text = new TextEncoder().encode(
      Array.from(
        { length: 3000 },
        (_, i) => `<tr><td>2026112201${String(i).padStart(6, '0')}</td><td>已支付</td></tr>`,
      ).join('\n'),
    );
    const packed = await deflateRaw(text);
    expect(packed.length).toBeLessThan(text.length / 4);
    expect(Buffer.from(inflateSync(packed)).equals(Buffer.from(text))).toBe(true);
    expect(inflateSync(await deflateRaw(new Uint8Array())).length).toBe(0);
  });
});
