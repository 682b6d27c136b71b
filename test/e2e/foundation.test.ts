import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixturePages, type FixturePage } from '../fixtures/catalog';
import { cardText, waitForCard } from './card';
import { launchExtension, recordedTabId, settle, watchExtensionContexts, type ExtensionSession } from './harness';

function fixture(predicate: (page: FixturePage) => boolean, what: string): FixturePage {
  const found = fixturePages.find(predicate);
  if (!found) throw new Error(`no fixture page for ${what}`);
  return found;
}

async function sendRaw(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

describe('the extension in Chromium (zh-CN browser)', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension({ lang: 'zh-CN' });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('starts the background worker from the built manifest', async () => {
    const manifest = await session.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.background).toMatchObject({ service_worker: 'background.js' });
    const page = await session.context.newPage();
    await page.goto(session.extensionUrl('popup.html'));
    const reply = await sendRaw(page, { rg: 1, type: 'worker.ping', data: {} });
    expect(reply).toMatchObject({ ok: true, data: { version: manifest.version } });
    await page.close();
  });

  it('answers a malformed message with a clear error and does nothing', async () => {
    const page = await session.context.newPage();
    await page.goto(session.extensionUrl('popup.html'));
    const malformed = await sendRaw(page, { rg: 1, type: 'tab.status', data: { tabId: 'seven' } });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'malformed' } });
    expect(JSON.stringify(malformed)).toContain('tabId');
    const unknown = await sendRaw(page, { rg: 1, type: 'evidence.wipeEverything', data: {} });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
    await page.close();
  });

  it('renders the popup in Chinese by default', async () => {
    const page = await session.context.newPage();
    await page.goto(session.extensionUrl('popup.html'));
    await expect.poll(() => page.locator('h1').textContent()).toBe('退款卫士');
    // Opened as a tab of its own, the popup has no web page to lead with: one sentence says so.
    await expect.poll(() => page.getByTestId('current-page').textContent()).toContain('在网页上打开本扩展即可检查该页');
    expect(await page.locator('.rg-vendor-list li').count()).toBe(4);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    // One module script (entrypoints/popup/main.tsx: it asks the worker at once, then imports the
    // interface) and one style sheet.
    const scripts = await page.evaluate(() =>
      [...document.scripts].map((s) => ({ path: new URL(s.src).pathname, type: s.type })),
    );
    expect(scripts).toEqual([{ path: expect.stringMatching(/^\/chunks\/popup-[\w-]+\.js$/), type: 'module' }]);
    expect(await page.evaluate(() => document.styleSheets.length)).toBe(1);
    // That sheet carries the shared look (components/base.css) and the popup's own rules.
    expect(
      await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--rg-ink').trim()),
    ).toBe('#1d2733');
    expect(await page.evaluate(() => getComputedStyle(document.body).width)).toBe('380px');
    await page.close();
  });

  it('renders the options page in Chinese and the evidence locker page', async () => {
    const page = await session.context.newPage();
    await page.goto(session.extensionUrl('options.html'));
    await expect.poll(() => page.locator('h1').textContent()).toBe('退款卫士 · 设置');
    expect(await page.getByLabel('界面语言').inputValue()).toBe('auto');
    await page.goto(session.extensionUrl('evidence.html'));
    await expect.poll(() => page.locator('h1').textContent()).toBe('证据库');
    await page.close();
  });

  it('injects the card on a vendor checkout and tells the worker what the page is', async () => {
    const checkout = fixture((p) => p.vendor === 'tencent-cloud' && p.kind === 'checkout', 'a Tencent Cloud checkout');
    const page = await session.context.newPage();
    const contexts = await watchExtensionContexts(page, session.extensionId);
    await page.goto(checkout.url);
    const card = page.locator('refund-guard-ui');
    await card.waitFor({ state: 'attached' });
    expect(await card.count()).toBe(1);
    expect(await card.getAttribute('data-kind')).toBe('checkout');
    await expect.poll(() => cardText(page, '.rg-card__detected')).toBe('已识别：腾讯云 · 购买页');
    expect(contexts.count()).toBeGreaterThan(0);

    await expect.poll(() => recordedTabId(session, checkout.url)).not.toBeNull();
    const tabId = await recordedTabId(session, checkout.url);
    const popup = await session.context.newPage();
    await popup.goto(session.extensionUrl(`popup.html?tab=${tabId}`));
    const current = popup.getByTestId('current-page').locator('[data-kind]');
    await expect.poll(() => current.getAttribute('data-kind')).toBe('checkout');
    expect(await current.textContent()).toBe('腾讯云 · 购买页');
    await contexts.detach();
    await Promise.all([page.close(), popup.close()]);
  });

  it("keeps to its pages' content security policy: a verdict, the options and the locker report no violation", async () => {
    const order = fixture((p) => p.id === 'tc-deal-detail-paid-new', 'a paid Tencent Cloud order');
    const page = await session.context.newPage();
    await page.goto(order.url);
    await expect.poll(() => recordedTabId(session, order.url)).not.toBeNull();
    const tabId = await recordedTabId(session, order.url);
    const violations: string[] = [];
    for (const [path, ready] of [
      [`popup.html?tab=${tabId}`, '[data-verdict]'],
      ['options.html', 'h1'],
      ['evidence.html', 'h1'],
    ] as const) {
      const extensionPage = await session.context.newPage();
      await extensionPage.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { __violations: string[] }).__violations = seen;
        document.addEventListener('securitypolicyviolation', (event) =>
          seen.push(`${event.violatedDirective} ${event.sourceFile}:${event.lineNumber}`),
        );
      });
      await extensionPage.goto(session.extensionUrl(path));
      await extensionPage.locator(ready).first().waitFor();
      // Schemas parse on the first reads; give late parses a moment.
      await extensionPage.waitForTimeout(300);
      violations.push(
        ...(await extensionPage.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).map(
          (v) => `${path}: ${v}`,
        ),
      );
      await extensionPage.close();
    }
    expect(violations).toEqual([]);
    await page.close();
  });

  it('injects nothing into an unrelated site', async () => {
    const unrelated = fixture(
      (p) => p.vendor === null && !/apple|tencent|exmail|letsvpn/.test(new URL(p.url).hostname),
      'an unrelated site',
    );
    const page = await session.context.newPage();
    const contexts = await watchExtensionContexts(page, session.extensionId);
    await page.goto(unrelated.url);
    await settle(page);
    expect(await page.title()).toBe(unrelated.title);
    expect(contexts.count()).toBe(0);
    expect(await page.locator('refund-guard-ui').count()).toBe(0);
    expect(await recordedTabId(session, unrelated.url)).toBeNull();
    await contexts.detach();
    await page.close();
  });

  it('switches every page to English when the user chooses it in options', async () => {
    const options = await session.context.newPage();
    await options.goto(session.extensionUrl('options.html'));
    await options.getByLabel('界面语言').selectOption('en');
    await expect.poll(() => options.locator('h1').textContent()).toBe('Refund Guard · Settings');
    const popup = await session.context.newPage();
    await popup.goto(session.extensionUrl('popup.html'));
    await expect.poll(() => popup.locator('h1').textContent()).toBe('Refund Guard');
    expect(await popup.locator('html').getAttribute('lang')).toBe('en');
    await options.getByLabel('Language').selectOption('auto');
    await expect.poll(() => popup.locator('h1').textContent()).toBe('退款卫士');
    await Promise.all([options.close(), popup.close()]);
  });
});

describe('the extension in an English browser', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension({ lang: 'en-US' });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('follows the browser language in the popup, options and the in-page card', async () => {
    const popup = await session.context.newPage();
    await popup.goto(session.extensionUrl('popup.html'));
    await expect.poll(() => popup.locator('h1').textContent()).toBe('Refund Guard');
    expect(await popup.getByRole('button', { name: 'Open evidence locker' }).count()).toBe(1);
    await popup.goto(session.extensionUrl('options.html'));
    await expect.poll(() => popup.locator('h1').textContent()).toBe('Refund Guard · Settings');

    const order = fixture((p) => p.vendor === 'tencent-cloud' && p.kind === 'order', 'a Tencent Cloud order page');
    const page = await session.context.newPage();
    await page.goto(order.url);
    const card = page.locator('refund-guard-ui');
    await card.waitFor({ state: 'attached' });
    expect(await card.getAttribute('data-kind')).toBe('order');
    // The card shows its pill; waiting for the opened card's line opens it, as a person would.
    await waitForCard(page, '.rg-card__detected');
    await expect.poll(() => cardText(page, '.rg-card__detected')).toBe('Recognised: Tencent Cloud · order page');
    await Promise.all([popup.close(), page.close()]);
  });
});
