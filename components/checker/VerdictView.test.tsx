import { render, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { evaluateClaim } from '../../lib';
import { headlineWords } from '../../lib/claims/headline';
import { StaticLocale } from '../i18n';
import { VerdictView } from './VerdictView';
import { NOW } from '../../test/doubles/checker';

/** A CVM order bought three weeks ago: the five-day window has closed, the ordinary self-service return is open. */
const partial = {
  vendor: 'tencent-cloud',
  purchasedAt: '2026-11-01T10:00:00+08:00',
  channel: 'official',
  orderId: '20261101100000123456',
  product: '云服务器 CVM',
  amountPaid: 1200,
  termMonths: 12,
  renewal: false,
  billing: 'prepaid',
  promoNonRefundable: false,
  reason: 'changed-mind',
  convertedFromPayAsYouGo: false,
  firstNoReasonRefundUsed: false,
};

function show(locale: 'zh-CN' | 'en') {
  const verdict = evaluateClaim(partial, NOW, { locale });
  render(
    <StaticLocale locale={locale}>
      <VerdictView
        verdict={verdict}
        words={headlineWords(verdict, locale, NOW)}
        now={NOW}
        checklist={[]}
        openQuestions={0}
        capture={{ available: false, state: { state: 'idle' }, onCapture: () => undefined }}
        openUrl={vi.fn()}
      />
    </StaticLocale>,
  );
  return verdict;
}

describe('VerdictView: what a Chinese reader sees', () => {
  it('cites each document once, with no English rule names in a Chinese verdict', () => {
    const verdict = show('zh-CN');
    expect(verdict.basis.length).toBeGreaterThan(1);
    const titles = [...document.querySelectorAll('[data-testid="basis"] summary')].map((s) => s.textContent ?? '');
    expect(new Set(titles).size).toBe(titles.length);
    for (const title of titles) expect(title).not.toMatch(/[a-z]+ [a-z]+/);
    // Every clause is still there, under its document.
    const basis = document.querySelector('[data-testid="basis"]')!;
    for (const b of verdict.basis) expect(basis.textContent).toContain(b.text);
  });

  it('keeps every date in one piece and says "estimated" once per line', () => {
    show('zh-CN');
    const view = document.querySelector('[data-testid="verdict"]') as HTMLElement;
    for (const el of view.querySelectorAll('li, p')) {
      const own = el.textContent ?? '';
      expect(own.split('估算').length).toBeLessThanOrEqual(2);
    }
    const dated = [...view.querySelectorAll('p, li')].filter(
      (el) => /\d{4}-\d{2}-\d{2}/.test(el.textContent ?? '') && !el.querySelector('[data-date], p, li'),
    );
    expect(dated.length).toBeGreaterThan(0);
    for (const el of dated) {
      for (const m of (el.textContent ?? '').matchAll(/\d{4}-\d{2}-\d{2}/g)) {
        const kept = [...el.querySelectorAll('.rg-nowrap, [data-date]')].some((s) => s.textContent?.includes(m[0]));
        expect(kept, `${m[0]} in “${el.textContent}”`).toBe(true);
      }
    }
    expect(within(view).getByTestId('where')).toBeInTheDocument();
  });
});
