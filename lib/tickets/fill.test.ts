import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../claims/eligibility';
import { draftTicket, TICKET_TEMPLATES } from './draft';
import { fillHints, fillValuesFromDraft, normalizeLabel, planFill, scoreControl, type FormControlInfo } from './fill';

let next = 0;
function control(partial: Partial<FormControlInfo> & { labels?: string[] }): FormControlInfo {
  return {
    index: next++,
    tag: 'input',
    type: 'text',
    id: '',
    name: '',
    labels: [],
    placeholder: '',
    disabled: false,
    readOnly: false,
    visible: true,
    maxLength: null,
    ...partial,
  };
}

/** The controls of Tencent Cloud's 提交工单 form (fixture tc-workorder-create-refund), as the page describes them. */
function tencentCloudForm(): FormControlInfo[] {
  next = 0;
  return [
    control({ type: 'search', labels: ['搜索'], placeholder: '搜索产品、资源、文档（快捷键 /）' }),
    control({ type: 'hidden', name: 'level1_id', visible: false }),
    control({ type: 'hidden', name: 'level2_id', visible: false }),
    control({
      id: 'ticket-title',
      name: 'title',
      labels: ['问题标题'],
      maxLength: 60,
      placeholder: '例如：申请退还订单 2026xxxx 的包年包月云服务器',
    }),
    control({
      id: 'ticket-resource',
      name: 'resource',
      labels: ['关联订单号'],
      placeholder: '请输入需要退费的订单号，多个订单用英文逗号分隔',
    }),
    control({
      tag: 'textarea',
      type: 'textarea',
      id: 'ticket-content',
      name: 'content',
      labels: ['问题描述'],
      maxLength: 3000,
    }),
    control({
      tag: 'textarea',
      type: 'textarea',
      id: 'ticket-secret',
      name: 'confidentialContent',
      labels: ['机密信息'],
    }),
    control({ type: 'tel', id: 'ticket-phone', name: 'phone', labels: ['手机号'] }),
    control({ type: 'email', id: 'ticket-email', name: 'email', labels: ['邮箱'] }),
    control({ type: 'radio', id: 'contact-any', name: 'contactMode', labels: [' 任意时间'] }),
    control({ type: 'radio', id: 'contact-range', name: 'contactMode', labels: [' 指定时间'] }),
    control({
      tag: 'select',
      type: 'select-one',
      id: 'contact-start',
      name: 'contactStart',
      labels: ['从'],
      disabled: true,
    }),
    control({
      tag: 'select',
      type: 'select-one',
      id: 'contact-end',
      name: 'contactEnd',
      labels: ['至'],
      disabled: true,
    }),
    control({ type: 'file', id: 'ticket-files', name: 'attachments', labels: ['附件'] }),
    control({
      type: 'checkbox',
      id: 'ticket-authorize',
      name: 'authorize',
      labels: [' 授权工程师在必要时登录我的实例进行排查'],
    }),
  ];
}

const byField = (plan: ReturnType<typeof planFill>) =>
  Object.fromEntries(plan.assignments.map((a) => [a.field, a.index]));

describe('planFill: which control of a ticket form takes which part of the draft', () => {
  it('fills the Tencent Cloud form by its labels: title, order number, description, confidential, phone, email', () => {
    const form = tencentCloudForm();
    const plan = planFill(
      form,
      {
        title: '退款申请',
        orderId: '20261118105822371604',
        description: '您好，……',
        confidential: '账号：100012345678',
        phone: '13800000000',
        email: 'it@example.com',
      },
      fillHints(TICKET_TEMPLATES['tencent-cloud']),
    );
    const at = (id: string) => form.find((c) => c.id === id)!.index;
    expect(byField(plan)).toEqual({
      title: at('ticket-title'),
      orderId: at('ticket-resource'),
      description: at('ticket-content'),
      confidential: at('ticket-secret'),
      phone: at('ticket-phone'),
      email: at('ticket-email'),
    });
    expect(plan.missing).toEqual([]);
    expect(plan.assignments.find((a) => a.field === 'orderId')?.label).toBe('关联订单号');
  });

  it('never touches files, checkboxes, radios, hidden inputs, disabled selects or the page search box', () => {
    const form = tencentCloudForm();
    const plan = planFill(form, {
      title: 'x',
      description: 'y',
      orderId: 'z',
      name: '王敏',
      account: '100012345678',
      amount: '12',
    });
    const touched = new Set(plan.assignments.map((a) => form[a.index]!.type));
    for (const type of ['file', 'checkbox', 'radio', 'hidden', 'select-one', 'search'])
      expect(touched.has(type), type).toBe(false);
    // No control is labelled for a contact name, account or amount: reported, not forced in somewhere.
    expect(plan.missing).toEqual(['name', 'account', 'amount']);
  });

  it('does not put the description into the confidential box, even when the description box is gone', () => {
    const form = tencentCloudForm().filter((c) => c.id !== 'ticket-content');
    const plan = planFill(form, { description: '正文', confidential: '账号：1' });
    const secret = form.find((c) => c.id === 'ticket-secret')!;
    expect(plan.assignments).toEqual([expect.objectContaining({ field: 'confidential', index: secret.index })]);
    expect(plan.missing).toEqual(['description']);
  });

  it('cuts a value to the control’s maxlength and says so', () => {
    const form = tencentCloudForm();
    const long = '退款申请：'.padEnd(80, '长');
    const plan = planFill(form, { title: long });
    expect(plan.assignments[0]).toMatchObject({ field: 'title', truncated: true });
    expect(plan.assignments[0]!.value).toHaveLength(60);
  });

  it('skips empty values and controls that are read-only or invisible', () => {
    next = 0;
    const form = [
      control({ id: 'a', labels: ['标题'], readOnly: true }),
      control({ id: 'b', labels: ['标题'], visible: false }),
      control({ id: 'c', labels: ['Subject'] }),
    ];
    const plan = planFill(form, { title: 'Refund request', description: '   ' });
    expect(plan.assignments).toEqual([expect.objectContaining({ index: 2, field: 'title', label: 'Subject' })]);
    expect(plan.missing).toEqual([]);
  });

  it('reads English forms and aria labels, and falls back to field names', () => {
    next = 0;
    const form = [
      control({ id: 'f1', labels: ['Your email *'], type: 'email' }),
      control({ id: 'f2', name: 'message', tag: 'textarea', type: 'textarea' }),
      control({ id: 'f3', labels: ['Order number (optional)'] }),
      control({ id: 'f4', labels: ['Subject:'] }),
    ];
    const plan = planFill(form, { email: 'a@example.com', description: 'text', orderId: 'A-123456', title: 'Refund' });
    expect(byField(plan)).toEqual({ email: 0, description: 1, orderId: 2, title: 3 });
  });

  it('prefers the exact label over one that merely mentions the word', () => {
    next = 0;
    const form = [control({ id: 'x', labels: ['订单号查询说明与标题备注'] }), control({ id: 'y', labels: ['订单号'] })];
    expect(byField(planFill(form, { orderId: '123456' }))).toEqual({ orderId: 1 });
    expect(scoreControl(form[1]!, 'orderId')).toBeGreaterThan(scoreControl(form[0]!, 'orderId'));
  });

  it('keeps an email out of a phone box and a phone number out of an email box', () => {
    next = 0;
    const form = [control({ type: 'tel', labels: ['联系方式'] }), control({ type: 'email', labels: ['联系方式'] })];
    expect(scoreControl(form[1]!, 'phone')).toBe(0);
    expect(scoreControl(form[0]!, 'email')).toBe(0);
  });

  it('normalises labels: colons, asterisks, spaces and “(选填)” do not matter', () => {
    expect(normalizeLabel(' * 邮箱（选填）：')).toBe('邮箱');
    expect(normalizeLabel('E-mail (optional):')).toBe('email');
  });
});

describe('fillValuesFromDraft: the draft as edited, with the order number and contact', () => {
  const facts = {
    vendor: 'tencent-cloud',
    purchasedAt: '2026-11-18T10:59:07+08:00',
    billing: 'prepaid',
    renewal: false,
    convertedFromPayAsYouGo: false,
    firstNoReasonRefundUsed: false,
    promoNonRefundable: false,
    orderId: '20261118105822371604',
    amountPaid: 3145.37,
    account: '100012345678',
  };
  const verdict = evaluateClaim(facts, '2026-11-22T12:00:00+08:00');
  const draft = draftTicket(verdict, facts);

  it('takes the title and description as edited, the confidential text from the vendor template’s field', () => {
    const values = fillValuesFromDraft({
      template: TICKET_TEMPLATES['tencent-cloud'],
      draft: { ...draft, title: '我改过的标题' },
      orderId: facts.orderId,
      contact: { phone: '13800000000' },
    });
    expect(values).toEqual({
      title: '我改过的标题',
      description: draft.description,
      orderId: '20261118105822371604',
      confidential: '账号：100012345678',
      phone: '13800000000',
    });
  });

  it('leaves out what is empty, so nothing in the form is blanked', () => {
    const values = fillValuesFromDraft({
      template: undefined,
      draft: { title: 'T', description: '', fields: {} },
      contact: { email: '' },
    });
    expect(values).toEqual({ title: 'T' });
  });

  it('has the template’s field names as hints for the shipped vendors only', () => {
    expect(fillHints(TICKET_TEMPLATES['tencent-cloud'])).toMatchObject({
      title: 'title',
      description: 'description',
      phone: 'phone',
      email: 'email',
    });
    expect(fillHints(TICKET_TEMPLATES.letsvpn)).toMatchObject({ description: 'message', orderId: 'orderId' });
    expect(fillHints(TICKET_TEMPLATES['some-user-pack'])).toEqual({});
  });
});

describe('the ticket.fill message (what a ticket page accepts from the popup)', () => {
  it('takes known fields only, with bounded values, and defaults to filling for real', async () => {
    const { protocol } = await import('../messages');
    const schema = protocol()['ticket.fill'].request;
    expect(schema.parse({ values: { title: 'T', orderId: '1' } })).toEqual({
      values: { title: 'T', orderId: '1' },
      hints: {},
      dryRun: false,
    });
    expect(schema.safeParse({ values: { title: 'T', script: 'alert(1)' } }).success).toBe(false);
    expect(schema.safeParse({ values: { description: 'x'.repeat(20_001) } }).success).toBe(false);
    expect(schema.safeParse({ values: {}, hints: { title: 'x'.repeat(101) } }).success).toBe(false);
  });
});
