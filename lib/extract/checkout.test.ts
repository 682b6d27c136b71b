import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { fixturePages, markupFile } from '../../test/fixtures/catalog';
import { contentScriptHosts } from '../vendors/registry';
import { extractCheckout, termOf, type CheckoutFields } from './checkout';
import { termMonths } from './normalize';
import { riskFlags } from '../card/flags';

const SITES = resolve(import.meta.dirname, '../../test/fixtures/sites');
const HOSTS = new Set(contentScriptHosts());
const READ: readonly (keyof CheckoutFields)[] = [
  'product',
  'term',
  'autoRenew',
  'promoText',
  'price',
  'originalPrice',
  'channel',
  'orderType',
  'seats',
  'resellerPromise',
  'orderId',
  'digitalGoodsNotice',
  'renewalNotice',
];

function load(html: string, url = 'http://shop.example.com/checkout') {
  const doc = new JSDOM(html).window.document;
  return {
    doc,
    run: () =>
      extractCheckout(doc, { url, vendorHost: HOSTS.has(new URL(url).hostname), text: doc.body.textContent ?? '' }),
  };
}

const checkouts = fixturePages.filter((p) => p.kind === 'checkout' && p.expected);

describe('a renewal page whose banner says renewals get no five-day refund', () => {
  it('reads the banner, and the card flags it (quoting the banner, so the card keeps off it)', () => {
    const page = fixturePages.find((p) => p.id === 'tc-cvm-renew-1y')!;
    const { fields } = load(readFileSync(resolve(SITES, markupFile(page)), 'utf8'), page.url).run();
    expect(fields.orderType).toBe('续费');
    expect(fields.renewalNotice).toMatch(/^续费订单不适用五天无理由退还/);
    const flags = riskFlags('tencent-cloud', fields, 'zh-CN');
    expect(flags.map((f) => f.id)).toEqual(['renewal-no-five-day']);
    expect(flags[0]!.title).toBe('本单不享受五天无理由退款');
    expect(flags[0]!.evidence).toBe(fields.renewalNotice);
    // A new purchase's page says nothing of the kind: no flag.
    const other = fixturePages.find((p) => p.id === 'tc-cvm-checkout-1y-autorenew')!;
    expect(
      load(readFileSync(resolve(SITES, markupFile(other)), 'utf8'), other.url).run().fields.renewalNotice,
    ).toBeUndefined();
  });
});

describe('extractCheckout on the fixture purchase pages', () => {
  const rows = checkouts.map((page) => {
    const { run } = load(readFileSync(resolve(SITES, markupFile(page)), 'utf8'), page.url);
    return { page, result: run() };
  });

  it.each(rows.map((r) => [r.page.id, r] as const))(
    '%s: every value it reports is the one the page shows',
    (_id, { page, result }) => {
      for (const key of READ) {
        if (!(key in page.expected!)) continue;
        if (key in result.fields) expect(result.fields[key], key).toEqual(page.expected![key]);
      }
      // The promotion and the auto-renew state drive risk flags: they must never be missed or invented.
      expect(result.fields.promoText).toEqual(page.expected!.promoText);
      if ('autoRenew' in page.expected!) expect(result.fields.autoRenew).toBe(page.expected!.autoRenew);
    },
  );

  it('finds at least 95% of the fields the pages show', () => {
    let present = 0;
    let found = 0;
    for (const { page, result } of rows) {
      for (const key of READ) {
        if (!(key in page.expected!)) continue;
        present++;
        if (result.fields[key] === page.expected![key]) found++;
      }
    }
    expect(present).toBeGreaterThan(80);
    expect(found / present).toBeGreaterThanOrEqual(0.95);
  });
});

describe('extractCheckout reads controls as they are now', () => {
  const page = `
    <div class="row"><div class="lbl">购买时长</div><div class="val"><div role="radiogroup" aria-label="购买时长">
      <label><input type="radio" name="p" value="12" checked>1年<em>8.3折</em></label>
      <label><input type="radio" name="p" value="36">3年<em>5折</em></label></div></div></div>
    <div class="row"><div class="lbl">自动续费</div><div class="val"><label><input type="checkbox" id="ar"> 到期后自动续费</label></div></div>
    <div class="fee"><div class="lab">配置费用（1年）</div><div><span class="now">¥1,200.00</span><span class="was">¥1,500.00</span></div></div>`;

  it('follows the checked term and the auto-renew box', () => {
    const { doc, run } = load(page);
    expect(run().fields).toMatchObject({ term: '1年', autoRenew: false, price: 1200, originalPrice: 1500 });
    (doc.querySelector('input[value="36"]') as HTMLInputElement).checked = true;
    (doc.getElementById('ar') as HTMLInputElement).checked = true;
    expect(run().fields).toMatchObject({ term: '3年', autoRenew: true });
  });

  it('ignores hidden struck-through prices and says what it did not find', () => {
    const { run } = load(page.replace('class="was"', 'class="was" hidden'));
    const result = run();
    expect(result.fields.originalPrice).toBeUndefined();
    expect(result.missing).toContain('originalPrice');
    expect(result.missing).toContain('promoText');
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThan(1);
  });

  it('keeps markup in values as text', () => {
    const { run } = load(
      '<dl><dt>商品</dt><dd>&lt;img src=x onerror=alert(1)&gt; Pro</dd><dt>应付金额</dt><dd>¥9.90</dd></dl>',
    );
    const { fields } = run();
    expect(fields.product).toBe('<img src=x onerror=alert(1)> Pro');
    expect(fields.price).toBe(9.9);
  });

  it('reads a reseller page as the reseller channel, and the app store by its host', () => {
    expect(load('<p><b>代理商承诺：15 天无理由退订</b></p>').run().fields).toMatchObject({
      channel: 'reseller',
      resellerPromise: '代理商承诺：15 天无理由退订',
    });
    expect(load('<h1>某应用</h1>', 'http://apps.apple.com/cn/app/x/id1').run().fields.channel).toBe('app-store');
    expect(load('<p>代理商承诺：7天无理由退订</p>', 'http://buy.cloud.tencent.com/exmail').run().fields.channel).toBe(
      'official',
    );
  });

  it('does not read a coupon note as a non-refundable promotion', () => {
    expect(load('<div>开课后 7 天内按比例退款。优惠券抵扣部分不予退还。</div>').run().fields.promoText).toBeUndefined();
    expect(load('<div><b>限时特价，不支持退款。</b>特价套餐不可转让。</div>').run().fields.promoText).toBe(
      '限时特价，不支持退款',
    );
  });
});

describe('terms', () => {
  it('normalise the ways pages write them', () => {
    expect(termOf('1年8.3折')).toBe('1年');
    expect(termOf('半年')).toBe('6个月');
    expect(termOf('快连 两年（2年）')).toBe('2年');
    expect(termOf('两年')).toBe('2年');
    expect(termOf('个人版 · 永久授权')).toBe('永久');
    expect(termOf('Billed yearly')).toBe('1年');
    expect(termOf('剩余 113 天')).toBeNull();
    expect(termOf('12 months')).toBe('12个月');
    expect(termMonths('3年')).toBe(36);
    expect(termMonths('永久')).toBeNull();
  });
});

describe('extractCheckout on a console checkout built with tea-component', () => {
  it('reads the term from the Segment’s ARIA radios, the product beside 计费模式 and the struck price beside the price', () => {
    const page = fixturePages.find((p) => p.family === 'tea-component' && p.kind === 'checkout')!;
    const { fields } = load(readFileSync(resolve(SITES, markupFile(page)), 'utf8'), page.url).run();
    expect(fields).toMatchObject(page.expected!);
  });

  it('a multi-year term chosen with ARIA radios is read as such', () => {
    const { run } =
      load(`<h1>购买云服务器</h1><div class="tea-form__item"><div class="tea-form__label"><label>购买时长</label></div>
      <div class="tea-form__controls"><div class="tea-segment"><button role="radio" aria-checked="false" class="tea-btn">1年</button>
      <button role="radio" aria-checked="true" class="tea-btn is-selected">3年</button></div></div></div>`);
    expect(run().fields.term).toBe('3年');
  });
});
