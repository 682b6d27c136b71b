import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { fixture } from '../e2e/harness';
import { firefoxCardQuery, firefoxWaitForCard } from './card';
import { launchFirefox, pollIn, type FirefoxSession } from './harness';

/** Sends a message as an extension page does; returns the reply's data. */
async function ask(page: Page, type: string, data: unknown): Promise<any> {
  const reply = await page.evaluate(
    (m) =>
      (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage(m) as Promise<{
        ok: boolean;
        data?: unknown;
      }>,
    { rg: 1, type, data },
  );
  if (!reply?.ok) throw new Error(`${type} failed: ${JSON.stringify(reply)}`);
  return reply.data;
}

// The shipped Firefox build (MV2) in Firefox ESR: the same content script, worker and pages as in
// Chromium, run by another engine. A smoke layer: each test is one thing a user does first.
describe('the extension in Firefox ESR (zh-CN)', () => {
  let session: FirefoxSession;

  beforeAll(async () => {
    session = await launchFirefox({ lang: 'zh-CN' });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows the card with its risk flag on a Tencent Cloud checkout', async () => {
    const checkout = fixture('tc-cvm-checkout-1y-autorenew');
    const page = await session.browser.newPage();
    await page.goto(checkout.url);
    await page.waitForSelector('refund-guard-ui', { timeout: 15_000 });
    expect(await page.$$eval('refund-guard-ui', (hosts) => hosts.map((h) => h.getAttribute('data-kind')))).toEqual([
      'checkout',
    ]);
    // The checkout has auto-renew ticked: the card names that risk and cites its source.
    const [flag] = await firefoxWaitForCard(page, '[data-flag="auto-renew"]');
    expect(flag!.text).toContain('自动续费');
    expect(flag!.text).toContain('依据');
    await page.close();
  });

  it('snapshots an order page by itself and keeps its fields', async () => {
    const order = fixture('tc-deal-detail-paid-new');
    const page = await session.browser.newPage();
    await page.goto(order.url);
    const [status] = await firefoxWaitForCard(page, '[data-evidence="saved"]');
    const id = status!.attrs['data-snapshot-id'];
    expect(id).toMatch(/^snap-\d{6}$/);
    const locker = await session.openExtensionPage('evidence.html');
    const { snapshot } = await ask(locker, 'evidence.get', { id });
    expect(snapshot.body).toMatchObject({ vendor: 'tencent-cloud', kind: 'order', source: 'auto', url: order.url });
    expect(snapshot.body.fields).toMatchObject({
      orderId: '20261118105822371604',
      status: '已支付',
      amountPaid: 3145.37,
    });
    expect(await ask(locker, 'evidence.verify', {})).toMatchObject({ ok: true, problems: [] });
    // Nothing else appears in the card of a second engine: still exactly one status line.
    expect(await firefoxCardQuery(page, '[data-evidence]')).toHaveLength(1);
    await Promise.all([page.close(), locker.close()]);
  });

  it("renders the popup in Chinese, and on an order tab shows the card's headline in the same words", async () => {
    const popup = await session.openExtensionPage('popup.html');
    expect(
      await pollIn(
        popup,
        () => document.body.innerText.includes('退款卫士') && document.documentElement.lang,
        'the popup',
      ),
    ).toBe('zh-CN');
    const order = fixture('tc-deal-detail-paid-new');
    const page = await session.browser.newPage();
    await page.goto(order.url);
    await firefoxWaitForCard(page, '[data-evidence]');
    const [cardHeadline] = await firefoxWaitForCard(page, '[data-order-id] [data-headline]');
    const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
    expect(squash(cardHeadline!.text).length).toBeGreaterThan(0);
    // The worker records each vendor tab it saw (session storage); open the popup for the order's tab.
    const tabId = await pollIn(
      popup,
      async () => {
        const all = (await (globalThis as unknown as { browser: typeof chrome }).browser.storage.session.get(
          null,
        )) as Record<string, { url?: string }>;
        const entry = Object.entries(all).find(([, v]) => v?.url?.includes('dealName=20261118105822371604'));
        return entry ? Number(entry[0].replace('tab.', '')) : null;
      },
      "the order's tab",
    );
    const onOrder = await session.openExtensionPage(`popup.html?tab=${tabId}`);
    expect(
      await pollIn(
        onOrder,
        () => document.querySelector('[data-kind]')?.getAttribute('data-kind'),
        'the tab kind in the popup',
      ),
    ).toBe('order');
    const popupHeadline = await pollIn(
      onOrder,
      () => document.querySelector('[data-testid="outcome"] [data-headline]')?.textContent,
      'the popup headline',
    );
    expect(squash(popupHeadline ?? '')).toBe(squash(cardHeadline!.text));
    await Promise.all([popup.close(), page.close(), onOrder.close()]);
  });
});
