import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detectPage, detectionText, DETECT_TEXT_LIMIT } from '../../lib/detect';
import { findLabelled, MAX_SCANNED_ELEMENTS } from '../../lib/extract/labels';
import { MAX_VALUE_LENGTH } from '../../lib/extract/normalize';
import { extractOrder, extractOrderList } from '../../lib/extract/order';
import { PAGE_KINDS, SHIPPED_VENDORS } from '../../lib/vendors/types';

/**
 * Detection and extraction run on pages nobody controls: random and hostile
 * HTML, huge and deeply nested documents, labels placed to mislead. They must
 * never throw, do bounded work (counted, not timed) and hand back plain text.
 */

const SEED = 20261122;
const runs = (numRuns: number) => ({ seed: SEED, numRuns });
// linkedom: a fast DOM for thousands of generated pages (jsdom behaves the same here, slower).
const parse = (html: string) =>
  parseHTML(`<!doctype html><html><head><title>t</title></head><body>${html}</body></html>`)
    .document as unknown as Document;

const LABELS = [
  '订单号',
  '订单编号',
  'Order ID',
  '订单状态',
  '状态',
  '实付金额',
  '支付时间',
  '创建时间',
  '产品名称',
  '购买时长',
  '代金券',
  '订单金额',
];
const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '"><script>alert(document.domain)</script>',
  "javascript:alert('x')",
  '${7*7}{{7*7}}',
  '\u202e00000000\u200b',
  '１２３４５６７８９０',
  '-99999999.99',
  '1e308',
  'NaN',
  '<svg onload=alert(1)>',
  '</dd></dl><iframe src=javascript:alert(1)>',
  '&lt;b&gt;',
];
const TAGS = [
  'div',
  'span',
  'dl',
  'dt',
  'dd',
  'td',
  'th',
  'p',
  'li',
  'b',
  'label',
  'section',
  'table',
  'tr',
  'strong',
  'em',
];

/** Random text with no markup characters, so any markup in an extracted value would have come from the DOM. */
const plainText = fc.stringMatching(/^[\p{L}\p{N} ：:¥,.\-/年月日\u3000\u00a0\u202e\u200b]{0,60}$/u);

/** A random DOM tree (as HTML) mixing labels, hostile strings and nesting. */
const htmlTree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    plainText,
    fc.constantFrom(...LABELS.map((l) => `${l}：`), ...LABELS),
    fc.constantFrom(...HOSTILE),
    fc
      .tuple(fc.constantFrom(...TAGS), fc.array(tie('node'), { maxLength: 5 }))
      .map(([tag, kids]) => `<${tag}>${kids.join('')}</${tag}>`),
  ),
})).node;

/** Strings that look like URLs of every kind, vendor hosts included. */
const anyUrl = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(
    'http://console.cloud.tencent.com/expense/deal/detail?dealName=%E0%A4%A',
    'http://console.cloud.tencent.com./deal',
    'https://buy.cloud.tencent.com.evil.example/cvm',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'http://[::1]/',
    'http://exmail.qq.com/%',
  ),
  fc.string({ maxLength: 200 }),
);

describe('detectPage on arbitrary input', () => {
  it('never throws and answers null or a known vendor and page kind', () => {
    fc.assert(
      fc.property(anyUrl, fc.option(fc.string({ maxLength: 2000 }), { nil: undefined }), (url, text) => {
        const match = detectPage(url, text);
        if (match === null) return;
        expect(SHIPPED_VENDORS).toContain(match.vendor);
        expect(PAGE_KINDS).toContain(match.kind);
      }),
      runs(800),
    );
  });

  it(`reads at most ${DETECT_TEXT_LIMIT.toLocaleString('en')} characters of page text, however long the page`, () => {
    // Checkout words only past the limit: read, they would make the page a generic checkout.
    const huge = fc.tuple(
      fc.string({ maxLength: 100 }),
      fc.constantFrom('x', '说明 ', 'lorem ipsum '),
      fc.constantFrom('购买 结算 立即支付 ¥ 99.00', '订单详情 确认订单 支付 ¥1', ''),
    );
    fc.assert(
      fc.property(huge, ([prefix, filler, tail]) => {
        const padding = filler.repeat(Math.ceil(DETECT_TEXT_LIMIT / filler.length));
        const text = (prefix + padding).slice(0, DETECT_TEXT_LIMIT) + tail;
        expect(detectPage('http://shop.example.com/buy', text)).toBeNull();
        expect(detectPage('http://shop.example.com/buy', text)).toEqual(
          detectPage('http://shop.example.com/buy', text.slice(0, DETECT_TEXT_LIMIT)),
        );
        expect(detectionText('t', text).length).toBeLessThanOrEqual(DETECT_TEXT_LIMIT);
        // The same words within the limit are read.
        if (tail) expect(detectPage('http://shop.example.com/buy', `${tail}\n${text}`)).not.toBeNull();
      }),
      runs(20),
    );
  });
});

describe('extraction on random and hostile HTML', () => {
  it('never throws, and every value is bounded plain text or a finite number', () => {
    fc.assert(
      fc.property(fc.array(htmlTree, { maxLength: 12 }), (parts) => {
        const doc = parse(parts.join(''));
        const { fields, confidence, found, missing } = extractOrder(doc);
        expect(confidence).toBeGreaterThanOrEqual(0);
        expect(confidence).toBeLessThanOrEqual(1);
        expect(found.length + missing.length).toBe(10);
        for (const rows of [[fields], extractOrderList(doc)]) {
          for (const row of rows) {
            for (const value of Object.values(row)) {
              if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
              else {
                expect(typeof value).toBe('string');
                expect((value as string).length).toBeLessThanOrEqual(MAX_VALUE_LENGTH);
              }
            }
          }
        }
      }),
      runs(300),
    );
  }, 120_000);

  it('takes values from text, never from markup: child elements of a value never show up as tags', () => {
    const valueMarkup = fc.array(
      fc.oneof(
        plainText,
        fc.constantFrom(
          '<b>加粗</b>',
          '<img src=x onerror="alert(1)">',
          '<script>alert(1)</script>',
          '<a href="javascript:alert(1)">链接</a>',
          '<span style="display:none">隐藏</span>',
        ),
      ),
      {
        minLength: 1,
        maxLength: 5,
      },
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...LABELS),
        valueMarkup,
        fc.constantFrom('dl', 'table', 'span'),
        (label, value, layout) => {
          const inner = value.join('');
          const html =
            layout === 'dl'
              ? `<dl><dt>${label}</dt><dd>${inner}</dd></dl>`
              : layout === 'table'
                ? `<table><tbody><tr><th>${label}</th><td>${inner}</td></tr></tbody></table>`
                : `<div><span>${label}：</span><span>${inner}</span></div>`;
          const { fields } = extractOrder(parse(html));
          for (const v of Object.values(fields)) {
            if (typeof v !== 'string') continue;
            expect(v).not.toMatch(/<\/?[a-z][^>]*>/i);
            expect(v).not.toContain('onerror');
          }
        },
      ),
      runs(300),
    );
  }, 120_000);

  it('cuts every value to a bounded length, however long the text next to a label', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LABELS),
        fc.integer({ min: MAX_VALUE_LENGTH + 1, max: 20_000 }),
        fc.constantFrom('dl', 'inline'),
        (label, length, layout) => {
          const value = '产品名称很长'.repeat(Math.ceil(length / 6)).slice(0, length);
          const doc = parse(
            layout === 'dl'
              ? `<dl><dt>${label}</dt><dd>${value}</dd></dl>`
              : `<td>${label}：${value.slice(0, 60)}</td>`,
          );
          for (const hit of findLabelled(doc, LABELS)) expect(hit.value.length).toBeLessThanOrEqual(MAX_VALUE_LENGTH);
          for (const v of Object.values(extractOrder(doc).fields))
            if (typeof v === 'string') expect(v.length).toBeLessThanOrEqual(MAX_VALUE_LENGTH);
        },
      ),
      runs(60),
    );
  });

  it('the first real label wins and later fake labels are flagged as conflicts, not obeyed', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{20}$/),
        fc.array(fc.stringMatching(/^FAKE-\d{6}$/), { minLength: 1, maxLength: 30 }),
        (orderId, fakes) => {
          const late = fakes.map((f) => `<dt>订单号</dt><dd>${f}</dd>`).join('');
          const doc = parse(
            `<dl><dt>订单号</dt><dd>${orderId}</dd></dl><p>说明：订单号 请以短信为准</p><dl id="late">${late}</dl>`,
          );
          const result = extractOrder(doc);
          expect(result.fields.orderId).toBe(orderId);
          expect(result.conflicts).toContain('orderId');
        },
      ),
      runs(100),
    );
  }, 120_000);
});

describe('bounded work on huge and deeply nested pages (counted, not timed)', () => {
  /** A root whose element list counts every element the scan touches. */
  function countingRoot(doc: Document) {
    let touched = 0;
    let lists = 0;
    const root = {
      querySelectorAll(selector: string) {
        lists++;
        const list = doc.querySelectorAll(selector);
        return new Proxy(list, {
          get(target, key, receiver) {
            if (typeof key === 'string' && /^\d+$/.test(key)) touched++;
            const value = Reflect.get(target, key, receiver);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        });
      },
    } as unknown as ParentNode;
    return { root, touched: () => touched, lists: () => lists };
  }

  it(`looks at no more than ${MAX_SCANNED_ELEMENTS.toLocaleString('en')} elements, however many the page has`, () => {
    for (const rows of [100, 5_000, 12_000]) {
      const body = Array.from(
        { length: rows },
        (_, i) => `<tr><td>订单号：2026${String(i).padStart(16, '0')}</td><td>已支付</td></tr>`,
      ).join('');
      const doc = parse(`<table><tbody>${body}</tbody></table>`);
      const counter = countingRoot(doc);
      const hits = findLabelled(counter.root, LABELS);
      expect(counter.lists()).toBe(1);
      expect(counter.touched()).toBeLessThanOrEqual(MAX_SCANNED_ELEMENTS);
      // Two cells a row match the label selector: a small page is read whole, a huge one up to the cap.
      expect(counter.touched()).toBe(Math.min(rows * 2, MAX_SCANNED_ELEMENTS));
      expect(hits.length).toBe(Math.min(rows, MAX_SCANNED_ELEMENTS / 2));
    }
  }, 120_000);

  it('reads at most 500 rows of a huge order list and at most 50 tables', () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `<tr><td>2026${String(i).padStart(16, '0')}</td><td>已支付</td></tr>`,
    ).join('');
    const decoys = '<table><tr><td>无关</td></tr></table>'.repeat(60);
    expect(
      extractOrderList(
        parse(`<table><thead><tr><th>订单号</th><th>订单状态</th></tr></thead><tbody>${rows}</tbody></table>`),
      ).length,
    ).toBe(500);
    // The real list after 60 unrelated tables is beyond the scan: bounded, not found.
    expect(
      extractOrderList(parse(`${decoys}<table><thead><tr><th>订单号</th></tr></thead><tbody>${rows}</tbody></table>`)),
    ).toEqual([]);
  }, 120_000);

  it('survives a document nested thousands of levels deep', () => {
    const doc = parse('');
    let parent: Element = doc.body;
    for (let i = 0; i < 3000; i++) {
      const div = doc.createElement(i % 2 ? 'div' : 'span');
      parent.appendChild(div);
      parent = div;
    }
    parent.innerHTML = '<dl><dt>订单号</dt><dd>20261118105822371604</dd><dt>实付金额</dt><dd>¥3,145.37</dd></dl>';
    const { fields } = extractOrder(doc);
    expect(fields).toMatchObject({ orderId: '20261118105822371604', amountPaid: 3145.37 });
    expect(
      detectPage(
        'http://console.cloud.tencent.com/expense/deal/detail',
        detectionText(doc.title, doc.body.textContent ?? ''),
      ),
    ).toEqual({ vendor: 'tencent-cloud', kind: 'order' });
  }, 120_000);

  it('ignores a label buried in a huge text block instead of scanning it', () => {
    const wall = `订单号：${'9'.repeat(20)} `.repeat(20_000);
    const { fields } = extractOrder(parse(`<div>${wall}</div><dl><dt>订单号</dt><dd>20261118105822371604</dd></dl>`));
    expect(fields.orderId).toBe('20261118105822371604');
  }, 120_000);
});
