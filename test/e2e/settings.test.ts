import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardClick, cardQuery, waitForCard } from './card';
import { ask, fixture, launchExtension, settle, type ExtensionSession } from './harness';

/** The reminder alarms as an extension page sees them (the same alarms the worker holds). */
const reminderAlarms = (page: Page) =>
  page.evaluate(async () =>
    (await chrome.alarms.getAll())
      .filter((a) => a.name.startsWith('rg-reminder|'))
      .map((a) => ({ name: a.name, when: a.scheduledTime })),
  );

const storedSettings = (page: Page): Promise<any> =>
  page.evaluate(async () => (await chrome.storage.local.get('settings')).settings);

describe('settings, SLA outage log and reminders (zh-CN browser)', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension({ lang: 'zh-CN' });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('logs an Exmail outage: the month shows availability, tier, voucher and claim window, then the claim ticket draft', async () => {
    // A webmail failure page seen in the browser is offered as outage evidence.
    const webmail = await session.context.newPage();
    await webmail.goto(fixture('ex-webmail-error').url);
    await settle(webmail);

    // A timeout page saved as evidence: the sighting carries the page's own time and the snapshot.
    const timeout = await session.context.newPage();
    await timeout.goto(fixture('ex-webmail-timeout').url);
    await cardClick(timeout, '[data-action="save-evidence"]');
    await waitForCard(timeout, '[data-evidence="saved"]');
    const snapshotId = (await cardQuery(timeout, '[data-evidence="saved"]'))[0]?.attrs['data-snapshot-id'];
    expect(snapshotId).toMatch(/^snap-\d{6,}$/);

    // The log is one click from the popup.
    const popup = await session.context.newPage();
    await popup.goto(session.extensionUrl('popup.html'));
    const [page] = await Promise.all([
      session.context.waitForEvent('page'),
      popup.getByRole('button', { name: 'SLA 故障记录' }).click(),
    ]);
    await page.waitForLoadState();
    expect(page.url()).toBe(session.extensionUrl('sla.html'));
    await popup.close();
    await expect.poll(() => page.locator('h1').textContent()).toBe('退款卫士 · SLA 故障记录');
    const saved = page.locator('[data-sighting="timeout"]');
    await expect.poll(() => saved.count()).toBe(1);
    expect(await saved.textContent()).toContain(
      `2026-11-22 10:47:03 · 超时 · ERR_CONNECTION_TIMED_OUT · ${snapshotId}`,
    );
    await saved.getByRole('button', { name: '作为结束时间' }).click();
    expect(await page.getByLabel('结束时间').inputValue()).toBe('2026-11-22T10:47:03');
    // The sighting's snapshot is ticked in the evidence list (picked, not typed).
    expect(await page.locator(`[data-snapshot-pick] input[value="${snapshotId}"]`).isChecked()).toBe(true);
    await timeout.close();

    const sighting = page.locator('[data-sighting="error"]');
    await expect.poll(() => sighting.count()).toBe(1);
    expect(await sighting.textContent()).toContain('错误页');
    await sighting.getByRole('button', { name: '作为开始时间' }).click();
    expect(await page.getByLabel('开始时间').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/);
    expect(await page.getByRole('checkbox', { name: 'Webmail' }).isChecked()).toBe(true);

    // The outage itself: 2026-10-10 09:00–11:30 Beijing time, 150 minutes.
    await page.getByLabel('开始时间').fill('2026-10-10T09:00:00');
    await page.getByLabel('结束时间').fill('2026-10-10T11:30:00');
    await page.getByRole('button', { name: '添加故障记录' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('已记录 2026-10-10 09:00:00 – 2026-10-10 11:30:00');

    const month = page.locator('[data-month="2026-10"][data-service="exmail"]');
    await month.waitFor();
    // (1 − 150 / 44 640) × 100% = 99.66397…%: below 99.9%, at least 99% → the 10% tier (seed 002 §3.1).
    expect(await month.locator('[data-field="availability"]').textContent()).toBe('99.6639%');
    expect(await month.locator('[data-field="tier"]').textContent()).toBe('月度服务费的 10%');
    expect(await month.locator('[data-field="voucher"]').textContent()).toBe('填写当月服务费后计算');
    await month.getByLabel('当月服务费（元，不含代金券 / 优惠券抵扣，可选）').fill('300');
    await month.getByLabel('当月服务费（元，不含代金券 / 优惠券抵扣，可选）').blur();
    await expect.poll(() => month.locator('[data-field="voucher"]').textContent()).toBe('30.00 元');
    // §3.2: after the 5th business day of November (2026-11-06), at most 60 days after the month (2026-12-30).
    expect(await month.locator('[data-field="window"]').textContent()).toBe('2026-11-06 之后可申请，2026-12-30 截止');

    const stored: any = await page.evaluate(async () => (await chrome.storage.local.get('outageLog')).outageLog);
    expect(stored.entries).toHaveLength(1);
    expect(stored.entries[0]).toMatchObject({
      service: 'exmail',
      start: '2026-10-10T09:00:00+08:00',
      end: '2026-10-10T11:30:00+08:00',
      failed: ['webmail'],
    });
    expect(stored.fees).toEqual({ 'exmail:2026-10': 300 });

    const prepare = month.getByRole('button', { name: '准备 SLA 赔偿工单' });
    // The month leads the page, and the claim says what it still needs rather than sitting disabled.
    expect(await page.locator('main > section, main > form').first().getAttribute('data-section')).toBe('month');
    expect(await month.locator('[data-tier-level]').getAttribute('data-tier-level')).toBe('low');
    expect(await month.locator('[data-claim-needs]').textContent()).toContain('生成工单前还需要：购买日期');
    await month.getByLabel('购买日期（用于判断适用条款）').fill('2026-01-05');
    await prepare.click();
    const draft = month.locator('[data-ticket-draft]');
    await draft.waitFor();
    const text = await draft.inputValue();
    expect(text).toContain('SLA 赔偿申请');
    expect(text).toContain('2026-10');
    expect(text).toContain('99.6639%');
    expect(text).toContain('10%');
    expect(text).toContain('30.00 元');
    expect(text).toContain('只能通过工单');
    // What reaches the clipboard is what the page shows.
    await page.evaluate(() => {
      (window as unknown as { copied: string[] }).copied = [];
      navigator.clipboard.writeText = async (value: string) =>
        void (window as unknown as { copied: string[] }).copied.push(value);
    });
    await month.getByRole('button', { name: '复制草稿' }).click();
    await expect.poll(() => month.getByRole('status').textContent()).toBe('已复制');
    expect(await page.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual([text]);
    await Promise.all([page.close(), webmail.close()]);
  });

  it('a stored order gets its reminder alarms; after the worker is stopped and woken they are still there, once each', async () => {
    const extensionPage = await session.context.newPage();
    await extensionPage.goto(session.extensionUrl('options.html'));
    const order = await session.context.newPage();
    await order.goto(fixture('tc-deal-detail-paid-new').url);
    await settle(order);
    // Auto-captured (order pages are snapshotted once they settle).
    await expect
      .poll(async () => (await ask(extensionPage, 'evidence.list', { orderId: '20261118105822371604' })).total, {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);

    // The worker recomputes after the capture; the service expiry (1年 from 2026-11-18, estimated) is a year out.
    const expiry = [
      'rg-reminder|expiry|tencent-cloud|20261118105822371604|3',
      'rg-reminder|expiry|tencent-cloud|20261118105822371604|1',
    ];
    await expect
      .poll(async () => (await reminderAlarms(extensionPage)).map((a) => a.name), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(expiry));
    const inWorker = await session.worker.evaluate(async () => (await chrome.alarms.getAll()).map((a) => a.name));
    expect(inWorker).toEqual(expect.arrayContaining(expiry));
    const before = await reminderAlarms(extensionPage);
    const expiryAlarm = before.find((a) => a.name === expiry[0])!;
    // 3 days before 2027-11-18, at 09:00 Beijing time.
    expect(new Date(expiryAlarm.when).toISOString()).toBe('2027-11-15T01:00:00.000Z');

    const cdp: CDPSession = await session.context.newCDPSession(extensionPage);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // Waking it and recomputing (as on startup) changes nothing and duplicates nothing.
    const synced = await ask(extensionPage, 'reminders.sync', {});
    await ask(extensionPage, 'reminders.sync', {});
    const after = await reminderAlarms(extensionPage);
    const names = after.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(expiry));
    expect(after.find((a) => a.name === expiry[0])!.when).toBe(expiryAlarm.when);
    expect(synced.alarms.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(expiry));
    // Alarms that fired in between (a reminder already due) are not re-created.
    for (const a of before.filter((x) => x.when > Date.now() + 60_000)) expect(names).toContain(a.name);
    await cdp.detach();

    // The options page lists the order's deadlines.
    await extensionPage.reload();
    await expect
      .poll(() => extensionPage.locator('[data-deadline="expiry|tencent-cloud|20261118105822371604"]').textContent())
      .toContain('2027-11-18');

    // Changing the lead times in options saves as you change (no save button) and re-times the alarms.
    const lead = extensionPage.getByLabel('第 1 个提醒：提前天数');
    await lead.fill('7');
    await extensionPage.getByRole('button', { name: '删除此提醒' }).nth(1).click();
    expect(await extensionPage.locator('[data-section="reminders"] button', { hasText: '保存' }).count()).toBe(0);
    await expect
      .poll(async () => (await reminderAlarms(extensionPage)).map((a) => a.name).filter((n) => n.includes('expiry')), {
        timeout: 10_000,
      })
      .toEqual(['rg-reminder|expiry|tencent-cloud|20261118105822371604|7']);

    // What was changed survives a reload of the page.
    await extensionPage.reload();
    await expect.poll(() => extensionPage.getByLabel('第 1 个提醒：提前天数').inputValue()).toBe('7');
    expect(await extensionPage.getByLabel('第 2 个提醒：提前天数').count()).toBe(0);
    expect(await storedSettings(extensionPage)).toMatchObject({ reminders: { leadDays: [7] } });

    // The badge shows what the worker counted (deadlines within 7 days).
    const { badge } = await ask(extensionPage, 'reminders.sync', {});
    expect(await session.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe(badge > 0 ? String(badge) : '');

    // When a reminder's alarm fires, a localised notification is shown and the reminder is not scheduled again.
    const name = 'rg-reminder|expiry|tencent-cloud|20261118105822371604|7';
    await extensionPage.evaluate((n) => chrome.alarms.create(n, { when: Date.now() + 100 }), name);
    await expect
      .poll(() => session.worker.evaluate(async () => Object.keys(await chrome.notifications.getAll())), {
        timeout: 10_000,
      })
      .toContain(name);
    const state: any = await extensionPage.evaluate(
      async () => (await chrome.storage.local.get('reminderState')).reminderState,
    );
    expect(Object.keys(state.fired)).toContain(name);
    await ask(extensionPage, 'reminders.sync', {});
    expect((await reminderAlarms(extensionPage)).map((a) => a.name)).not.toContain(name);
    await Promise.all([order.close(), extensionPage.close()]);
  });

  it('custom policies save as they change: invalid JSON shows a clear error and changes nothing; a valid pack is saved', async () => {
    const page = await session.context.newPage();
    await page.goto(session.extensionUrl('options.html'));
    const editor = page.getByLabel('政策包 JSON');
    await editor.waitFor();
    const before = await storedSettings(page);

    await editor.fill('[\n  {\n    "id": "acme-drive",\n    "name": "Acme"\n    "covers": "x"\n  }\n]');
    // No save button: the text is checked as typing pauses, and saved only when valid.
    expect(await page.locator('[data-section="packs"] button', { hasText: '保存' }).count()).toBe(0);
    const alert = page.locator('[data-pack-error="syntax"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('第 5 行第 5 列：JSON 格式错误');
    expect(await alert.textContent()).toContain('设置未改变');
    expect(await storedSettings(page)).toEqual(before);

    // Valid JSON that breaks the pack schema: each problem at its line, still nothing saved.
    await editor.fill(
      '[\n  {\n    "id": "Acme Drive",\n    "name": "Acme",\n    "lastChecked": "2026-11-01",\n    "covers": "x",\n    "rules": []\n  }\n]',
    );
    const schema = page.locator('[data-pack-error="schema"]');
    await schema.waitFor();
    expect(await schema.locator('li[data-line="3"]').textContent()).toContain('第 3 行 · [0].id');
    expect(await schema.locator('li[data-line="7"]').textContent()).toContain('a pack needs at least one rule');
    expect(await storedSettings(page)).toEqual(before);

    await page.getByRole('button', { name: '插入示例' }).click();
    await expect
      .poll(() => page.locator('[data-section="packs"] [role="status"]').textContent())
      .toBe('已保存 1 个自定义政策包');
    const after = await storedSettings(page);
    expect(after.customPacks).toHaveLength(1);
    expect(after.customPacks[0]).toMatchObject({
      id: 'acme-drive',
      rules: [{ id: 'fourteen-day-money-back' }, { id: 'no-refund' }],
    });
    expect(after.holidayOverrides).toEqual(before?.holidayOverrides ?? []);
    await page.close();
  });

  it('exports settings and the outage log, wipes everything after the typed confirmation, and imports the export back', async () => {
    const page = await session.context.newPage();
    await page.goto(session.extensionUrl('options.html'));
    const data = page.locator('[data-section="data"]');
    await data.waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出设置与故障记录' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^refund-guard-settings-\d{8}T\d{6}\.json$/);
    const file = await download.path();
    const exported = JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(file, 'utf8')));
    expect(exported).toMatchObject({ format: 'refund-guard-settings', settingsVersion: 2 });
    expect(exported.outageLog.entries).toHaveLength(1);
    expect(exported.settings.customPacks[0].id).toBe('acme-drive');

    const [zip] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出全部证据' }).click(),
    ]);
    expect(zip.suggestedFilename()).toMatch(/^refund-guard-evidence-.*\.zip$/);

    const held = (await ask(page, 'evidence.list', {})).total;
    expect(held).toBeGreaterThan(0);
    const wipe = page.getByRole('button', { name: '清除全部数据' });
    expect(await wipe.isDisabled()).toBe(true);
    await page.getByLabel('确认文字').fill('全部删除');
    await wipe.click();
    await expect.poll(() => data.getByRole('status').textContent()).toBe(`已清除：${held} 个证据快照及全部设置与记录`);
    expect(await ask(page, 'evidence.list', {})).toMatchObject({ total: 0, items: [] });
    expect(await ask(page, 'evidence.verify', {})).toMatchObject({ ok: true, length: 0 });
    expect(await page.evaluate(() => chrome.storage.local.get(['settings', 'outageLog']))).toEqual({});
    await expect.poll(() => reminderAlarms(page), { timeout: 10_000 }).toEqual([]);

    await page.getByLabel('导入设置与故障记录').setInputFiles(file);
    await expect.poll(() => data.getByRole('status').textContent()).toBe('已导入：设置与 1 条故障记录');
    expect((await storedSettings(page)).customPacks[0].id).toBe('acme-drive');
    const log: any = await page.evaluate(async () => (await chrome.storage.local.get('outageLog')).outageLog);
    expect(log.entries[0]).toMatchObject({ service: 'exmail', start: '2026-10-10T09:00:00+08:00' });
    await page.close();
  });
});

describe('generic checkout detection on a site the user enables', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    // `<all_urls>` granted at install, so the browser grants the site without a prompt headless Chromium cannot answer.
    session = await launchExtension({ lang: 'zh-CN', grantAllUrls: true });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('adding a site registers the content script for it (the card appears); removing it unregisters', async () => {
    const course = fixture('generic-course-checkout');
    const registered = () =>
      session.worker.evaluate(async () =>
        (await chrome.scripting.getRegisteredContentScripts()).map((s) => ({ id: s.id, matches: s.matches })),
      );
    const page = await session.context.newPage();
    await page.goto(course.url);
    await settle(page);
    expect(await page.locator('refund-guard-ui').count()).toBe(0);

    const options = await session.context.newPage();
    await options.goto(session.extensionUrl('options.html'));
    await options.getByLabel('网站地址').fill('http://course.example.com/checkout');
    await options.getByRole('button', { name: '添加网站' }).click();
    await expect
      .poll(() => options.locator('[data-section="sites"] [role="status"]').textContent())
      .toBe('已添加 http://course.example.com');
    expect(await registered()).toEqual([{ id: 'rg-generic-checkout', matches: ['http://course.example.com/*'] }]);
    expect((await storedSettings(options)).genericSites).toEqual(['http://course.example.com/*']);

    await page.reload();
    await settle(page);
    await page.locator('refund-guard-ui[data-kind="checkout"]').waitFor({ state: 'attached' });

    await options.getByRole('button', { name: '移除 http://course.example.com' }).click();
    await expect
      .poll(() => options.locator('[data-section="sites"] [role="status"]').textContent())
      .toBe('已移除 http://course.example.com 并撤销权限');
    expect(await registered()).toEqual([]);
    await page.reload();
    await settle(page);
    expect(await page.locator('refund-guard-ui').count()).toBe(0);

    // Invalid input is refused in the user's language; nothing is stored.
    await options.getByLabel('网站地址').fill('ftp://files.example.com');
    await options.getByRole('button', { name: '添加网站' }).click();
    await expect
      .poll(() => options.locator('[data-section="sites"] [role="alert"]').textContent())
      .toContain('不是有效的网站地址');
    expect((await storedSettings(options)).genericSites).toEqual([]);
    await Promise.all([page.close(), options.close()]);
  });
});
