import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { StaticLocale } from '../i18n';
import { Checker } from './Checker';
import { fromLocalInput, toLocalInput } from '../datetime';
import { daysLeft, parseLooseAnswer } from './format';
import { pageTimeToIso, termMonths } from '../../lib';
import { orderFacts } from '../../lib/claims/order-facts';
import { cardContent } from '../../lib/card/model';
import { headlineText } from '../../lib/headline-text';
import { snapshotHeadlines } from '../../lib/claims/order-headline';
import type { CurrentTab } from './services';
import { fakeServices, NOW, ORDER_ID, ORDER_URL, paidOrderSnapshot, pixelStudioPack } from '../../test/doubles/checker';

const orderTab: CurrentTab = { tabId: 7, url: ORDER_URL, match: { vendor: 'tencent-cloud', kind: 'order' } };

function renderChecker(
  services: ReturnType<typeof fakeServices>['services'],
  current: CurrentTab | null = orderTab,
  locale: 'zh-CN' | 'en' = 'zh-CN',
  now = NOW,
) {
  return render(
    <StaticLocale locale={locale}>
      <Checker now={now} services={services} current={current} />
    </StaticLocale>,
  );
}

/** A whole claim clicked through (several evaluations) may take longer than the default 5 s on a loaded machine. */
const LONG_FLOW_MS = 20_000;

const question = (fact: string) => document.querySelector(`fieldset[data-fact="${fact}"]`) as HTMLElement;

/** Answers the engine's questions about the paid CVM order, as a buyer of a new prepaid instance would. */
async function answerCvmQuestions(user: ReturnType<typeof userEvent.setup>) {
  const answers: Record<string, string> = {
    billing: '包年包月（预付费）',
    promoNonRefundable: '否',
    reason: '',
    convertedFromPayAsYouGo: '否',
    firstNoReasonRefundUsed: '否',
  };
  for (let i = 0; i < 8; i++) {
    const open = document.querySelector('fieldset[data-fact]');
    if (!open) return;
    const fact = open.getAttribute('data-fact')!;
    if (fact === 'reason') {
      await user.selectOptions(within(open as HTMLElement).getByRole('combobox'), 'changed-mind');
      await user.click(within(open as HTMLElement).getByRole('button', { name: '确定' }));
    } else {
      await user.click(within(open as HTMLElement).getByRole('button', { name: answers[fact]! }));
    }
  }
}

describe('Checker: opening on the order of the current tab', () => {
  it('leads with the same headline as the card for the same stored order', async () => {
    const { services } = fakeServices({ snapshots: [paidOrderSnapshot] });
    renderChecker(services);
    await screen.findByTestId('questions');
    const request = {
      match: { vendor: 'tencent-cloud', kind: 'order' as const },
      locale: 'zh-CN' as const,
      checkout: null,
      order: paidOrderSnapshot.fields,
      rows: [],
    };
    const card = cardContent(request, NOW, { locale: 'zh-CN', url: ORDER_URL }).order!.words;
    const headline = screen.getByTestId('outcome').querySelector('[data-headline]')!;
    expect(headline.textContent).toBe(headlineText(card));
    expect(headline).toHaveAttribute('data-tone', card.tone);
  });

  it('says a refunded order was refunded, as the card does', async () => {
    const refunded = { ...paidOrderSnapshot, fields: { ...paidOrderSnapshot.fields, status: '已退款' } };
    const { services } = fakeServices({ snapshots: [refunded] });
    renderChecker(services);
    await screen.findByTestId('questions');
    const headline = screen.getByTestId('outcome').querySelector('[data-headline]')!;
    expect(headline.textContent).toBe('本单已退款');
    expect(headline).toHaveAttribute('data-tone', 'neutral');
  });

  it('pre-fills what the snapshot shows and asks only what the engine still needs', async () => {
    const { services } = fakeServices({ snapshots: [paidOrderSnapshot] });
    renderChecker(services);
    await screen.findByTestId('questions');
    expect(services.listSnapshots).toHaveBeenCalledWith(expect.objectContaining({ vendor: 'tencent-cloud' }));
    // From the snapshot: purchase time (Beijing time), amount, order, product, status.
    expect((screen.getByLabelText(/购买 \/ 支付时间/) as HTMLInputElement).value).toMatch(/^2026-11-18T10:59:07/);
    expect(screen.getByLabelText(/实付金额/)).toHaveValue(3145.37);
    expect(screen.getByLabelText(/订单号/)).toHaveValue(ORDER_ID);
    expect(screen.getByLabelText(/在哪里购买的/)).toHaveValue('official');
    expect(screen.getByTestId('order-status')).toHaveTextContent('已支付');
    // The engine's questions, not a hand-made form: billing (a 1年 term is prepaid) and renewal (新购) are known, not asked.
    expect(question('promoNonRefundable')).toHaveTextContent('购买时活动页面是否写明“不支持退款”？');
    expect(question('billing')).toBeNull();
    expect(question('renewal')).toBeNull();
    // A provisional verdict is already there.
    expect(screen.getByTestId('outcome')).toHaveAttribute('data-provisional', 'true');
  });

  it(
    'answering the questions leads to the verdict: five-day full refund, its deadline and countdown, clauses, checklist, where to claim',
    async () => {
      const user = userEvent.setup();
      const { services } = fakeServices({ snapshots: [paidOrderSnapshot] });
      renderChecker(services);
      await screen.findByTestId('questions');
      await answerCvmQuestions(user);

      const verdict = await screen.findByTestId('verdict');
      expect(within(verdict).getByTestId('outcome')).toHaveAttribute('data-outcome', 'eligible');
      // The headline, in the words the card and reminders use: a full refund, until day 5.
      const headline = within(verdict).getByTestId('outcome').querySelector('[data-headline]');
      expect(headline).toHaveAttribute('data-tone', 'good');
      expect(headline).toHaveAttribute('data-deadline', '2026-11-23');
      expect(headline).toHaveTextContent('全额退款');
      // Estimate, labelled as one.
      expect(within(verdict).getByTestId('estimate')).toHaveTextContent('估算金额：3145.37 元');
      expect(within(verdict).getByTestId('estimate')).toHaveTextContent('估算');
      // Deadline: delivery unknown → from purchase 2026-11-18, day 5 = 2026-11-23; one day left on the 22nd.
      const deadline = within(verdict).getByTestId('deadline');
      expect(deadline).toHaveTextContent('2026-11-23 当天结束前（北京时间）');
      expect(deadline.querySelector('[data-days-left]')).toHaveAttribute('data-days-left', '1');
      expect(deadline).toHaveTextContent('还剩 1 天');
      expect(deadline.querySelector('[data-estimated]')).toBeNull();
      // Clauses: each one expands to its text and its source.
      const basis = within(verdict).getByTestId('basis');
      const first = basis.querySelector('details')!;
      expect(first).not.toHaveAttribute('open');
      await user.click(within(first).getByText(/腾讯云《云服务退货说明》/));
      expect(first).toHaveAttribute('open');
      expect(first).toHaveTextContent('五天无理由退还');
      expect(first).toHaveTextContent('FACTS.md · Tencent Cloud refunds: five-day no-reason full refund');
      // Checklist ticked from the stored snapshot (order number, payment record), the rest missing.
      const checklist = within(verdict).getByTestId('checklist');
      expect(checklist.querySelector('[data-evidence="order-number"]')).toHaveAttribute('data-have', 'true');
      expect(checklist.querySelector('[data-evidence="payment-record"]')).toHaveAttribute('data-have', 'true');
      expect(checklist.querySelector('[data-evidence="usage-records"]')).toHaveAttribute('data-have', 'false');
      expect(checklist).toHaveTextContent('已有 2 / 5');
      // Where to claim: console, ticket, hotline.
      const where = within(verdict).getByTestId('where');
      // The hotline's number once: its name already carries it.
      const hotline = where.querySelector('[data-channel="hotline-4009100100"]')!;
      expect(hotline.textContent!.split('4009100100')).toHaveLength(2);
      await user.click(within(where).getByRole('button', { name: /^打开 腾讯云工单/ }));
      expect(services.openUrl).toHaveBeenCalledWith('https://console.cloud.tencent.com/workorder/category');
      expect(within(verdict).getByTestId('next-steps')).toHaveTextContent('退还');
    },
    LONG_FLOW_MS,
  );

  it('is usable from the keyboard alone: answers with Tab and Enter', async () => {
    const user = userEvent.setup();
    const { services } = fakeServices({ snapshots: [paidOrderSnapshot] });
    renderChecker(services);
    await screen.findByTestId('questions');
    // (Billing is read from the 1年 term; a new prepaid order: the five-day route asks about a pay-as-you-go conversion first.)
    within(question('convertedFromPayAsYouGo')).getByRole('button', { name: '是' }).focus();
    await user.keyboard('{Tab}{Enter}'); // "否"
    await waitFor(() => expect(question('convertedFromPayAsYouGo')).toBeNull());
    // The keyboard moves on to the next question by itself (an effect: Preact runs it after the paint).
    await waitFor(() =>
      expect(document.querySelector('fieldset[data-fact]')!.contains(document.activeElement)).toBe(true),
    );
    // Skipping leaves the fact unknown and says so.
    within(question('firstNoReasonRefundUsed')).getByRole('button', { name: '不确定，跳过' }).focus();
    await user.keyboard('{Enter}');
    expect(question('firstNoReasonRefundUsed')).toBeNull();
    expect(screen.getByText('已跳过 1 个问题')).toBeInTheDocument();
  });

  it('lists what is already known, and a fact taken back is asked again', async () => {
    const user = userEvent.setup();
    const { services } = fakeServices({ snapshots: [paidOrderSnapshot] });
    renderChecker(services);
    await screen.findByTestId('questions');
    await user.click(within(question('promoNonRefundable')).getByRole('button', { name: '否' }));
    const answered = screen.getByTestId('answered');
    expect(answered).toHaveTextContent('已回答的问题（3）');
    expect(answered.querySelector('[data-fact="promoNonRefundable"]')).toHaveTextContent(
      '购买时活动页面是否写明“不支持退款”？ 否',
    );
    // Read from the snapshot (购买时长 1年: prepaid), not asked.
    expect(answered.querySelector('[data-fact="billing"]')).toHaveTextContent('计费方式是哪种？ 包年包月（预付费）');
    // Read from the snapshot (订单类型 新购), not asked — but it can be taken back.
    expect(answered.querySelector('[data-fact="renewal"]')).toHaveTextContent('这是续费或升级订单吗？ 否');
    await user.click(
      within(answered.querySelector('[data-fact="renewal"]') as HTMLElement).getByRole('button', { name: '更改' }),
    );
    await waitFor(() => expect(question('renewal')).not.toBeNull());
  });

  it('counts down, and says when the window has closed (expired)', async () => {
    const { services } = fakeServices({ snapshots: [paidOrderSnapshot], customPacks: [pixelStudioPack(3)] });
    const user = userEvent.setup();
    renderChecker(services, null);
    await user.selectOptions(await screen.findByTestId('vendor-select'), 'pixel-studio');
    await user.click(screen.getByRole('button', { name: '开始检查' }));
    const when = screen.getByLabelText(/购买 \/ 支付时间/);
    await user.type(when, '2026-11-15T09:30');
    await user.keyboard('{Enter}');
    const verdict = await screen.findByTestId('verdict');
    expect(within(verdict).getByTestId('outcome')).toHaveAttribute('data-outcome', 'expired');
    expect(within(verdict).getByTestId('deadline')).toHaveTextContent('2026-11-18');
    expect(within(verdict).getByTestId('deadline')).toHaveTextContent('已截止 4 天');
  });
});

describe('Checker: estimated deadlines', () => {
  it('flags a deadline the source gives only as an example as estimated, and counts down to today', async () => {
    const user = userEvent.setup();
    const { services } = fakeServices();
    renderChecker(services, null);
    await user.selectOptions(await screen.findByTestId('vendor-select'), 'letsvpn');
    await user.click(screen.getByRole('button', { name: '开始检查' }));
    await user.type(screen.getByLabelText(/购买 \/ 支付时间/), '2026-11-21T20:00');
    await user.keyboard('{Enter}');
    await user.selectOptions(within(await waitFor(() => question('reason'))).getByRole('combobox'), 'dissatisfied');
    await user.click(within(question('reason')).getByRole('button', { name: '确定' }));
    await user.click(within(await waitFor(() => question('newUser'))).getByRole('button', { name: '是' }));
    await user.click(within(await waitFor(() => question('trialOffered'))).getByRole('button', { name: '是' }));
    await user.click(await screen.findByRole('button', { name: '先看初步结论' }));
    const deadline = await screen.findByTestId('deadline');
    expect(screen.getByTestId('outcome')).toHaveAttribute('data-outcome', 'eligible');
    expect(deadline).toHaveTextContent('2026-11-22 20:00 前（北京时间）');
    expect(deadline).toHaveTextContent('今天截止');
    expect(deadline.querySelector('[data-estimated="true"]')).toHaveTextContent('估算日期');
  });
});

// Each case answers a dozen questions by typing and clicking: seconds of work on a busy machine.
describe('Checker: holiday overrides from the settings', { timeout: 20_000 }, () => {
  /** A CVM outage in December 2026: the SLA claim opens after the 5th business day of January 2027. */
  async function slaClaimWindow(holidayOverrides: unknown[]) {
    const user = userEvent.setup();
    const { services } = fakeServices({ holidayOverrides });
    const view = renderChecker(services, null, 'zh-CN', '2026-12-20T12:00:00+08:00');
    await user.selectOptions(await screen.findByTestId('vendor-select'), 'tencent-cloud');
    await user.click(screen.getByRole('button', { name: '开始检查' }));
    await user.type(screen.getByLabelText(/购买 \/ 支付时间/), '2026-11-01T10:00');
    await user.keyboard('{Enter}');
    // Pay-as-you-go: no refund route, so the SLA credit is the headline and its window is shown.
    const buttons: Record<string, string> = { billing: '按量计费', outageCause: '服务商（服务器、系统、网络故障）' };
    for (let i = 0; i < 12; i++) {
      const open = document.querySelector('fieldset[data-fact]') as HTMLElement | null;
      if (!open) break;
      const fact = open.getAttribute('data-fact')!;
      const q = within(open);
      if (buttons[fact]) await user.click(q.getByRole('button', { name: buttons[fact] }));
      else if (fact === 'reason') {
        await user.selectOptions(q.getByRole('combobox'), 'outage');
        await user.click(q.getByRole('button', { name: '确定' }));
      } else if (fact === 'outageMonth') {
        fireEvent.input(q.getByLabelText(/故障发生在哪个月/), { target: { value: '2026-12' } });
        await user.click(q.getByRole('button', { name: '确定' }));
      } else await user.click(q.getByRole('button', { name: '不确定，跳过' }));
      // The answered question leaves once the answer has rendered (Preact renders after the event).
      await waitFor(() => expect(document.querySelector(`fieldset[data-fact="${fact}"]`)).toBeNull());
    }
    // Skipped questions leave the verdict provisional; with none left it shows by itself.
    const show = screen.queryByRole('button', { name: /查看结论|先看初步结论/ });
    if (show) await user.click(show);
    const window = await screen.findByTestId('claim-window', undefined, { timeout: 5000 });
    expect(screen.getByTestId('outcome')).toHaveAttribute('data-outcome', 'compensation');
    const alerts = screen.queryAllByRole('alert').map((a) => a.textContent ?? '');
    view.unmount();
    return Object.assign(window, { alerts });
  }

  it(
    'without the 2027 schedule the claim window is an estimate; with it from the settings, it is exact',
    async () => {
      // Weekdays with New Year's Day off by law: the same date as the published schedule, but flagged.
      const estimated = await slaClaimWindow([]);
      expect(estimated).toHaveTextContent('2027-01-08');
      expect(estimated.alerts).toEqual([]);
      expect(estimated.querySelector('[data-estimated]')).not.toBeNull();
      const exact = await slaClaimWindow([
        { year: 2027, holidays: ['2027-01-01'], workdays: [], source: '国务院办公厅通知' },
      ]);
      expect(exact).toHaveTextContent('2027-01-08');
      expect(exact.querySelector('[data-estimated]')).toBeNull();
    },
    LONG_FLOW_MS,
  );

  it('an unreadable override is reported and the bundled calendar is used', async () => {
    const window = await slaClaimWindow([{ year: 2027, holidays: ['2027-13-40'], workdays: [] }]);
    expect(window).toHaveTextContent('2027-01-08');
    expect(window.querySelector('[data-estimated]')).not.toBeNull();
    expect(window.alerts.join(' ')).toMatch(/设置中的节假日安排有误，已改用内置日历/);
  });
});

describe('Checker: other starting points', () => {
  it('starts from scratch for a chosen vendor and waits for the purchase time first', async () => {
    const user = userEvent.setup();
    const { services } = fakeServices();
    renderChecker(services, { tabId: 3, url: null, match: null });
    expect(await screen.findByText('证据库里还没有订单快照。')).toBeInTheDocument();
    await user.selectOptions(screen.getByTestId('vendor-select'), 'letsvpn');
    await user.click(screen.getByRole('button', { name: '开始检查' }));
    expect(screen.getByText('请先填写购买时间：所有期限都从它算起。')).toBeInTheDocument();
    expect(document.querySelector('fieldset[data-fact]')).toBeNull();
    await user.type(screen.getByLabelText(/购买 \/ 支付时间/), '2026-11-21T20:00');
    await user.tab();
    expect(await screen.findByTestId('questions')).toBeInTheDocument();
    expect(document.querySelector('fieldset[data-fact]')).not.toBeNull();
  });

  it('lists stored orders and opens the one picked', async () => {
    const user = userEvent.setup();
    const other = {
      ...paidOrderSnapshot,
      id: 'snap-000002',
      url: 'http://console.cloud.tencent.com/expense/deal/detail?dealName=20261021090412158720',
      fields: {
        ...paidOrderSnapshot.fields,
        orderId: '20261021090412158720',
        orderType: '续费',
        paidAt: '2026-10-21 09:05:01',
      },
    };
    const { services } = fakeServices({ snapshots: [paidOrderSnapshot, other] });
    renderChecker(services, null);
    await user.click(await screen.findByRole('button', { name: '检查订单 20261021090412158720' }));
    await screen.findByTestId('questions');
    expect(screen.getByLabelText(/订单号/)).toHaveValue('20261021090412158720');
    expect((screen.getByLabelText(/购买 \/ 支付时间/) as HTMLInputElement).value).toMatch(/^2026-10-21T09:05:01/);
  });

  it('each saved order shows product, amount, date, status and its headline, in the words the locker uses', async () => {
    const refunded = {
      ...paidOrderSnapshot,
      id: 'snap-000002',
      url: 'http://console.cloud.tencent.com/expense/deal/detail?dealName=20261021090412158720',
      fields: {
        ...paidOrderSnapshot.fields,
        orderId: '20261021090412158720',
        status: '已退款',
        paidAt: '2026-10-21 09:05:01',
        amountPaid: 68,
        product: '轻量应用服务器 Lighthouse',
      },
    };
    const { paidAt: _paid, ...unpaidFields } = paidOrderSnapshot.fields;
    const unpaid = {
      ...paidOrderSnapshot,
      id: 'snap-000003',
      url: 'http://console.cloud.tencent.com/expense/deal/detail?dealName=20261122093344810257',
      fields: { ...unpaidFields, orderId: '20261122093344810257', status: '待支付', createdAt: '2026-11-22 09:33:44' },
    };
    const { services } = fakeServices({ snapshots: [paidOrderSnapshot, refunded, unpaid] });
    renderChecker(services, null);
    const list = await screen.findByTestId('stored-orders');
    const row = (orderId: string) => list.querySelector(`[data-order-id="${orderId}"]`) as HTMLElement;
    await waitFor(() => expect(row('20261021090412158720').querySelector('[data-headline]')).not.toBeNull());
    const expected = snapshotHeadlines(
      [refunded, paidOrderSnapshot].map((s) => ({ ...s })),
      NOW,
      { locale: 'zh-CN' },
    );
    const refundedRow = row('20261021090412158720');
    expect(refundedRow).toHaveTextContent('轻量应用服务器 Lighthouse');
    expect(refundedRow).toHaveTextContent('68.00');
    expect(refundedRow).toHaveTextContent('已退款');
    expect(refundedRow).toHaveTextContent('2026-10-21 购买');
    expect(refundedRow.querySelector('[data-headline]')!.textContent).toBe(headlineText(expected['snap-000002']!));
    expect(refundedRow.querySelector('[data-headline]')!.textContent).toBe('本单已退款');
    const paidRow = row(ORDER_ID);
    expect(paidRow).toHaveTextContent('2026-11-18 购买');
    // An order not paid yet is dated by when it was placed, and says it has no refund window.
    await waitFor(() => expect(row('20261122093344810257').querySelector('[data-headline]')).not.toBeNull());
    expect(row('20261122093344810257')).toHaveTextContent('2026-11-22 下单');
    expect(row('20261122093344810257').querySelector('[data-headline]')!.textContent).toBe(
      '本单尚未支付，不计退款期限',
    );
    expect(paidRow.querySelector('[data-headline]')!.textContent).toBe(headlineText(expected['snap-000001']!));
    expect(paidRow.querySelector('[data-headline]')).toHaveAttribute('data-tone', expected['snap-000001']!.tone);
  });

  it('a custom policy from the settings is offered and decides the verdict for its vendor', async () => {
    const user = userEvent.setup();
    const { services } = fakeServices({ customPacks: [pixelStudioPack(14), { id: 'broken', rules: [] }] });
    renderChecker(services, null);
    const select = await screen.findByTestId('vendor-select');
    await waitFor(() =>
      expect(within(select).getByRole('option', { name: 'Pixel Studio 官方商店（自定义政策）' })).toBeInTheDocument(),
    );
    // The broken pack is reported and left out, nothing else is lost.
    expect(screen.getByRole('alert')).toHaveTextContent('设置中的一个自定义政策有误');
    await user.selectOptions(select, 'pixel-studio');
    await user.click(screen.getByRole('button', { name: '开始检查' }));
    await user.type(screen.getByLabelText(/购买 \/ 支付时间/), '2026-11-15T09:30');
    await user.keyboard('{Enter}');
    const verdict = await screen.findByTestId('verdict');
    expect(within(verdict).getByTestId('outcome')).toHaveAttribute('data-outcome', 'eligible');
    expect(within(verdict).getByTestId('deadline')).toHaveTextContent('2026-11-29');
    expect(within(verdict).getByTestId('deadline')).toHaveTextContent('还剩 7 天');
    expect(within(verdict).getByTestId('basis')).toHaveTextContent(
      'https://store.example.net/help/refund-policy 第 2 条',
    );
  });

  it('opens the order of the current tab once its automatic snapshot is saved, while the checker is open', async () => {
    const { services, store } = fakeServices();
    renderChecker(services);
    expect(await screen.findByText(/此页面还没有保存的订单快照/)).toBeInTheDocument();
    store.push(paidOrderSnapshot);
    expect(await screen.findByTestId('questions', {}, { timeout: 4000 })).toBeInTheDocument();
    expect(screen.getByLabelText(/订单号/)).toHaveValue(ORDER_ID);
  });

  it('a snapshot saved later never replaces what the user opened meanwhile', async () => {
    const user = userEvent.setup();
    const { services, store } = fakeServices();
    renderChecker(services);
    await screen.findByText(/此页面还没有保存的订单快照/);
    await user.selectOptions(screen.getByTestId('vendor-select'), 'letsvpn');
    await user.click(screen.getByRole('button', { name: '开始检查' }));
    store.push(paidOrderSnapshot);
    const calls = services.listSnapshots.mock.calls.length;
    await waitFor(() => expect(services.listSnapshots.mock.calls.length).toBeGreaterThan(calls), { timeout: 3000 });
    await new Promise((done) => setTimeout(done, 100));
    expect(screen.getByLabelText(/订单号/)).toHaveValue('');
    expect(screen.getByText(/快连/)).toBeInTheDocument();
  });

  it.each([
    ['nothing kept yet', null, { promoNonRefundable: false }],
    [
      'answers kept earlier',
      { answers: { reason: 'changed-mind' }, skipped: [] },
      { reason: 'changed-mind', promoNonRefundable: false },
    ],
  ])('an answer given while the kept answers are still being read is kept too (%s)', async (_case, kept, expected) => {
    const user = userEvent.setup();
    const { services, drafts } = fakeServices({ snapshots: [paidOrderSnapshot] });
    const key = `tencent-cloud:${ORDER_ID}`;
    if (kept) drafts.set(key, kept);
    let finishRead: () => void = () => undefined;
    const read = new Promise<void>((done) => (finishRead = done));
    services.loadDraft.mockImplementation(async (k: string) => {
      await read;
      return drafts.get(k) ?? null;
    });
    renderChecker(services);
    await screen.findByTestId('questions');
    await user.click(within(question('promoNonRefundable')).getByRole('button', { name: '否' }));
    finishRead();
    await waitFor(() => expect(drafts.get(key)).toEqual({ answers: expected, skipped: [] }));
  });

  it("keeps a claim's answers for the session: opened again, it asks only what is still open", async () => {
    const user = userEvent.setup();
    const { services, drafts } = fakeServices({ snapshots: [paidOrderSnapshot] });
    const first = renderChecker(services);
    await screen.findByTestId('questions');
    await user.click(within(question('promoNonRefundable')).getByRole('button', { name: '否' }));
    await waitFor(() =>
      expect(drafts.get(`tencent-cloud:${ORDER_ID}`)).toEqual({ answers: { promoNonRefundable: false }, skipped: [] }),
    );
    first.unmount();

    renderChecker(services);
    await waitFor(() =>
      expect(document.querySelector('[data-testid="answered"] li[data-fact="promoNonRefundable"]')).not.toBeNull(),
    );
    expect(question('promoNonRefundable')).toBeNull();
    expect(screen.getByTestId('questions')).toBeInTheDocument();
  });

  it('forgets the kept answers once each one is taken back', async () => {
    const user = userEvent.setup();
    const drafts = new Map([[`tencent-cloud:${ORDER_ID}`, { answers: { promoNonRefundable: false }, skipped: [] }]]);
    const { services } = fakeServices({ snapshots: [paidOrderSnapshot], drafts });
    renderChecker(services);
    await waitFor(() =>
      expect(document.querySelector('[data-testid="answered"] li[data-fact="promoNonRefundable"]')).not.toBeNull(),
    );
    expect(question('promoNonRefundable')).toBeNull();
    await user.click(
      within(
        document.querySelector('[data-testid="answered"] li[data-fact="promoNonRefundable"]') as HTMLElement,
      ).getByRole('button', { name: '更改' }),
    );
    await waitFor(() => expect(drafts.has(`tencent-cloud:${ORDER_ID}`)).toBe(false));
    expect(question('promoNonRefundable')).not.toBeNull();
  });

  it('uses the settings it is given at its first render: custom packs offered, problems reported, nothing read again', () => {
    const { services } = fakeServices();
    render(
      <StaticLocale locale="zh-CN">
        <Checker
          now={NOW}
          services={services}
          current={null}
          ready={{
            settings: { customPacks: [pixelStudioPack(14), { id: 'broken', rules: [] }], holidayOverrides: [] },
            order: { ref: null, bodies: [] },
          }}
        />
      </StaticLocale>,
    );
    expect(
      within(screen.getByTestId('vendor-select')).getByRole('option', { name: 'Pixel Studio 官方商店（自定义政策）' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('设置中的一个自定义政策有误');
    expect(services.loadSettings).not.toHaveBeenCalled();
  });

  it('speaks English', async () => {
    const user = userEvent.setup();
    const { services } = fakeServices({ snapshots: [paidOrderSnapshot] });
    renderChecker(services, orderTab, 'en');
    await screen.findByTestId('questions');
    expect(question('promoNonRefundable')).toHaveTextContent(
      'Did the campaign or promotion say "no refund" when you bought?',
    );
    await user.click(screen.getByRole('button', { name: 'See the provisional verdict' }));
    expect(await screen.findByTestId('outcome')).toHaveTextContent('Provisional');
  });
});

describe('Checker: evidence checklist', () => {
  it('“save this page now” captures the current tab and ticks what the capture proves', async () => {
    const user = userEvent.setup();
    // An older snapshot of the order with no payment details; the fresh capture has them.
    const partial = {
      ...paidOrderSnapshot,
      fields: { orderId: ORDER_ID, status: '已支付', createdAt: '2026-11-18 10:58:22', orderType: '新购' },
    };
    const { services, store } = fakeServices({ snapshots: [partial] });
    services.captureTab.mockImplementation(async () => {
      store.push({ ...paidOrderSnapshot, id: 'snap-000009' });
      return { status: 'saved', id: 'snap-000009', seq: 9, hash: 'a'.repeat(64), screenshot: false };
    });
    renderChecker(services);
    await user.click(await screen.findByRole('button', { name: '先看初步结论' }));
    const checklist = await screen.findByTestId('checklist');
    expect(checklist.querySelector('[data-evidence="payment-record"]')).toHaveAttribute('data-have', 'false');
    await user.click(within(checklist).getByRole('button', { name: '立即保存当前页面' }));
    expect(services.captureTab).toHaveBeenCalledWith(7);
    await waitFor(() =>
      expect(checklist.querySelector('[data-evidence="payment-record"]')).toHaveAttribute('data-have', 'true'),
    );
    expect(checklist).toHaveTextContent('已保存当前页面，已计入上面的清单');
    expect(checklist).not.toHaveTextContent('snap-000009');
  });

  it('offers no capture when the current tab shows another order than the one checked', async () => {
    const user = userEvent.setup();
    const other = {
      ...paidOrderSnapshot,
      id: 'snap-000002',
      url: 'http://console.cloud.tencent.com/expense/deal/detail?dealName=20261021090412158720',
      fields: { orderId: '20261021090412158720', createdAt: '2026-10-21 09:04:12' },
    };
    const { services } = fakeServices({ snapshots: [paidOrderSnapshot, other] });
    renderChecker(services);
    await screen.findByTestId('questions');
    await user.click(screen.getByRole('button', { name: '换一个订单' }));
    await user.click(await screen.findByRole('button', { name: '检查订单 20261021090412158720' }));
    await user.click(await screen.findByRole('button', { name: '先看初步结论' }));
    expect(await screen.findByTestId('checklist')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '立即保存当前页面' })).toBeNull();
  });

  it('explains a capture that was refused, in the UI language', async () => {
    const user = userEvent.setup();
    const partial = { ...paidOrderSnapshot, fields: { orderId: ORDER_ID, createdAt: '2026-11-18 10:58:22' } };
    const { services } = fakeServices({ snapshots: [partial] });
    services.captureTab.mockResolvedValue({ status: 'failed', reason: 'quota', message: 'QuotaExceededError' });
    renderChecker(services);
    await user.click(await screen.findByRole('button', { name: '先看初步结论' }));
    await user.click(await screen.findByRole('button', { name: '立即保存当前页面' }));
    expect(await screen.findByText(/没有保存：存储空间不足/)).toBeInTheDocument();
  });
});

describe('snapshot → facts (only what the page showed)', () => {
  it('reads times as Beijing time, terms as months, order types as renewal or not', () => {
    expect(pageTimeToIso('2026-11-18 10:59:07')).toBe('2026-11-18T10:59:07+08:00');
    expect(pageTimeToIso('2026-11-18')).toBe('2026-11-18');
    expect(pageTimeToIso('昨天')).toBeNull();
    expect(termMonths('1年')).toBe(12);
    expect(termMonths('1个月')).toBe(1);
    expect(termMonths('剩余 11个月6天')).toBeNull();
    const paid = orderFacts({ vendor: 'tencent-cloud', fields: paidOrderSnapshot.fields, url: ORDER_URL });
    expect(paid.facts).toEqual({
      vendor: 'tencent-cloud',
      purchasedAt: '2026-11-18T10:59:07+08:00',
      orderId: ORDER_ID,
      product: '云服务器 CVM',
      amountPaid: 3145.37,
      termMonths: 12,
      billing: 'prepaid',
      orderType: 'new',
      renewal: false,
      channel: 'official',
    });
    expect(paid.statusText).toBe('已支付');
    const upgrade = orderFacts({
      vendor: 'tencent-cloud',
      fields: { orderType: '升级', voucher: 200, amountPaid: 1168 },
      url: 'https://mail-reseller.example.com/x',
    });
    expect(upgrade.facts).toEqual({
      vendor: 'tencent-cloud',
      orderType: 'upgrade',
      renewal: true,
      amountPaidWithVouchers: 200,
      amountPaid: 1168,
    });
  });

  it('formats and parses the time fields and loose answers', () => {
    expect(toLocalInput('2026-11-18T02:59:07Z')).toBe('2026-11-18T10:59:07');
    expect(fromLocalInput('2026-11-18T10:59')).toBe('2026-11-18T10:59:00+08:00');
    expect(fromLocalInput('')).toBeNull();
    expect(daysLeft(NOW, '2026-11-23')).toBe(1);
    expect(daysLeft('2026-11-22T23:30:00+08:00', '2026-11-22')).toBe(0);
    expect(parseLooseAnswer('是')).toBe(true);
    expect(parseLooseAnswer('no')).toBe(false);
    expect(parseLooseAnswer('12')).toBe(12);
    expect(parseLooseAnswer(' ')).toBeNull();
  });
});
