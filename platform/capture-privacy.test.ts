import { describe, expect, it } from 'vitest';
import { isSensitiveControl, maskLivePage, serialiseDom, watchFieldTypes } from './capture';

/**
 * The masked state a screenshot is taken from, on hostile markup (issue 19,
 * "Screenshots"): values judged by what they are, labels read by structure,
 * a password field's original type remembered, numbers matched across the
 * text nodes of a block, open shadow roots walked.
 */

function page(html: string) {
  document.body.innerHTML = html;
}
const input = (name: string) => document.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
/** All digits the page shows in a block, in order (what a reader of the picture could copy down). */
const shownDigits = (el: Element | ShadowRoot) => (el.textContent ?? '').replace(/\D/g, '');

describe('maskLivePage on hostile pages', () => {
  it('masks a card typed into a field named ref, an ID in holder_doc and a card in a remark, by value', () => {
    page(
      `<form><input name="ref"><input name="holder_doc"><textarea name="remark"></textarea><input name="payee"></form>`,
    );
    input('ref').value = '4532015112830366';
    input('holder_doc').value = '440304199003078837';
    document.querySelector('textarea')!.value = '请退到另一张卡 6011 0009 9013 9424，谢谢';
    input('payee').value = '上海某某科技有限公司';
    const restore = maskLivePage(document);
    expect(input('ref').value).not.toContain('453201511283');
    expect(input('holder_doc').value).not.toContain('19900307');
    expect(document.querySelector('textarea')!.value).toMatch(/^请退到另一张卡 .*9424，谢谢$/);
    expect(document.querySelector('textarea')!.value).not.toMatch(/6011.?0009/);
    expect(input('payee').value).toBe('上海某某科技有限公司');
    restore();
    expect(input('ref').value).toBe('4532015112830366');
    expect(document.querySelector('textarea')!.value).toContain('6011 0009 9013 9424');
  });

  it('reads labels by structure: a neighbouring span, a label cell, a form-item wrapper', () => {
    page(`
      <div class="row"><span>银行账号</span><input name="f_acct" value="6217000010045678123"></div>
      <table><tr><td>对公账户</td><td><input name="acct2" value="1100101234567890456"></td></tr></table>
      <div class="form-item"><div class="label">交易密码</div><div class="control"><input name="x7" value="482913"></div></div>
      <div class="row"><span>订单号</span><input name="q" value="20261118105907123456"></div>`);
    expect(['f_acct', 'acct2', 'x7', 'q'].map((n) => isSensitiveControl(input(n)))).toEqual([true, true, true, false]);
    const restore = maskLivePage(document);
    expect(['f_acct', 'acct2', 'x7', 'q'].map((n) => input(n).value)).toEqual([
      '******',
      '******',
      '******',
      '20261118105907123456',
    ]);
    restore();
  });

  it('remembers a password field the page turned into a text field', () => {
    page(`<div><input name="f9" type="password"></div>`);
    const stop = watchFieldTypes(document);
    try {
      input('f9').value = '739215';
      input('f9').type = 'text';
      return new Promise<void>((done) =>
        setTimeout(() => {
          expect(isSensitiveControl(input('f9'))).toBe(true);
          const restore = maskLivePage(document);
          expect(input('f9').value).toBe('******');
          restore();
          expect(serialiseDom(document)).not.toContain('739215');
          done();
        }),
      );
    } finally {
      stop();
    }
  });

  it('matches a card across the text nodes of a block: spans, a split without gaps, a line break', () => {
    page(`
      <dl><dt>卡号</dt><dd id="a"><span>5454</span><span>5454</span><span>5454</span><span>5454</span></dd>
      <dt>卡号</dt><dd id="b"><span>35660020</span><span>20360505</span></dd>
      <dt>卡号</dt><dd id="c">4712 3456<br>7890 1232</dd>
      <dt>订单号</dt><dd id="d"><span>2026111810</span><span>5907123456</span></dd>
      <dt>金额</dt><dd id="e"><span>1,288</span>.<span>00</span> 元 <span>2026-11-24</span></dd></dl>`);
    const before = document.body.innerHTML;
    const restore = maskLivePage(document);
    expect(shownDigits(document.getElementById('a')!)).toBe('5454');
    expect(shownDigits(document.getElementById('b')!)).toBe('0505');
    expect(shownDigits(document.getElementById('c')!)).toBe('1232');
    expect(shownDigits(document.getElementById('d')!)).toBe('20261118105907123456');
    expect(document.getElementById('e')!.textContent).toBe('1,288.00 元 2026-11-24');
    restore();
    expect(document.body.innerHTML).toBe(before);
  });

  it('walks open shadow roots: their text and their inputs', () => {
    page(`<div id="widget"></div>`);
    const root = document.getElementById('widget')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>钱包绑定卡：5524 3300 4218 7655</p><label>快捷支付卡 <input id="wallet-card"></label>';
    root.getElementById('wallet-card')!.setAttribute('value', '');
    (root.getElementById('wallet-card') as HTMLInputElement).value = '6225 8801 3774 5239';
    const restore = maskLivePage(document);
    expect(shownDigits(root)).toBe('7655');
    expect((root.getElementById('wallet-card') as HTMLInputElement).value).not.toMatch(/6225.?8801/);
    restore();
    expect(root.textContent).toContain('5524 3300 4218 7655');
    expect((root.getElementById('wallet-card') as HTMLInputElement).value).toBe('6225 8801 3774 5239');
  });

  it('masks a same-origin frame the page can read', () => {
    page(`<iframe id="f"></iframe>`);
    const frame = document.getElementById('f') as HTMLIFrameElement;
    frame.contentDocument!.body.innerHTML =
      '<p>付款人：王某某 · 付款卡 6212 2612 0201 1580</p><input id="pan" value="6212261202011580">';
    const restore = maskLivePage(document);
    expect(shownDigits(frame.contentDocument!.body)).toBe('1580');
    expect(frame.contentDocument!.querySelector('input')!.value).not.toContain('621226120201');
    restore();
    expect(frame.contentDocument!.body.textContent).toContain('6212 2612 0201 1580');
  });
});
