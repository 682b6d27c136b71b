import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { tabVerdict, usableSettings } from '../../lib/evidence/tab-verdict';
import type { SnapshotBody } from '../../lib/evidence/schema';
import { StaticLocale } from '../i18n';
import { FirstVerdict } from './FirstVerdict';
import { NOW, ORDER_ID, paidOrderSnapshot } from '../../test/doubles/checker';

// The popup's first view, from the words the worker sends with `tab.order`: the checker's top as the
// checker lays it out, before the checker's code (the engine, the packs) has loaded.

const ZERO = '0'.repeat(64);
const body = {
  ...paidOrderSnapshot,
  capturedAtShanghai: paidOrderSnapshot.capturedAt,
  source: 'auto',
  note: '',
  previousSnapshotId: null,
  subjectKey: `tencent-cloud:${ORDER_ID}`,
  dedupeKey: ZERO,
  schemaVersion: 1,
  type: 'snapshot',
  redactions: { cards: 0, ids: 0, secrets: 0 },
  parts: {
    text: { sha256: ZERO, size: 0 },
    dom: { sha256: ZERO, size: 0 },
    fields: { sha256: ZERO, size: 0 },
    screenshot: null,
  },
} as SnapshotBody;
const ref = {
  vendor: 'tencent-cloud',
  orderId: ORDER_ID,
  capturedAt: body.capturedAt,
  status: '已支付',
  title: body.title,
};
/** What the worker answers for the paid order page (the same function it runs). */
const worker = (now = NOW) =>
  tabVerdict({ ref, bodies: [body] }, now, usableSettings({ customPacks: [], holidayOverrides: [] }))!;

function show(locale: 'zh-CN' | 'en', words = worker()[locale], onShown = vi.fn()) {
  render(
    <StaticLocale locale={locale}>
      <FirstVerdict order={ref} words={words} onShown={onShown} />
    </StaticLocale>,
  );
  return onShown;
}

describe("the popup's first view, from the worker's words", () => {
  it('shows the order, the step it is at and the headline, with the attributes the checker gives them', () => {
    const words = worker()['zh-CN'];
    const onShown = show('zh-CN', words);
    expect(screen.getByText(`腾讯云 · 订单 ${ORDER_ID}`)).toBeInTheDocument();
    const outcome = screen.getByTestId('outcome');
    expect(outcome).toHaveAttribute('data-verdict', words.outcome);
    expect(outcome).toHaveAttribute('data-provisional', words.openQuestions > 0 ? 'true' : 'false');
    const headline = outcome.querySelector('[data-headline]')!;
    expect(headline).toHaveTextContent(words.words.line);
    expect(headline).toHaveAttribute('data-tone', words.words.tone);
    expect(headline).toHaveAttribute('data-deadline', words.words.deadlineDate ?? '');
    // The paid order still has questions open: the checker starts at its questions step.
    expect(words.openQuestions).toBeGreaterThan(0);
    expect(document.querySelector('.rg-checker')).toHaveAttribute('data-state', 'questions');
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('退款检查');
    expect(document.querySelector('[aria-current="step"]')).toHaveAttribute('data-step', 'questions');
    expect(onShown).toHaveBeenCalledTimes(1);
  });

  it('in English, from the English words the worker sent beside the Chinese ones', () => {
    const words = worker().en;
    show('en', words);
    expect(screen.getByText(new RegExp(`^Tencent Cloud · Order ${ORDER_ID}`))).toBeInTheDocument();
    expect(screen.getByTestId('outcome').querySelector('[data-headline]')).toHaveTextContent(words.words.line);
    expect(screen.getByTestId('outcome')).toHaveTextContent(words.words.deadline!);
  });

  it('with nothing left to ask, is at the verdict step', () => {
    show('zh-CN', { ...worker()['zh-CN'], openQuestions: 0 });
    expect(document.querySelector('.rg-checker')).toHaveAttribute('data-state', 'verdict');
    expect(document.querySelector('[aria-current="step"]')).toHaveAttribute('data-step', 'verdict');
    expect(screen.getByTestId('outcome')).toHaveAttribute('data-provisional', 'false');
  });

  it('without a verdict to show, says the checker is loading, as the checker does, and reports no verdict', () => {
    const onShown = vi.fn();
    render(
      <StaticLocale locale="zh-CN">
        <FirstVerdict order={null} words={null} onShown={onShown} />
      </StaticLocale>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('正在读取证据库…');
    expect(document.querySelector('[data-verdict]')).toBeNull();
    expect(onShown).not.toHaveBeenCalled();
  });
});
