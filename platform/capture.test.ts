import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { stripActiveContent } from '../lib/evidence/redact';
import { collectPage, isSensitiveControl, maskLivePage, serialiseDom } from './capture';
import { registerCard } from './card-visibility';

const FIXTURES = resolve(import.meta.dirname, '../test/fixtures/sites');

function load(path: string) {
  const html = readFileSync(resolve(FIXTURES, path), 'utf8');
  document.open();
  document.write(html);
  document.close();
}

const values = () => Array.from(document.querySelectorAll('input'), (i) => `${i.id}=${i.value}:${i.checked}`);

describe('capture in the page', () => {
  it('recognises card, CVV, ID and bank inputs by name, autocomplete and label, and leaves others', () => {
    load('buy.cloud.tencent.com/payment/card.html');
    const sensitive = Array.from(document.querySelectorAll('input'))
      .filter(isSensitiveControl)
      .map((i) => i.id);
    expect(sensitive).toEqual(expect.arrayContaining(['card-number', 'card-cvv', 'id-number', 'bank-account']));
    expect(sensitive).not.toContain('card-name');
    expect(sensitive).not.toContain('account-holder');
  });

  it('masks the live page for the screenshot and puts it back exactly', () => {
    load('buy.cloud.tencent.com/payment/card.html');
    document.querySelector('h1')!.append(' 卡号 4111 1111 1111 1111');
    const host = document.createElement('refund-guard-ui');
    document.body.append(host);
    const hidden: boolean[] = [];
    const unregister = registerCard((h) => hidden.push(h));
    (document.querySelector('#card-name') as HTMLInputElement).value = 'LI LEI';
    const beforeValues = values();
    const beforeHtml = document.documentElement.outerHTML;

    const restore = maskLivePage();
    const masked = values().join('\n');
    for (const secret of ['4111111111111111', '123:', '11010519491231002X', '6222020200112233445'])
      expect(masked).not.toContain(secret);
    expect(document.querySelector('h1')!.textContent).toContain('**** **** **** 1111');
    // The card hides itself through its own switch; nothing is set on the host, where page script could set it too.
    expect(hidden).toEqual([true]);
    expect(host.attributes.length).toBe(0);
    expect(masked).toContain('card-name=LI LEI');

    restore();
    expect(hidden).toEqual([true, false]);
    unregister();
    expect(values()).toEqual(beforeValues);
    expect(document.documentElement.outerHTML).toBe(beforeHtml);
  });

  it('walks the text nodes only when the visible text holds a number to mask', () => {
    load('buy.cloud.tencent.com/payment/card.html');
    const h1 = document.querySelector('h1')!;
    h1.append(' 卡号 4111 1111 1111 1111');
    const before = h1.textContent;
    // The visible text shows the number: the node is masked, then restored.
    let restore = maskLivePage(document, `订单 ${before}`);
    expect(h1.textContent).toContain('**** **** **** 1111');
    restore();
    expect(h1.textContent).toBe(before);
    // Nothing to mask in what is visible (the number sits in a hidden node): the walk is skipped.
    restore = maskLivePage(document, '确认支付 ¥ 1,280.00');
    expect(h1.textContent).toBe(before);
    restore();
  });

  it('serialises the page without scripts, handlers, our card or sensitive values, keeping what was chosen', () => {
    load('buy.cloud.tencent.com/payment/card.html');
    document.body.append(document.createElement('refund-guard-ui'));
    document.querySelector('h1')!.setAttribute('onclick', 'steal()');
    (document.querySelector('#card-name') as HTMLInputElement).value = 'LI LEI';
    (document.querySelector('input[value="alipay"]') as HTMLInputElement).checked = true;
    const html = serialiseDom();
    for (const secret of ['4111111111111111', '11010519491231002X', '6222020200112233445'])
      expect(html).not.toContain(secret);
    expect(html).not.toMatch(/<script|refund-guard-ui/i);
    // Handlers are gone already, so the worker's own pass (it trusts nothing) changes nothing.
    expect(html).not.toMatch(/onclick/i);
    expect(stripActiveContent(html)).toBe(html);
    expect(html).toMatch(/id="card-cvv"[^>]*value="\*{6}"/);
    expect(html).toContain('value="LI LEI"');
    expect(html).toMatch(/value="alipay" checked/);
    expect(html).not.toMatch(/value="card" checked/);
    // The live page is untouched.
    expect((document.querySelector('#card-number') as HTMLInputElement).value).toBe('4111111111111111');
  });

  it('serialises a page whose controls show what their markup says as it is, without copying its DOM', () => {
    load('console.cloud.tencent.com/expense/deal/index.html');
    document.body.append(document.createElement('refund-guard-ui'));
    const script = document.createElement('script');
    script.textContent = 'window.track && track("orders")';
    document.body.append(script);
    document.querySelector('tr')!.setAttribute('onclick', 'openOrder(this)');
    const clone = vi.spyOn(Node.prototype, 'cloneNode');
    try {
      const html = serialiseDom();
      expect(clone).not.toHaveBeenCalled();
      expect(html).not.toMatch(/<script|refund-guard-ui|onclick/i);
      expect(stripActiveContent(html)).toBe(html);
      // The same page: parsed back, it reads as the page does without its scripts and our card.
      const parsed = new DOMParser().parseFromString(html, 'text/html');
      expect(parsed.querySelectorAll('tr').length).toBe(document.querySelectorAll('tr').length);
      expect(parsed.body.textContent!.replace(/\s+/g, '')).toBe(
        document.body.textContent!.replace(/\s+/g, '').replace(/window\.track.*?\)/, ''),
      );
      // Drop-downs left on their first option read back the same, with nothing written in.
      expect(Array.from(parsed.querySelectorAll('select'), (s) => s.selectedIndex)).toEqual(
        Array.from(document.querySelectorAll('select'), (s) => s.selectedIndex),
      );
    } finally {
      clone.mockRestore();
    }
  });

  it('writes a chosen option, a ticked box or a typed value into a copy instead', () => {
    for (const change of [
      () => ((document.querySelectorAll('select')[1] as HTMLSelectElement).selectedIndex = 2),
      () =>
        ((document.querySelector('input[placeholder*="订单号"]') as HTMLInputElement).value = '20261118105822371604'),
      () => {
        const box = Object.assign(document.createElement('input'), { type: 'checkbox', id: 'select-all' });
        document.querySelector('table')!.before(box);
        box.checked = true;
      },
    ]) {
      load('console.cloud.tencent.com/expense/deal/index.html');
      change();
      const clone = vi.spyOn(Node.prototype, 'cloneNode');
      try {
        const parsed = new DOMParser().parseFromString(serialiseDom(), 'text/html');
        expect(clone).toHaveBeenCalledTimes(1);
        expect(Array.from(parsed.querySelectorAll('select'), (s) => s.selectedIndex)).toEqual(
          Array.from(document.querySelectorAll('select'), (s) => s.selectedIndex),
        );
        expect(Array.from(parsed.querySelectorAll('input'), (i) => `${i.value}:${i.checked}`)).toEqual(
          Array.from(document.querySelectorAll('input'), (i) => `${i.value}:${i.checked}`),
        );
      } finally {
        clone.mockRestore();
      }
    }
  });

  it('hands over the page at once but keeps it masked until the picture is taken, under the ticket it asked with', async () => {
    load('buy.cloud.tencent.com/payment/card.html');
    const card = document.querySelector('#card-number') as HTMLInputElement;
    let taken!: (ok: boolean) => void;
    const asked: string[] = [];
    const parts = await collectPage(document, (ticket) => {
      asked.push(ticket);
      return new Promise<boolean>((resolve) => (taken = resolve));
    });
    expect(parts.tooLarge).toBe(false);
    expect(parts.screenshotTicket).toMatch(/^[0-9a-f]{32}$/);
    expect(asked).toEqual([parts.screenshotTicket]);
    expect(parts.dom).not.toContain('4111111111111111');
    // The capture can go now; the page is still masked for the picture.
    expect(card.value).not.toBe('4111111111111111');
    let whole = false;
    void parts.pictured.then(() => (whole = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(whole).toBe(false);
    taken(true);
    await parts.pictured;
    expect(card.value).toBe('4111111111111111');
  });
});
