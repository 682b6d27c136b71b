import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { StaticLocale } from '../i18n';
import { EvidenceReport, reportIds } from './EvidenceReport';
import { paidOrderSnapshot } from '../../test/doubles/checker';

const snapshot = {
  id: paidOrderSnapshot.id,
  title: paidOrderSnapshot.title,
  url: paidOrderSnapshot.url,
  capturedAtShanghai: '2026-11-22 10:10:00',
  fields: paidOrderSnapshot.fields,
  chainHash: 'a'.repeat(64),
  screenshot: 'data:image/jpeg;base64,/9j/4AAQ',
};

describe('EvidenceReport: the page printed to PDF for a ticket form', () => {
  it('reads only well-formed snapshot ids from its address', () => {
    expect(reportIds('?ids=snap-000001,snap-000002,../x,snap-000001')).toEqual(['snap-000001', 'snap-000002']);
    expect(reportIds('')).toEqual([]);
  });

  it('shows each snapshot with its time, address, fields, hash and screenshot, and prints on request', async () => {
    const print = vi.fn();
    render(
      <StaticLocale locale="zh-CN">
        <EvidenceReport load={async () => [snapshot]} print={print} />
      </StaticLocale>,
    );
    const section = await screen.findByText(/snap-000001 · 订单详情/);
    const snap = section.closest('[data-snapshot]') as HTMLElement;
    expect(snap).toHaveTextContent('2026-11-22 10:10:00');
    expect(snap).toHaveTextContent(String(paidOrderSnapshot.fields.orderId));
    expect(snap).toHaveTextContent('a'.repeat(64));
    expect(screen.getByRole('img', { name: 'snap-000001 的截图' })).toHaveAttribute('src', snapshot.screenshot);
    await userEvent.click(screen.getByRole('button', { name: '打印 / 存为 PDF' }));
    expect(print).toHaveBeenCalled();
  });
});
