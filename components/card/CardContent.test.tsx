import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { cardContent } from '../../lib/card/model';
import { headlineText } from '../../lib/headline-text';
import { PageLocale } from '../i18n-context';
import { PageCard } from '../PageCard';

const NOW = '2026-11-22T10:00:00+08:00';

function renderCard(locale: 'zh-CN' | 'en', request: Parameters<typeof cardContent>[0]) {
  const content = cardContent(request, NOW, { locale });
  return render(
    <PageLocale locale={locale}>
      <PageCard
        presence="expanded"
        match={request.match}
        checkout={content.checkout}
        order={content.order}
        orderRows={content.orderRows}
        onDismiss={() => {}}
      />
    </PageLocale>,
  );
}

describe('the checkout card', () => {
  it('shows the clock that starts at payment, the answer for a change of mind and each risk with its data-flag', () => {
    const { container } = renderCard('zh-CN', {
      match: { vendor: 'tencent-cloud', kind: 'checkout' },
      locale: 'zh-CN',
      checkout: { product: '云服务器 CVM', term: '1年', autoRenew: true, channel: 'official', price: 3145.37 },
      order: null,
      rows: [],
    });
    const clock = container.querySelector('[data-clock="five-day-no-reason"]')!;
    expect(within(clock as HTMLElement).getByText('截至 2026-11-27')).toBeInTheDocument();
    expect(within(clock as HTMLElement).getByText('需满足条件')).toBeInTheDocument();
    expect(Array.from(container.querySelectorAll('[data-flag]')).map((el) => el.getAttribute('data-flag'))).toEqual([
      'auto-renew',
    ]);
    expect(screen.getByText(/续费订单不适用五天无理由退还/)).toBeInTheDocument();
  });

  it('opens a citation to the words of the clause', async () => {
    const user = userEvent.setup();
    const { container } = renderCard('zh-CN', {
      match: { vendor: 'letsvpn', kind: 'checkout' },
      locale: 'zh-CN',
      checkout: { term: '2年', promoText: '限时特价，不支持退款', autoRenew: true, channel: 'official' },
      order: null,
      rows: [],
    });
    const flag = container.querySelector('[data-flag="non-refundable-promo"]') as HTMLElement;
    expect(within(flag).getByText('页面原文：限时特价，不支持退款')).toBeInTheDocument();
    const outcome = container.querySelector('[data-outcome]') as HTMLElement;
    expect(within(outcome).getByText('不可退款')).toBeInTheDocument();
    const details = outcome.querySelector('details')!;
    expect(details.open).toBe(false);
    await user.click(details.querySelector('summary')!);
    expect(details.open).toBe(true);
    expect(within(details).getByText(/特价活动明确标注/)).toBeVisible();
  });

  it('speaks English', () => {
    renderCard('en', {
      match: { vendor: 'letsvpn', kind: 'checkout' },
      locale: 'en',
      checkout: { channel: 'app-store' },
      order: null,
      rows: [],
    });
    expect(screen.getByText('Risks on this page')).toBeInTheDocument();
    expect(screen.getByText('Bought through an app store')).toBeInTheDocument();
  });
});

describe('the console card', () => {
  it('shows the order’s deadline from its payment time and last month’s SLA window', () => {
    const { container } = renderCard('zh-CN', {
      match: { vendor: 'tencent-cloud', kind: 'order' },
      locale: 'zh-CN',
      checkout: null,
      order: { orderId: '20261118105822371604', paidAt: '2026-11-18 10:59:07', orderType: '新购', status: '已支付' },
      rows: [],
    });
    expect(screen.getByText('订单 20261118105822371604')).toBeInTheDocument();
    expect(container.querySelector('[data-clock="five-day-no-reason"]')?.getAttribute('data-date')).toBe('2026-11-23');
    const sla = container.querySelector('[data-sla-month]')!;
    expect(sla.getAttribute('data-sla-month')).toBe('2026-10');
    expect(sla.textContent).toContain('2026-12-30');
  });

  it('leads with the order’s headline, and gives each listed order its own', () => {
    const { container } = renderCard('zh-CN', {
      match: { vendor: 'tencent-cloud', kind: 'order' },
      locale: 'zh-CN',
      checkout: null,
      order: {
        orderId: '20261118105822371604',
        paidAt: '2026-11-18 10:59:07',
        orderType: '新购',
        status: '已支付',
        term: '1年',
      },
      rows: [
        { orderId: '20261109143015264938', status: '已退款', paidAt: '2026-11-09 14:31:02', orderType: '新购' },
        { orderId: '20261122093344810257', status: '待支付', createdAt: '2026-11-22 09:33:44' },
      ],
    });
    const content = cardContent(
      {
        match: { vendor: 'tencent-cloud', kind: 'order' },
        locale: 'zh-CN',
        checkout: null,
        order: {
          orderId: '20261118105822371604',
          paidAt: '2026-11-18 10:59:07',
          orderType: '新购',
          status: '已支付',
          term: '1年',
        },
        rows: [],
      },
      NOW,
      { locale: 'zh-CN' },
    );
    const headline = container.querySelector('[data-order-id] [data-headline]')!;
    expect(headline.textContent).toBe(headlineText(content.order!.words));
    expect(headline).toHaveAttribute('data-tone', content.order!.words.tone);
    expect(headline).toHaveAttribute('data-deadline', '2026-11-23');
    const rows = Array.from(container.querySelectorAll('[data-order-row] [data-headline]')).map((h) => [
      h.textContent,
      h.getAttribute('data-tone'),
    ]);
    expect(rows).toEqual([
      ['本单已退款', 'neutral'],
      ['本单尚未支付，不计退款期限', 'neutral'],
    ]);
  });

  it('starts no clock for an unpaid order in a list', () => {
    const { container } = renderCard('zh-CN', {
      match: { vendor: 'tencent-cloud', kind: 'order' },
      locale: 'zh-CN',
      checkout: null,
      order: null,
      rows: [
        { orderId: 'A1000001', status: '待支付', createdAt: '2026-11-22 09:33:44' },
        { orderId: 'A1000002', status: '已支付', paidAt: '2026-11-10 08:00:00', orderType: '新购' },
      ],
    });
    const rows = Array.from(container.querySelectorAll('[data-order-row]'));
    expect(rows.map((r) => [r.getAttribute('data-order-row'), r.getAttribute('data-state')])).toEqual([
      ['A1000001', 'none'],
      ['A1000002', 'lapsed'],
    ]);
  });
});

describe('the pill', () => {
  it('says in one line the headline, the nearest deadline and the count of risks; every data-flag is in the DOM while collapsed', () => {
    const request = {
      match: { vendor: 'tencent-cloud', kind: 'checkout' as const },
      locale: 'zh-CN' as const,
      checkout: {
        product: '云服务器 CVM',
        term: '3年',
        autoRenew: true,
        channel: 'official' as const,
        price: 9000,
        promoText: '活动购买的资源不支持退款',
      },
      order: null,
      rows: [],
    };
    const content = cardContent(request, NOW, { locale: 'zh-CN' });
    const { container } = render(
      <PageLocale locale="zh-CN">
        <PageCard presence="pill" match={request.match} checkout={content.checkout} onDismiss={() => {}} />
      </PageLocale>,
    );
    const pill = container.querySelector<HTMLElement>('[data-pill]')!;
    expect(pill.querySelector('[data-pill-headline]')!.textContent).toBe(content.checkout!.words.line);
    expect(pill.textContent).toContain(`${content.checkout!.flags.length} 项风险`);
    expect(content.checkout!.flags.length).toBeGreaterThanOrEqual(3);
    const flags = Array.from(container.querySelectorAll('[data-flag]'), (el) => el.getAttribute('data-flag'));
    expect(flags).toEqual(content.checkout!.flags.map((f) => f.id));
    expect(container.querySelector('.rg-card__body')).not.toBeVisible();
    // A risky checkout opens by itself.
    expect(content.presence).toBe('expanded');
  });
});
