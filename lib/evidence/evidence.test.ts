import fc from 'fast-check';
import { strToU8, unzipSync } from 'fflate';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator } from '../i18n';
import { escapeHtml, zipFiles } from './bundle';
import { canonicalJson, CanonicalJsonError, canonicalJsonPretty } from './canonical';
import { verifyChain } from './chain';
import { GENESIS_HASH, sha256Hex } from './hash';
import { listQuerySchema, matchesQuery } from './query';
import { redactDom, stripActiveContent, stripActiveContentSerialised } from './redact';
import { formatReport } from './report';
import { CaptureRejected, DOM_PREAMBLE, prepareCapture, prepareText } from './snapshot';
import { contentOf, memoryLedger, orderPayload } from './testing/ledger';
import type { BundleSigner } from './signature';
import { shanghaiDisplay, shanghaiIso } from './time';
import { verifyBundle } from './verify';

const FIXTURES = resolve(import.meta.dirname, '../../test/fixtures/sites');
const fixture = (path: string) => readFileSync(resolve(FIXTURES, path), 'utf8');
const T0 = new Date('2026-11-22T02:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** Values seeded into the fixtures' inputs (test/fixtures/catalog.ts notes). */
const SEEDED = ['4111111111111111', '11010519491231002X', '6222020200112233445', 'Sup3r-Secret!', '5555555555554444'];

describe('canonical JSON and hashing', () => {
  it('spells a value one way whatever its key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: 'x' }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":"x","z":0}]},"b":1}',
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        return (
          canonicalJson(value) === canonicalJson(reversed) &&
          canonicalJson(JSON.parse(canonicalJson(value))) === canonicalJson(value)
        );
      }),
      { numRuns: 100 },
    );
  });

  it('refuses what JSON cannot carry instead of dropping it', () => {
    expect(() => canonicalJson({ a: undefined })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ a: new Date(0) })).toThrow(CanonicalJsonError);
    expect(canonicalJson({ a: -0 })).toBe('{"a":0}');
  });

  it('hashes with SHA-256 (FIPS 180-2 test vector)', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
  });

  it('gives capture times in UTC and in Beijing time, across midnight', () => {
    expect(shanghaiIso(new Date('2026-11-22T16:30:05Z'))).toBe('2026-11-23T00:30:05+08:00');
    expect(shanghaiDisplay('2026-12-31T16:00:00.000Z')).toBe('2027-01-01 00:00:00');
  });
});

describe('redactDom (the second pass before anything is written)', () => {
  it('masks every seeded value of the payment fixture: card, CVV, ID, bank account', () => {
    const out = redactDom(fixture('buy.cloud.tencent.com/payment/card.html'));
    for (const value of SEEDED) expect(out).not.toContain(value);
    expect(out).not.toMatch(/id="card-cvv"[^>]*value="123"/);
    expect(out).toMatch(/id="card-cvv"[^>]*value="\*{6}"/);
    expect(out).toMatch(/id="bank-account"[^>]*value="\*{6}"/);
    // What is evidence stays: the order number, the amount, the holder's chosen pay type.
    expect(out).toContain('20261122110521583201');
    expect(out).toContain('¥3,145.37');
    expect(out).toContain('value="card" checked');
  });

  it('masks passwords and card forms on other pages', () => {
    expect(redactDom(fixture('exmail.qq.com/login.html'))).not.toContain('Sup3r-Secret!');
    const saas = redactDom(fixture('app.example.com/billing/checkout.html'));
    expect(saas).not.toContain('5555555555554444');
    expect(saas).not.toMatch(/id="bill-cvc"[^>]*value="321"/);
  });

  it('finds a field by its <label for>, whatever the input is named', () => {
    const html = '<label for="f7">银行账号</label><input id="f7" name="x7" value="6222020200112233445">';
    expect(redactDom(html)).toBe('<label for="f7">银行账号</label><input id="f7" name="x7" value="******">');
  });

  it('reads attributes with quotes and ">" correctly', () => {
    const html = `<input title="a > b value=keep" name='cvv' value='987'><input data-value="1" name="coupon" value="SAVE10">`;
    expect(redactDom(html)).toBe(
      `<input title="a > b value=keep" name='cvv' value="******"><input data-value="1" name="coupon" value="SAVE10">`,
    );
  });

  it('reads input tags in any case, wherever they are written, and only whole ones', () => {
    expect(redactDom('<INPUT NAME="cvv" VALUE="987"><Input name=pwd value=x1>')).toBe(
      '<INPUT NAME="cvv" VALUE="******"><Input name=pwd value="******">',
    );
    // Written inside another tag's attribute it is masked too (more masking is safe); inside an
    // input's own attribute it is part of that input.
    expect(redactDom(`<img alt='<input name="cvv" value="987">'><input name="coupon" value="SAVE10">`)).toBe(
      `<img alt='<input name="cvv" value="******">'><input name="coupon" value="SAVE10">`,
    );
    expect(redactDom(`<input data-note='<input name="cvv" value="987">' name="coupon" value="SAVE10">`)).toBe(
      `<input data-note='<input name="cvv" value="987">' name="coupon" value="SAVE10">`,
    );
    expect(redactDom('<inputx name="cvv" value="987"><input-box name="cvv" value="987">')).toBe(
      '<inputx name="cvv" value="987"><input-box name="cvv" value="987">',
    );
    expect(redactDom('<input name="cvv" value="987"')).toBe('<input name="cvv" value="987"');
  });

  it('never lets a sensitive input value through, whatever the attribute order', () => {
    const attribute = fc.constantFrom(
      'class="input"',
      'inputmode="numeric"',
      'maxlength="4"',
      'style="width:1px"',
      'data-x="y"',
    );
    fc.assert(
      fc.property(
        fc.constantFrom(
          'name="cvv"',
          'autocomplete="cc-csc"',
          'type="password"',
          'id="card-number"',
          'name="bankAccount"',
          'placeholder="身份证号"',
        ),
        fc.array(attribute, { maxLength: 3 }),
        fc.stringMatching(/^[A-Za-z0-9!#%+-]{3,12}$/),
        fc.boolean(),
        (sensitive, others, secret, valueFirst) => {
          const value = `value="${secret}"`;
          const attrs = valueFirst ? [value, ...others, sensitive] : [sensitive, ...others, value];
          const out = redactDom(`<p>x</p><input ${attrs.join(' ')}>`);
          return !out.includes(`"${secret}"`);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('removes scripts, inline handlers and javascript: URLs from the hostile fixture', () => {
    const out = stripActiveContent(fixture('console.cloud.tencent.com/expense/deal/detail/hostile.html'));
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/<[^>]+\son\w+\s*=/i);
    expect(out).not.toMatch(/\shref\s*=\s*["']?\s*javascript:/i);
    expect(
      stripActiveContent('<img alt="a>b" onerror="alert(1)" src=x><a href="javascript:alert(1)" onclick=go()>x</a>'),
    ).toBe('<img alt="a>b" src=x><a href="#">x</a>');
  });

  it('gives the same copy when it reads only the tags that may be active (markup the browser serialised)', () => {
    const pages = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    const crafted = [
      '<p>onclick = in prose, javascript too</p><a href="javascript:go()" title="x>y">a</a><b onmouseover=x>b</b>',
      '<div data-x="a>b" onclick="f()">x</div><!-- <i onload=y> --><svg><a xlink:href="javascript:z">s</a></svg>',
      '<img src=x onerror=alert(1)><form action="JAVASCRIPT:go()"><button formaction=vbscript:x>b</button></form>',
      '<a href="data:text/html,hi" onfocus="x"\nonblur="y">d</a> trailing onclick= text <i>',
    ];
    for (const html of [...pages.map(fixture), ...crafted]) {
      expect(stripActiveContentSerialised(html)).toBe(stripActiveContent(html));
    }
    expect(stripActiveContentSerialised(crafted[0]!)).toBe(
      '<p>onclick = in prose, javascript too</p><a href="#" title="x>y">a</a><b>b</b>',
    );
  });
});

describe('prepareCapture', () => {
  it('redacts text, DOM, fields and note, and marks the DOM inert', async () => {
    const prepared = await prepareCapture(
      orderPayload({
        text: '卡号 4111 1111 1111 1111 身份证 11010519491231002X',
        dom: fixture('buy.cloud.tencent.com/payment/card.html'),
        fields: { orderId: '20261122110521583201', account: '4111111111111111' },
        note: '用卡 4111111111111111 支付',
      }),
      null,
      T0,
    );
    const stored = JSON.stringify(prepared);
    for (const value of SEEDED) expect(stored).not.toContain(value);
    expect(prepared.dom).toMatch(/^<!-- Refund Guard/);
    expect(prepared.dom).toContain("default-src 'none'");
    expect(prepared.dom).not.toMatch(/<script/i);
    expect(prepared.redactions.cards).toBeGreaterThanOrEqual(3);
    expect(prepared.redactions.secrets).toBeGreaterThanOrEqual(3);
    expect(prepared.capturedAt).toBe('2026-11-22T02:00:00.000Z');
    expect(prepared.capturedAtShanghai).toBe('2026-11-22T10:00:00+08:00');
    expect(prepared.parts.text.sha256).toBe(await sha256Hex(prepared.text));
  });

  it('keeps the bytes a page part arrived as when redaction leaves it alone, and encodes what it changed', async () => {
    const encode = (s: string) => new TextEncoder().encode(s);
    const plain = orderPayload({
      text: '订单号 20261122110521583201 已支付',
      dom: '<p>订单号 20261122110521583201</p>',
    });
    // The copy's bytes are the stored copy's: the preamble, then the page.
    const received = { text: encode(plain.text), dom: encode(DOM_PREAMBLE + plain.dom) };
    const kept = await prepareCapture(plain, null, T0, received);
    expect(kept.textBytes).toBe(received.text);
    expect(kept.domBytes).toBe(received.dom);
    expect([...kept.domBytes]).toEqual([...encode(kept.dom)]);
    expect(kept.parts.text.sha256).toBe(await sha256Hex(kept.text));
    expect(kept.parts.dom.sha256).toBe(await sha256Hex(kept.dom));
    // Same result as without the bytes.
    expect((await prepareCapture(plain, null, T0)).parts).toEqual(kept.parts);

    const card = orderPayload({ text: '卡号 4111 1111 1111 1111', dom: '<p>卡号 4111111111111111</p>' });
    const changed = await prepareCapture(card, null, T0, {
      text: encode(card.text),
      dom: encode(DOM_PREAMBLE + card.dom),
    });
    expect(new TextDecoder().decode(changed.textBytes)).toBe('卡号 **** **** **** 1111');
    expect(new TextDecoder().decode(changed.domBytes)).toBe(changed.dom);
    expect(changed.dom).not.toContain('4111111111111111');
    expect(changed.parts.dom.sha256).toBe(await sha256Hex(changed.dom));
  });

  it('prepares a text that came ahead of its capture into the very capture that carries it', async () => {
    for (const text of [
      '订单号 20261122110521583201 已支付',
      '卡号 4111 1111 1111 1111 身份证 11010519491231002X 对公账号 6222 0202 0011 2233 445',
      '',
    ]) {
      const payload = orderPayload({ text, dom: fixture('buy.cloud.tencent.com/payment/card.html') });
      const carried = await prepareCapture(payload, null, T0);
      const ahead = await prepareCapture({ ...payload, text: '' }, null, T0, { preparedText: await prepareText(text) });
      expect(ahead).toEqual(carried);
    }
    // One text, from one place: a capture with a text ahead carries none of its own.
    await expect(
      prepareCapture(orderPayload(), null, T0, { preparedText: await prepareText('订单号 20261122110521583201') }),
    ).rejects.toMatchObject({ reason: 'invalid' });
  });

  it('rejects oversized and malformed payloads with a reason', async () => {
    await expect(prepareCapture(orderPayload({ text: 'x'.repeat(1_000_001) }), null, T0)).rejects.toMatchObject({
      reason: 'too-large',
    });
    await expect(prepareCapture(orderPayload({ url: 'not a url' }), null, T0)).rejects.toBeInstanceOf(CaptureRejected);
    await expect(prepareCapture(orderPayload({ fields: { 'bad key': 1 } }), null, T0)).rejects.toMatchObject({
      reason: 'invalid',
    });
    const many = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`f${i}`, i]));
    await expect(prepareCapture(orderPayload({ fields: many }), null, T0)).rejects.toBeInstanceOf(CaptureRejected);
  });
});

describe('the hash chain', () => {
  it('links snapshots, notes and tombstones from genesis and verifies', async () => {
    const ledger = memoryLedger();
    const a = await ledger.capture(orderPayload(), at(0));
    await ledger.note(a.id, '客服答应 3 个工作日内退款', at(1));
    const b = await ledger.capture(
      orderPayload({
        url: 'http://letsvpn.world/account/orders',
        match: { vendor: 'letsvpn', kind: 'order' },
        fields: {},
      }),
      at(2),
    );
    await ledger.remove(b.id, at(3));
    expect(ledger.entries.map((e) => e.type)).toEqual(['snapshot', 'note', 'snapshot', 'tombstone']);
    expect(ledger.entries[0]!.prevHash).toBe(GENESIS_HASH);
    expect(ledger.entries[1]!.prevHash).toBe(ledger.entries[0]!.hash);
    expect(await verifyChain(ledger.entries)).toMatchObject({ ok: true, length: 4 });
  });

  it('breaks at an edited, removed or reordered entry', async () => {
    const ledger = memoryLedger();
    for (let i = 0; i < 4; i++)
      await ledger.capture(orderPayload({ fields: { orderId: `2026111800000000000${i}` } }), at(i));
    const edited = ledger.entries.map((e, i) =>
      i === 1 ? { ...e, bodyHash: e.bodyHash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) } : e,
    );
    expect((await verifyChain(edited)).problems).toContainEqual({ kind: 'hash', seq: 2 });
    const removed = ledger.entries.filter((_, i) => i !== 1);
    expect((await verifyChain(removed)).ok).toBe(false);
    const swapped = [ledger.entries[0]!, ledger.entries[2]!, ledger.entries[1]!, ledger.entries[3]!];
    expect((await verifyChain(swapped)).problems.map((p) => p.kind)).toContain('link');
  });

  it('keeps nothing new when the same page shows the same thing, and links a changed status to the earlier snapshot', async () => {
    const ledger = memoryLedger();
    const first = await ledger.capture(orderPayload(), at(0));
    expect(await ledger.capture(orderPayload({ source: 'manual' }), at(5))).toEqual({ id: first.id, deduped: true });
    const refunded = await ledger.capture(
      orderPayload({
        text: '订单号 20261118105822371604 状态 已退款',
        fields: { orderId: '20261118105822371604', status: '已退款', amountPaid: 3145.37 },
      }),
      at(60),
    );
    expect(refunded.deduped).toBe(false);
    expect(ledger.snapshots.get(refunded.id)!.body.previousSnapshotId).toBe(first.id);
    expect(ledger.entries).toHaveLength(2);
  });
});

async function sampleBundle(signer?: BundleSigner) {
  const ledger = memoryLedger({ signer });
  const a = await ledger.capture(orderPayload(), at(0), new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]));
  await ledger.note(a.id, '已截图留存', at(1));
  await ledger.capture(
    orderPayload({
      url: 'http://console.cloud.tencent.com/expense/deal/detail?dealName=hostile',
      title: '<img src=x onerror=alert(1)>',
      text: '"><script>alert(1)</script>',
      fields: { orderId: '<svg onload=alert(1)>', product: '${7*7}', paid: true },
      note: '<b>备注</b>',
    }),
    at(2),
  );
  const gone = await ledger.capture(orderPayload({ fields: { orderId: '1' } }), at(3));
  await ledger.remove(gone.id, at(4));
  return { ledger, ...(await ledger.bundle(at(10))) };
}

describe('bundle', () => {
  it('holds a manifest, an index and every snapshot file, and verifies', async () => {
    const { zip, manifest } = await sampleBundle();
    const names = Object.keys(unzipSync(zip));
    expect(names[0]).toBe('manifest.json');
    expect(names).toContain('index.html');
    expect(names).toContain('snapshots/snap-000001/screenshot.jpg');
    expect(names).toContain('snapshots/snap-000003/fields.json');
    expect(names.some((n) => n.includes('snap-000004'))).toBe(false); // deleted: entry kept, content gone
    expect(manifest.chain.entries.map((e) => e.type)).toEqual([
      'snapshot',
      'note',
      'snapshot',
      'snapshot',
      'tombstone',
    ]);
    const report = await verifyBundle(zip);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, chain: { ok: true, length: 5, tombstones: 1, withContent: 2 } });
    expect(report.snapshots.map((s) => s.id)).toEqual(['snap-000001', 'snap-000003']);
    expect(report.files.every((f) => f.status === 'ok')).toBe(true);
  });

  it('is reproducible from the same content: only the (randomised) signature value differs', async () => {
    const one = await sampleBundle();
    const two = await sampleBundle(await one.ledger.signer());
    expect(contentOf(one.zip)).toEqual(contentOf(two.zip));
    expect(one.manifest.signature.fingerprint).toBe(two.manifest.signature.fingerprint);
    expect((await verifyBundle(two.zip)).ok).toBe(true);
  });

  it('renders page strings in index.html as inert text under a no-script policy', async () => {
    const { zip } = await sampleBundle();
    const index = new TextDecoder().decode(unzipSync(zip)['index.html']);
    expect(index).toContain("default-src 'none'");
    expect(index).not.toMatch(/<img src=x|<svg|<script|<b>备注/);
    expect(index).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(index).toContain('&lt;svg onload=alert(1)&gt;');
    expect(index).toContain('已截图留存');
    expect(escapeHtml(`<a href="x" title='y'>&`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;');
  });

  it('exports a selection with the whole chain, so the selection verifies alone', async () => {
    const { ledger } = await sampleBundle();
    const { zip } = await ledger.bundle(at(20), ['snap-000003']);
    const report = await verifyBundle(zip);
    expect(report.ok).toBe(true);
    expect(report.snapshots.map((s) => s.id)).toEqual(['snap-000003']);
    expect(report.chain).toMatchObject({ length: 5, withContent: 1 });
  });
});

describe('verifyBundle finds tampering', () => {
  const kinds = async (zip: Uint8Array) => (await verifyBundle(zip)).problems.map((p) => p.kind);

  it('says clearly when the input is not a ZIP or is truncated', async () => {
    expect(await kinds(strToU8('hello'))).toEqual(['not-zip']);
    const { zip } = await sampleBundle();
    for (const cut of [1, 22, 100, Math.floor(zip.length / 2)]) {
      const report = await verifyBundle(zip.slice(0, zip.length - cut));
      expect(report.ok, `cut ${cut}`).toBe(false);
    }
  });

  it('detects any single-byte change anywhere in the archive', async () => {
    const { zip } = await sampleBundle();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: zip.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (offset, delta) => {
          const copy = zip.slice();
          copy[offset] = (copy[offset]! + delta) & 0xff;
          const report = await verifyBundle(copy);
          return !report.ok && report.problems.length > 0;
        },
      ),
      { numRuns: 60 },
    );
  });

  it('detects any truncation', async () => {
    const { zip } = await sampleBundle();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: zip.length }),
        async (cut) => !(await verifyBundle(zip.slice(0, zip.length - cut))).ok,
      ),
      { numRuns: 40 },
    );
  });

  it('names the altered file when a byte of its content changes', async () => {
    const { zip } = await sampleBundle();
    const text = new TextEncoder().encode('订单详情 订单号');
    // index.html quotes the text first; the last occurrence is text.txt itself.
    const offset = Buffer.from(zip).lastIndexOf(Buffer.from(text));
    const copy = zip.slice();
    copy[offset + text.length - 1] = copy[offset + text.length - 1]! ^ 1;
    const report = await verifyBundle(copy);
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'file-altered', path: 'snapshots/snap-000001/text.txt' }),
      expect.objectContaining({ kind: 'content-mismatch', id: 'snap-000001' }),
    ]);
    expect(report.files.find((f) => f.path === 'snapshots/snap-000001/text.txt')?.status).toBe('altered');
    expect(report.snapshots.find((s) => s.id === 'snap-000001')?.ok).toBe(false);
    expect(report.snapshots.find((s) => s.id === 'snap-000003')?.ok).toBe(true);
  });

  it('lists removed, added and reordered files', async () => {
    const { zip } = await sampleBundle();
    const files = Object.entries(unzipSync(zip));
    const removed = zipFiles(files.filter(([n]) => n !== 'snapshots/snap-000003/dom.html'));
    expect((await verifyBundle(removed)).problems).toContainEqual({
      kind: 'file-missing',
      path: 'snapshots/snap-000003/dom.html',
    });
    const added = zipFiles([...files, ['snapshots/snap-000001/extra.txt', strToU8('planted')]]);
    expect((await verifyBundle(added)).problems).toContainEqual({
      kind: 'file-added',
      path: 'snapshots/snap-000001/extra.txt',
    });
    const reordered = zipFiles([files[0]!, files[2]!, files[1]!, ...files.slice(3)]);
    expect(await kinds(reordered)).toEqual(['files-reordered']);
  });

  it('catches an edited manifest even when its own hash is recomputed', async () => {
    const { zip } = await sampleBundle();
    const files = Object.entries(unzipSync(zip));
    const manifest = JSON.parse(new TextDecoder().decode(files[0]![1]));
    manifest.snapshots[0].body.fields.status = '未支付';
    const { manifestHash } = await import('./bundle');
    manifest.manifestSha256 = await manifestHash(manifest);
    const forged = zipFiles([['manifest.json', strToU8(canonicalJsonPretty(manifest))], ...files.slice(1)]);
    const report = await verifyBundle(forged);
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'content-mismatch', id: 'snap-000001' }));
  });

  it('catches snapshots swapped in the chain', async () => {
    const { zip } = await sampleBundle();
    const files = Object.entries(unzipSync(zip));
    const manifest = JSON.parse(new TextDecoder().decode(files[0]![1]));
    const e = manifest.chain.entries;
    [e[0], e[2]] = [e[2], e[0]];
    const { manifestHash } = await import('./bundle');
    manifest.manifestSha256 = await manifestHash(manifest);
    const forged = zipFiles([['manifest.json', strToU8(canonicalJsonPretty(manifest))], ...files.slice(1)]);
    expect(await kinds(forged)).toContain('chain-broken');
  });
});

describe('reports and queries', () => {
  it('reports in Chinese and English, naming what failed', async () => {
    const { zip } = await sampleBundle();
    const ok = formatReport(await verifyBundle(zip), translator('zh-CN'));
    expect(ok).toMatch(/^✔ 校验通过：/);
    expect(ok).toContain('snap-000001');
    const copy = zip.slice();
    copy[copy.length - 30] = copy[copy.length - 30]! ^ 0xff;
    const bad = formatReport(await verifyBundle(copy), translator('en'));
    expect(bad).toMatch(/^✘ Verification failed: (1 problem|\d+ problems) found\./);
  });

  it('filters by vendor, order number, Beijing date and text', async () => {
    const { ledger } = await sampleBundle();
    const items = [...ledger.snapshots.values()].map((s) => ({
      body: s.body,
      text: s.text,
      notes: s.notes.map((n) => n.body.text),
    }));
    const ids = (q: object) => items.filter((i) => matchesQuery(i, listQuerySchema.parse(q))).map((i) => i.body.id);
    expect(ids({ vendor: 'tencent-cloud' })).toEqual(['snap-000001', 'snap-000003']);
    expect(ids({ orderId: '2026111810' })).toEqual(['snap-000001']);
    expect(ids({ from: '2026-11-22', to: '2026-11-22' })).toHaveLength(2);
    expect(ids({ to: '2026-11-21' })).toEqual([]);
    expect(ids({ search: '已截图' })).toEqual(['snap-000001']);
    expect(ids({ search: 'ALERT(1)' })).toEqual(['snap-000003']);
  });
});
