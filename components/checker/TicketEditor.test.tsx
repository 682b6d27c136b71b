import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { evaluateClaim, type ClaimSnapshot } from '../../lib';
import { StaticLocale } from '../i18n';
import { Checker } from './Checker';
import { claimSnapshot } from './snapshotFacts';
import { TicketEditor, type Contact, type TicketTarget } from './TicketEditor';
import type { CheckerServices } from './services';
import { fakeServices, NOW, ORDER_ID, ORDER_URL, paidOrderSnapshot, pixelStudioPack } from '../../test/doubles/checker';

const cvmFacts = {
  vendor: 'tencent-cloud',
  purchasedAt: '2026-11-18T10:59:07+08:00',
  channel: 'official',
  orderId: ORDER_ID,
  product: '云服务器 CVM',
  amountPaid: 3145.37,
  termMonths: 12,
  renewal: false,
  billing: 'prepaid',
  promoNonRefundable: false,
  reason: 'changed-mind',
  convertedFromPayAsYouGo: false,
  firstNoReasonRefundUsed: false,
};
const snapshots: ClaimSnapshot[] = [claimSnapshot({ ...paidOrderSnapshot })];
const workorderTab = {
  tabId: 42,
  title: '提交工单 - 工单 - 控制台',
  url: 'http://console.cloud.tencent.com/workorder/create?level1_id=6&level2_id=163',
  match: { vendor: 'tencent-cloud', kind: 'ticket' as const },
};

function Editor({
  services,
  facts = cvmFacts,
  packs = [] as unknown[],
  refused = false,
  locale = 'zh-CN' as 'zh-CN' | 'en',
}: {
  services: CheckerServices;
  facts?: Record<string, unknown>;
  packs?: unknown[];
  refused?: boolean;
  locale?: 'zh-CN' | 'en';
}) {
  const [target, setTarget] = useState<TicketTarget>(refused ? '12315' : 'vendor');
  const [contact, setContact] = useState<Contact>({ name: '', phone: '', email: '' });
  const verdict = evaluateClaim(refused ? { ...facts, vendorRefused: true } : facts, NOW, { locale, packs });
  return (
    <StaticLocale locale={locale}>
      <TicketEditor
        verdict={verdict}
        facts={facts}
        snapshots={snapshots}
        packs={packs}
        holidayOverrides={[]}
        refused={refused}
        target={target}
        onTarget={setTarget}
        contact={contact}
        onContact={setContact}
        services={services}
      />
    </StaticLocale>
  );
}

const field = (name: string) =>
  document.querySelector(`[data-field="${name}"]`) as HTMLInputElement | HTMLTextAreaElement;

describe('TicketEditor: the draft as editable fields', () => {
  it('shows draftTicket’s title, category, description and attachments, ticked from the snapshots', async () => {
    const { services } = fakeServices();
    render(<Editor services={services} />);
    expect(field('title').value).toBe(`退款申请：云服务器 CVM（订单 ${ORDER_ID}）`);
    expect(field('category').value).toBe('云服务器 CVM > 退费 / 退还');
    expect(field('description').value).toContain(`【订单信息】订单号：${ORDER_ID}`);
    expect(field('description').value).toContain('【金额与日期】实付金额：3145.37 元');
    expect(field('description').value).toContain('【依据】');
    const attachments = screen.getByTestId('attachments');
    expect(within(attachments).getByText('订单号').closest('li')).toHaveAttribute('data-have', 'true');
    expect(
      within(attachments)
        .getByText(/使用记录/)
        .closest('li'),
    ).toHaveAttribute('data-have', 'false');
    await waitFor(() => expect(screen.getByTestId('form-status')).toHaveTextContent('没有找到已打开的工单表单'));
  });

  it('adds the contact to the draft while it is not edited, and keeps the user’s own edits', async () => {
    const user = userEvent.setup();
    const { services } = fakeServices();
    render(<Editor services={services} />);
    await user.type(screen.getByLabelText('手机号'), '13800000000');
    expect(field('description').value).toContain('【联系方式】13800000000');
    await user.clear(field('title'));
    await user.type(field('title'), '我的标题');
    await user.type(screen.getByLabelText('邮箱'), 'it@example.com');
    expect(field('title').value).toBe('我的标题');
    await user.click(screen.getByRole('button', { name: '按最新信息重新生成' }));
    expect(field('title').value).toBe(`退款申请：云服务器 CVM（订单 ${ORDER_ID}）`);
    expect(field('description').value).toContain('13800000000 / it@example.com');
  });

  it('fills the open ticket form with the edited draft, reports what went where, and can switch to that tab', async () => {
    const user = userEvent.setup();
    const { services } = fakeServices();
    services.findTicketTabs.mockResolvedValue([workorderTab]);
    services.fillTicket.mockImplementation(
      async (_tab: number, req: { dryRun: boolean }) =>
        ({
          status: req.dryRun ? 'preview' : 'filled',
          url: workorderTab.url,
          filled: [
            { field: 'title', label: '问题标题', truncated: false },
            { field: 'orderId', label: '关联订单号', truncated: false },
            { field: 'description', label: '问题描述', truncated: false },
          ],
          kept: [],
          missing: ['name'],
        }) as const,
    );
    render(<Editor services={services} />);
    await waitFor(() =>
      expect(screen.getByTestId('form-status')).toHaveTextContent('找到已打开的工单表单：提交工单 - 工单 - 控制台'),
    );
    await user.clear(field('title'));
    await user.type(field('title'), '申请退还 CVM');
    await user.type(screen.getByLabelText('联系人'), '王敏');
    await user.click(screen.getByRole('button', { name: '填入工单表单' }));
    const report = await screen.findByTestId('fill-report');
    const [tabId, request] = services.fillTicket.mock.calls.at(-1) as unknown as [
      number,
      { values: Record<string, string>; dryRun: boolean; hints: Record<string, string> },
    ];
    expect(tabId).toBe(42);
    expect(request.dryRun).toBe(false);
    expect(request.values).toMatchObject({ title: '申请退还 CVM', orderId: ORDER_ID, name: '王敏' });
    expect(request.values).not.toHaveProperty('confidential'); // no account given: nothing to put there
    expect(request.values.description).toContain(`订单号：${ORDER_ID}`);
    expect(request.hints).toMatchObject({ title: 'title', description: 'description' });
    expect(report).toHaveTextContent('已在页面中填入 3 项');
    expect(report).toHaveTextContent('没有提交');
    expect(report).toHaveTextContent('关联订单号 ← 订单号');
    expect(report).toHaveTextContent('表单里没有这些内容的位置，请手动补充：联系人');
    await user.click(within(report).getByRole('button', { name: '切换到工单页面' }));
    expect(services.focusTab).toHaveBeenCalledWith(42);
  });

  it("says which fields the page refused (it put its old value back), in the user's language", async () => {
    const user = userEvent.setup();
    const { services } = fakeServices();
    services.findTicketTabs.mockResolvedValue([workorderTab]);
    services.fillTicket.mockImplementation(async (_tab: number, req: { dryRun: boolean }) => ({
      status: req.dryRun ? 'preview' : 'filled',
      url: workorderTab.url,
      filled: [{ field: 'title', label: '问题标题', truncated: false }],
      kept: [],
      missing: [],
      rejected: [
        { field: 'orderId', label: '关联订单号' },
        { field: 'description', label: '问题描述' },
      ],
    }));
    const { unmount } = render(<Editor services={services} />);
    await waitFor(() => expect(screen.getByTestId('form-status')).toHaveTextContent('找到已打开的工单表单'));
    await user.click(screen.getByRole('button', { name: '填入工单表单' }));
    const report = await screen.findByTestId('fill-report');
    expect(report).toHaveTextContent('已在页面中填入 1 项');
    const rejected = within(report).getByTestId('fill-rejected');
    expect(rejected).toHaveTextContent('页面没有接受以下 2 项');
    expect([...rejected.querySelectorAll('li')].map((li) => [li.dataset.field, li.textContent])).toEqual([
      ['orderId', '关联订单号（应填：订单号）'],
      ['description', '问题描述'],
    ]);
    unmount();

    render(<Editor services={services} locale="en" />);
    await waitFor(() => expect(screen.getByTestId('form-status')).toHaveTextContent('Open ticket form found'));
    await user.click(screen.getByRole('button', { name: 'Fill the form' }));
    expect(await screen.findByTestId('fill-rejected')).toHaveTextContent('The page did not accept 2 of them');
  });

  it('without an open form it says so and offers the vendor’s ticket page; copy and export still work', async () => {
    const user = userEvent.setup();
    const { services } = fakeServices();
    render(<Editor services={services} />);
    await user.click(screen.getByRole('button', { name: '填入工单表单' }));
    expect(await screen.findByText(/没有找到已打开的工单表单/, { selector: '[role="status"]' })).toBeInTheDocument();
    expect(services.fillTicket).not.toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ dryRun: false }));
    await user.click(screen.getByRole('button', { name: '打开工单页面' }));
    expect(services.openUrl).toHaveBeenCalledWith('https://console.cloud.tencent.com/workorder/category');
    await user.click(screen.getByRole('button', { name: '复制为文本' }));
    const copied = services.copyText.mock.calls[0]![0] as unknown as string;
    expect(copied).toContain(`标题: 退款申请：云服务器 CVM（订单 ${ORDER_ID}）`);
    expect(copied).toContain('问题分类: 云服务器 CVM > 退费 / 退还');
    expect(copied).toContain('- [x] 订单号');
    expect(await screen.findByText('已复制到剪贴板')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '在证据库导出证据包' }));
    expect(services.openLocker).toHaveBeenCalled();
  });

  it('an email-channel claim gets a mailto: draft and no form filling', async () => {
    const { services } = fakeServices();
    const facts = { vendor: 'pixel-studio', purchasedAt: '2026-11-15T09:30:00+08:00', orderId: 'PS-2026-8812' };
    render(<Editor services={services} facts={facts} packs={[pixelStudioPack(14)]} />);
    const email = screen.getByRole('link', { name: '用邮件发送' });
    const href = email.getAttribute('href')!;
    expect(href.startsWith('mailto:refunds@store.example.net?subject=')).toBe(true);
    expect(decodeURIComponent(href)).toContain('PS-2026-8812');
    expect(screen.queryByRole('button', { name: '填入工单表单' })).toBeNull();
  });

  it('after a refusal: drafts for 12315 and 黑猫投诉, with the company and the refusal', async () => {
    const user = userEvent.setup();
    const { services } = fakeServices();
    render(<Editor services={services} refused />);
    expect(field('title').value).toBe(`投诉：腾讯云计算（北京）有限责任公司 拒绝退款（订单 ${ORDER_ID}）`);
    expect(field('category').value).toBe('全国 12315 平台 > 投诉');
    expect(field('description').value).toContain('此前已向商家申请退款，被拒绝。');
    expect(within(screen.getByTestId('attachments')).getByText('商家拒绝退款的记录')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '填入工单表单' })).toBeNull();
    await user.click(screen.getByRole('radio', { name: '黑猫投诉' }));
    expect(field('category').value).toBe('黑猫投诉 > 发起投诉');
    await user.click(screen.getByRole('radio', { name: '厂商' }));
    expect(field('category').value).toBe('云服务器 CVM > 退费 / 退还');
  });

  it('after a refusal: each complaint links its official portal, primary, and says what to upload', async () => {
    const user = userEvent.setup();
    const { services } = fakeServices();
    render(<Editor services={services} refused />);
    expect(screen.getByRole('link', { name: 'www.12315.cn' })).toHaveAttribute('href', 'https://www.12315.cn');
    expect(screen.getByText('投诉时上传这些材料')).toBeInTheDocument();
    const open12315 = screen.getByRole('button', { name: '去 12315 投诉' });
    expect(open12315).toHaveClass('rg-button--primary');
    expect(document.querySelectorAll('[data-testid="ticket-actions"] .rg-button--primary')).toHaveLength(1);
    await user.click(open12315);
    expect(services.openUrl).toHaveBeenCalledWith('https://www.12315.cn');
    await user.click(screen.getByRole('radio', { name: '黑猫投诉' }));
    expect(screen.getByRole('link', { name: 'tousu.sina.com.cn' })).toHaveAttribute(
      'href',
      'https://tousu.sina.com.cn',
    );
    await user.click(screen.getByRole('button', { name: '去黑猫投诉' }));
    expect(services.openUrl).toHaveBeenCalledWith('https://tousu.sina.com.cn');
  });

  it('"fill the form" is the primary action only while a form is open; otherwise copying is, as the text says', async () => {
    const none = fakeServices().services;
    const { unmount } = render(<Editor services={none} />);
    expect(await screen.findByTestId('form-status')).toHaveTextContent('没有找到已打开的工单表单');
    expect(screen.getByRole('button', { name: '填入工单表单' })).not.toHaveClass('rg-button--primary');
    expect(screen.getByRole('button', { name: '复制为文本' })).toHaveClass('rg-button--primary');
    unmount();

    const { services } = fakeServices();
    services.findTicketTabs.mockResolvedValue([workorderTab]);
    services.fillTicket.mockResolvedValue({
      status: 'preview',
      url: workorderTab.url,
      filled: [],
      kept: [],
      missing: [],
    });
    render(<Editor services={services} />);
    expect(await screen.findByTestId('form-status')).toHaveTextContent('找到已打开的工单表单');
    expect(screen.getByRole('button', { name: '填入工单表单' })).toHaveClass('rg-button--primary');
    expect(screen.getByRole('button', { name: '复制为文本' })).not.toHaveClass('rg-button--primary');
  });

  it('lists the missing evidence once: in the attachment list, not again under the notes', () => {
    render(<Editor services={fakeServices().services} />);
    const missing = [...screen.getByTestId('attachments').querySelectorAll('[data-have="false"]')];
    expect(missing.length).toBeGreaterThan(0);
    const label = missing[0]!
      .textContent!.replace(/未具备|缺少|missing/g, '')
      .trim()
      .slice(0, 6);
    expect(document.body.textContent!.split(label).length - 1).toBe(1);
    expect(screen.queryByText(/^尚缺证据：/)).toBeNull();
  });

  it("offers each snapshot's screenshot as a PNG the form accepts, beside the ZIP, and says when one has none", async () => {
    const user = userEvent.setup();
    const { services } = fakeServices();
    const downloadScreenshotPng = vi.fn(async (_id: string) => false);
    const openReport = vi.fn();
    render(<Editor services={{ ...services, downloadScreenshotPng, openReport }} />);
    const files = screen.getByTestId('ticket-files');
    // Named by the page and the time it was saved, as the locker lists it (no internal number in the sentence).
    await user.click(
      within(files).getByRole('button', { name: '下载截图（PNG）：订单详情 - 费用中心 - 控制台 · 2026-11-22 10:10' }),
    );
    expect(downloadScreenshotPng).toHaveBeenCalledWith('snap-000001');
    expect(await within(files).findByText(/这份快照没有截图/)).toBeInTheDocument();
    await user.click(within(files).getByRole('button', { name: '打印证据报告（可存为 PDF）' }));
    expect(openReport).toHaveBeenCalledWith(['snap-000001']);
    expect(screen.getByRole('button', { name: '在证据库导出证据包' })).toBeInTheDocument();
  });

  it('writes the draft in English when the UI is English', () => {
    const { services } = fakeServices();
    render(<Editor services={services} locale="en" />);
    expect(field('title').value).toBe(`Refund request: 云服务器 CVM (order ${ORDER_ID})`);
    expect(screen.getByRole('button', { name: 'Fill the form' })).toBeInTheDocument();
  });
});

describe('Checker → ticket', () => {
  it('“Prepare ticket” and “the vendor refused” lead from the verdict to the drafts', async () => {
    const user = userEvent.setup();
    const { services } = fakeServices({ snapshots: [paidOrderSnapshot] });
    render(
      <StaticLocale locale="zh-CN">
        <Checker
          now={NOW}
          services={services}
          current={{ tabId: 7, url: ORDER_URL, match: { vendor: 'tencent-cloud', kind: 'order' } }}
        />
      </StaticLocale>,
    );
    await user.click(await screen.findByRole('button', { name: '先看初步结论' }));
    await user.click(screen.getByRole('button', { name: '准备工单' }));
    expect(await screen.findByTestId('ticket')).toBeInTheDocument();
    expect(field('title').value).toContain(ORDER_ID);
    // Focus moves to the new step's heading, for keyboard users.
    expect(document.activeElement).toHaveTextContent('准备工单');
    await user.click(screen.getByRole('button', { name: '厂商拒绝了我的申请' }));
    expect(screen.getByRole('radio', { name: '12315 投诉' })).toBeChecked();
    expect(field('title').value).toMatch(/^投诉：/);
  });
});
