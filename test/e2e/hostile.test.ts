import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CARD_HOST, cardClick, cardQuery, onCard, waitForCard } from './card';
import { ask, fixture, launchExtension, recordedTabId, settle, type ExtensionSession } from './harness';

/**
 * A page's own script against the extension (issue 19, "the page can drive the
 * card"): the fixture `tc-deal-detail-card-attack` attacks the card the moment
 * it appears and logs what it tried in `window.__attack`.
 */

const ATTACK = fixture('tc-deal-detail-card-attack');
const FIRST_ORDER = String(ATTACK.expected!.orderId);
const RELATED_ORDER = '20261120171302449158';

interface AttackLog {
  steps: { step: string; result: string }[];
  done: boolean;
}

/** Opens the hostile page with the extension id known to its script, and waits until its attack ran. */
async function attacked(session: ExtensionSession): Promise<{ page: Page; log: Record<string, string> }> {
  const page = await session.context.newPage();
  await page.addInitScript((id) => {
    (window as unknown as { RG_EXTENSION_ID: string }).RG_EXTENSION_ID = id;
  }, session.extensionId);
  await page.goto(ATTACK.url);
  await page.waitForFunction(() => (window as unknown as { __attack?: AttackLog }).__attack?.done === true, null, {
    timeout: 20_000,
  });
  const steps = await page.evaluate(() => (window as unknown as { __attack: AttackLog }).__attack.steps);
  return { page, log: Object.fromEntries(steps.map((s) => [s.step, s.result])) };
}

/** Snapshots of one order, newest first, as the locker lists them. */
async function snapshotsOf(locker: Page, orderId: string): Promise<{ source: string; orderId: string }[]> {
  return (
    await ask(locker, 'evidence.list', { vendor: 'tencent-cloud', orderId, exactOrder: true, offset: 0, limit: 50 })
  ).items;
}

describe('a hostile page cannot drive the card or switch the extension off', () => {
  let session: ExtensionSession;
  let locker: Page;
  const opened: Page[] = [];

  beforeAll(async () => {
    session = await launchExtension({ lang: 'zh-CN' });
    session.context.on('page', (page) => opened.push(page));
    locker = await session.context.newPage();
    await locker.goto(session.extensionUrl('evidence.html'));
    opened.length = 0;
  });
  afterAll(async () => {
    await session?.close();
  });
  // Each case on its own: a card the page managed to hide before would keep the next attack from running.
  beforeEach(async () => {
    await session.worker.evaluate(() => chrome.storage.local.remove('card.hiddenSites'));
  });

  it('cannot reach into the card or press its buttons: nothing saved, no checker tab, the card not hidden', async () => {
    const before = opened.length;
    const { page, log } = await attacked(session);
    // The root is closed, and the page's patched attachShadow never saw it (content scripts use their own prototypes).
    expect.soft(log).toMatchObject({
      shadowRoot: 'null',
      'patched-attachShadow': '0',
      attachShadow: 'threw NotSupportedError',
      buttons: '0',
    });
    expect.soft(await page.evaluate((name) => document.querySelector(name)?.shadowRoot ?? null, CARD_HOST)).toBeNull();
    // The automatic snapshot of the order is the page's only one: no "manual" save came from the page.
    await expect
      .poll(async () => (await snapshotsOf(locker, FIRST_ORDER)).length, { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect.soft((await snapshotsOf(locker, FIRST_ORDER)).map((s) => s.source)).toEqual(['auto']);
    const checkerTabs = () => opened.slice(before).filter((tab) => tab.url().includes('/popup.html')).length;
    expect.soft(checkerTabs()).toBe(0);
    const hidden = await session.worker.evaluate(
      async () => (await chrome.storage.local.get('card.hiddenSites'))['card.hiddenSites'] ?? [],
    );
    expect.soft(hidden).toEqual([]);

    // The same buttons pressed by a person (trusted input) do work: what the page did would have shown.
    await cardClick(page, '[data-action="open-checker"]');
    await expect.poll(checkerTabs).toBe(1);
    await cardClick(page, '[data-action="save-evidence"]');
    await waitForCard(page, '[data-evidence="duplicate"]');
    await page.close();
  });

  it('cannot switch the content script off: after the start event and the card’s removal the card is back and snapshots go on', async () => {
    const { page, log } = await attacked(session);
    expect(log).toMatchObject({ 'extension-id': 'known', removed: 'yes' });
    // The card is mounted again, still closed, and still reads the page.
    await expect.poll(() => page.locator(CARD_HOST).count(), { timeout: 10_000 }).toBe(1);
    await waitForCard(page, `[data-order-id="${FIRST_ORDER}"]`, { timeout: 15_000 });
    // Hidden from the top layer by page script, it shows again.
    const shown = () => page.evaluate((name) => document.querySelector(name)!.matches(':popover-open'), CARD_HOST);
    await expect.poll(shown).toBe(true);
    await page.evaluate((name) => (document.querySelector(name) as HTMLElement).hidePopover(), CARD_HOST);
    await expect.poll(shown).toBe(true);
    // The order's automatic snapshot was still taken (the reload of the page finds it: a duplicate).
    await waitForCard(page, '[data-evidence]', { timeout: 15_000 });
    expect((await cardQuery(page, '[data-evidence]'))[0]?.attrs['data-evidence']).toMatch(/^(saved|duplicate)$/);
    // A route change in the console is still followed: the related order is read and snapshotted on its own.
    await page.click('#related-deal');
    await waitForCard(page, `[data-order-id="${RELATED_ORDER}"]`, { timeout: 15_000 });
    await expect
      .poll(async () => (await snapshotsOf(locker, RELATED_ORDER)).map((s) => s.source), { timeout: 20_000 })
      .toEqual(['auto']);
    await page.close();
  });

  it('cannot message the worker, and a content script cannot ask for another tab’s status', async () => {
    const { page, log } = await attacked(session);
    expect(log.runtime).toBe('none');
    await settle(page);
    await expect.poll(() => recordedTabId(session, page.url())).not.toBeNull();
    const tabId = await recordedTabId(session, page.url());
    // An extension page asks and is answered.
    expect(await ask(locker, 'tab.status', { tabId })).toMatchObject({
      match: { vendor: 'tencent-cloud', kind: 'order' },
    });

    // The content script's own world asks the same and is refused.
    const cdp = await session.context.newCDPSession(page);
    const worlds: number[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      if (String(context.origin ?? '').startsWith(`chrome-extension://${session.extensionId}`)) worlds.push(context.id);
    });
    await cdp.send('Runtime.enable');
    await expect.poll(() => worlds.length).toBeGreaterThan(0);
    const asked = await cdp.send('Runtime.evaluate', {
      contextId: worlds[0],
      expression: `chrome.runtime.sendMessage({ rg: 1, type: 'tab.status', data: { tabId: ${tabId} } })`,
      awaitPromise: true,
      returnByValue: true,
    });
    expect(asked.result.value).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('tab.status') },
    });
    // The same world may still tell the worker what its page is (the message content scripts exist for).
    const told = await cdp.send('Runtime.evaluate', {
      contextId: worlds[0],
      expression: `chrome.runtime.sendMessage({ rg: 1, type: 'worker.ping', data: {} })`,
      awaitPromise: true,
      returnByValue: true,
    });
    expect(told.result.value).toMatchObject({ ok: true });
    await cdp.detach();
    await page.close();
  });

  it('cannot hide the card by marking its host as being captured (only the extension’s own switch hides it)', async () => {
    const page = await session.context.newPage();
    await page.goto(fixture('tc-cvm-checkout-1y-autorenew').url);
    await waitForCard(page, '[data-flag]', { timeout: 15_000 });
    const visibility = async () =>
      (
        await onCard<string>(
          page,
          `function () { return getComputedStyle(this.querySelector('.rg-card')).visibility; }`,
        )
      )[0];
    expect(await visibility()).toBe('visible');
    // The attribute the card used to obey, set by the page's own script.
    await page.evaluate((name) => document.querySelector(name)!.setAttribute('data-rg-capturing', ''), CARD_HOST);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
    expect(await visibility()).toBe('visible');
    await page.close();
  });
});
