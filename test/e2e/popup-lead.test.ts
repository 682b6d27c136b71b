import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardQuery, waitForCard } from './card';
import { fixture, launchExtension, recordedTabId, settle, type ExtensionSession } from './harness';

/**
 * Issue 20, "the popup leads with the tab": opened for a checkout it shows that
 * checkout's assessment, for an order its headline (the card's words), on a
 * ticket form "fill the draft" first; the verdict's headline and its primary
 * action fit the first 600 px at 380 px; after a refusal, the two complaint
 * platforms are linked.
 */
const NOW = '2026-11-22T12:00:00+08:00';
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The popup for a tab; `at` (default NOW) pins its clock, null leaves it on the browser's like the card's. */
async function openPopup(session: ExtensionSession, tabId: number, at: string | null = NOW): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(
    session.extensionUrl(`popup.html?${new URLSearchParams({ tab: String(tabId), ...(at ? { now: at } : {}) })}`),
  );
  return popup;
}

async function openTab(session: ExtensionSession, id: string): Promise<{ page: Page; tabId: number }> {
  const page = await session.context.newPage();
  await page.goto(fixture(id).url);
  await settle(page);
  await expect.poll(() => recordedTabId(session, fixture(id).url), { timeout: 15_000 }).not.toBeNull();
  return { page, tabId: (await recordedTabId(session, fixture(id).url))! };
}

/** A webmail tab: the worker records its address without the session id (`sid`). */
async function openWebmail(session: ExtensionSession, id: string): Promise<{ page: Page; tabId: number }> {
  const page = await session.context.newPage();
  await page.goto(fixture(id).url);
  await settle(page);
  const url = new URL(fixture(id).url);
  url.searchParams.delete('sid');
  await expect.poll(() => recordedTabId(session, url.href), { timeout: 15_000 }).not.toBeNull();
  return { page, tabId: (await recordedTabId(session, url.href))! };
}

/** A box's top and bottom in the popup's viewport (the page is not scrolled). */
async function box(popup: Page, selector: string) {
  const b = await popup.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector}: not laid out`);
  return { top: b.y, bottom: b.y + b.height };
}

describe('the popup leads with the tab (Chromium)', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension({ lang: 'zh-CN' });
  });
  afterAll(async () => {
    await session?.close();
  });

  it("on a checkout: that checkout's assessment and risks, the card's own reading", async () => {
    const { page, tabId } = await openTab(session, 'tc-cvm-checkout-3y-promo');
    await waitForCard(page, '[data-headline]', { timeout: 15_000 });
    const [cardHeadline] = await cardQuery(page, '[data-headline]');
    const popup = await openPopup(session, tabId);
    const lead = popup.locator('[data-testid="tab-lead"][data-lead="checkout"]');
    await lead.locator('[data-headline]').waitFor({ timeout: 15_000 });
    expect(squash(await lead.locator('[data-headline] .rg-headline__line').textContent())).toBe(
      squash(cardHeadline?.text).split(' · ')[0],
    );
    const flags = await lead.locator('[data-flag]').evaluateAll((els) => els.map((e) => e.getAttribute('data-flag')));
    expect(flags).toContain('multi-year');
    expect(await popup.getByText('还没有保存的订单快照').count()).toBe(0);
    expect(await popup.getByTestId('vendor-select').isVisible()).toBe(false);
    await Promise.all([popup.close(), page.close()]);
  });

  it("on an order: its headline, equal to the card's; the verdict's headline and primary action within 600 px; after a refusal, the two portals", async () => {
    const { page, tabId } = await openTab(session, 'tc-deal-detail-paid-new');
    await waitForCard(page, '[data-evidence]', { timeout: 15_000 });
    await expect
      .poll(async () => (await cardQuery(page, '[data-evidence]'))[0]?.attrs['data-evidence'], { timeout: 15_000 })
      .toBe('saved');
    const [cardHeadline] = await cardQuery(page, '[data-headline]');
    // The card reads the browser's clock: so does the popup here, to say the same words.
    const popup = await openPopup(session, tabId, null);
    const headline = popup.locator('[data-testid="outcome"] [data-headline]').first();
    await headline.waitFor({ timeout: 15_000 });
    expect(squash(await headline.textContent())).toBe(squash(cardHeadline?.text));

    await popup.locator('[data-action="show-verdict"]').click();
    await popup.getByTestId('verdict').waitFor();
    await popup.evaluate(() => window.scrollTo(0, 0));
    const h = await box(popup, '[data-testid="verdict"] [data-headline]');
    const primary = await box(popup, '[data-action="prepare-ticket"]');
    console.log(
      `[popup] verdict at 380 px: headline ${h.top.toFixed(0)}–${h.bottom.toFixed(0)} px, primary action ${primary.top.toFixed(0)}–${primary.bottom.toFixed(0)} px, page ${await popup.evaluate(() => document.documentElement.scrollHeight)} px`,
    );
    expect(h.top).toBeGreaterThanOrEqual(0);
    expect(h.bottom).toBeLessThanOrEqual(600);
    expect(primary.top).toBeGreaterThanOrEqual(0);
    expect(primary.bottom).toBeLessThanOrEqual(600);
    // The checklist once.
    expect(await popup.locator('[data-testid="checklist"]').count()).toBe(1);

    await popup.locator('[data-action="refused"]').first().click();
    await popup.getByTestId('ticket').waitFor();
    expect(await popup.locator('a[data-portal="12315"]').getAttribute('href')).toBe('https://www.12315.cn');
    await popup.getByRole('radio', { name: '黑猫投诉' }).check();
    expect(await popup.locator('a[data-portal="heimao"]').getAttribute('href')).toBe('https://tousu.sina.com.cn');
    expect(await popup.getByText('投诉时上传这些材料').count()).toBe(1);
    await popup.close();
    // The order stays saved for the ticket form below.
    await page.close();
  });

  it.each(['tc-deal-list', 'tea-deal-list'])(
    'on an order list (%s): the listed orders, each with the headline its row on the card shows',
    async (id) => {
      const { page, tabId } = await openTab(session, id);
      await waitForCard(page, '[data-order-row] [data-headline]', { timeout: 15_000 });
      const cardRows = await cardQuery(page, '[data-order-row]');
      const cardWords = new Map<string, string>();
      for (const row of cardRows) {
        const [h] = await cardQuery(page, `[data-order-row="${row.attrs['data-order-row']}"] [data-headline]`);
        cardWords.set(row.attrs['data-order-row']!, squash(h?.text));
      }
      const popup = await openPopup(session, tabId, null);
      const lead = popup.locator('[data-testid="tab-lead"][data-lead="order-list"]');
      await lead.waitFor({ timeout: 15_000 });
      const rows = await lead
        .locator('li[data-order-id]')
        .evaluateAll((els) =>
          els.map(
            (li) => [li.getAttribute('data-order-id'), li.querySelector('[data-headline]')?.textContent ?? ''] as const,
          ),
        );
      expect(rows.length).toBeGreaterThan(0);
      for (const [orderId, text] of rows) {
        if (cardWords.has(orderId!)) expect(squash(text)).toBe(cardWords.get(orderId!));
      }
      expect(rows.some(([orderId]) => cardWords.has(orderId!))).toBe(true);
      await Promise.all([popup.close(), page.close()]);
    },
  );

  it("on webmail: a failure page says it is in this month's SLA record and opens the log; the inbox has nothing to do", async () => {
    const error = await openWebmail(session, 'ex-webmail-error');
    const popup = await openPopup(session, error.tabId, null);
    const lead = popup.locator('[data-testid="tab-lead"][data-lead="outage-logged"]');
    await lead.waitFor({ timeout: 15_000 });
    expect(squash(await lead.locator('h2').textContent())).toBe('已记入本月 SLA 记录');
    const [sla] = await Promise.all([
      session.context.waitForEvent('page'),
      lead.getByRole('button', { name: '打开 SLA 故障记录' }).click(),
    ]);
    await sla.waitForLoadState();
    expect(sla.url()).toBe(session.extensionUrl('sla.html'));
    await Promise.all([sla.close(), popup.close(), error.page.close()]);

    const inbox = await openWebmail(session, 'ex-webmail-inbox');
    const quiet = await openPopup(session, inbox.tabId, null);
    const none = quiet.locator('[data-testid="tab-lead"][data-lead="quiet"]');
    await none.waitFor({ timeout: 15_000 });
    expect(squash(await none.locator('h2').textContent())).toBe('此页面暂无需要处理的事项');
    await none.getByRole('button', { name: '检查此页面一次' }).click();
    await none.locator('[data-rechecked]').waitFor();
    await Promise.all([quiet.close(), inbox.page.close()]);
  });

  it('on a ticket form: "fill the draft" first, and it fills that form', async () => {
    const { page, tabId } = await openTab(session, 'tc-workorder-create-refund');
    const popup = await openPopup(session, tabId);
    const fill = popup.locator('[data-testid="fill-first"] [data-action="fill-draft"]');
    await fill.waitFor({ timeout: 15_000 });
    // The popup's first primary action.
    expect(await popup.locator('.rg-button--primary').first().getAttribute('data-action')).toBe('fill-draft');
    await fill.click();
    await popup.getByTestId('ticket').waitFor();
    const fillForm = popup.locator('[data-action="fill-form"]');
    await expect.poll(() => fillForm.getAttribute('class'), { timeout: 15_000 }).toContain('rg-button--primary');
    await fillForm.click();
    await popup.getByTestId('fill-report').waitFor({ timeout: 15_000 });
    expect(await page.locator('#ticket-title').inputValue()).toBe(
      await popup.locator('input[data-field="title"]').inputValue(),
    );

    // Beside the ZIP: the printable report of the same snapshots, an extension page (screenshots where the snapshot has one).
    const id = (await popup.locator('[data-action="screenshot-png"]').first().getAttribute('data-snapshot'))!;
    const report = await session.context.newPage();
    await report.goto(session.extensionUrl(`report.html?ids=${id}`));
    const snap = report.locator(`[data-snapshot="${id}"]`);
    await snap.waitFor({ timeout: 15_000 });
    expect(await snap.textContent()).toMatch(/[0-9a-f]{64}/);
    expect(await snap.locator('h2').textContent()).toContain(id);
    await Promise.all([popup.close(), page.close(), report.close()]);
  });
});
