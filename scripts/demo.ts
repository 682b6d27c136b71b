// `npm run demo`: builds the extension and opens Chromium with it loaded against
// the bundled fixture sites (served on 127.0.0.1 under the vendors' host names).
// Headed when a display exists; with --headless (or no display) it writes a
// screenshot of every surface to demo-screenshots/ and prints where.
import { execFileSync } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fixturePages } from '../test/fixtures/catalog';
import { startFixtureServer, DEMO_INDEX_URL } from '../test/fixtures/server';
import { launchExtension, recordedTabId, ROOT, settle, type ExtensionSession } from '../test/e2e/harness';

const args = new Set(process.argv.slice(2));
const headless = args.has('--headless') || !process.env.DISPLAY;
const outDir = join(ROOT, 'demo-screenshots');

function build() {
  if (args.has('--no-build')) return;
  console.log('Building the extension (wxt build)…');
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
}

async function shoot(page: Page, name: string, fullPage = false) {
  const path = join(outDir, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

async function tabIdOf(session: ExtensionSession, url: string): Promise<number | null> {
  for (let i = 0; i < 40; i++) {
    const id = await recordedTabId(session, url);
    if (id !== null) return id;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return null;
}

async function screenshots(session: ExtensionSession, lang: 'zh-CN' | 'en') {
  const shots: string[] = [];
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(session.extensionUrl('popup.html'));
  await popup.waitForSelector('[data-testid=current-page] p');
  shots.push(await shoot(popup, `${lang}-popup`));
  await popup.setViewportSize({ width: 1100, height: 760 });
  await popup.goto(session.extensionUrl('options.html'));
  await popup.waitForSelector('select');
  shots.push(await shoot(popup, `${lang}-options`));
  await popup.goto(session.extensionUrl('evidence.html'));
  await popup.waitForSelector('[data-testid=locker-empty]');
  shots.push(await shoot(popup, `${lang}-evidence-locker`));

  const pages = lang === 'zh-CN' ? fixturePages : fixturePages.filter((p) => p.vendor !== null).slice(0, 4);
  for (const fixture of pages) {
    const page = await session.context.newPage();
    await page.goto(fixture.url);
    await settle(page);
    if (fixture.vendor) await page.locator('refund-guard-ui').waitFor({ state: 'attached', timeout: 5000 }).catch(() => {});
    shots.push(await shoot(page, `${lang}-page-${fixture.id}`));
    if (fixture.vendor && fixture.kind) {
      const tabId = await tabIdOf(session, fixture.url);
      if (tabId !== null && lang === 'zh-CN') {
        await popup.setViewportSize({ width: 380, height: 600 });
        await popup.goto(session.extensionUrl(`popup.html?tab=${tabId}`));
        await popup.waitForSelector('[data-testid=current-page] p');
        shots.push(await shoot(popup, `${lang}-popup-on-${fixture.id}`));
      }
    }
    await page.close();
  }
  await popup.close();
  if (lang === 'zh-CN') shots.push(...(await journey(session)));
  return shots;
}

/**
 * The popup's states on a stored order (questions → verdict → ticket), the
 * locker with its snapshots, and the SLA log — as a user goes through them.
 */
async function journey(session: ExtensionSession): Promise<string[]> {
  const shots: string[] = [];
  const order = fixturePages.find((p) => p.id === 'tc-deal-detail-paid-new')!;
  const page = await session.context.newPage();
  await page.goto(order.url);
  await settle(page);
  const tabId = await tabIdOf(session, order.url);
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(session.extensionUrl(`popup.html?tab=${tabId}`));
  await popup.getByTestId('questions').waitFor({ timeout: 15_000 }).catch(() => {});
  shots.push(await shoot(popup, 'zh-CN-popup-questions', true));
  for (let i = 0; i < 10; i++) {
    const open = popup.locator('fieldset[data-fact]').first();
    if ((await open.count()) === 0) break;
    const fact = await open.getAttribute('data-fact');
    if (fact === 'billing') await open.getByRole('button', { name: '包年包月（预付费）' }).click();
    else if (fact === 'reason') {
      await open.getByRole('combobox').selectOption('changed-mind');
      await open.getByRole('button', { name: '确定', exact: true }).click();
    } else await open.getByRole('button', { name: '否', exact: true }).click();
    await popup.waitForTimeout(150);
  }
  await popup.getByTestId('verdict').waitFor({ timeout: 15_000 }).catch(() => {});
  shots.push(await shoot(popup, 'zh-CN-popup-verdict', true));
  await popup.getByRole('button', { name: '准备工单' }).click().catch(() => {});
  await popup.getByTestId('ticket').waitFor({ timeout: 5000 }).catch(() => {});
  shots.push(await shoot(popup, 'zh-CN-popup-ticket', true));

  await popup.setViewportSize({ width: 1100, height: 800 });
  await popup.goto(session.extensionUrl('evidence.html'));
  await popup.locator('table tbody tr').first().waitFor({ timeout: 10_000 }).catch(() => {});
  shots.push(await shoot(popup, 'zh-CN-evidence-locker-list', true));
  await popup.locator('table tbody tr button, table tbody tr a').first().click().catch(() => {});
  await popup.waitForTimeout(800);
  shots.push(await shoot(popup, 'zh-CN-evidence-locker-detail', true));
  await popup.goto(session.extensionUrl('sla.html'));
  await popup.waitForTimeout(800);
  shots.push(await shoot(popup, 'zh-CN-sla-log', true));
  await popup.goto(session.extensionUrl('options.html'));
  await popup.waitForTimeout(800);
  shots.push(await shoot(popup, 'zh-CN-options-full', true));
  await popup.close();
  await page.close();
  return shots;
}

build();
const server = await startFixtureServer();
if (headless) {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  let count = 0;
  for (const lang of ['zh-CN', 'en'] as const) {
    const session = await launchExtension({ lang: lang === 'en' ? 'en-US' : 'zh-CN', server });
    try {
      count += (await screenshots(session, lang)).length;
    } finally {
      await session.close();
    }
  }
  await server.close();
  console.log(`\nWrote ${count} screenshots to ${outDir}`);
} else {
  const session = await launchExtension({ headless: false, server, viewport: { width: 1400, height: 900 } });
  const page = session.context.pages()[0] ?? (await session.context.newPage());
  await page.goto(DEMO_INDEX_URL);
  const popup = await session.context.newPage();
  await popup.goto(session.extensionUrl('popup.html'));
  await page.bringToFront();
  console.log(`Chromium is open with Refund Guard loaded. Fixture sites: ${DEMO_INDEX_URL}`);
  console.log('Close the browser window to end the demo.');
  await new Promise<void>((done) => session.context.on('close', () => done()));
  await server.close();
}
