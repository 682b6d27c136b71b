// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { fillHints } from '../lib/tickets/fill';
import { TICKET_TEMPLATES } from '../lib/tickets/draft';
import { describeControls, fillTicketForm, FILLED_ATTRIBUTE } from './ticket-fill';

const SITES = resolve(import.meta.dirname, '../test/fixtures/sites');

/** The fixture page with its own inline script running (counter, submit marker), as in a browser. */
function loadFixture(file: string): Document {
  const html = readFileSync(resolve(SITES, file), 'utf8').replace(/<link[^>]+>/g, '');
  const dom = new JSDOM(html, {
    url: 'http://console.cloud.tencent.com/workorder/create?level1_id=6&level2_id=163',
    runScripts: 'dangerously',
  });
  return dom.window.document;
}

const values = {
  title: '退款申请：云服务器 CVM（订单 20261118105822371604）',
  orderId: '20261118105822371604',
  description: '您好，\n【订单信息】订单号：20261118105822371604\n谢谢！',
  confidential: '账号：100012345678',
  phone: '13800000000',
  email: 'it@example.com',
};
const hints = fillHints(TICKET_TEMPLATES['tencent-cloud']);
const val = (doc: Document, id: string) => (doc.getElementById(id) as HTMLInputElement).value;

describe('filling the Tencent Cloud ticket form in the page', () => {
  it('reads each control’s label from label[for]', () => {
    const doc = loadFixture('console.cloud.tencent.com/workorder/create-6-163.html');
    const { controls } = describeControls(doc);
    const byId = Object.fromEntries(controls.map((c) => [c.id, c]));
    expect(byId['ticket-title']).toMatchObject({ labels: ['问题标题'], maxLength: 60, visible: true });
    expect(byId['ticket-resource']?.labels).toEqual(['关联订单号']);
    expect(byId['contact-start']).toMatchObject({ tag: 'select', disabled: true });
  });

  it('fills title, order number, description, confidential info, phone and email, marks them, and never submits', () => {
    const doc = loadFixture('console.cloud.tencent.com/workorder/create-6-163.html');
    let submits = 0;
    doc.getElementById('ticket-form')!.addEventListener('submit', () => submits++);
    const report = fillTicketForm(doc, values, { hints });
    expect(report.status).toBe('filled');
    expect(report.filled.map((f) => [f.field, f.label])).toEqual([
      ['title', '问题标题'],
      ['orderId', '关联订单号'],
      ['description', '问题描述'],
      ['confidential', '机密信息'],
      ['phone', '手机号'],
      ['email', '邮箱'],
    ]);
    expect(val(doc, 'ticket-title')).toBe(values.title);
    expect(val(doc, 'ticket-resource')).toBe(values.orderId);
    expect(val(doc, 'ticket-content')).toBe(values.description);
    expect(val(doc, 'ticket-secret')).toBe(values.confidential);
    expect(val(doc, 'ticket-phone')).toBe(values.phone);
    expect(val(doc, 'ticket-email')).toBe(values.email);
    // The page's own input listener ran (its character counter moved).
    expect(doc.getElementById('content-count')!.textContent).toBe(`${values.description.length}/3000`);
    expect(doc.querySelectorAll(`[${FILLED_ATTRIBUTE}]`)).toHaveLength(6);
    expect((doc.getElementById('ticket-title') as HTMLElement).style.outline).toContain('2px solid');
    expect(submits).toBe(0);
    expect(doc.body.hasAttribute('data-submitted')).toBe(false);
    expect((doc.getElementById('ticket-authorize') as HTMLInputElement).checked).toBe(false);
    expect((doc.getElementById('contact-any') as HTMLInputElement).checked).toBe(true);
  });

  it('a dry run only reports, and leaves the page untouched', () => {
    const doc = loadFixture('console.cloud.tencent.com/workorder/create-6-163.html');
    const report = fillTicketForm(doc, values, { hints, dryRun: true });
    expect(report.status).toBe('preview');
    expect(report.filled).toHaveLength(6);
    expect(val(doc, 'ticket-title')).toBe('');
    expect(doc.querySelectorAll(`[${FILLED_ATTRIBUTE}]`)).toHaveLength(0);
  });

  it('keeps what the user typed, but refreshes what it filled itself', () => {
    const doc = loadFixture('console.cloud.tencent.com/workorder/create-6-163.html');
    (doc.getElementById('ticket-phone') as HTMLInputElement).value = '13911112222';
    const first = fillTicketForm(doc, values, { hints });
    expect(first.kept).toEqual([{ field: 'phone', label: '手机号' }]);
    expect(val(doc, 'ticket-phone')).toBe('13911112222');
    const again = fillTicketForm(doc, { ...values, title: '新的标题' }, { hints });
    expect(val(doc, 'ticket-title')).toBe('新的标题');
    expect(again.kept.map((k) => k.field)).toEqual(['phone']);
  });

  it('says there is no form on a page without one (the ticket list)', () => {
    const doc = loadFixture('console.cloud.tencent.com/workorder/index.html');
    expect(fillTicketForm(doc, values, { hints })).toMatchObject({ status: 'no-form', filled: [] });
  });

  it('fills the SLA form too: the order number has no box there and is reported missing', () => {
    const doc = loadFixture('console.cloud.tencent.com/workorder/create-1-1406.html');
    const report = fillTicketForm(doc, values, { hints });
    expect(report.status).toBe('filled');
    expect(report.filled.map((f) => f.field)).toEqual(expect.arrayContaining(['title', 'description']));
    // 关联实例 asks for an instance ID, not an order number: nothing is forced into it.
    expect(report.missing).toContain('orderId');
    expect(val(doc, 'ticket-resource')).toBe('');
    expect(doc.body.hasAttribute('data-submitted')).toBe(false);
  });
});

describe('filling a console form built with tea-component (labels in the neighbouring cell, no `for`)', () => {
  const RENDERED = resolve(import.meta.dirname, '../test/fixtures/console/rendered/tea-workorder-create-refund.html');
  const load = () =>
    new JSDOM(readFileSync(RENDERED, 'utf8'), {
      url: 'http://console.cloud.tencent.com/workorder/create?level1_id=6&level2_id=163&ui=console',
    }).window.document;

  it('reads every label from its form item and fills the order number and the description too', () => {
    const doc = load();
    expect(describeControls(doc).controls.map((c) => c.labels)).toEqual([
      ['问题标题'],
      ['关联订单号'],
      ['问题描述'],
      ['机密信息'],
      ['手机号码'],
      ['邮箱'],
    ]);
    const report = fillTicketForm(doc, values, { hints });
    expect(report.status).toBe('filled');
    expect(report.missing).toEqual([]);
    expect(report.filled.map((f) => [f.field, f.label])).toEqual([
      ['title', '问题标题'],
      ['orderId', '关联订单号'],
      ['description', '问题描述'],
      ['confidential', '机密信息'],
      ['phone', '手机号码'],
      ['email', '邮箱'],
    ]);
    const inputs = Array.from(
      doc.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('#app input, #app textarea'),
    ).map((el) => el.value);
    expect(inputs).toEqual([
      values.title,
      values.orderId,
      values.description,
      values.confidential,
      values.phone,
      values.email,
    ]);
  });

  it('a control whose page script puts its old value back is reported as not filled, and left unmarked', () => {
    const doc = load();
    const title = doc.querySelector<HTMLInputElement>('#app input')!;
    // What a controlled input without a state update does: the framework writes its own value back.
    title.addEventListener('input', () => {
      title.value = '';
    });
    const report = fillTicketForm(doc, values, { hints });
    expect(report.rejected).toEqual([{ field: 'title', label: '问题标题' }]);
    expect(report.filled.map((f) => f.field)).not.toContain('title');
    expect(title.hasAttribute(FILLED_ATTRIBUTE)).toBe(false);
  });
});
