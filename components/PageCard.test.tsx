import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PageLocale } from './i18n-context';
import { PageCard } from './PageCard';

describe('PageCard', () => {
  it('on a ticket form, fills the draft on a click and says what was filled, refused and kept', async () => {
    const user = userEvent.setup();
    const onFillDraft = vi.fn(async () => ({
      kind: 'filled' as const,
      filled: ['标题', '问题描述'],
      rejected: ['订单号'],
      kept: ['联系电话'],
    }));
    const { container } = render(
      <PageLocale locale="zh-CN">
        <PageCard
          match={{ vendor: 'tencent-cloud', kind: 'ticket' }}
          presence="expanded"
          onDismiss={() => {}}
          onFillDraft={onFillDraft}
        />
      </PageLocale>,
    );
    await user.click(screen.getByRole('button', { name: '填入草稿' }));
    expect(onFillDraft).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('已填入：标题、问题描述。请核对后自行提交。')).toBeVisible();
    expect(screen.getByText('页面没有接受：订单号，请手动填写。')).toBeVisible();
    expect(screen.getByText('已有内容未改动：联系电话')).toBeVisible();
    expect(container.querySelector('[data-fill="filled"]')).not.toBeNull();
  });

  it("says in the user's language why the draft could not be filled", async () => {
    const user = userEvent.setup();
    render(
      <PageLocale locale="en">
        <PageCard
          match={{ vendor: 'tencent-cloud', kind: 'ticket' }}
          presence="expanded"
          onDismiss={() => {}}
          onFillDraft={async () => ({ kind: 'error', message: 'No ticket form to fill was found on this page.' })}
        />
      </PageLocale>,
    );
    await user.click(screen.getByRole('button', { name: 'Fill the draft' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('No ticket form to fill was found on this page.');
  });

  it("folds into its pill when placement asks for it; after that the user's click decides", async () => {
    const user = userEvent.setup();
    const card = (presence: 'pill' | 'expanded') => (
      <PageLocale locale="zh-CN">
        <PageCard match={{ vendor: 'tencent-cloud', kind: 'checkout' }} presence={presence} onDismiss={() => {}} />
      </PageLocale>
    );
    const { container, rerender } = render(card('expanded'));
    const state = () => container.querySelector('.rg-card')?.getAttribute('data-collapsed');
    expect(state()).toBe('false');
    rerender(card('pill'));
    expect(state()).toBe('true');
    await user.click(container.querySelector<HTMLButtonElement>('[data-action="expand"]')!);
    expect(state()).toBe('false');
    rerender(card('pill'));
    expect(state()).toBe('false');
    await user.click(container.querySelector<HTMLButtonElement>('[data-action="collapse"]')!);
    rerender(card('expanded'));
    expect(state()).toBe('true');
  });

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
