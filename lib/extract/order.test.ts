import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { fixturePages, markupFile, type FixturePage } from '../../test/fixtures/catalog';
import { extractOrder, extractOrderList, type OrderFields } from './order';
import { parseDateTime, parseMoney, parseTerm } from './normalize';

const SITES = resolve(import.meta.dirname, '../../test/fixtures/sites');
const dom = (html: string) => new JSDOM(html).window.document;

describe('normalisers', () => {
  it('read amounts as written on Chinese pages', () => {
    expect(parseMoney('3,145.37 元')).toBe(3145.37);
    expect(parseMoney('¥12,455.64')).toBe(12455.64);
    expect(parseMoney('0.00 元')).toBe(0);
    expect(parseMoney('免费')).toBeNull();
  });

  it('read dates and terms', () => {
    expect(parseDateTime('2026-11-18 10:58:22')).toBe('2026-11-18 10:58:22');
    expect(parseDateTime('2026/1/8 9:05')).toBe('2026-01-08 09:05:00');
    expect(parseDateTime('2026年11月21日')).toBe('2026-11-21');
    expect(parseTerm('3 年')).toBe('3年');
    expect(parseTerm('1个月')).toBe('1个月');
    expect(parseTerm('12 months')).toBe('12个月');
  });
});

describe('extractOrder by labels', () => {
  it('reads dt/dd pairs, inline "label：value" cells and label spans alike', () => {
    const doc = dom(`
      <dl><dt>订单号</dt><dd>20261118105822371604</dd><dt>订单状态</dt><dd><span>已支付</span></dd></dl>
      <table><tr><td>订单类型：续费</td><td><span>实付金额：</span><span>¥ 1,168.00</span></td></tr></table>`);
    const { fields, missing } = extractOrder(doc);
    expect(fields).toMatchObject({
      orderId: '20261118105822371604',
      status: '已支付',
      orderType: '续费',
      amountPaid: 1168,
    });
    expect(missing).toContain('paidAt');
  });

  it('treats markup in values as text', () => {
    const doc = dom(`<dl><dt>产品</dt><dd>&lt;img src=x onerror=alert(1)&gt;云服务器</dd></dl>`);
    expect(extractOrder(doc).fields.product).toBe('<img src=x onerror=alert(1)>云服务器');
  });

  it('reports conflicting values when a label appears twice with different values', () => {
    const doc = dom(
      `<dl><dt>订单号</dt><dd>20261118105822371604</dd></dl><div><span>订单号</span><span>FAKE-000000</span></div>`,
    );
    const result = extractOrder(doc);
    expect(result.fields.orderId).toBe('20261118105822371604');
    expect(result.conflicts).toEqual(['orderId']);
  });

  it('looks at a bounded number of elements on a huge page', () => {
    const filler = '<span>噪声</span>'.repeat(30_000);
    const doc = dom(`${filler}<dl><dt>订单号</dt><dd>20261118105822371604</dd></dl>`);
    expect(extractOrder(doc).fields.orderId).toBeUndefined();
  }, 30_000); // building a 30,000-element DOM in jsdom is slow on a loaded machine
});

describe('extraction accuracy on the order fixtures', () => {
  const ORDER_KEYS = [
    'orderId',
    'orderType',
    'status',
    'createdAt',
    'paidAt',
    'amount',
    'voucher',
    'amountPaid',
    'product',
    'term',
  ];
  const load = (page: FixturePage) => dom(readFileSync(join(SITES, markupFile(page)), 'utf8'));
  const details = fixturePages.filter(
    (p) =>
      p.kind === 'order' &&
      p.expected &&
      'orderId' in p.expected &&
      !('orderCount' in p.expected) &&
      !p.id.includes('hostile'),
  );
  const lists = fixturePages.filter((p) => p.kind === 'order' && p.expected && 'orderCount' in p.expected);

  it('has order detail and list fixtures to measure', () => {
    expect(details.length).toBeGreaterThanOrEqual(5);
    expect(lists.length).toBeGreaterThanOrEqual(2);
  });

  it.each(details.map((p) => [p.id, p] as const))(
    '%s: every field the page shows is found with its value',
    (_id, page) => {
      const { fields, confidence } = extractOrder(load(page));
      const expected = page.expected!;
      for (const key of Object.keys(expected).filter((k) => ORDER_KEYS.includes(k))) {
        expect(fields[key as keyof OrderFields], `${page.id}.${key}`).toEqual(expected[key]);
      }
      expect(confidence).toBeGreaterThan(0.7);
    },
  );

  it.each(lists.map((p) => [p.id, p] as const))('%s: every row of the list is read, the newest first', (_id, page) => {
    const rows = extractOrderList(load(page));
    const expected = page.expected!;
    expect(rows).toHaveLength(expected.orderCount as number);
    for (const key of Object.keys(expected).filter((k) => ORDER_KEYS.includes(k) && k !== 'term')) {
      expect(rows[0]![key as keyof OrderFields], `${page.id}.${key}`).toEqual(expected[key]);
    }
  });

  it('on the hostile order page, extracted values stay plain text and fake labels are flagged', () => {
    const hostile = fixturePages.find((p) => p.id.includes('hostile'))!;
    const result = extractOrder(load(hostile));
    for (const value of Object.values(result.fields))
      expect(typeof value === 'string' || typeof value === 'number').toBe(true);
    expect(result.found.length).toBeGreaterThan(0);
  });
});
