import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './harness';

const T0 = Date.parse('2026-09-01T00:00:00Z');

/** A settings export with `count` logged Exmail outages (one an hour, ten minutes each; every tenth excluded). */
function exportText(count: number, site: string) {
  const entries = Array.from({ length: count }, (_, i) => ({
    id: `out-${i}`,
    service: 'exmail',
    start: new Date(T0 + i * 3_600_000).toISOString(),
    end: new Date(T0 + i * 3_600_000 + 600_000).toISOString(),
    failed: ['webmail'],
    note: i % 10 === 0 ? '计划内维护（提前 24 小时邮件通知）' : `网页版无法打开（第 ${i} 次）`,
    ...(i % 10 === 0 ? { excluded: 'other' } : {}),
    snapshotIds: [],
  }));
  return JSON.stringify({
    format: 'refund-guard-settings',
    exportedAt: '2026-12-01T08:00:00.000Z',
    settingsVersion: 2,
    settings: { locale: 'auto', genericSites: [site], customPacks: [], holidayOverrides: [] },
    outageLog: { version: 1, entries, fees: {} },
  });
}

/** Records, in the page, every distinct line the import's progress shows. */
const watchProgress = (page: Page) =>
  page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { importLines: string[] }).importLines = seen;
    new MutationObserver(() => {
      const line = document.querySelector('[data-testid="import-progress"] [role="status"]')?.textContent;
      if (line && seen.at(-1) !== line) seen.push(line);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
const progressLines = (page: Page) => page.evaluate(() => (window as unknown as { importLines: string[] }).importLines);
const storedLog = (page: Page): Promise<{ entries: { id: string }[] } | undefined> =>
  page.evaluate(async () => (await chrome.storage.local.get('outageLog')).outageLog as { entries: { id: string }[] });

describe('importing a large settings file shows its progress (zh-CN browser)', () => {
  let session: ExtensionSession;
  let dir: string;

  beforeAll(async () => {
    session = await launchExtension({ lang: 'zh-CN' });
    dir = await mkdtemp(join(tmpdir(), 'rg-import-'));
  });
  afterAll(async () => {
    await session?.close();
  });

  it('5,000 outage entries: the count goes up in steps, then one write and the result; a cancelled check changes nothing', async () => {
    const big = join(dir, 'big.json');
    await writeFile(big, exportText(5000, 'https://shop.example.cn/*'));
    const page = await session.context.newPage();
    await page.goto(session.extensionUrl('options.html'));
    const data = page.locator('[data-section="data"]');
    await data.waitFor();
    await watchProgress(page);

    await page.getByLabel('导入设置与故障记录').setInputFiles(big);
    await expect
      .poll(() => data.locator('p.rg-saved').textContent(), { timeout: 30_000 })
      .toBe('已导入：设置与 5000 条故障记录');
    const lines = await progressLines(page);
    expect(lines).toContain('正在校验设置（0 个自定义政策包、1 个站点）');
    const counts = lines.flatMap((l) => /^正在校验故障记录：(\d+) \/ 5000$/.exec(l)?.[1] ?? []).map(Number);
    expect(counts.length).toBeGreaterThanOrEqual(5);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBe(5000);
    expect(lines.at(-1)).toBe('正在写入设置与 5000 条故障记录…');
    expect((await storedLog(page))?.entries).toHaveLength(5000);
    expect(await data.getByTestId('import-progress').count()).toBe(0);

    // A second file, cancelled while it is checked: the stored log stays the first one.
    const other = join(dir, 'other.json');
    await writeFile(other, exportText(4000, 'https://pay.example.com/*'));
    await page.getByLabel('导入设置与故障记录').setInputFiles(other);
    await data.getByRole('button', { name: '取消导入' }).click();
    await expect.poll(() => data.locator('p.rg-saved').textContent()).toBe('已取消导入，未改变任何数据');
    const log = await storedLog(page);
    expect(log?.entries).toHaveLength(5000);
    const settings = await page.evaluate(
      async () => (await chrome.storage.local.get('settings')).settings as { genericSites: string[] },
    );
    expect(settings.genericSites).toEqual(['https://shop.example.cn/*']);
    await page.close();
  });
});
