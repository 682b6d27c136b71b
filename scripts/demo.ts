// `npm run demo`: builds the extension and opens Chromium with it loaded against
// the bundled fixture sites (served on 127.0.0.1 under the vendors' host names).
// Headed when a display exists; with --headless (or no display) it walks through
// every surface a user meets, printing each step as it goes, and writes the
// screenshots to demo-screenshots/ with a contact sheet (index.html) naming each.
import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fixturePages } from '../test/fixtures/catalog';
import { startFixtureServer, DEMO_INDEX_URL } from '../test/fixtures/server';
import { ask, launchExtension, recordedTabId, ROOT, settle, type ExtensionSession } from '../test/e2e/harness';
import { cardClick, cardQuery, waitForCard } from '../test/e2e/card';
import { contactSheet, type Shot } from './demo-sheet';

const args = new Set(process.argv.slice(2));
const headless = args.has('--headless') || !process.env.DISPLAY;
/** `--pictures-only`: just the pictures' screenshots (a quicker look after a change to them). */
const picturesOnly = args.has('--pictures-only');
const outDir = join(ROOT, 'demo-screenshots');
const started = Date.now();

function log(message: string) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  console.log(`[demo ${seconds} s] ${message}`);
}

const shots: Shot[] = [];
const failures: string[] = [];
let section = '';

function build() {
  if (args.has('--no-build')) return log('--no-build: using the existing .output/chrome-mv3');
  log('building the extension (wxt build)…');
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  log('build done');
}

async function shoot(page: Page, name: string, title: string, fullPage = false) {
  const file = `${name}.png`;
  await page.screenshot({ path: join(outDir, file), fullPage });
  shots.push({ file, title, section });
  log(`  shot ${String(shots.length).padStart(3)}  ${file} — ${title}`);
}

/** One state of the walk-through; a failure is reported and the walk goes on. */
async function step(title: string, run: () => Promise<void>) {
  log(`▶ ${title}`);
  try {
    await run();
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
    failures.push(`${title}: ${reason}`);
    log(`✘ ${title}: ${reason}`);
  }
}

/** The tab the worker recorded for `url`; null after 1.5 s (pages with nothing to act on are not recorded). */
async function tabIdOf(session: ExtensionSession, url: string): Promise<number | null> {
  for (let i = 0; i < 15; i++) {
    const id = await recordedTabId(session, url);
    if (id !== null) return id;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return null;
}

const fixtureById = (id: string) => {
  const found = fixturePages.find((p) => p.id === id);
  if (!found) throw new Error(`no fixture ${id}`);
  return found;
};

async function openPopup(session: ExtensionSession, query = ''): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(session.extensionUrl(`popup.html${query}`));
  await popup.locator('body *').first().waitFor();
  await settle(popup);
  return popup;
}

async function extensionPages(session: ExtensionSession, lang: string) {
  section = lang === 'zh-CN' ? '扩展页面 · Extension pages' : 'English';
  await step(`${lang}: popup, options, evidence locker (empty)`, async () => {
    const popup = await openPopup(session);
    await shoot(popup, `${lang}-popup`, `弹出窗口，无标签页 · popup with no tab (${lang})`);
    await popup.setViewportSize({ width: 1100, height: 760 });
    await popup.goto(session.extensionUrl('options.html'));
    await popup.locator('h1').waitFor();
    await shoot(popup, `${lang}-options`, `设置 · options (${lang})`);
    await popup.goto(session.extensionUrl('evidence.html'));
    await popup.locator('h1').waitFor();
    await settle(popup);
    await shoot(popup, `${lang}-evidence-locker`, `证据库（空） · evidence locker, empty (${lang})`);
    await popup.close();
  });
}

async function fixtureTour(session: ExtensionSession, lang: 'zh-CN' | 'en') {
  section = lang === 'zh-CN' ? '厂商页面上的卡片 · The card on vendor pages' : 'English pages';
  const pages = lang === 'zh-CN' ? fixturePages : fixturePages.filter((p) => p.vendor !== null).slice(0, 4);
  log(`${pages.length} fixture pages (${lang})`);
  for (const [index, fixture] of pages.entries()) {
    await step(`(${index + 1}/${pages.length}) ${fixture.id}`, async () => {
      const page = await session.context.newPage();
      await page.goto(fixture.url);
      await settle(page);
      if (fixture.vendor)
        await page
          .locator('refund-guard-ui')
          .waitFor({ state: 'attached', timeout: 5000 })
          .catch(() => {});
      await shoot(page, `${lang}-page-${fixture.id}`, `${fixture.title} · ${fixture.variant}`);
      if (fixture.vendor && fixture.kind && lang === 'zh-CN') {
        const tabId = await tabIdOf(session, fixture.url);
        if (tabId !== null) {
          const popup = await openPopup(session, `?tab=${tabId}`);
          await shoot(popup, `${lang}-popup-on-${fixture.id}`, `弹出窗口 · popup on ${fixture.title}`);
          await popup.close();
        }
      }
      await page.close();
    });
  }
}

/** The card as first shown, then toggled with a real click (pill ⇄ expanded). */
async function cardStates(session: ExtensionSession) {
  section = '卡片：收起与展开 · The card, collapsed and expanded';
  for (const id of ['tc-cvm-checkout-1y-autorenew', 'tc-deal-detail-paid-new']) {
    await step(`card states on ${id}`, async () => {
      const page = await session.context.newPage();
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(fixtureById(id).url);
      await settle(page);
      await waitForCard(page, '[aria-expanded]', { timeout: 10_000 });
      const [toggle] = await cardQuery(page, '[aria-expanded]');
      const expanded = toggle?.attrs['aria-expanded'] === 'true';
      const [headline] = await cardQuery(page, '[data-headline]');
      if (headline) log(`  card headline: ${headline.text.replace(/\s+/g, ' ').trim()}`);
      await shoot(
        page,
        `card-${id}-first-shown`,
        `首次显示（${expanded ? '展开' : '收起'}） · as first shown (${expanded ? 'expanded' : 'collapsed'}), 1366 × 768`,
      );
      await cardClick(page, '[aria-expanded]');
      await waitForCard(page, `[aria-expanded="${expanded ? 'false' : 'true'}"]`, { timeout: 5000 });
      await shoot(
        page,
        `card-${id}-${expanded ? 'collapsed' : 'expanded'}`,
        `点击后${expanded ? '收起' : '展开'} · after a click: ${expanded ? 'collapsed' : 'expanded'}`,
      );
      await page.close();
    });
  }
}

/** A site no vendor pack knows: checked once from the popup, then enabled for good. */
async function genericSite(session: ExtensionSession) {
  section = '启用的通用网站 · An enabled generic site';
  await step('enable a generic software site from the popup', async () => {
    const site = fixtureById('generic-course-checkout');
    const page = await session.context.newPage();
    await page.goto(site.url);
    await settle(page);
    await shoot(page, 'generic-before', `未启用：没有卡片 · ${site.title}, not enabled: no card`);
    const tabId = await session.worker.evaluate(
      async (url) => (await chrome.tabs.query({ url }))[0]?.id ?? null,
      site.url,
    );
    const popup = await openPopup(session, `?tab=${tabId}`);
    await shoot(popup, 'generic-popup-offer', '弹出窗口提供“检查一次 / 启用此网站” · popup offers check once / enable');
    await popup.click('[data-action="enable-site"]');
    await popup.waitForSelector('[data-generic-status="ok"]', { timeout: 10_000 });
    await shoot(popup, 'generic-popup-enabled', '已启用此网站 · site enabled');
    await page.bringToFront();
    await page.reload();
    await settle(page);
    await page.locator('refund-guard-ui').waitFor({ state: 'attached', timeout: 10_000 });
    await shoot(page, 'generic-enabled-card', `启用后的卡片 · the card on the enabled site (${site.title})`);
    await Promise.all([popup.close(), page.close()]);
  });
}

/** Questions → verdict → ticket → the vendor refused → complaint drafts. */
async function claimJourney(session: ExtensionSession) {
  section = '申请退款与被拒之后 · A claim, then a refusal';
  const order = fixtureById('tc-deal-detail-paid-new');
  const page = await session.context.newPage();
  await page.goto(order.url);
  await settle(page);
  const tabId = await tabIdOf(session, order.url);
  const popup = await openPopup(session, `?tab=${tabId}`);
  await step('answer the questions', async () => {
    await popup
      .getByTestId('questions')
      .waitFor({ timeout: 15_000 })
      .catch(() => {});
    await shoot(popup, 'claim-1-questions', '问题 · the questions the engine still needs', true);
    for (let i = 0; i < 10; i++) {
      const open = popup.locator('fieldset[data-fact]').first();
      if ((await open.count()) === 0) break;
      const fact = await open.getAttribute('data-fact');
      if (fact === 'billing') await open.getByRole('button', { name: '包年包月（预付费）' }).click();
      else if (fact === 'reason') {
        await open.getByRole('combobox').selectOption('changed-mind');
        await open.getByRole('button', { name: '确定', exact: true }).click();
      } else await open.getByRole('button', { name: '否', exact: true }).click();
      await popup.locator(`fieldset[data-fact="${fact}"]`).waitFor({ state: 'detached', timeout: 5000 });
    }
  });
  await step('the verdict', async () => {
    await popup.locator('[data-verdict], [data-testid=verdict]').first().waitFor({ timeout: 15_000 });
    const headline = await popup
      .locator('[data-headline]')
      .first()
      .textContent({ timeout: 2000 })
      .catch(() => null);
    if (headline) log(`  popup headline: ${headline.replace(/\s+/g, ' ').trim()}`);
    await shoot(popup, 'claim-2-verdict', '结论（380 × 600 首屏） · verdict, first screen at 380 × 600');
    await shoot(popup, 'claim-2-verdict-full', '结论（整页） · verdict, whole page', true);
  });
  await step('the ticket draft', async () => {
    await popup.click('[data-action="prepare-ticket"]');
    await popup.getByTestId('ticket').waitFor({ timeout: 5000 });
    await shoot(popup, 'claim-3-ticket', '工单草稿 · ticket draft', true);
  });
  await step('after a refusal: complaint drafts', async () => {
    await popup.locator('[data-action="refused"]').first().click();
    await popup.locator('[data-field="title"]').waitFor({ timeout: 5000 });
    await shoot(popup, 'claim-4-refused-12315', '厂商拒绝后：12315 投诉草稿 · after a refusal: the 12315 draft', true);
    await popup.getByRole('radio', { name: '黑猫投诉' }).check();
    await shoot(
      popup,
      'claim-5-refused-heimao',
      '厂商拒绝后：黑猫投诉草稿 · after a refusal: the 黑猫投诉 draft',
      true,
    );
  });
  await Promise.all([popup.close(), page.close()]);
}

/** The SLA log of a month with two Exmail outages, one of them seen on the webmail error page. */
async function slaMonth(session: ExtensionSession) {
  section = 'SLA 故障月份 · An SLA month with outages';
  await step('an SLA month with outages', async () => {
    const webmail = await session.context.newPage();
    await webmail.goto(fixtureById('ex-webmail-error').url);
    await settle(webmail);
    await shoot(
      webmail,
      'sla-webmail-error',
      '企业邮箱网页版错误页（已记入 SLA 月份） · the webmail error page, logged',
    );
    const sla = await session.context.newPage();
    await sla.setViewportSize({ width: 1100, height: 800 });
    await sla.goto(session.extensionUrl('sla.html'));
    await sla.locator('h1').waitFor();
    // What an admin logs over a month: 150 min webmail, 45 min SMTP (Beijing time), with the month's fee.
    await sla.evaluate(async () => {
      await chrome.storage.local.set({
        outageLog: {
          version: 1,
          entries: [
            {
              id: 'out-demo-1',
              service: 'exmail',
              start: '2026-10-10T09:00:00+08:00',
              end: '2026-10-10T11:30:00+08:00',
              failed: ['webmail'],
              note: '网页版打不开，显示“服务暂时不可用”',
              snapshotIds: [],
            },
            {
              id: 'out-demo-2',
              service: 'exmail',
              start: '2026-10-21T14:10:00+08:00',
              end: '2026-10-21T14:55:00+08:00',
              failed: ['smtp'],
              note: '客户端发信失败',
              snapshotIds: [],
            },
          ],
          fees: { 'exmail:2026-10': 300 },
        },
      });
    });
    await sla.reload();
    await sla.locator('[data-month="2026-10"]').first().waitFor({ timeout: 10_000 });
    await settle(sla);
    await shoot(
      sla,
      'sla-month-with-outages',
      'SLA 故障记录：2026-10 两次故障 · the SLA log, October with two outages',
      true,
    );
    await Promise.all([sla.close(), webmail.close()]);
  });
}

/** The pictures (issue 23): the routes' timeline in the popup and the card, the SLA month and year. */
async function pictures(session: ExtensionSession, lang: 'zh-CN' | 'en') {
  section = lang === 'zh-CN' ? '图示：时间线与 SLA 月份 · Pictures: timeline and SLA month' : 'Pictures (English)';
  await step(`${lang}: the routes' timeline in the popup and on the card`, async () => {
    const order = fixtureById('tc-deal-detail-paid-new');
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(order.url);
    await settle(page);
    await waitForCard(page, '[data-evidence="saved"]', { timeout: 15_000 });
    const tabId = await tabIdOf(session, order.url);
    // As of the fourth day after payment: the five-day window still open, so every kind of bar shows.
    const popup = await openPopup(
      session,
      `?${new URLSearchParams({ tab: String(tabId), now: '2026-11-22T12:00:00+08:00' })}`,
    );
    await popup.locator('[data-action="show-verdict"]').click({ timeout: 15_000 });
    const timeline = popup.locator('[data-testid="verdict"] [data-timeline]');
    await timeline.waitFor({ timeout: 10_000 });
    await shoot(
      popup,
      `${lang}-timeline-popup`,
      `结论下的时间线（380 宽） · the timeline under the verdict's headline, 380 px (${lang})`,
    );
    await timeline.screenshot({ path: join(outDir, `${lang}-timeline-only.png`) });
    shots.push({ file: `${lang}-timeline-only.png`, title: `时间线特写 · the timeline alone (${lang})`, section });
    // Opens the pill if the card is still one (waiting for the opened card's timeline does that).
    await waitForCard(page, '[data-timeline]', { timeout: 15_000 });
    await shoot(page, `${lang}-timeline-card`, `展开的卡片中的时间线 · the timeline in the expanded card (${lang})`);
    await Promise.all([popup.close(), page.close()]);
  });
  await step(`${lang}: the SLA month and year pictures`, async () => {
    const sla = await session.context.newPage();
    await sla.setViewportSize({ width: 1100, height: 900 });
    await sla.goto(session.extensionUrl('sla.html'));
    await sla.locator('h1').waitFor();
    // October: webmail down 150 min, SMTP 45 min, and 3 h of announced maintenance (seed 002 §2.3 (1));
    // August: a six-hour IMAP outage and a force-majeure day (§2.3 (7)).
    const entry = (id: string, start: string, end: string, failed: string[], excluded?: string) => ({
      id,
      service: 'exmail',
      start,
      end,
      failed,
      note: '',
      snapshotIds: [],
      ...(excluded ? { excluded } : {}),
    });
    const entries = [
      entry('out-pic-1', '2026-08-05T08:00:00+08:00', '2026-08-05T14:00:00+08:00', ['imap']),
      entry('out-pic-2', '2026-08-19T00:00:00+08:00', '2026-08-19T20:00:00+08:00', ['webmail'], 'force-majeure'),
      entry('out-pic-3', '2026-10-10T09:00:00+08:00', '2026-10-10T11:30:00+08:00', ['webmail']),
      entry('out-pic-4', '2026-10-21T01:00:00+08:00', '2026-10-21T04:00:00+08:00', ['smtp'], 'notified-maintenance'),
      entry('out-pic-5', '2026-10-21T14:10:00+08:00', '2026-10-21T14:55:00+08:00', ['smtp']),
    ];
    await sla.evaluate(
      (list) => chrome.storage.local.set({ outageLog: { version: 1, entries: list, fees: { 'exmail:2026-10': 300 } } }),
      entries,
    );
    await sla.reload();
    const month = sla.locator('[data-section="month"]');
    await month.locator('[data-month-picture="2026-10"]').waitFor({ timeout: 10_000 });
    await month.screenshot({ path: join(outDir, `${lang}-sla-month-picture.png`) });
    shots.push({
      file: `${lang}-sla-month-picture.png`,
      title: `SLA 月份图与全年柱状图：2026-10 · the SLA month and year pictures, October (${lang})`,
      section,
    });
    await sla.locator('[data-year-month="2026-08"] button').click();
    await month.locator('[data-month-picture="2026-08"]').waitFor({ timeout: 5000 });
    await month.screenshot({ path: join(outDir, `${lang}-sla-month-picture-august.png`) });
    shots.push({
      file: `${lang}-sla-month-picture-august.png`,
      title: `从全年图打开 2026-08 · August opened from the year bars (${lang})`,
      section,
    });
    // Leave the log as the walk-through's SLA step expects to write it.
    await sla.evaluate(() => chrome.storage.local.remove('outageLog'));
    await sla.close();
  });
}

/** The locker with the demo's snapshots, one opened, then an exported bundle checked in the locker. */
async function locker(session: ExtensionSession) {
  section = '证据库与导出校验 · The locker and a verified export';
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1100, height: 800 });
  await page.goto(session.extensionUrl('evidence.html'));
  await page.locator('h1').waitFor();
  await step('the locker with snapshots', async () => {
    await page.locator('table tbody tr, [data-snapshot-row], [data-snapshot-id]').first().waitFor({ timeout: 10_000 });
    await shoot(page, 'locker-list', '证据库：快照列表 · the locker, its snapshots', true);
    await page.locator('table tbody tr button, table tbody tr a').first().click();
    await settle(page);
    await shoot(page, 'locker-detail', '证据库：打开一条快照 · one snapshot opened', true);
  });
  await step('an exported bundle verified in the locker', async () => {
    const exported = await ask(page, 'evidence.export', { ids: null, locale: 'zh-CN' });
    const file = join(outDir, exported.fileName as string);
    await writeFile(file, Buffer.from(exported.base64 as string, 'base64'));
    log(`  exported ${exported.count} snapshots to ${exported.fileName}`);
    await page.goto(session.extensionUrl('evidence.html'));
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.locator('[data-testid=verify-report][data-verify="ok"]').waitFor({ timeout: 15_000 });
    await page.getByTestId('verify-report').scrollIntoViewIfNeeded();
    await shoot(
      page,
      'locker-bundle-verified',
      `导出的证据包在证据库中校验通过 · the exported bundle (${exported.fileName}) verified`,
      true,
    );
  });
  await page.close();
}

async function screenshots() {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  for (const lang of ['zh-CN', 'en'] as const) {
    log(`starting headless Chromium (${lang})…`);
    // zh-CN: as a user who turned on automatic screenshots in options (so snapshots carry pictures).
    const session = await launchExtension({
      lang: lang === 'en' ? 'en-US' : 'zh-CN',
      server,
      grantAllUrls: lang === 'zh-CN',
    });
    try {
      if (picturesOnly) {
        await pictures(session, lang);
        continue;
      }
      await extensionPages(session, lang);
      await pictures(session, lang);
      if (lang === 'zh-CN') {
        await cardStates(session);
        await genericSite(session);
        await claimJourney(session);
        await slaMonth(session);
      }
      await fixtureTour(session, lang);
      // Last, so the locker holds what the tour saved.
      if (lang === 'zh-CN') await locker(session);
    } finally {
      await session.close();
    }
  }
  const sheet = join(outDir, 'index.html');
  await writeFile(sheet, contactSheet(shots, failures));
  log(`wrote ${shots.length} screenshots to ${outDir}`);
  log(`contact sheet: ${sheet}`);
  if (failures.length > 0) {
    console.error(`\n${failures.length} state(s) could not be shown:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    process.exitCode = 1;
  }
}

build();
const server = await startFixtureServer();
log(`fixture sites served on 127.0.0.1:${server.port}`);
if (headless) {
  try {
    await screenshots();
  } finally {
    await server.close();
  }
} else {
  const session = await launchExtension({ headless: false, server, viewport: { width: 1400, height: 900 } });
  const page = session.context.pages()[0] ?? (await session.context.newPage());
  await page.goto(DEMO_INDEX_URL);
  const popup = await session.context.newPage();
  await popup.goto(session.extensionUrl('popup.html'));
  await page.bringToFront();
  log(`Chromium is open with Refund Guard loaded. Fixture sites: ${DEMO_INDEX_URL}`);
  log('Close the browser window to end the demo.');
  await new Promise<void>((done) => session.context.on('close', () => done()));
  await server.close();
}
