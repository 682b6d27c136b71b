import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { valueElement } from './labels';
import { chosenOption, columnCell, isChosen, splitBodyTable, structuralLabel } from './structure';

const RENDERED = resolve(import.meta.dirname, '../../test/fixtures/console/rendered');
const dom = (html: string) => new JSDOM(html).window.document;
const rendered = (id: string) => dom(readFileSync(resolve(RENDERED, `${id}.html`), 'utf8'));

// Markup as tea-component 2.8 renders it in Chromium (test/fixtures/console/rendered).
const FORM_ITEM = `
<div class="tea-form">
  <div class="tea-form__item">
    <div class="tea-form__label is-required"><label>问题标题</label></div>
    <div class="tea-form__controls"><input placeholder="请简要描述您的问题" class="tea-input size-l" value=""></div>
  </div>
  <div class="tea-form__item">
    <div class="tea-form__label"><label>购买时长</label></div>
    <div class="tea-form__controls"><div class="tea-segment">
      <button class="tea-btn tea-btn--weak" type="button" role="radio" aria-checked="false">1年</button>
      <button class="tea-btn tea-btn--weak is-selected" type="button" role="radio" aria-checked="true">3年</button>
    </div></div>
  </div>
  <div class="tea-form__item">
    <div class="tea-form__label"><label>到期提醒</label></div>
    <div class="tea-form__controls tea-form__controls--text"><label class="tea-switch"><input readonly="" type="checkbox" class="tea-switch__input"><span class="tea-switch__toggle"></span></label></div>
  </div>
</div>`;

describe('labels found by structure', () => {
  it('a tea form item: the label cell beside the control, not the placeholder or the control itself', () => {
    const doc = dom(FORM_ITEM);
    expect(structuralLabel(doc.querySelector('input.tea-input')!)).toBe('问题标题');
    expect(structuralLabel(doc.querySelector('input.tea-switch__input')!)).toBe('到期提醒');
  });

  it('a table row: the cell before the control’s cell', () => {
    const doc = dom(
      '<table><tr><th>关联订单号</th><td><input id="x"></td></tr><tr><td>问题描述：</td><td><textarea></textarea></td></tr></table>',
    );
    expect(structuralLabel(doc.querySelector('#x')!)).toBe('关联订单号');
    expect(structuralLabel(doc.querySelector('textarea')!)).toBe('问题描述：');
  });

  it('a preceding sibling, also of the wrapper the control sits in; long prose is not a label', () => {
    const doc = dom(
      '<div><span>手机号码</span><div class="wrap"><input id="phone"></div></div><div><p>请在下方详细填写您遇到的问题、发生时间、影响范围和您期望的处理方式，以便我们尽快处理。</p><textarea></textarea></div>',
    );
    expect(structuralLabel(doc.querySelector('#phone')!)).toBe('手机号码');
    expect(structuralLabel(doc.querySelector('textarea')!)).toBeNull();
  });

  it('every input of the rendered tea work-order form gets its own label', () => {
    const doc = rendered('tea-workorder-create-refund');
    const labels = Array.from(doc.querySelectorAll('#app input, #app textarea')).map(structuralLabel);
    expect(labels).toEqual(['问题标题', '关联订单号', '问题描述', '机密信息', '手机号码', '邮箱']);
  });
});

describe('choices read by ARIA and by class', () => {
  it('the chosen option of a Segment is the button with aria-checked="true"', () => {
    const doc = dom(FORM_ITEM);
    expect(chosenOption(doc.querySelector('.tea-segment')!)?.text).toBe('3年');
  });

  it('aria-checked wins over a stale class; a class alone marks a plain button group', () => {
    const aria = dom(
      '<div><button role="radio" aria-checked="false" class="is-selected">1年</button><button role="radio" aria-checked="true">2年</button></div>',
    );
    expect(chosenOption(aria.body.firstElementChild!)?.text).toBe('2年');
    const classes = dom('<ul class="period"><li class="item">1个月</li><li class="item is-active">6个月</li></ul>');
    expect(chosenOption(classes.body.firstElementChild!)?.text).toBe('6个月');
    const none = dom('<div><button role="radio" aria-checked="false">1年</button></div>');
    expect(chosenOption(none.body.firstElementChild!)).toBeNull();
  });

  it('native radios, ARIA switches and checkboxes', () => {
    const doc = dom(
      '<label><input type="radio" name="p" checked>3 年</label><span role="switch" aria-checked="true"></span><div role="checkbox" aria-checked="false"></div>',
    );
    expect(chosenOption(doc.body)?.text).toBe('3 年');
    expect(isChosen(doc.querySelector('[role="switch"]')!)).toBe(true);
    expect(isChosen(doc.querySelector('[role="checkbox"]')!)).toBe(false);
  });
});

describe('header cells are never values', () => {
  it('a header table and a body table rendered apart (tea Table): the header reads the body cell under it', () => {
    const doc = rendered('tea-deal-detail-paid-new');
    const header = Array.from(doc.querySelectorAll('th')).find((th) => th.textContent?.trim() === '产品')!;
    expect(splitBodyTable(header.closest('table')!)).not.toBeNull();
    expect(columnCell(header)?.textContent?.trim()).toBe('云服务器 CVM');
    // The span and div inside the header cell lead to the body cell too, never to "计费模式".
    expect(valueElement(header.querySelector('span')!)?.textContent?.trim()).toBe('云服务器 CVM');
  });

  it('a header row with no body gives no value at all', () => {
    const doc = dom('<table><thead><tr><th>产品</th><th>计费模式</th></tr></thead></table>');
    expect(valueElement(doc.querySelector('th')!)).toBeNull();
  });
});
