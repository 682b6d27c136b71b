import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForCard } from './card';
import { ask, fixture, launchExtension, ROOT, type ExtensionSession } from './harness';

const run = promisify(execFile);

/** The CLI verifier's exit code and output for a bundle file. */
async function verifyCli(file: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run('npx', ['tsx', 'scripts/verify.ts', file, '--lang', 'en'], { cwd: ROOT });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code?: number; stdout?: string };
    return { code: e.code ?? -1, out: e.stdout ?? '' };
  }
}

/** The worker answers within a few hundred ms; headless on a shared machine may take longer. */
const poll = <T>(read: () => Promise<T> | T, options: { timeout?: number } = {}) =>
  expect.poll(read, { timeout: 10_000, ...options });

const ORDERS = ['tc-deal-detail-paid-new', 'tc-deal-detail-refunded', 'tc-deal-detail-renewal'].map(fixture);

describe('evidence locker in Chromium', () => {
  let session: ExtensionSession;
  let locker: Page;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'refund-guard-locker-'));
    session = await launchExtension({ lang: 'zh-CN', grantAllUrls: true });
    // Order pages snapshot themselves once they settle, each with a screenshot of the visible tab.
    for (const order of ORDERS) {
      const page = await session.context.newPage();
      await page.bringToFront();
      await page.goto(order.url);
      await waitForCard(page, '[data-evidence="saved"]', { timeout: 20_000 });
      await page.close();
    }
    locker = await session.context.newPage();
    locker.setDefaultTimeout(10_000);
    await locker.goto(session.extensionUrl('evidence.html'));
  });
  afterAll(async () => {
    await session?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const rows = () => locker.locator('[data-testid="snapshot-table"] tbody tr');

  it('lists the captured orders newest first and filters by order number and by text', async () => {
    await poll(() => rows().count()).toBe(3);
    expect(await locker.locator('caption').first().textContent()).toBe('共 3 条快照');
    const ids = await rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-snapshot-id')));
    expect(ids).toEqual(['snap-000003', 'snap-000002', 'snap-000001']);
    const first = rows().first();
    expect(await first.locator('[data-field="orderId"]').textContent()).toBe('20261021090412158720');
    expect(await first.textContent()).toContain('腾讯云');
    expect(await first.textContent()).toContain('订单页');
    expect(await first.locator('[data-source]').textContent()).toBe('自动保存');
    expect(await first.locator('[data-badge="screenshot"]').count()).toBe(1);
    expect(await first.locator('time').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    // Each row says which purchase it is: product, amount paid, status (the paid CVM order is the oldest).
    const paid = rows().last();
    expect(await paid.locator('[data-field="product"]').textContent()).toContain('云服务器 CVM');
    expect(await paid.locator('[data-field="amount"]').textContent()).toBe('3145.37 元');
    expect(await paid.locator('[data-field="status"]').textContent()).toBe('已支付');

    await locker.getByLabel('订单号').fill('264938');
    await locker.getByRole('button', { name: '筛选', exact: true }).click();
    await poll(() => rows().count()).toBe(1);
    expect(await rows().first().locator('[data-field="status"]').textContent()).toBe('已退款');

    await locker.getByRole('button', { name: '清除筛选' }).click();
    await poll(() => rows().count()).toBe(3);
    // Full-text search over the page text: only the renewal order was paid at 09:05:01.
    await locker.getByLabel('搜索文字、标题或网址').fill('09:05:01');
    await locker.getByLabel('搜索文字、标题或网址').press('Enter');
    await poll(() => rows().count()).toBe(1);
    expect(await rows().first().locator('[data-field="orderId"]').textContent()).toBe('20261021090412158720');
    await locker.getByRole('button', { name: '清除筛选' }).click();
    await poll(() => rows().count()).toBe(3);
  });

  it('opens a snapshot: screenshot, fields, chain status; adds a note', async () => {
    await locker.getByRole('button', { name: /^查看 snap-000001：/ }).click();
    const detail = locker.getByTestId('snapshot-detail');
    const shot = detail.getByTestId('screenshot');
    await shot.waitFor();
    expect(await shot.getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
    await poll(() => shot.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(100);
    const field = (name: string) => detail.locator(`[data-testid="fields"] tr[data-field="${name}"] td`).textContent();
    expect(await field('orderId')).toBe('20261118105822371604');
    expect(await field('status')).toBe('已支付');
    expect(await field('amountPaid')).toBe('3145.37');
    expect(await field('paidAt')).toBe('2026-11-18 10:59:07');
    expect(await detail.locator('[data-field="url"]').textContent()).toBe(ORDERS[0]!.url);
    await poll(() => detail.getByTestId('chain-status').getAttribute('data-chain')).toBe('ok');

    await detail.getByLabel('新备注').fill('11-20 电话联系客服，答复可走五天无理由退款 <script>alert(1)</script>');
    await detail.getByRole('button', { name: '添加备注' }).click();
    await poll(() => detail.getByRole('status').textContent()).toMatch(/^已添加备注（note-\d{6}）$/);
    expect(await detail.getByTestId('notes').textContent()).toContain('<script>alert(1)</script>');
    await detail.getByRole('button', { name: '返回列表' }).click();
    await poll(() => rows().last().locator('[data-badge="notes"]').textContent()).toBe('备注 1');
  });

  it('deletes a snapshot after confirmation; the chain still verifies', async () => {
    await locker.getByRole('button', { name: /^查看 snap-000003：/ }).click();
    const detail = locker.getByTestId('snapshot-detail');
    await detail.getByRole('button', { name: '删除快照' }).click();
    await detail.getByRole('alertdialog').getByRole('button', { name: '确定删除' }).click();
    await poll(() => locker.getByTestId('notice').textContent()).toBe('已删除 snap-000003');
    await poll(() => rows().count()).toBe(2);
    await locker.getByRole('button', { name: '校验证据库' }).click();
    await poll(() => locker.getByTestId('store-check').getAttribute('data-chain')).toBe('ok');
    expect(await locker.getByTestId('store-check').textContent()).toMatch(/^哈希链完整：5 条记录/);
  });

  it('exports everything as a ZIP the command line verifies, and flags a one-byte change there and in the page', async () => {
    const [download] = await Promise.all([
      locker.waitForEvent('download'),
      locker.getByRole('button', { name: '全部导出' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^refund-guard-evidence-\d{8}T\d{6}\.zip$/);
    const good = join(dir, 'bundle.zip');
    await download.saveAs(good);
    await poll(() => locker.getByTestId('notice').textContent()).toMatch(/^已导出 2 条快照：refund-guard-evidence-/);
    const ok = await verifyCli(good);
    expect(ok.out).toContain('Verified');
    expect(ok.code).toBe(0);

    const bytes = await readFile(good);
    const at = bytes.lastIndexOf(Buffer.from('20261109143015264938'));
    expect(at).toBeGreaterThan(0);
    bytes[at] = bytes[at]! ^ 1;
    const altered = join(dir, 'bundle-altered.zip');
    await writeFile(altered, bytes);
    const bad = await verifyCli(altered);
    expect(bad.code).not.toBe(0);

    // The same altered bundle, chosen in the page (the file input is what the drop zone's keyboard path uses).
    await locker.locator('input[type="file"]').setInputFiles(altered);
    const report = locker.getByTestId('verify-report');
    await poll(() => report.getAttribute('data-verify')).toBe('failed');
    expect(await report.getByTestId('verify-headline').textContent()).toMatch(/^✘ 校验失败/);
    expect(await report.getByTestId('altered-snapshots').textContent()).toBe('受影响的快照：snap-000002');
    const alteredRow = report.locator('[data-testid="verify-files"] tr[data-status="altered"]');
    expect(await alteredRow.count()).toBe(1);
    expect(await alteredRow.getAttribute('data-file')).toMatch(/^snapshots\/snap-000002\//);
    expect(await report.locator('[data-snapshot-id="snap-000001"]').getAttribute('data-ok')).toBe('true');

    await locker.locator('input[type="file"]').setInputFiles(good);
    await poll(() => report.getAttribute('data-verify')).toBe('ok');
    expect(await report.getByTestId('verify-chain').getAttribute('data-chain')).toBe('ok');
  });

  it('saves a page no vendor pack knows with evidence.captureTab (the popup\'s "save this page")', async () => {
    const forum = fixture('unrelated-tech-forum');
    const page = await session.context.newPage();
    await page.goto(forum.url);
    await page.bringToFront();
    const tabId = await locker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, forum.url);
    expect(tabId).toBeGreaterThan(0);
    const reply = await ask(locker, 'evidence.captureTab', { tabId });
    expect(reply).toMatchObject({ status: 'saved', screenshot: true });
    const { snapshot } = await ask(locker, 'evidence.get', { id: reply.id });
    expect(snapshot.body).toMatchObject({
      vendor: 'generic-software',
      kind: 'checkout',
      source: 'manual',
      url: forum.url,
      title: forum.title,
      fields: {},
    });
    expect(snapshot.text).toContain('upstream prematurely closed connection');
    expect(snapshot.screenshot).toMatch(/^data:image\/jpeg;base64,/);
    // The tab's badge tells the outcome; the page itself is left as it was.
    expect(await session.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId!)).toBe('✓');
    // Saving the unchanged page again adds nothing.
    expect(await ask(locker, 'evidence.captureTab', { tabId })).toEqual({ status: 'duplicate', id: reply.id });
    // A content script cannot ask for it (only the extension's own pages may).
    await page.close();
    await locker.reload();
    await poll(() => rows().count()).toBe(3);
    expect(await rows().first().locator('[data-source]').textContent()).toBe('手动保存');
  });

  it('the context-menu item and the Alt+Shift+S command save the page through the same worker path', async () => {
    const command = await session.worker.evaluate(async () =>
      (await chrome.commands.getAll()).find((c) => c.name === 'save-page-evidence'),
    );
    expect(command?.shortcut).toBe('Alt+Shift+S');
    // Named in the browser's interface language (the shortcuts page lists it so), from the locale files.
    const named = await session.worker.evaluate(() => chrome.i18n.getMessage('saveCommand'));
    expect(['保存此页为证据', 'Save this page as evidence']).toContain(named);
    expect(command?.description).toBe(named);
    // update() rejects for an item that does not exist: the menu item is registered.
    await session.worker.evaluate(() => chrome.contextMenus.update('refund-guard-save-page', {}));

    // Headless Chromium cannot open a context menu or press a browser shortcut, so the test
    // fires the browser events themselves in the worker: the registered listeners run as on a click.
    const fire = async (event: 'menu' | 'command', url: string) => {
      const page = await session.context.newPage();
      await page.goto(url);
      await page.bringToFront();
      const tabId = await locker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, url);
      await session.worker.evaluate(
        async ({ event, tabId, url }) => {
          const tab = await chrome.tabs.get(tabId!);
          const onClicked = chrome.contextMenus.onClicked as unknown as { dispatch(info: object, tab: object): void };
          const onCommand = chrome.commands.onCommand as unknown as { dispatch(command: string, tab: object): void };
          if (event === 'menu')
            onClicked.dispatch({ menuItemId: 'refund-guard-save-page', editable: false, pageUrl: url }, tab);
          else onCommand.dispatch('save-page-evidence', tab);
        },
        { event, tabId, url },
      );
      await poll(() => session.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId!)).toBe('✓');
      await page.close();
      const { items } = await ask(locker, 'evidence.list', { search: url });
      return items[0];
    };

    const saas = fixture('generic-saas-checkout-en');
    const fromMenu = await fire('menu', saas.url);
    expect(fromMenu).toMatchObject({
      vendor: 'generic-software',
      kind: 'checkout',
      source: 'manual',
      title: saas.title,
      hasScreenshot: true,
    });
    const { snapshot } = await ask(locker, 'evidence.get', { id: fromMenu.id });
    // The prefilled card number and CVC never reach storage.
    expect(snapshot.text + JSON.stringify(snapshot.body)).not.toContain('5555555555554444');
    expect(snapshot.text).toContain('Acme Boards');

    const news = fixture('unrelated-news-article');
    const fromShortcut = await fire('command', news.url);
    expect(fromShortcut).toMatchObject({ source: 'manual', title: news.title, hasScreenshot: true });
  });
});
