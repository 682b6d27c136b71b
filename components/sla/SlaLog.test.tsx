import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SnapshotSummary } from '../../lib/evidence/query';
import { outageLogSchema, type OutageLog, type WebmailSighting } from '../../lib/outages';
import { StaticLocale } from '../i18n';
import type { SlaApi } from './api';
import { MonthView } from './MonthView';
import { SlaLog } from './SlaLog';

const NOW = new Date('2026-11-22T02:00:00Z');
const log = (entries: unknown[], fees: Record<string, number> = {}): OutageLog =>
  outageLogSchema().parse({ entries, fees });
const octoberOutage = {
  id: 'out-1',
  service: 'exmail',
  start: '2026-10-10T09:00:00+08:00',
  end: '2026-10-10T11:30:00+08:00',
  failed: ['webmail'],
  snapshotIds: ['snap-000007'],
};

const summary = (over: Partial<SnapshotSummary> & { id: string }): SnapshotSummary => ({
  seq: 1,
  vendor: 'tencent-exmail',
  kind: 'order-detail',
  url: 'https://exmail.qq.com/cgi-bin/bizmail_portal?t=order',
  title: '订单详情 - 腾讯企业邮箱',
  capturedAt: '2026-10-02T03:00:00.000Z',
  capturedAtShanghai: '2026-10-02 11:00:00',
  source: 'auto',
  orderId: null,
  status: null,
  previousSnapshotId: null,
  hasScreenshot: true,
  noteCount: 0,
  ...over,
});

function fakeApi(initial: OutageLog, sightings: WebmailSighting[] = [], snapshots: SnapshotSummary[] = []) {
  let current = initial;
  return {
    loadLog: vi.fn(async () => ({ log: current, invalid: false })),
    saveLog: vi.fn(async (next: OutageLog) => (current = outageLogSchema().parse(next))),
    sightings: vi.fn(async () => sightings),
    snapshots: vi.fn(async () => snapshots),
    copy: vi.fn(async (_text: string) => undefined),
    now: () => NOW,
    get current() {
      return current;
    },
  } satisfies SlaApi & { current: OutageLog };
}

describe('SLA month view (computeSla → availability, tier, voucher, claim window)', () => {
  it('shows the month in zh-CN and drafts the claim ticket with facts.sla', async () => {
    const user = userEvent.setup();
    const copy = vi.fn(async () => undefined);
    render(
      <StaticLocale locale="zh-CN">
        <MonthView
          log={log([octoberOutage], { 'exmail:2026-10': 300 })}
          service="exmail"
          month="2026-10"
          onFee={vi.fn(async () => undefined)}
          copy={copy}
          now={() => NOW}
        />
      </StaticLocale>,
    );
    const field = (name: string) => document.querySelector(`[data-field="${name}"]`)!;
    expect(field('availability')).toHaveTextContent('99.6639%');
    expect(field('unavailable')).toHaveTextContent('150 分钟');
    expect(field('tier')).toHaveTextContent('月度服务费的 10%');
    expect(field('voucher')).toHaveTextContent('30.00 元');
    expect(field('window')).toHaveTextContent('2026-11-06 之后可申请，2026-12-30 截止');

    const prepare = screen.getByRole('button', { name: '准备 SLA 赔偿工单' });
    // The button says what is missing instead of sitting disabled.
    expect(prepare).toBeEnabled();
    expect(document.querySelector('[data-claim-needs]')).toHaveTextContent('生成工单前还需要：购买日期');
    await user.click(prepare);
    expect(screen.getByRole('alert')).toHaveTextContent('生成工单前还需要：购买日期');
    expect(screen.getByLabelText('购买日期（用于判断适用条款）')).toHaveFocus();
    expect(screen.queryByLabelText('工单草稿')).toBeNull();
    await user.type(screen.getByLabelText('购买日期（用于判断适用条款）'), '2026-01-05');
    await user.click(prepare);
    const draft = screen.getByLabelText('工单草稿') as HTMLTextAreaElement;
    expect(draft.value).toContain('99.6639%');
    expect(draft.value).toContain('30.00 元');
    expect(draft.value).toContain('证据快照：snap-000007');
    await user.click(screen.getByRole('button', { name: '复制草稿' }));
    expect(copy).toHaveBeenCalledWith(draft.value);
    expect(await screen.findByRole('status')).toHaveTextContent('已复制');
  });

  it('a month that met the commitment offers no claim; an excluded span is not counted (seed 002 §2.3)', () => {
    render(
      <StaticLocale locale="en">
        <MonthView
          log={log([{ ...octoberOutage, excluded: 'notified-maintenance' }])}
          service="exmail"
          month="2026-10"
          onFee={vi.fn(async () => undefined)}
          copy={vi.fn(async () => undefined)}
          now={() => NOW}
        />
      </StaticLocale>,
    );
    expect(document.querySelector('[data-field="availability"]')).toHaveTextContent('100.0000%');
    expect(document.querySelector('[data-field="tier"]')).toHaveTextContent('Commitment met: no credit');
    expect(screen.getByText('The month met the SLA commitment: there is no credit to claim.')).toBeInTheDocument();
    expect(screen.getByText('Excluded spans not counted: 1')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Prepare SLA claim ticket' })).toBeNull();
  });

  it('the claim window is marked estimated when the next year has no published schedule', () => {
    render(
      <StaticLocale locale="en">
        <MonthView
          log={log([{ ...octoberOutage, start: '2027-01-10T09:00:00+08:00', end: '2027-01-10T11:30:00+08:00' }])}
          service="exmail"
          month="2027-01"
          onFee={vi.fn(async () => undefined)}
          copy={vi.fn(async () => undefined)}
          now={() => NOW}
        />
      </StaticLocale>,
    );
    expect(document.querySelector('[data-field="window"]')).toHaveTextContent(
      'Opens after 2027-02-05, closes on 2027-04-01 (estimated',
    );
  });
});

describe('SLA outage log page', () => {
  const sighting: WebmailSighting = {
    id: 'snap-000009',
    seenAt: '2026-11-22T10:43:00+08:00',
    shownAt: '2026-11-22T10:47:03+08:00',
    failure: 'timeout',
    code: 'ERR_CONNECTION_TIMED_OUT',
    url: 'http://exmail.qq.com/cgi-bin/frame_html?sid=x',
    title: '腾讯企业邮箱',
    snapshotId: 'snap-000009',
  };

  it('logs an outage from a webmail sighting, with its snapshot, and shows the month', async () => {
    const user = userEvent.setup();
    const api = fakeApi(log([]), [sighting]);
    render(
      <StaticLocale locale="zh-CN">
        <SlaLog api={api} />
      </StaticLocale>,
    );
    const item = await screen.findByText(/2026-11-22 10:47:03 · 超时 · ERR_CONNECTION_TIMED_OUT/);
    await user.click(within(item.closest('li')!).getByRole('button', { name: '作为开始时间' }));
    expect((screen.getByLabelText('开始时间') as HTMLInputElement).value).toMatch(/^2026-11-22T10:47:03/);
    expect(screen.getByRole('checkbox', { name: /snap-000009/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Webmail' })).toBeChecked();
    await user.type(screen.getByLabelText('结束时间'), '2026-11-22T13:47:03');
    await user.click(screen.getByRole('button', { name: '添加故障记录' }));
    await waitFor(() => expect(api.current.entries).toHaveLength(1));
    expect(api.current.entries[0]).toMatchObject({
      start: '2026-11-22T10:47:03+08:00',
      end: '2026-11-22T13:47:03+08:00',
      failed: ['webmail'],
      snapshotIds: ['snap-000009'],
    });
    expect(await screen.findByText(/已记录 2026-11-22 10:47:03 – 2026-11-22 13:47:03/)).toBeInTheDocument();
    expect(document.querySelector('[data-month="2026-11"] [data-field="unavailable"]')).toHaveTextContent('180 分钟');
  });

  it('an end before the start is refused and nothing is saved; an "other" exclusion needs a note', async () => {
    const user = userEvent.setup();
    const api = fakeApi(log([]));
    render(
      <StaticLocale locale="zh-CN">
        <SlaLog api={api} />
      </StaticLocale>,
    );
    await user.type(await screen.findByLabelText('开始时间'), '2026-10-10T11:00:00');
    await user.type(screen.getByLabelText('结束时间'), '2026-10-10T10:00:00');
    await user.click(screen.getByRole('button', { name: '添加故障记录' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('end must be after start');
    const end = screen.getByLabelText('结束时间');
    await user.clear(end);
    await user.type(end, '2026-10-10T12:00:00');
    await user.selectOptions(screen.getByLabelText('免责原因'), 'other');
    await user.click(screen.getByRole('button', { name: '添加故障记录' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('needs a note');
    expect(api.saveLog).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText('说明'), '我方机房断电');
    await user.click(screen.getByRole('button', { name: '添加故障记录' }));
    await waitFor(() => expect(api.current.entries).toHaveLength(1));
    expect(screen.getByText(/免责：其他（需说明）: 我方机房断电/)).toBeInTheDocument();
  });

  it('offers the SLA 2.3 exclusions by clause, and deletes an entry', async () => {
    const user = userEvent.setup();
    const api = fakeApi(log([octoberOutage]));
    render(
      <StaticLocale locale="zh-CN">
        <SlaLog api={api} />
      </StaticLocale>,
    );
    const select = await screen.findByLabelText('免责原因');
    const options = within(select)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toContain('2.3 (1) 腾讯云预先通知的系统维护（割接、维修、升级、故障演练）');
    expect(options).toHaveLength(9);
    await user.click(screen.getByRole('button', { name: /删除这条记录/ }));
    await waitFor(() => expect(api.current.entries).toHaveLength(0));
    expect(screen.getByText('尚无故障记录。')).toBeInTheDocument();
  });
});

describe('SLA page as an admin keeps it', () => {
  const cvmOutage = {
    id: 'out-2',
    service: 'cvm',
    start: '2026-10-03T08:00:00+08:00',
    end: '2026-10-03T20:00:00+08:00',
    failed: [],
    snapshotIds: [],
  };

  it('leads with the month: the result comes before the form and the log, the tier in words and colour band', async () => {
    const api = fakeApi(log([octoberOutage]));
    render(
      <StaticLocale locale="zh-CN">
        <SlaLog api={api} />
      </StaticLocale>,
    );
    await screen.findByText('服务可用性');
    const sections = [...document.querySelectorAll('main > section, main > form')].map(
      (el) => el.getAttribute('data-section') ?? el.getAttribute('data-form'),
    );
    expect(sections[0]).toBe('month');
    expect(sections.indexOf('month')).toBeLessThan(sections.indexOf('outage'));
    const tier = document.querySelector('[data-tier-level]')!;
    expect(tier.getAttribute('data-tier-level')).toBe('low');
    // The words carry the meaning without the colour.
    expect(tier).toHaveTextContent('月度服务费的 10%');
    expect(tier).toHaveTextContent('可申请赔偿');
  });

  it('a CVM month at 98.39% (12 h down) is in a higher band than the 10% tier', () => {
    render(
      <StaticLocale locale="en">
        <MonthView
          log={log([cvmOutage])}
          service="cvm"
          month="2026-10"
          onFee={vi.fn(async () => undefined)}
          copy={vi.fn(async () => undefined)}
          now={() => NOW}
        />
      </StaticLocale>,
    );
    const tier = document.querySelector('[data-tier-level]')!;
    expect(document.querySelector('[data-field="availability"]')).toHaveTextContent('98.3870%');
    expect(tier.getAttribute('data-tier-level')).toBe(
      Number(/(\d+)%/.exec(tier.textContent ?? '')![1]) > 10 ? 'mid' : 'low',
    );
    expect(tier).toHaveTextContent('A larger credit can be claimed');
  });

  it('takes the monthly fee and the purchase date from the stored Exmail order', async () => {
    const user = userEvent.setup();
    const order = summary({
      id: 'snap-000003',
      orderId: 'EX20260105000123',
      product: '腾讯企业邮箱 专业版 50 账号',
      amountPaid: 3600,
      termMonths: 12,
      paidAt: '2026-01-05T10:20:00+08:00',
      status: '已支付',
    });
    const api = fakeApi(log([octoberOutage]), [], [summary({ id: 'snap-000005', title: '系统繁忙' }), order]);
    render(
      <StaticLocale locale="zh-CN">
        <SlaLog api={api} />
      </StaticLocale>,
    );
    // 3600 元 ÷ 12 个月 = 300 元 a month → the 10% tier gives 30 元.
    await waitFor(() => expect(document.querySelector('[data-field="voucher"]')).toHaveTextContent('30.00 元'));
    expect(document.querySelector('[data-fee-source="snap-000003"]')).toHaveTextContent(
      '月服务费 300.00 元：订单 EX20260105000123 实付 3600.00 元 ÷ 12 个月',
    );
    expect(screen.getByLabelText('购买日期（用于判断适用条款）')).toHaveValue('2026-01-05');
    expect(document.querySelector('[data-claim-needs]')).toHaveTextContent('购买日期取自订单 EX20260105000123');
    await user.click(screen.getByRole('button', { name: '准备 SLA 赔偿工单' }));
    const draft = (screen.getByLabelText('工单草稿') as HTMLTextAreaElement).value;
    expect(draft).toContain('30.00 元');
    // The draft names the order and its product, as the order page shows them.
    expect(draft).toContain('EX20260105000123');
    expect(draft).toContain('腾讯企业邮箱 专业版 50 账号');
    // Nothing was written: the order's share is used, not stored as a typed fee.
    expect(api.saveLog).not.toHaveBeenCalled();
  });

  it('a CVM month does not take its fee from an Exmail order', async () => {
    const exmailOrder = summary({
      id: 'snap-000003',
      orderId: 'EX1',
      product: '腾讯企业邮箱',
      amountPaid: 3600,
      termMonths: 12,
      paidAt: '2026-01-05T10:20:00+08:00',
    });
    const api = fakeApi(log([cvmOutage]), [], [exmailOrder]);
    render(
      <StaticLocale locale="zh-CN">
        <SlaLog api={api} />
      </StaticLocale>,
    );
    await screen.findByText('服务可用性');
    await waitFor(() => expect(api.snapshots).toHaveBeenCalled());
    expect(document.querySelector('[data-field="voucher"]')).toHaveTextContent('填写当月服务费后计算');
    expect(document.querySelector('[data-fee-source]')).toBeNull();
  });

  it('picks the outage evidence from the stored snapshots, not typed ids', async () => {
    const user = userEvent.setup();
    const api = fakeApi(
      log([]),
      [],
      [summary({ id: 'snap-000005', title: '系统繁忙，请稍后再试', capturedAt: '2026-10-10T01:05:00.000Z' })],
    );
    render(
      <StaticLocale locale="zh-CN">
        <SlaLog api={api} />
      </StaticLocale>,
    );
    const pick = await screen.findByRole('checkbox', { name: /系统繁忙，请稍后再试/ });
    expect(within(pick.closest('label')!).getByText('snap-000005')).toBeInTheDocument();
    await user.click(pick);
    await user.type(screen.getByLabelText('开始时间'), '2026-10-10T09:00:00');
    await user.type(screen.getByLabelText('结束时间'), '2026-10-10T11:30:00');
    await user.click(screen.getByRole('button', { name: '添加故障记录' }));
    await waitFor(() => expect(api.current.entries).toHaveLength(1));
    expect(api.current.entries[0]!.snapshotIds).toEqual(['snap-000005']);
    expect(screen.queryByRole('textbox', { name: /快照/ })).toBeNull();
  });

  it('an empty locker teaches how to save the failure page', async () => {
    render(
      <StaticLocale locale="zh-CN">
        <SlaLog api={fakeApi(log([]))} />
      </StaticLocale>,
    );
    expect(await screen.findByText(/按 Alt\+Shift\+S/)).toBeInTheDocument();
  });
});

describe('SLA month: dates stay whole', () => {
  it('each date in the claim window is one unbreakable piece', () => {
    render(
      <StaticLocale locale="zh-CN">
        <MonthView
          log={log([octoberOutage])}
          service="exmail"
          month="2026-10"
          onFee={vi.fn(async () => undefined)}
          copy={vi.fn(async () => undefined)}
          now={() => NOW}
        />
      </StaticLocale>,
    );
    const dates = [...document.querySelectorAll('[data-field="window"] .rg-date')].map((d) => d.textContent);
    expect(dates).toEqual(['2026-11-06', '2026-12-30']);
  });
});
