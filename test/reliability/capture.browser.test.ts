import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../lib/evidence';
import { main as verifyCli } from '../../scripts/verify';
import { HEAVY_LIST_PATH, HEAVY_LIST_URL, heavyOrderListPage } from '../../scripts/bench/heavy-page';
import { startBenchServer } from '../../scripts/bench/server';
import type { FixtureServer } from '../fixtures/server';
import { cardClick, cardQuery, cardText, onCard, waitForCard } from '../e2e/card';
import { ask, fixture, launchExtension, type ExtensionSession } from '../e2e/harness';

/**
 * Reliability in the real browser, on the production build: the in-page card
 * on a hostile page, the worker stopped in the middle of captures, and
 * several tabs capturing at once.
 */

/** Order snapshots for the store's bulk path, evaluated in the worker as source text. */
const SEED_ORDERS = `async (count) => {
  const payloads = [];
  for (let i = 0; i < count; i++) {
    const orderId = '2025' + String(i).padStart(16, '0');
    const rows = Array.from({ length: 40 }, (_, r) => '<tr><td>配置 ' + r + '</td><td>云服务器 CVM 标准型 S5</td><td>¥' + (i + r) + '.00</td></tr>').join('');
    payloads.push({
      url: 'http://console.cloud.tencent.com/expense/deal/detail?dealName=' + orderId,
      title: '订单详情 - 费用中心 - 控制台',
      match: { vendor: 'tencent-cloud', kind: 'order' },
      text: '订单详情 订单号 ' + orderId + ' 状态 已支付',
      dom: '<html><body><h1>订单详情</h1><table>' + rows + '</table></body></html>',
      fields: { orderId, status: '已支付' },
      source: 'auto',
      note: '',
    });
  }
  return (await globalThis.refundGuardSeed(payloads, '2026-11-20T02:00:00.000Z')).length;
}`;

/** Every record of the evidence database, checked for anything half-written. */
async function integrity(locker: Page) {
  return locker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('refund-guard-evidence');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const all = (store: string) =>
      new Promise<any[]>((ok, fail) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
    const [chain, snapshots, blobs] = await Promise.all([all('chain'), all('snapshots'), all('blobs')]);
    db.close();
    const problems: string[] = [];
    chain.forEach((e, i) => e.seq !== i + 1 && problems.push(`chain gap at ${i + 1}`));
    const ids = new Set(snapshots.map((s) => s.id));
    for (const s of snapshots) {
      if (chain.find((e) => e.seq === s.seq)?.id !== s.id) problems.push(`${s.id} has no chain entry`);
      if (!blobs.some((b) => b.snapshotId === s.id && b.name === 'dom')) problems.push(`${s.id} has no page copy`);
    }
    for (const b of blobs) if (!ids.has(b.snapshotId)) problems.push(`orphan ${b.name} of ${b.snapshotId}`);
    for (const e of chain)
      if (e.type === 'snapshot' && !ids.has(e.id)) problems.push(`${e.id} chained without its record`);
    return { problems, chain: chain.length, snapshots: snapshots.length };
  });
}

/**
 * Clicks the card's save button (a trusted click) and resolves once the click
 * is dispatched, with the outcome the card will show ('saved <id>',
 * 'duplicate <id>' or 'error <message>'). An observer armed in the card's
 * root before the click sees the outcome as soon as it is drawn.
 */
async function pressSave(page: Page, timeoutMs = 20_000): Promise<{ outcome: Promise<string> }> {
  await waitForCard(page, '[data-action="save-evidence"]', { timeout: timeoutMs });
  await onCard(
    page,
    `function (timeout) {
      var root = this;
      var button = root.querySelector('[data-action="save-evidence"]');
      root.__saveOutcome = new Promise(function (ok) {
        // The button is disabled while the save runs: the outcome is what the card shows once it is
        // enabled again (two failures in a row may read the same, so the text alone cannot tell).
        var clicked = false;
        var busy = false;
        var check = function (records) {
          if (!clicked) return;
          if (records.some(function (r) { return r.target === button && r.attributeName === 'disabled'; })) busy = true;
          var status = root.querySelector('[data-evidence]');
          var kind = status && status.getAttribute('data-evidence');
          if (!busy || !kind || button.disabled) return;
          observer.disconnect();
          clearTimeout(timer);
          ok(kind === 'error' ? 'error ' + status.textContent : kind + ' ' + status.getAttribute('data-snapshot-id'));
        };
        var observer = new MutationObserver(check);
        observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
        root.addEventListener('click', function () { clicked = true; }, { capture: true, once: true });
        var timer = setTimeout(function () {
          observer.disconnect();
          ok('error no answer');
        }, timeout);
      });
    }`,
    timeoutMs,
  );
  await cardClick(page, '[data-action="save-evidence"]');
  const outcome = onCard<string>(page, 'function () { return this.__saveOutcome; }').then(
    ([result]) => result ?? 'error no card',
  );
  return { outcome };
}

const clickSave = async (page: Page, timeoutMs = 20_000): Promise<string> => (await pressSave(page, timeoutMs)).outcome;

describe('reliability in Chromium', () => {
  let session: ExtensionSession;
  let locker: Page;

  beforeAll(async () => {
    session = await launchExtension({ lang: 'zh-CN' });
    locker = await session.context.newPage();
    await locker.goto(session.extensionUrl('evidence.html'));
  });
  afterAll(async () => {
    await session?.close();
  });

  it('on the hostile order page the card shows page text as text: no dialog opens, nothing is injected into its shadow root', async () => {
    const tagsOf = (page: Page) =>
      cardQuery(page, '*').then(async (elements) => ({
        tags: [...new Set(elements.map((el) => el.tag))].sort(),
        handlers: elements.flatMap((el) =>
          Object.entries(el.attrs)
            .filter(([name, value]) => /^on/i.test(name) || /^\s*javascript:/i.test(value))
            .map(([name]) => `${el.tag} ${name}`),
        ),
        text: await cardText(page),
      }));
    // The same card on a well-behaved order page: the elements a card is made of.
    const benign = await session.context.newPage();
    await benign.goto(fixture('tc-deal-detail-paid-new').url);
    await waitForCard(benign, '[data-evidence]', { timeout: 20_000 });
    // Opened, as the save below opens the hostile page's card: the elements of both states.
    const pill = await tagsOf(benign);
    if ((await cardQuery(benign, '[data-action="expand"]')).length) await cardClick(benign, '[data-action="expand"]');
    const opened = await tagsOf(benign);
    const normal = { ...opened, tags: [...new Set([...pill.tags, ...opened.tags])] };
    await benign.close();

    const page = await session.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(fixture('tc-deal-detail-hostile').url);
    await waitForCard(page, '[data-evidence]', { timeout: 20_000 });
    const outcome = await clickSave(page);
    expect(outcome).toMatch(/^(saved|duplicate) snap-\d{6}$/);
    await page.waitForTimeout(500);
    const hostile = await tagsOf(page);
    expect(dialogs).toEqual([]);
    expect(hostile.handlers).toEqual([]);
    for (const tag of hostile.tags) expect(normal.tags, `<${tag}> in the card on the hostile page`).toContain(tag);
    expect(hostile.tags).not.toContain('img');
    expect(hostile.tags).not.toContain('script');
    expect(hostile.tags).not.toContain('iframe');
    // The snapshot of the hostile page is stored with scripts removed and its values as text.
    const id = outcome.split(' ')[1];
    const { snapshot } = await ask(locker, 'evidence.get', { id });
    expect(snapshot.body.kind).toBe('order');
    for (const value of Object.values(snapshot.body.fields))
      expect(['string', 'number', 'boolean']).toContain(typeof value);
    await page.close();
  });

  it(
    'stopping the worker again and again in the middle of captures loses no acknowledged snapshot and half-writes nothing',
    { timeout: 240_000 },
    async () => {
      const page = await session.context.newPage();
      await page.goto(fixture('tc-deal-detail-refunded').url);
      await waitForCard(page, '[data-evidence]', { timeout: 20_000 });
      const cdp: CDPSession = await session.context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      const acknowledged: string[] = [];
      const failed: string[] = [];
      // Stops land at different moments: before the message, while redacting and hashing, during the write, after.
      // Fifty, each moment a few milliseconds later each round.
      const moments = [0, 2, 5, 10, 20, 35, 50, 80, 120, 200, 300, 15];
      const delays = Array.from(
        { length: 50 },
        (_, i) => moments[i % moments.length]! + 3 * Math.floor(i / moments.length),
      );
      for (const [i, delay] of delays.entries()) {
        await page.evaluate((n) => document.querySelector('h1')!.append(` · 第 ${n} 次`), i + 1);
        const { outcome } = await pressSave(page);
        await page.waitForTimeout(delay);
        await cdp.send('ServiceWorker.stopAllWorkers');
        const result = await outcome;
        if (result.startsWith('saved ')) acknowledged.push(result.slice(6));
        else failed.push(result);
      }
      await cdp.detach();
      // Some captures are cut off (the card says so); each one the card reported saved is there, whole.
      expect(acknowledged.length).toBeGreaterThan(0);
      expect(new Set(acknowledged).size).toBe(acknowledged.length);
      for (const id of acknowledged) {
        const { snapshot } = await ask(locker, 'evidence.get', { id });
        expect(snapshot?.body.id, id).toBe(id);
      }
      expect(await ask(locker, 'evidence.verify', {})).toMatchObject({ ok: true, problems: [] });
      const check = await integrity(locker);
      expect(check.problems).toEqual([]);
      console.info(
        `worker stopped during ${delays.length} captures: ${acknowledged.length} acknowledged and kept, ${failed.length} reported as not saved`,
      );
      await page.close();
    },
  );

  it('captures from several tabs at the same moment keep one valid chain', async () => {
    const ids = [
      'tc-deal-detail-paid-new',
      'tc-deal-detail-renewal',
      'tc-deal-detail-pending',
      'tc-deal-detail-voucher',
      'tc-deal-detail-upgrade',
    ];
    const before = (await integrity(locker)).chain;
    const tabs = await Promise.all(ids.map(() => session.context.newPage()));
    await Promise.all(tabs.map((tab, i) => tab.goto(fixture(ids[i]!).url)));
    await Promise.all(tabs.map((tab) => waitForCard(tab, '[data-evidence]', { timeout: 30_000 })));
    const saved: string[] = [];
    for (let round = 1; round <= 3; round++) {
      await Promise.all(
        tabs.map((tab) => tab.evaluate((n) => document.querySelector('h1')!.append(` · 第 ${n} 轮`), round)),
      );
      const outcomes = await Promise.all(tabs.map((tab) => clickSave(tab)));
      for (const outcome of outcomes) expect(outcome).toMatch(/^saved snap-\d{6}$/);
      saved.push(...outcomes.map((o) => o.slice(6)));
    }
    expect(new Set(saved).size).toBe(ids.length * 3);
    const check = await integrity(locker);
    expect(check.problems).toEqual([]);
    expect(check.chain).toBeGreaterThanOrEqual(before + ids.length * 3);
    expect(await ask(locker, 'evidence.verify', {})).toMatchObject({ ok: true, problems: [] });
    await Promise.all(tabs.map((tab) => tab.close()));
  });

  it('the bundle the extension exports after all this verifies, and each sampled changed byte of it is reported by both verifiers', async () => {
    const exported = await ask(locker, 'evidence.export', { ids: null, locale: 'zh-CN' });
    const zip = new Uint8Array(Buffer.from(exported.base64, 'base64'));
    expect((await verifyBundle(zip)).problems).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'rg-export-'));
    try {
      const silent = { out: () => undefined, err: () => undefined, env: {} };
      const step = Math.floor(zip.length / 150);
      for (let position = 7; position < zip.length; position += step) {
        const tampered = zip.slice();
        tampered[position] = tampered[position]! ^ 0x04;
        expect((await verifyBundle(tampered)).ok, `byte ${position}`).toBe(false);
        if (position % (step * 10) === 7) {
          writeFileSync(join(dir, 'bundle.zip'), tampered);
          expect(await verifyCli([join(dir, 'bundle.zip')], silent), `byte ${position}`).toBe(1);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it(
    'stopping the worker ten times in the middle of an export leaves no file, and the store and the next export whole',
    { timeout: 300_000 },
    async () => {
      // Enough snapshots that an export takes a while: the store's bulk path, in the worker.
      const seeded = await session.context.serviceWorkers()[0]!.evaluate(`(${SEED_ORDERS})(1500)`);
      expect(seeded).toBe(1500);
      const page = await session.context.newPage();
      const downloads: string[] = [];
      page.on('download', (d) => downloads.push(d.suggestedFilename()));
      await page.goto(session.extensionUrl('evidence.html'));
      await page.getByTestId('snapshot-table').waitFor();
      const cdp: CDPSession = await session.context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      const outcomes: string[] = [];
      // While reading, while writing early, while writing late.
      const after = [0, 50, 150, 300, 600, 0, 100, 250, 450, 800];
      for (const wait of after) {
        await page.getByRole('button', { name: '全部导出' }).click();
        await page.getByTestId('export-progress').waitFor({ timeout: 30_000 });
        await page.waitForTimeout(wait);
        const shown =
          (await page
            .getByTestId('export-progress')
            .textContent()
            .catch(() => null)) ?? 'finished';
        await cdp.send('ServiceWorker.stopAllWorkers');
        await page
          .getByRole('alert')
          .or(page.getByText(/已导出 \d+ 条快照/))
          .first()
          .waitFor({ timeout: 30_000 });
        outcomes.push(
          `${shown.slice(0, 30)} → ${
            (await page
              .getByTestId('failure')
              .textContent()
              .catch(() => null)) ?? 'exported'
          }`,
        );
        if (await page.getByTestId('failure').isVisible()) {
          expect(await page.getByTestId('failure').textContent()).toBe(
            '导出中断：扩展的后台进程停止了，没有保存任何文件。请重新导出。',
          );
        }
      }
      await cdp.detach();
      const interrupted = outcomes.filter((o) => o.endsWith('请重新导出。')).length;
      console.info(
        `worker stopped during ${after.length} exports: ${interrupted} interrupted, no file; ${after.length - interrupted} had finished`,
      );
      expect(interrupted).toBeGreaterThanOrEqual(5);
      // Only finished exports came down as files; an interrupted one left nothing.
      expect(downloads).toHaveLength(after.length - interrupted);
      expect(await ask(locker, 'evidence.verify', {})).toMatchObject({ ok: true, problems: [] });
      expect((await integrity(locker)).problems).toEqual([]);
      // The next export runs to its end and verifies.
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        page.getByRole('button', { name: '全部导出' }).click(),
      ]);
      expect((await verifyBundle(new Uint8Array(readFileSync(await download.path())))).problems).toEqual([]);
      await page.close();
    },
  );
});

describe('reliability in Chromium: a large page copy', () => {
  let server: FixtureServer;
  let session: ExtensionSession;
  let locker: Page;

  beforeAll(async () => {
    // A 400-order list: its copy (about 200 KB) is kept against its text, after the save is acknowledged.
    server = await startBenchServer({ [`console.cloud.tencent.com${HEAVY_LIST_PATH}`]: heavyOrderListPage(400) });
    session = await launchExtension({ lang: 'zh-CN', server });
    locker = await session.context.newPage();
    await locker.goto(session.extensionUrl('evidence.html'));
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('stopping the worker right after a save is acknowledged, before or while its copy is re-encoded, keeps the copy whole', async () => {
    const page = await session.context.newPage();
    await page.goto(HEAVY_LIST_URL);
    await waitForCard(page, '[data-action="save-evidence"]', { timeout: 30_000 });
    const cdp: CDPSession = await session.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const acknowledged: string[] = [];
    // After the acknowledgement: after its copy is written, while it is encoded against its text, at once.
    // Each save wakes a new worker, which first encodes the copies the stopped one left plainly deflated.
    const delays = [400, 120, 60, 30, 15, 5, 0, 0];
    for (const [i, delay] of delays.entries()) {
      await page.evaluate((n) => document.querySelector('h1')!.append(` · 第 ${n} 次`), i + 1);
      const outcome = await clickSave(page);
      expect(outcome).toMatch(/^saved snap-\d{6}$/);
      acknowledged.push(outcome.slice(6));
      await page.waitForTimeout(delay);
      await cdp.send('ServiceWorker.stopAllWorkers');
    }
    await cdp.detach();
    const readEncodings = () =>
      locker.evaluate(async (ids) => {
        const db = await new Promise<IDBDatabase>((ok, fail) => {
          const r = indexedDB.open('refund-guard-evidence');
          r.onsuccess = () => ok(r.result);
          r.onerror = () => fail(r.error);
        });
        const read = (id: string) =>
          new Promise<string>((ok, fail) => {
            const r = db.transaction('blobs').objectStore('blobs').get([id, 'dom']);
            r.onsuccess = () => ok(String(r.result?.encoding));
            r.onerror = () => fail(r.error);
          });
        const out = await Promise.all(ids.map(read));
        db.close();
        return out;
      }, acknowledged);
    const encodings = await readEncodings();
    // Every copy is there, plainly deflated or against its text; either way it reads back to its hash.
    expect(encodings.every((e) => e === 'deflate' || e === 'delta')).toBe(true);
    expect(await ask(locker, 'evidence.verify', {})).toMatchObject({ ok: true, problems: [] });
    expect((await integrity(locker)).problems).toEqual([]);
    const exported = await ask(locker, 'evidence.export', { ids: acknowledged, locale: 'zh-CN' });
    expect((await verifyBundle(new Uint8Array(Buffer.from(exported.base64, 'base64')))).problems).toEqual([]);
    const kept = encodings.filter((e) => e === 'delta').length;
    console.info(
      `worker stopped after ${delays.length} acknowledged saves of a large copy: ${kept} copies encoded against their text, ${delays.length - kept} left plainly deflated until the next worker`,
    );
    // The worker woken by those requests opened the store and encodes what was left plainly deflated.
    await expect.poll(readEncodings, { timeout: 20_000, interval: 250 }).toEqual(acknowledged.map(() => 'delta'));
    expect(await ask(locker, 'evidence.verify', {})).toMatchObject({ ok: true, problems: [] });
    await page.close();
  });
});
