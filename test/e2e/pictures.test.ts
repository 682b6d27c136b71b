import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateClaim } from '../../lib/claims/eligibility';
import { orderFacts } from '../../lib/claims/order-facts';
import { parseInstant } from '../../lib/time/zone';
import { cardQuery, waitForCard } from './card';
import { fixture, launchExtension, recordedTabId, type ExtensionSession } from './harness';

/**
 * Issue 23, "done when": the popup's verdict for a stored order draws its
 * routes' timeline with today where the test's `now` puts it; the SLA month
 * with two logged outages (one excluded) draws both marks and the right tier;
 * axe-core finds no violation in these views.
 */

const NOW = '2026-11-22T12:00:00+08:00';
const DAY = 86_400_000;
const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core's findings in `selector`. Its source is evaluated in the page: an extension page's CSP
 * allows no inline script tag.
 */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  await page.evaluate(await axeSource);
  const violations = (await page.evaluate(
    (scope) =>
      (window as unknown as { axe: { run: (c: string, o: object) => Promise<{ violations: unknown[] }> } }).axe
        .run(scope, { resultTypes: ['violations'] })
        .then((r) => r.violations),
    selector,
  )) as AxeViolation[];
  return violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function openSavedOrder(session: ExtensionSession, id: string): Promise<{ page: Page; tabId: number }> {
  const order = fixture(id);
  const page = await session.context.newPage();
  await page.goto(order.url);
  await waitForCard(page, '[data-evidence]', { timeout: 15_000 });
  await expect.poll(async () => (await cardQuery(page, '[data-evidence]'))[0]?.attrs['data-evidence']).toBe('saved');
  await expect.poll(() => recordedTabId(session, order.url)).not.toBeNull();
  return { page, tabId: (await recordedTabId(session, order.url))! };
}

describe('the pictures: the routes’ timeline and the SLA month', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension({ lang: 'zh-CN' });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('the popup verdict for a stored order: one bar per route, today where `now` is, no axe violation', async () => {
    const order = fixture('tc-deal-detail-paid-new');
    const { page, tabId } = await openSavedOrder(session, order.id);
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(session.extensionUrl(`popup.html?${new URLSearchParams({ tab: String(tabId), now: NOW })}`));
    await popup.locator('[data-action="show-verdict"]').click({ timeout: 15_000 });
    const timeline = popup.locator('[data-testid="verdict"] [data-timeline]');
    await timeline.waitFor({ timeout: 15_000 });

    // What the engine says for this order as of NOW, computed here from the page's own fields.
    const expected = evaluateClaim(orderFacts({ vendor: 'tencent-cloud', fields: order.expected! }).facts, NOW);
    const bars = timeline.locator('[data-route]');
    expect(await bars.evaluateAll((els) => els.map((e) => e.getAttribute('data-route')))).toEqual(
      expected.routes.map((r) => r.id),
    );
    expect(await timeline.locator('[data-route] [data-bar]').count()).toBe(expected.routes.length);

    // The axis runs from payment (10:59:07 on the 18th) to the last window end (or a week at least).
    const paid = parseInstant('2026-11-18T10:59:07+08:00')!;
    const now = parseInstant(NOW)!;
    const ends = expected.routes.flatMap((r) => (r.deadline ? [parseInstant(r.deadline.closesAt)!] : []));
    const end = Math.max(paid + 7 * DAY, now, ...ends);
    expect(Number(await timeline.getAttribute('data-axis-start'))).toBe(paid);
    expect(Number(await timeline.getAttribute('data-axis-end'))).toBe(end);
    const width = Number((await timeline.locator('svg').getAttribute('viewBox'))!.split(' ')[2]);
    const todayX = Number(await timeline.locator('[data-today] line').getAttribute('x1'));
    expect(todayX).toBeCloseTo(((now - paid) / (end - paid)) * width, 6);
    // On screen: the marker stands inside the five-day bar, before its end (the window closes on the 23rd).
    const five = timeline.locator('[data-route="five-day-no-reason"] [data-bar]');
    const [barBox, markerBox] = [await five.boundingBox(), await timeline.locator('[data-today] line').boundingBox()];
    expect(markerBox!.x).toBeGreaterThan(barBox!.x);
    expect(markerBox!.x).toBeLessThan(barBox!.x + barBox!.width);
    // The picture fits the 380 px popup, and its text equivalent lists every route.
    expect((await timeline.boundingBox())!.width).toBeLessThanOrEqual(380);
    expect(await timeline.locator('figcaption li').count()).toBe(expected.routes.length);
    expect(await timeline.locator('figcaption').textContent()).toContain('至 2026-11-23');

    expect(await axeViolations(popup, '[data-testid="verdict"]')).toEqual([]);
    await Promise.all([popup.close(), page.close()]);
  });

  it('SLA month, two outages (one excluded): both marks, the clause, the tier; the year; axe: clean', async () => {
    const sla = await session.context.newPage();
    await sla.setViewportSize({ width: 1100, height: 900 });
    await sla.goto(session.extensionUrl('sla.html'));
    await sla.locator('h1').waitFor();
    // October: webmail down 150 min (counted); 3 h of announced maintenance (seed 002 §2.3 (1), excluded).
    await sla.evaluate(async () => {
      await chrome.storage.local.set({
        outageLog: {
          version: 1,
          entries: [
            {
              id: 'out-e2e-1',
              service: 'exmail',
              start: '2026-10-10T09:00:00+08:00',
              end: '2026-10-10T11:30:00+08:00',
              failed: ['webmail'],
              note: '',
              snapshotIds: [],
            },
            {
              id: 'out-e2e-2',
              service: 'exmail',
              start: '2026-10-21T01:00:00+08:00',
              end: '2026-10-21T04:00:00+08:00',
              failed: ['smtp'],
              excluded: 'notified-maintenance',
              note: '',
              snapshotIds: [],
            },
          ],
          fees: {},
        },
      });
    });
    await sla.reload();
    const picture = sla.locator('[data-month-picture="2026-10"]');
    await picture.waitFor({ timeout: 10_000 });
    expect(await picture.locator('[data-mark="counted"]').count()).toBe(1);
    expect(await picture.locator('[data-mark="excluded"]').count()).toBe(1);
    expect(await picture.locator('[data-exclusion-label]').textContent()).toBe('§2.3 (1) 腾讯云预先通知的系统维护');
    // The two marks are drawn in different colours and fills.
    const fills = await picture
      .locator('[data-mark] rect')
      .evaluateAll((els) => els.map((e) => getComputedStyle(e).fill));
    expect(new Set(fills).size).toBe(2);
    // 150 of 44,640 minutes: 99.6639 %, below 99.9 and at least 99: the 10 % tier (seed 002 §3.1).
    expect(await picture.getAttribute('data-tier')).toBe('low');
    expect(await picture.locator('[data-picture-tier]').textContent()).toContain('99.6639%');
    expect(await picture.locator('[data-picture-tier]').textContent()).toContain('月度服务费的 10%');
    expect(await axeViolations(sla, '[data-section="month"]')).toEqual([]);

    // The year: twelve bars; October's reads as the 10 % tier; a bar opens its month.
    const year = sla.locator('[data-year="2026"]');
    expect(await year.locator('[data-year-month]').count()).toBe(12);
    expect(await year.locator('[data-year-month="2026-10"]').getAttribute('data-tier')).toBe('low');
    await year.locator('[data-year-month="2026-09"] button').click();
    await sla.locator('[data-month-picture="2026-09"]').waitFor();
    expect(await sla.locator('[data-month-picture="2026-09"] [data-mark]').count()).toBe(0);
    expect(await axeViolations(sla, '[data-section="month"]')).toEqual([]);
    await sla.close();
  });
});
