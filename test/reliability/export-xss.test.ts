import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { INDEX_PATH } from '../../lib/evidence';
import { memoryLedger, orderPayload } from '../../lib/evidence/testing/ledger';

/**
 * Whatever a page wrote — its title, its order fields, its text — and whatever
 * the user typed as a note ends up in the bundle's index.html as text: opening
 * the index runs nothing and loads nothing a page chose.
 */

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(1)></iframe>",
  '</title><script>alert(document.domain)</script>',
  '</td></tr></table><object data=x></object>',
  '<a href="javascript:alert(1)">点我</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '\u202e<b>反转</b>\u200b',
  '<style>@import "http://evil.example/x.css";</style>',
  '<form action="http://evil.example"><button>提交</button></form>',
];

const T0 = new Date('2026-11-22T02:00:00Z');
const payload = fc.oneof(
  fc.constantFrom(...PAYLOADS),
  fc.tuple(fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 20 })).map(([p, s]) => `${s}${p}${s}`),
);

/** What the ledger stored, as a bundle, and the index parsed by a real HTML parser (scripts never run). */
async function exportedIndex(
  title: string,
  fields: Record<string, string>,
  text: string,
  note: string,
  userNote: string,
  url = 'http://console.cloud.tencent.com/expense/deal/detail?dealName=%3Cscript%3E',
) {
  const ledger = memoryLedger();
  const { id } = await ledger.capture(
    orderPayload({ title, fields: { orderId: '20261118105822371604', ...fields }, text, note, url }),
    T0,
    new Uint8Array([0xff, 0xd8, 0xff, 0xd9]),
  );
  await ledger.note(id, userNote, new Date(T0.getTime() + 60_000));
  const { zip } = await ledger.bundle(new Date(T0.getTime() + 120_000));
  const html = new TextDecoder().decode(unzipSync(zip)[INDEX_PATH]);
  return { html, doc: new JSDOM(html).window.document };
}

function expectInert(doc: Document) {
  expect(
    doc.querySelectorAll(
      'script, iframe, frame, object, embed, svg, math, form, base, link, style:not(head > style), meta[http-equiv="refresh"]',
    ),
  ).toHaveLength(0);
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      expect(attr.name, `${el.tagName} ${attr.name}`).not.toMatch(/^on/i);
      expect(attr.value, `${el.tagName} ${attr.name}`).not.toMatch(/^\s*javascript:/i);
    }
  }
  // The only image is the snapshot's own screenshot; the only links are the page's http(s) URL, files and anchors.
  for (const img of Array.from(doc.querySelectorAll('img')))
    expect(img.getAttribute('src')).toMatch(/^snapshots\/snap-\d{6}\/screenshot\.jpg$/);
  for (const a of Array.from(doc.querySelectorAll('a[href]')))
    expect(a.getAttribute('href')).toMatch(/^(https?:\/\/|#snap-\d{6}$|snapshots\/snap-\d{6}\/)/);
  expect(doc.querySelectorAll('head > style')).toHaveLength(1);
  expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain(
    "default-src 'none'",
  );
}

describe('XSS payloads in the exported HTML index', () => {
  it('every known payload in title, fields, page text and notes stays text', async () => {
    for (const p of PAYLOADS) {
      const { doc } = await exportedIndex(
        `订单详情 ${p}`,
        { product: p, status: p },
        `订单号 20261118105822371604 ${p}`,
        p,
        `备注 ${p}`,
      );
      expectInert(doc);
      // Shown to the reader as written.
      expect(doc.querySelector('section h2')!.textContent).toBe(`订单详情 ${p}`);
      const cells = Array.from(doc.querySelectorAll('section td'), (td) => td.textContent);
      expect(cells).toContain(p);
      expect(doc.querySelector('details pre')!.textContent).toContain(p);
    }
  });

  it('a page URL with a script scheme is shown, never linked', async () => {
    for (const url of [
      'javascript:alert(document.domain)//http://x',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'JaVaScRiPt:alert(1)',
    ]) {
      const { doc } = await exportedIndex('订单详情', {}, '订单', '', '备注', url);
      expectInert(doc);
      expect(doc.body.textContent).toContain(url);
    }
  });

  it('random mixtures of payloads stay text (property)', async () => {
    await fc.assert(
      fc.asyncProperty(payload, payload, payload, payload, async (title, field, text, note) => {
        const { doc } = await exportedIndex(title, { product: field }, text, note, note || '备注');
        expectInert(doc);
      }),
      { seed: 20261122, numRuns: 60 },
    );
  }, 120_000);
});
