import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../lib/evidence/base64';
import { PACKED_LIMITS } from '../lib/evidence/limits';
import { DOM_PREAMBLE } from '../lib/evidence/preamble';
import { packParts, unpackParts } from './capture-packing';
import { deflateRawNative, TooLargeError } from './streams';

const text = '订单管理\n20261118105822371604\t云服务器 CVM\t已支付\t¥3,145.37\n'.repeat(400);
const dom = `<!doctype html><html><body><table>${'<tr><td>20261118105822371604</td><td class="st ok">已支付</td><td>¥3,145.37</td></tr>'.repeat(400)}</table></body></html>`;

describe('a capture packed for the journey to the worker', () => {
  it('arrives as it left, in a fraction of the size', async () => {
    const packed = await packParts(text, dom);
    expect(packed.text + packed.dom).toMatch(/^[A-Za-z0-9+/=]+$/);
    expect(packed.text.length + packed.dom.length).toBeLessThan((text.length + dom.length) / 5);
    const unpacked = await unpackParts(packed);
    expect(unpacked).toMatchObject({ text, dom });
    // The text's bytes and their DEFLATE as sent, for the store to keep when redaction changes nothing.
    expect(new TextDecoder().decode(unpacked.textDeflate!.bytes)).toBe(text);
    expect([...unpacked.textDeflate!.deflated]).toEqual([...fromBase64(packed.text)]);
    // The copy travels as it is stored, after the preamble; its DEFLATE is the page's.
    expect(new TextDecoder().decode(unpacked.domDeflate?.bytes)).toBe(DOM_PREAMBLE + dom);
    expect([...(unpacked.domDeflate?.deflated ?? [])]).toEqual([...fromBase64(packed.dom)]);
  });

  it('takes a copy without the preamble as the copy itself, with no bytes to keep', async () => {
    const bare = toBase64(await deflateRawNative(new TextEncoder().encode(dom)));
    const unpacked = await unpackParts({ text: (await packParts(text, '')).text, dom: bare });
    expect(unpacked.dom).toBe(dom);
    expect(unpacked.domDeflate).toBeUndefined();
  });

  it('decodes to strings that encode back to the very bytes that came (a byte-order mark included)', async () => {
    const withMark = `\uFEFF${text}`;
    const unpacked = await unpackParts(await packParts(withMark, withMark));
    expect(unpacked.text).toBe(withMark);
    expect([...new TextEncoder().encode(DOM_PREAMBLE + unpacked.dom)]).toEqual([...(unpacked.domDeflate?.bytes ?? [])]);
    expect([...new TextEncoder().encode(unpacked.text)]).toEqual([...unpacked.textDeflate!.bytes]);
  });

  it('keeps empty parts empty', async () => {
    expect(await unpackParts(await packParts('', ''))).toMatchObject({ text: '', dom: '' });
  });

  it('refuses what would unpack past the limits (a small message that inflates hugely)', async () => {
    const bomb = toBase64(await deflateRawNative(new Uint8Array(PACKED_LIMITS.textBytes + 1)));
    expect(bomb.length).toBeLessThan(10_000);
    await expect(unpackParts({ text: bomb, dom: (await packParts('', '')).dom })).rejects.toBeInstanceOf(TooLargeError);
  });

  it('refuses damaged data instead of storing something else', async () => {
    const { dom: good } = await packParts('', dom);
    await expect(
      unpackParts({ text: toBase64(new Uint8Array([0xff, 0xff, 0xff, 0x00])), dom: good }),
    ).rejects.toThrow();
    // Valid DEFLATE of bytes that are not UTF-8.
    const notUtf8 = toBase64(await deflateRawNative(new Uint8Array([0xc3, 0x28, 0xa0, 0xa1])));
    await expect(unpackParts({ text: notUtf8, dom: good })).rejects.toThrow();
  });
});
