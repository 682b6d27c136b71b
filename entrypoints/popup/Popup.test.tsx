import { render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakeServices, NOW, ORDER_URL, paidOrderSnapshot } from '../../test/doubles/checker';
import { StaticLocale } from '../../components/i18n';
import { findTabOrder } from '../../lib';
import { tabVerdict, usableSettings } from '../../lib/evidence/tab-verdict';
import { PackSet } from '../../lib/policy/registry';
import { MessagingError } from '../../lib/messages';
import { defaultSettings } from '../../lib/settings';
import type { CheckerServices } from '../../components/checker/services';
import { cardContent } from '../../lib/card/model';
import userEvent from '@testing-library/user-event';

const sendMessage = vi.fn();
/** What the worker knows about the tab (each test sets it). */
const tabStatus = vi.fn();
vi.mock('../../platform/page-messaging', () => ({ sendMessage: (...args: unknown[]) => sendMessage(...args) }));

const { Popup } = await import('./Popup');
const { requestedNow } = await import('./checker');
const { browserStartDeps, requestedTabId, startPopup } = await import('./start');

/**
 * The popup's own start against the fake browser. The worker's `tab.order` is
 * the mocked status plus what the lookup finds among the given snapshots.
 */
function renderPopup(
  locale: 'zh-CN' | 'en' = 'zh-CN',
  services: CheckerServices = fakeServices().services,
  search = '',
) {
  sendMessage.mockImplementation(async (type: string, data: { tabId: number; now: string }) => {
    const status = await tabStatus(type, data);
    const order = await findTabOrder(services, { vendor: status.match?.vendor ?? null, url: status.url });
    // As the worker answers: with the order's first verdict, as of the moment the popup sent.
    return { status, order, verdict: tabVerdict(order, data.now, usableSettings(defaultSettings)) };
  });
  const start = startPopup(search, browserStartDeps);
  return render(
    <StaticLocale locale={locale}>
      <Popup now={NOW} services={services} start={start} />
    </StaticLocale>,
  );
}

describe('Popup', () => {
  beforeEach(async () => {
    sendMessage.mockReset();
    tabStatus.mockReset();
    const win = await fakeBrowser.windows.create({ focused: true });
    await fakeBrowser.tabs.create({
      windowId: win?.id,
      url: 'https://console.cloud.tencent.com/expense/deal',
      active: true,
    });
  });

  it('shows what the active tab is, asking the worker about that tab', async () => {
    const [active] = await fakeBrowser.tabs.query({ active: true, currentWindow: true });
    tabStatus.mockResolvedValue({
      match: { vendor: 'tencent-cloud', kind: 'order' },
      url: 'https://console.cloud.tencent.com/expense/deal',
      title: '订单管理',
      detectedAt: '2026-11-22T03:00:00.000Z',
    });
    renderPopup();
    expect(await screen.findByText('腾讯云 · 订单页')).toBeInTheDocument();
    expect(active?.id).toEqual(expect.any(Number));
    expect(sendMessage).toHaveBeenCalledWith('tab.order', { tabId: active?.id, now: expect.any(String) });
    expect(document.querySelectorAll('.rg-vendor-list li')).toHaveLength(4);
  });

  it('opens the checker on the order of the current tab, from the one answer it asked for as it opened', async () => {
    tabStatus.mockResolvedValue({
      match: { vendor: 'tencent-cloud', kind: 'order' },
      url: ORDER_URL,
      title: '订单详情',
      detectedAt: '2026-11-22T03:00:00.000Z',
    });
    const { services } = fakeServices({ snapshots: [paidOrderSnapshot] });
    renderPopup('zh-CN', services);
    expect(await screen.findByTestId('questions')).toBeInTheDocument();
    expect(screen.getByText(/腾讯云 · 订单 20261118105822371604/)).toBeInTheDocument();
    // The order's headline once: the checker's, not the page's lead as well.
    await waitFor(() => expect(screen.queryByTestId('tab-lead')).toBeNull());
    expect(document.querySelectorAll('[data-headline]')).toHaveLength(1);
    // One `tab.order` (whose lookup is the one list and bodies read here); the checker asks nothing again.
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(services.listSnapshots).toHaveBeenCalledTimes(1);
    expect(services.getBodies).toHaveBeenCalledTimes(1);
  });

  it('shows the order at its first render when the answers were in before it, reading nothing again', async () => {
    const status = {
      match: { vendor: 'tencent-cloud', kind: 'order' } as const,
      url: ORDER_URL,
      title: '订单详情',
      detectedAt: '2026-11-22T03:00:00.000Z',
    };
    const { services } = fakeServices({ snapshots: [paidOrderSnapshot] });
    const order = await findTabOrder(services, { vendor: 'tencent-cloud', url: ORDER_URL });
    vi.mocked(services.listSnapshots).mockClear();
    vi.mocked(services.getBodies).mockClear();
    const verdict = tabVerdict(order, NOW, { packs: PackSet.of([]), holidayOverrides: [] });
    const start = {
      clock: NOW,
      tab: Promise.resolve({ tabId: 7, status, url: ORDER_URL }),
      order: Promise.resolve(order),
      verdict: Promise.resolve(verdict),
      settings: Promise.resolve(null),
    };
    render(
      <StaticLocale locale="zh-CN">
        <Popup
          now={NOW}
          services={services}
          start={start}
          ready={{ tab: { tabId: 7, status, url: ORDER_URL }, order, verdict, settings: defaultSettings }}
        />
      </StaticLocale>,
    );
    // No awaiting: the first render already has the tab, the order and the worker's verdict on it.
    expect(screen.getByText('腾讯云 · 订单页')).toBeInTheDocument();
    expect(screen.getByText(/腾讯云 · 订单 20261118105822371604/)).toBeInTheDocument();
    const first = document.querySelector('[data-first] [data-verdict]');
    expect(first).not.toBeNull();
    const line = first!.querySelector('[data-headline]')!.textContent;
    expect(line).toBe(`${verdict!['zh-CN'].words.line} · ${verdict!['zh-CN'].words.deadline}`);
    // The checker takes over once its code is in, with the same headline and its questions.
    expect(await screen.findByTestId('questions')).toBeInTheDocument();
    expect(document.querySelector('[data-first]')).toBeNull();
    expect(document.querySelector('[data-verdict] [data-headline]')!.textContent).toBe(line);
    expect(services.loadSettings).not.toHaveBeenCalled();
    expect(services.listSnapshots).not.toHaveBeenCalled();
    expect(services.getBodies).not.toHaveBeenCalled();
  });

  it('says plainly when the page is not a vendor page, and offers to start from scratch', async () => {
    tabStatus.mockResolvedValue({ match: null, url: null, title: null, detectedAt: null });
    renderPopup('en');
    expect(await screen.findByText(/not a purchase, order or ticket page/)).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Start checking' })).toBeInTheDocument();
  });

  it('on a checkout, leads with the assessment and risks the card shows for that page, not with "no snapshot" and a vendor picker', async () => {
    const request = {
      match: { vendor: 'tencent-cloud', kind: 'checkout' as const },
      locale: 'zh-CN' as const,
      checkout: { product: '云服务器 CVM', term: '3年', autoRenew: true },
      order: null,
      rows: [],
    };
    const content = cardContent(request, NOW, { locale: 'zh-CN' });
    const { services } = fakeServices();
    const tabCard = vi.fn(async () => content);
    tabStatus.mockResolvedValue({
      match: request.match,
      url: 'https://buy.cloud.tencent.com/cvm',
      title: '云服务器购买',
      detectedAt: '2026-11-22T03:00:00.000Z',
    });
    renderPopup('zh-CN', { ...services, tabCard });
    const lead = await screen.findByTestId('tab-lead');
    expect(lead.dataset.lead).toBe('checkout');
    await waitFor(() =>
      expect(lead.querySelector('[data-headline]')?.textContent).toContain(content.checkout!.words.line),
    );
    const flags = [...lead.querySelectorAll('[data-flag]')].map((f) => f.getAttribute('data-flag'));
    expect(flags).toEqual(content.checkout!.flags.map((f) => f.id));
    expect(flags).toEqual(expect.arrayContaining(['multi-year', 'auto-renew']));
    expect(tabCard).toHaveBeenCalledWith(expect.any(Number), 'zh-CN');
    await screen.findByTestId('source');
    expect(screen.queryByText(/还没有保存的订单快照/)).toBeNull();
    // Starting a blank claim is still possible, folded away under the assessment.
    expect(screen.getByTestId('vendor-select').closest('details')?.open).toBe(false);
  });

  it('on an order page not saved yet, leads with the headline the card shows for it', async () => {
    const order = {
      orderId: 'LV20261110203311',
      status: '已支付',
      paidAt: '2026-11-10 20:33:11',
      amountPaid: 148,
      product: '快连 VPN 年付',
    };
    const request = {
      match: { vendor: 'letsvpn', kind: 'order' as const },
      locale: 'zh-CN' as const,
      checkout: null,
      order,
      rows: [],
    };
    const content = cardContent(request, NOW, { locale: 'zh-CN' });
    expect(content.order).not.toBeNull();
    const { services } = fakeServices();
    tabStatus.mockResolvedValue({
      match: request.match,
      url: 'https://letsvpn.world/orders/LV20261110203311',
      title: '我的订单',
      detectedAt: '2026-11-22T03:00:00.000Z',
    });
    renderPopup('zh-CN', { ...services, tabCard: vi.fn(async () => content) });
    const lead = await screen.findByTestId('tab-lead');
    expect(lead.dataset.lead).toBe('order');
    await waitFor(() =>
      expect(lead.querySelector('[data-headline]')?.textContent).toContain(content.order!.words.line),
    );
  });

  it("on an order list, leads with each listed order and its headline, in the card's words", async () => {
    const rows = [
      {
        orderId: '20261118105822371604',
        orderType: '新购',
        status: '已支付',
        paidAt: '2026-11-18 10:59:07',
        amountPaid: 3145.37,
        product: '云服务器 CVM',
      },
      {
        orderId: '20261020091512004417',
        orderType: '新购',
        status: '已退款',
        paidAt: '2026-10-20 09:15:12',
        amountPaid: 68,
        product: '轻量应用服务器',
      },
    ];
    const request = {
      match: { vendor: 'tencent-cloud', kind: 'order' as const },
      locale: 'zh-CN' as const,
      checkout: null,
      order: null,
      rows,
    };
    const content = cardContent(request, NOW, { locale: 'zh-CN' });
    expect(content.orderRows).toHaveLength(2);
    tabStatus.mockResolvedValue({
      match: request.match,
      url: 'https://console.cloud.tencent.com/expense/deal',
      title: '订单管理',
      detectedAt: '2026-11-22T03:00:00.000Z',
    });
    renderPopup('zh-CN', { ...fakeServices().services, tabCard: vi.fn(async () => content) });
    await waitFor(() => expect(screen.getByTestId('tab-lead').dataset.lead).toBe('order-list'));
    const lead = screen.getByTestId('tab-lead');
    expect(lead).toHaveTextContent('本页的订单（2 笔）');
    const shown = [...lead.querySelectorAll('li[data-order-id]')].map((li) => [
      li.getAttribute('data-order-id'),
      li.querySelector('[data-headline]')?.textContent,
    ]);
    expect(shown).toEqual(content.orderRows.map((r) => [r.orderId, expect.stringContaining(r.words.line)]));
    expect(lead.querySelector('li[data-order-id="20261020091512004417"]')).toHaveTextContent('本单已退款');
  });

  it("on a webmail failure page, says the outage is in this month's SLA record and links the log", async () => {
    const request = {
      match: { vendor: 'tencent-exmail', kind: 'webmail' as const },
      locale: 'zh-CN' as const,
      checkout: null,
      order: null,
      rows: [],
      page: { notActivated: false, ticketForm: false, title: '腾讯企业邮箱 - 系统繁忙', failureShown: true },
    };
    const content = cardContent(request, NOW, { locale: 'zh-CN' });
    expect(content.notice?.kind).toBe('outage-logged');
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    tabStatus.mockResolvedValue({
      match: request.match,
      url: 'https://exmail.qq.com/cgi-bin/frame_html',
      title: request.page.title,
      detectedAt: '2026-11-22T03:00:00.000Z',
    });
    renderPopup('zh-CN', { ...fakeServices().services, tabCard: vi.fn(async () => content) });
    await waitFor(() => expect(screen.getByTestId('tab-lead').dataset.lead).toBe('outage-logged'));
    const lead = screen.getByTestId('tab-lead');
    expect(lead.querySelector('h2')).toHaveTextContent('已记入本月 SLA 记录');
    expect(lead).toHaveTextContent('2026-11');
    await userEvent.click(screen.getByRole('button', { name: '打开 SLA 故障记录' }));
    expect(created).toHaveBeenCalledWith({ url: expect.stringMatching(/\/sla\.html$/) });
  });

  it('on a webmail inbox, says there is nothing to do, and "check this page once" asks the page\'s reading again', async () => {
    const request = {
      match: { vendor: 'tencent-exmail', kind: 'webmail' as const },
      locale: 'zh-CN' as const,
      checkout: null,
      order: null,
      rows: [],
    };
    const quiet = cardContent(request, NOW, { locale: 'zh-CN' });
    expect(quiet.notice).toBeNull();
    const failed = cardContent(
      {
        ...request,
        page: { notActivated: false, ticketForm: false, title: '腾讯企业邮箱 - 系统繁忙', failureShown: true },
      },
      NOW,
      { locale: 'zh-CN' },
    );
    const tabCard = vi.fn(async () => quiet);
    tabStatus.mockResolvedValue({
      match: request.match,
      url: 'https://exmail.qq.com/cgi-bin/frame_html?t=inbox',
      title: '腾讯企业邮箱 - 收件箱',
      detectedAt: '2026-11-22T03:00:00.000Z',
    });
    renderPopup('zh-CN', { ...fakeServices().services, tabCard });
    await waitFor(() => expect(screen.getByTestId('tab-lead').dataset.lead).toBe('quiet'));
    const lead = screen.getByTestId('tab-lead');
    expect(lead).toHaveTextContent('此页面暂无需要处理的事项');
    // Nothing else competes with it: starting a blank claim is folded away.
    expect(screen.getByTestId('vendor-select').closest('details')?.open).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: '检查此页面一次' }));
    expect(await screen.findByRole('status')).toHaveTextContent('已重新检查');
    // The reading is asked again from an effect, which Preact runs after the paint.
    await waitFor(() => expect(tabCard).toHaveBeenCalledTimes(2));
    // The page failed since: checking again shows it.
    tabCard.mockResolvedValue(failed);
    await userEvent.click(screen.getByRole('button', { name: '检查此页面一次' }));
    await waitFor(() => expect(screen.getByTestId('tab-lead').dataset.lead).toBe('outage-logged'));
  });

  it('on an Exmail admin console not set up yet, says the refund is negotiable now and what to ask, with its clause', async () => {
    const request = {
      match: { vendor: 'tencent-exmail', kind: 'console' as const },
      locale: 'zh-CN' as const,
      checkout: null,
      order: null,
      rows: [],
      page: { notActivated: true, ticketForm: false, title: '腾讯企业邮箱 - 管理后台', failureShown: false },
    };
    const content = cardContent(request, NOW, { locale: 'zh-CN' });
    expect(content.notice?.kind).toBe('not-activated');
    tabStatus.mockResolvedValue({
      match: request.match,
      url: 'https://exmail.qq.com/cgi-bin/bizmail',
      title: request.page.title,
      detectedAt: '2026-11-22T03:00:00.000Z',
    });
    renderPopup('zh-CN', { ...fakeServices().services, tabCard: vi.fn(async () => content) });
    await waitFor(() => expect(screen.getByTestId('tab-lead').dataset.lead).toBe('not-activated'));
    const lead = screen.getByTestId('tab-lead');
    expect(lead.querySelector('h2')).toHaveTextContent(content.notice!.title);
    for (const line of content.notice!.lines) expect(lead).toHaveTextContent(line);
    if (content.notice!.citation)
      expect(lead.querySelector('[data-citation]')).toHaveTextContent(content.notice!.citation.title);
  });

  it("on a ticket form, offers to fill the newest saved order's draft first, and opens that order at its ticket", async () => {
    const { services } = fakeServices({ snapshots: [paidOrderSnapshot] });
    tabStatus.mockResolvedValue({
      match: { vendor: 'tencent-cloud', kind: 'ticket' },
      url: 'https://console.cloud.tencent.com/workorder/create',
      title: '提交工单',
      detectedAt: '2026-11-22T03:00:00.000Z',
    });
    renderPopup('zh-CN', services);
    const first = await screen.findByTestId('fill-first');
    await waitFor(() => expect(first).toHaveTextContent('云服务器 CVM'));
    const fill = await screen.findByRole('button', { name: '把退款草稿填入此表单' });
    // It is the first action of the popup.
    expect(document.querySelector('.rg-button--primary')).toBe(fill);
    await userEvent.click(fill);
    expect(await screen.findByTestId('ticket')).toBeInTheDocument();
    // Asked by an effect of the ticket view (Preact runs it after the paint).
    await waitFor(() => expect(services.findTicketTabs).toHaveBeenCalled());
  });

  it('on a page that is no web page, says one sentence', async () => {
    tabStatus.mockResolvedValue({ match: null, url: 'chrome://newtab/', title: '新标签页', detectedAt: null });
    renderPopup('zh-CN');
    const page = await screen.findByTestId('current-page');
    await waitFor(() => expect(page.querySelector('[data-lead="none"]')).not.toBeNull());
    expect(page.querySelectorAll('p')).toHaveLength(1);
    expect(page.querySelector('[data-action="check-once"]')).toBeNull();
  });

  it('with no tab to be about, says one sentence', async () => {
    const { services } = fakeServices();
    const start = {
      clock: NOW,
      tab: Promise.reject(new Error('no tab')),
      order: Promise.reject(new Error('no tab')),
      verdict: Promise.reject(new Error('no tab')),
      settings: Promise.resolve(null),
    };
    start.order.catch(() => undefined);
    start.verdict.catch(() => undefined);
    start.tab.catch(() => undefined);
    render(
      <StaticLocale locale="zh-CN">
        <Popup now={NOW} services={services} start={start} />
      </StaticLocale>,
    );
    const page = await screen.findByTestId('current-page');
    await waitFor(() => expect(page.querySelectorAll('p')).toHaveLength(1));
    expect(page).toHaveTextContent('无法读取当前标签页。');
    await screen.findByTestId('source');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('explains a worker that does not answer, in the UI language', async () => {
    tabStatus.mockRejectedValue(new MessagingError('no-receiver', 'Could not establish connection'));
    renderPopup();
    expect(await screen.findByText(/扩展后台暂时不可用/)).toBeInTheDocument();
    // The checker still works without the current tab.
    expect(await screen.findByRole('button', { name: '开始检查' })).toBeInTheDocument();
  });

  it('reads a tab id and a moment from its address only when they are well-formed', () => {
    expect(requestedTabId('?tab=12')).toBe(12);
    expect(requestedTabId('?tab=12abc')).toBeUndefined();
    expect(requestedTabId('?tab=-1')).toBeUndefined();
    expect(requestedTabId('')).toBeUndefined();
    expect(requestedNow('?now=2026-11-22T12:00:00%2B08:00')).toBe('2026-11-22T12:00:00+08:00');
    expect(requestedNow('?now=tomorrow')).toBeUndefined();
    expect(requestedNow('')).toBeUndefined();
  });
});

describe('the popup’s start (main.tsx asks before the interface loads)', () => {
  it('asks the worker once about the tab its address names, else about the active tab, and reads the settings alongside', async () => {
    const tabOrder = vi.fn(async () => ({
      status: { match: null, url: null, title: null, detectedAt: null },
      order: { ref: null, bodies: [] },
    }));
    const storedSettings = vi.fn(async () => ({ value: null, version: 1 }));
    const activeTabId = vi.fn(async () => 7);
    const deps = { activeTabId, tabOrder, tabUrl: async () => 'https://example.com/', storedSettings };
    const named = startPopup('?tab=9', deps);
    expect(await named.tab).toEqual({
      tabId: 9,
      status: { match: null, url: null, title: null, detectedAt: null },
      url: 'https://example.com/',
    });
    expect(await named.order).toEqual({ ref: null, bodies: [] });
    expect(activeTabId).not.toHaveBeenCalled();
    expect(await startPopup('', deps).tab).toMatchObject({ tabId: 7 });
    expect(tabOrder.mock.calls).toEqual([
      [9, expect.any(String)],
      [7, expect.any(String)],
    ]);
    expect(storedSettings).toHaveBeenCalledTimes(2);
  });
});
