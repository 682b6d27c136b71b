import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PageLocale } from './i18n-context';
import { PageCard, type EvidenceOutcome } from './PageCard';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((ok) => (resolve = ok));
  return { promise, resolve };
}

describe('PageCard · save as evidence', () => {
  it('reports "saved" only after the worker acknowledged, from the keyboard', async () => {
    const user = userEvent.setup();
    const ack = deferred<EvidenceOutcome>();
    render(
      <PageLocale locale="zh-CN">
        <PageCard
          presence="expanded"
          match={{ vendor: 'tencent-cloud', kind: 'checkout' }}
          onDismiss={() => {}}
          onSaveEvidence={() => ack.promise}
        />
      </PageLocale>,
    );
    const button = screen.getByRole('button', { name: '保存为证据' });
    button.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByText('正在保存…')).toBeInTheDocument();
    expect(button).toBeDisabled();
    expect(screen.queryByText(/已保存为证据/)).not.toBeInTheDocument();
    await act(async () => ack.resolve({ kind: 'saved', id: 'snap-000007' }));
    expect(screen.getByText('已保存为证据（snap-000007）')).toHaveAttribute('data-evidence', 'saved');
    expect(button).toBeEnabled();
  });

  it('shows a failure as an alert in the user’s language, and a duplicate as such', async () => {
    const user = userEvent.setup();
    let next: EvidenceOutcome = { kind: 'error', message: 'Not enough storage space: the snapshot was not saved.' };
    render(
      <PageLocale locale="en">
        <PageCard
          presence="expanded"
          match={{ vendor: 'tencent-cloud', kind: 'checkout' }}
          onDismiss={() => {}}
          onSaveEvidence={async () => next}
        />
      </PageLocale>,
    );
    await user.click(screen.getByRole('button', { name: 'Save as evidence' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Not enough storage space');
    next = { kind: 'duplicate', id: 'snap-000002' };
    await user.click(screen.getByRole('button', { name: 'Save as evidence' }));
    expect(
      screen.getByText('Nothing changed since the last snapshot (snap-000002); nothing new was saved.'),
    ).toBeInTheDocument();
  });

  it('tells the page script when a button that needs the worker is pointed at or focused, before any click', async () => {
    const user = userEvent.setup();
    const intent = vi.fn();
    const save = vi.fn(async (): Promise<EvidenceOutcome> => ({ kind: 'saved', id: 'snap-000001' }));
    const openChecker = vi.fn(async () => undefined);
    render(
      <PageLocale locale="zh-CN">
        <PageCard
          presence="expanded"
          match={{ vendor: 'tencent-cloud', kind: 'order' }}
          onDismiss={() => {}}
          onSaveEvidence={save}
          onOpenChecker={openChecker}
          onActionIntent={intent}
        />
      </PageLocale>,
    );
    const button = screen.getByRole('button', { name: '保存为证据' });
    await user.hover(button);
    expect(intent).toHaveBeenCalledTimes(1);
    await user.unhover(button);
    button.focus();
    expect(intent).toHaveBeenCalledTimes(2);
    await user.hover(screen.getByRole('button', { name: '检查能否退款' }));
    expect(intent).toHaveBeenCalledTimes(3);
    expect(save).not.toHaveBeenCalled();
    expect(openChecker).not.toHaveBeenCalled();
    // Pointing elsewhere on the card is no intent.
    await user.hover(screen.getByRole('heading', { name: '退款卫士' }));
    await user.hover(screen.getByRole('button', { name: '收起' }));
    expect(intent).toHaveBeenCalledTimes(3);
  });

  it('announces automatic captures of an order page', async () => {
    let report: ((o: EvidenceOutcome) => void) | undefined;
    render(
      <PageLocale locale="zh-CN">
        <PageCard
          presence="expanded"
          match={{ vendor: 'tencent-cloud', kind: 'order' }}
          onDismiss={() => {}}
          onSaveEvidence={async () => ({ kind: 'saved', id: 'snap-000009' })}
          subscribeAutoCapture={(listener) => {
            report = listener;
            return () => (report = undefined);
          }}
        />
      </PageLocale>,
    );
    await act(async () => report?.({ kind: 'saved', id: 'snap-000003' }));
    expect(screen.getByText('已自动保存订单快照（snap-000003）')).toBeInTheDocument();
  });
});
