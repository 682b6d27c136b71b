import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { outageLogSchema, type OutageLog } from '../../lib/outages';
import { StaticLocale } from '../i18n';
import type { SlaApi } from './api';
import { SlaLog } from './SlaLog';

const NOW = new Date('2026-11-22T02:00:00Z');
/** October: 2.5 h counted (webmail down), 3 h excluded as announced maintenance (seed 002 §2.3 (1)). */
const october = [
  {
    id: 'out-1',
    service: 'exmail',
    start: '2026-10-10T09:00:00+08:00',
    end: '2026-10-10T11:30:00+08:00',
    failed: ['webmail'],
  },
  {
    id: 'out-2',
    service: 'exmail',
    start: '2026-10-21T01:00:00+08:00',
    end: '2026-10-21T04:00:00+08:00',
    failed: ['smtp'],
    excluded: 'notified-maintenance',
  },
];
/** August: six hours down, below 99.9 % (10 % credit per seed 002 §3.1). */
const august = {
  id: 'out-3',
  service: 'exmail',
  start: '2026-08-05T08:00:00+08:00',
  end: '2026-08-05T14:00:00+08:00',
  failed: ['imap'],
};

function api(entries: unknown[]): SlaApi {
  const log: OutageLog = outageLogSchema().parse({ entries });
  return {
    loadLog: vi.fn(async () => ({ log, invalid: false })),
    saveLog: vi.fn(async (next: OutageLog) => next),
    sightings: vi.fn(async () => []),
    snapshots: vi.fn(async () => []),
    copy: vi.fn(async () => undefined),
    now: () => NOW,
  };
}

function show(locale: 'zh-CN' | 'en', entries: unknown[]) {
  return render(
    <StaticLocale locale={locale}>
      <SlaLog api={api(entries)} />
    </StaticLocale>,
  );
}

describe('the SLA month as a picture', () => {
  it('marks each outage, counted and excluded apart, the excluded one with its clause; states the tier', async () => {
    show('zh-CN', october);
    const picture = await screen.findByRole('figure');
    expect(picture.querySelectorAll('[data-mark="counted"]')).toHaveLength(1);
    expect(picture.querySelectorAll('[data-mark="excluded"]')).toHaveLength(1);
    expect(picture.querySelector('[data-exclusion-label]')!.textContent).toBe('§2.3 (1) 腾讯云预先通知的系统维护');
    // 150 of 44,640 minutes: 99.66 %, under 99.9 but at least 99 → 10 % (seed 002 §3.1).
    expect(picture.getAttribute('data-tier')).toBe('low');
    expect(picture.querySelector('[data-picture-tier]')!.textContent).toContain('月度服务费的 10%');
    const marker = Number(picture.querySelector('[data-availability-marker]')!.getAttribute('data-x'));
    const lines = [...picture.querySelectorAll('[data-gauge] line')].map((l) => Number(l.getAttribute('x1')));
    // Between the 99 % and 99.9 % lines.
    expect(marker).toBeGreaterThan(Math.min(...lines.slice(1)));
    expect(marker).toBeLessThan(Math.max(...lines));
    // The text equivalent names both, in order.
    const items = within(picture)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      '计入：2026-10-10 09:00 至 2026-10-10 11:30，150 分钟',
      '不计入：2026-10-21 01:00 至 2026-10-21 04:00，180 分钟，§2.3 (1) 腾讯云预先通知的系统维护',
    ]);
  });

  it('shows the year as twelve bars by tier, and a bar opens its month', async () => {
    const user = userEvent.setup();
    show('en', [...october, august]);
    const year = await screen.findByRole('region', { name: 'Availability by month, 2026' });
    const months = year.querySelectorAll('[data-year-month]');
    expect(months).toHaveLength(12);
    const state = (m: string) => year.querySelector(`[data-year-month="2026-${m}"]`)!;
    expect(state('08').getAttribute('data-tier')).toBe('low');
    expect(state('08').textContent).toContain('10% credit');
    expect(state('09').getAttribute('data-state')).toBe('none');
    expect(state('12').getAttribute('data-state')).toBe('future');
    expect(within(state('12') as HTMLElement).queryByRole('button')).toBeNull();
    // The newest logged month is shown first; August's bar switches to it.
    expect(
      within(state('10') as HTMLElement)
        .getByRole('button')
        .getAttribute('aria-current'),
    ).toBe('true');
    await user.click(within(state('08') as HTMLElement).getByRole('button'));
    expect(await screen.findByRole('figure')).toHaveAttribute('data-month-picture', '2026-08');
    // A month with nothing logged opens too: no marks, commitment met.
    await user.click(within(state('09') as HTMLElement).getByRole('button'));
    const september = await screen.findByRole('figure');
    expect(september).toHaveAttribute('data-month-picture', '2026-09');
    expect(september.querySelectorAll('[data-mark]')).toHaveLength(0);
    expect(september.getAttribute('data-tier')).toBe('met');
  });
});
