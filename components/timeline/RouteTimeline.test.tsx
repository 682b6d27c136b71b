import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../../lib';
import { timelineOf } from '../../lib/pictures/timeline-input';
import { PageLocale } from '../i18n-context';
import { RouteTimeline } from './RouteTimeline';

const NOW = '2026-11-22T12:00:00+08:00';
/** An Exmail account with an October outage: the SLA claim window opens in November, after payment. */
const facts = {
  vendor: 'tencent-exmail',
  purchasedAt: '2026-09-01T10:00:00+08:00',
  reason: 'outage',
  outageMonth: '2026-10',
};

function show(locale: 'zh-CN' | 'en') {
  const verdict = evaluateClaim(facts, NOW, { locale });
  // The card's catalog (PageLocale): the timeline's words must be there too.
  const view = render(
    <PageLocale locale={locale}>
      <RouteTimeline input={timelineOf(verdict)} />
    </PageLocale>,
  );
  return { verdict, container: view.container };
}

describe('RouteTimeline', () => {
  it('draws one bar per route, marked by status, with today where the verdict was made', () => {
    const { verdict, container } = show('zh-CN');
    const rows = [...container.querySelectorAll('[data-route]')];
    expect(rows.map((r) => r.getAttribute('data-route'))).toEqual(verdict.routes.map((r) => r.id));
    expect(rows.map((r) => r.getAttribute('data-status'))).toEqual(verdict.routes.map((r) => r.status));
    for (const row of rows) expect(row.querySelectorAll('[data-bar]')).toHaveLength(1);
    const figure = container.querySelector('[data-timeline]')!;
    const start = Number(figure.getAttribute('data-axis-start'));
    const end = Number(figure.getAttribute('data-axis-end'));
    const now = Date.parse(NOW);
    const x = Number(container.querySelector('[data-today]')!.getAttribute('data-x'));
    const width = Number(container.querySelector('svg')!.getAttribute('viewBox')!.split(' ')[2]);
    expect(x).toBeCloseTo(((now - start) / (end - start)) * width, 3);
    // The status is said in words on the picture, not by colour alone.
    expect(container.querySelector('svg')!.textContent).toContain('待确认');
    expect(container.querySelector('svg')!.textContent).toContain('今天 11-22');
  });

  it('reads as a list for screen readers, in English too, with every date whole', () => {
    const { verdict, container } = show('en');
    expect(container.querySelector('svg')!.getAttribute('aria-hidden')).toBe('true');
    const items = [...container.querySelectorAll('figcaption li')].map((li) => li.textContent);
    expect(items).toHaveLength(verdict.routes.length);
    const sla = verdict.routes.find((r) => r.id === 'outage-sla')!;
    const line = items.find((i) => i!.startsWith(sla.label))!;
    expect(line).toContain('needs answers');
    expect(line).toContain(`to ${sla.deadline!.date}`);
    expect(container.querySelector('figcaption')!.textContent).toContain('From payment (2026-09-01)');
    expect(container.querySelector('figcaption [data-date="2026-09-01"]')).not.toBeNull();
  });

  it('draws nothing without routes', () => {
    const { container } = render(
      <PageLocale locale="en">
        <RouteTimeline input={null} />
      </PageLocale>,
    );
    expect(container.innerHTML).toBe('');
  });
});
