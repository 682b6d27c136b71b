import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { outageLogSchema, type OutageLog, type WebmailSighting } from '../../lib/outages';
import { StaticLocale } from '../i18n';
import type { SlaApi } from './api';
import { MonthView } from './MonthView';
import { SlaLog } from './SlaLog';

const NOW = new Date('2026-11-22T02:00:00Z');
const log = (entries: unknown[], fees: Record<string, number> = {}): OutageLog => outageLogSchema().parse({ entries, fees });
const octoberOutage = { id: 'out-1', service: 'exmail', start: '2026-10-10T09:00:00+08:00', end: '2026-10-10T11:30:00+08:00', failed: ['webmail'], snapshotIds: ['snap-000007'] };

function fakeApi(initial: OutageLog, sightings: WebmailSighting[] = []) {
  let current = initial;
  return {
    loadLog: vi.fn(async () => ({ log: current, invalid: false })),
    saveLog: vi.fn(async (next: OutageLog) => (current = outageLogSchema().parse(next))),
    sightings: vi.fn(async () => sightings),
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
        <MonthView log={log([octoberOutage], { 'exmail:2026-10': 300 })} service="exmail" month="2026-10" onFee={vi.fn(async () => undefined)} copy={copy} now={() => NOW} />
      </StaticLocale>,
    );
    const field = (name: string) => document.querySelector(`[data-field="${name}"]`)!;
    expect(field('availability')).toHaveTextContent('99.6639%');
    expect(field('unavailable')).toHaveTextContent('150 分钟');
    expect(field('tier')).toHaveTextContent('月度服务费的 10%');
    expect(field('voucher')).toHaveTextContent('30.00 元');
    expect(field('window')).toHaveTextContent('2026-11-06 之后可申请，2026-12-30 截止');

    const prepare = screen.getByRole('button', { name: '准备 SLA 赔偿工单' });
    expect(prepare).toBeDisabled();
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
        <MonthView log={log([{ ...octoberOutage, start: '2027-01-10T09:00:00+08:00', end: '2027-01-10T11:30:00+08:00' }])} service="exmail" month="2027-01" onFee={vi.fn(async () => undefined)} copy={vi.fn(async () => undefined)} now={() => NOW} />
      </StaticLocale>,
    );
    expect(document.querySelector('[data-field="window"]')).toHaveTextContent('Opens after 2027-02-05, closes on 2027-04-01 (estimated');
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
    expect(screen.getByLabelText('附加证据快照编号（用空格或逗号分隔）')).toHaveValue('snap-000009');
    expect(screen.getByRole('checkbox', { name: 'Webmail' })).toBeChecked();
    await user.type(screen.getByLabelText('结束时间'), '2026-11-22T13:47:03');
    await user.click(screen.getByRole('button', { name: '添加故障记录' }));
    await waitFor(() => expect(api.current.entries).toHaveLength(1));
    expect(api.current.entries[0]).toMatchObject({ start: '2026-11-22T10:47:03+08:00', end: '2026-11-22T13:47:03+08:00', failed: ['webmail'], snapshotIds: ['snap-000009'] });
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
    const options = within(select).getAllByRole('option').map((o) => o.textContent);
    expect(options).toContain('2.3 (1) 腾讯云预先通知的系统维护（割接、维修、升级、故障演练）');
    expect(options).toHaveLength(9);
    await user.click(screen.getByRole('button', { name: /删除这条记录/ }));
    await waitFor(() => expect(api.current.entries).toHaveLength(0));
    expect(screen.getByText('尚无故障记录。')).toBeInTheDocument();
  });
});
