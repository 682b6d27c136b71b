import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PageLocale } from './i18n-context';
import { PageCard } from './PageCard';

describe('PageCard', () => {
  it('names the vendor, the page kind and the policy in Chinese', () => {
    render(
      <PageLocale locale="zh-CN">
        <PageCard match={{ vendor: 'tencent-cloud', kind: 'checkout' }} onDismiss={() => {}} />
      </PageLocale>,
    );
    expect(screen.getByText('已识别：腾讯云 · 购买页')).toBeInTheDocument();
    expect(screen.getByText(/五天无理由全额退还/)).toBeInTheDocument();
  });

  it('speaks English when asked', () => {
    render(
      <PageLocale locale="en">
        <PageCard match={{ vendor: 'tencent-exmail', kind: 'webmail' }} onDismiss={() => {}} />
      </PageLocale>,
    );
    expect(screen.getByText('Recognised: Tencent Exmail · webmail')).toBeInTheDocument();
  });

  it('starts as a one-line pill, opens from the keyboard, closes again, and can be dismissed', async () => {
    const user = userEvent.setup();
    const onDismiss = vi.fn();
    const { container } = render(
      <PageLocale locale="zh-CN">
        <PageCard match={{ vendor: 'letsvpn', kind: 'checkout' }} onDismiss={onDismiss} />
      </PageLocale>,
    );
    expect(screen.queryByText(/已识别/)).not.toBeVisible();
    const pill = container.querySelector<HTMLButtonElement>('[data-action="expand"]')!;
    expect(pill).toHaveAttribute('aria-expanded', 'false');
    pill.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByText('已识别：快连 LetsVPN · 购买页')).toBeVisible();
    await user.click(screen.getByRole('button', { name: '收起' }));
    expect(screen.queryByText(/已识别/)).not.toBeVisible();
    await user.click(screen.getByRole('button', { name: '关闭' }));
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('shows a user-defined vendor by its id, as text', () => {
    render(
      <PageLocale locale="zh-CN">
        <PageCard match={{ vendor: '<b>acme</b>', kind: 'checkout' }} onDismiss={() => {}} />
      </PageLocale>,
    );
    expect(screen.getByText('已识别：<b>acme</b> · 购买页')).toBeInTheDocument();
    expect(document.querySelector('b')).toBeNull();
  });
});
