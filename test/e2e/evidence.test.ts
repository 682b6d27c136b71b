import { inflateSync } from 'fflate';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../lib/evidence';
import { decodeAgainst } from '../../lib/evidence/delta';
import { cardClick, cardQuery, cardText, onCard, waitForCard } from './card';
import { ask, fixture, launchExtension, recordedTabId, type ExtensionSession } from './harness';

/** Values seeded into fixture inputs (catalog notes of tc-payment-card-form and ex-login). */
const SEEDED = ['4111111111111111', '11010519491231002X', '6222020200112233445', 'Sup3r-Secret!'];

/** Every byte the store holds, as text: records as JSON, page copies inflated, screenshots raw. */
async function everyStoredByte(locker: Page): Promise<{ text: string; snapshots: any[]; sizes: number[] }> {
  const dump = await locker.evaluate(async () => {
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
    const b64 = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
    const [chain, snapshots, blobs, meta, search] = await Promise.all([
      all('chain'),
      all('snapshots'),
      all('blobs'),
      all('meta'),
      all('search'),
    ]);
    db.close();
    return {
      chain,
      snapshots,
      meta,
      search,
      blobs: blobs.map((b) => ({ snapshotId: b.snapshotId, name: b.name, encoding: b.encoding, bytes: b64(b.bytes) })),
    };
  });
  // Every blob as it reads back: page text and copies inflated, a copy stored against its page text decoded.
  const raw = (b: { bytes: string }) => Buffer.from(b.bytes, 'base64');
  const textOf = (id: string) => {
    const blob = dump.blobs.find((b) => b.snapshotId === id && b.name === 'text');
    return blob ? inflateSync(raw(blob)) : new Uint8Array();
  };
  const blobTexts = dump.blobs.map((b) => {
    if (b.encoding === 'deflate') return Buffer.from(inflateSync(raw(b))).toString('utf8');
    if (b.encoding === 'delta') return Buffer.from(decodeAgainst(textOf(b.snapshotId), raw(b))).toString('utf8');
    return raw(b).toString('latin1');
  });
  const sizes = dump.snapshots.map(
    (s) =>
      JSON.stringify(s).length +
      dump.blobs.filter((b) => b.snapshotId === s.id).reduce((n, b) => n + Buffer.from(b.bytes, 'base64').length, 0),
  );
  return {
    text: [
      JSON.stringify(dump.chain),
      JSON.stringify(dump.snapshots),
      JSON.stringify(dump.meta),
      JSON.stringify(dump.search),
      ...blobTexts,
    ].join('\n'),
    snapshots: dump.snapshots,
    sizes,
  };
}

/**
 * Clicks "save as evidence" (a trusted click) and resolves with the acknowledged snapshot id. An
 * observer in the card's root notes the time from the click to the acknowledgement, so no polling delay.
 */
const captureTimes: number[] = [];
async function saveFromCard(page: Page): Promise<string> {
  // The card mounts once the page has loaded and painted.
  await waitForCard(page, '[data-action="save-evidence"]');
  // Armed before the click, on the root object itself (out of the page's reach once the root is closed).
  await onCard(
    page,
    `function () {
      var root = this;
      root.__acknowledged = new Promise(function (ok, fail) {
        var started = null;
        root.addEventListener('click', function () { started = performance.now(); }, { capture: true, once: true });
        var seen = function () {
          if (started === null) return;
          var status = root.querySelector('[data-evidence]');
          var kind = status && status.getAttribute('data-evidence');
          if (kind === 'saved' || kind === 'duplicate') return ok(status.getAttribute('data-snapshot-id') + ' ' + (performance.now() - started));
          if (kind === 'error') return fail(new Error(status.textContent || 'error'));
        };
        new MutationObserver(seen).observe(root, { subtree: true, childList: true, attributes: true });
      });
    }`,
  );
  await cardClick(page, '[data-action="save-evidence"]');
  const [result] = await onCard<string>(page, 'function () { return this.__acknowledged; }');
  if (!result) throw new Error('no card');
  const [id, ms] = result.split(' ');
  captureTimes.push(Number(ms));
  return id!;
}

describe('evidence in Chromium', () => {
  let session: ExtensionSession;
  let locker: Page;

  beforeAll(async () => {
    // All sites granted, as the toolbar click grants a tab: "save this page" may picture any page.
    session = await launchExtension({ lang: 'zh-CN', grantAllUrls: true });
    locker = await session.context.newPage();
    await locker.goto(session.extensionUrl('evidence.html'));
  });
  afterAll(async () => {
    await session?.close();
  });

  // The same order page hand-written and as the console's own components render it (tea-component).
  it.each(['tc-deal-detail-paid-new', 'tea-deal-detail-paid-new'])(
    'snapshots an order page automatically (%s)',
    async (id) => {
      const order = fixture(id);
      const expected = order.expected!;
      const page = await session.context.newPage();
      await page.goto(order.url);
      await waitForCard(page, '[data-evidence]', { timeout: 15_000 });
      await expect
        .poll(async () => (await cardQuery(page, '[data-evidence]'))[0]?.attrs['data-evidence'])
        .toBe('saved');
      expect(await cardText(page, '[data-evidence]')).toMatch(/^已自动保存订单快照（snap-\d{6}）$/);
      const snapshotId = (await cardQuery(page, '[data-evidence]'))[0]!.attrs['data-snapshot-id'];
      const { snapshot } = await ask(locker, 'evidence.get', { id: snapshotId });
      expect(snapshot.body).toMatchObject({
        vendor: 'tencent-cloud',
        kind: 'order',
        source: 'auto',
        url: order.url,
        title: order.title,
      });
      expect(snapshot.text).toContain(String(expected.orderId));
      expect(snapshot.text).toContain('已支付');
      // The order's fields, read by their labels on the page.
      expect(snapshot.body.fields).toMatchObject({
        orderId: expected.orderId,
        status: expected.status,
        orderType: expected.orderType,
        paidAt: expected.paidAt,
        amountPaid: expected.amountPaid,
        product: expected.product,
        term: expected.term,
      });
      // Reloading the unchanged page adds nothing.
      const { total } = await ask(locker, 'evidence.list', { vendor: 'tencent-cloud' });
      await page.reload();
      await waitForCard(page, '[data-evidence="duplicate"]', { timeout: 15_000 });
      expect((await ask(locker, 'evidence.list', { vendor: 'tencent-cloud' })).total).toBe(total);
      await page.close();
    },
  );

  it('saves a checkout from the card, masks the screenshot inputs and restores the page exactly', async () => {
    const payment = fixture('tc-payment-card-form');
    const page = await session.context.newPage();
    await page.goto(payment.url);
    await waitForCard(page, '[data-action="save-evidence"]');
    await page.fill('#card-holder, #card-name', 'LI LEI');
    const before = await page.evaluate(() =>
      Array.from(document.querySelectorAll('input'), (i) => [i.id, i.value, i.checked]),
    );
    const id = await saveFromCard(page);
    expect(id).toMatch(/^snap-\d{6}$/);
    const after = await page.evaluate(() =>
      Array.from(document.querySelectorAll('input'), (i) => [i.id, i.value, i.checked]),
    );
    expect(after).toEqual(before);
    expect(await cardText(page, '[data-evidence]')).toBe(`已保存为证据（${id}）`);
    const { snapshot } = await ask(locker, 'evidence.get', { id });
    expect(snapshot.body).toMatchObject({ kind: 'checkout', source: 'manual' });

    // A login page has nothing to act on, so it gets no card: it is saved as the
    // popup's "save this page" (and the shortcut) do.
    const login = await session.context.newPage();
    await login.goto(fixture('ex-login').url);
    await login.bringToFront();
    let tabId: number | null = null;
    await expect.poll(async () => (tabId = await recordedTabId(session, fixture('ex-login').url))).not.toBeNull();
    expect(await ask(locker, 'evidence.captureTab', { tabId })).toMatchObject({ status: 'saved' });
    await Promise.all([page.close(), login.close()]);
  });

  it('keeps every seeded sensitive value out of every stored byte and out of the export', async () => {
    const { text, snapshots } = await everyStoredByte(locker);
    expect(snapshots.length).toBeGreaterThanOrEqual(3);
    for (const value of SEEDED) expect(text, value).not.toContain(value);
    expect(text).not.toMatch(/card-cvv[^>]*value="123"/);
    // Masked in the page's own serialisation, before the worker's second pass.
    expect(text).toMatch(/id="card-cvv"[^>]*value="\*{6}"/);
    expect(text).toMatch(/id="login-pass"[^>]*value="\*{6}"/);
    // What the user chose stays evidence: the holder name typed into the form.
    expect(text).toContain('value="LI LEI"');
    expect(text).not.toMatch(/<script/i);
    const exported = await ask(locker, 'evidence.export', { ids: null, locale: 'zh-CN' });
    const zip = Buffer.from(exported.base64, 'base64');
    for (const value of SEEDED) expect(zip.includes(Buffer.from(value)), value).toBe(false);
  });

  it('exports a bundle that verifies offline, and reports a single changed byte', async () => {
    const exported = await ask(locker, 'evidence.export', { ids: null, locale: 'en' });
    expect(exported.fileName).toMatch(/^refund-guard-evidence-\d{8}T\d{6}\.zip$/);
    const zip = new Uint8Array(Buffer.from(exported.base64, 'base64'));
    const report = await verifyBundle(zip);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.snapshots.length).toBe(exported.count);
    const tampered = zip.slice();
    const at = Buffer.from(tampered).lastIndexOf(Buffer.from('20261118105822371604'));
    tampered[at] = tampered[at]! ^ 1;
    const bad = await verifyBundle(tampered);
    expect(bad.ok).toBe(false);
    expect(bad.problems.some((p) => p.kind === 'file-altered')).toBe(true);
    expect(await ask(locker, 'evidence.verify', {})).toMatchObject({ ok: true, problems: [] });
  });

  it('a snapshot acknowledged as saved survives the worker being stopped the next instant (10 times)', async () => {
    const page = await session.context.newPage();
    await page.goto(fixture('tc-payment-card-form').url);
    await waitForCard(page, '[data-action="save-evidence"]');
    const cdp: CDPSession = await session.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const saved: string[] = [];
    for (let i = 0; i < 10; i++) {
      // A changed page makes a new snapshot rather than a duplicate.
      await page.evaluate((n) => document.querySelector('h1')!.append(` · 第 ${n} 次`), i + 1);
      const id = await saveFromCard(page);
      await cdp.send('ServiceWorker.stopAllWorkers');
      saved.push(id);
      const { snapshot } = await ask(locker, 'evidence.get', { id }); // wakes the worker
      expect(snapshot?.body.id).toBe(id);
      expect(snapshot.text).toContain(`第 ${i + 1} 次`);
    }
    expect(new Set(saved).size).toBe(10);
    expect(await ask(locker, 'evidence.verify', {})).toMatchObject({ ok: true, problems: [] });
    const { sizes } = await everyStoredByte(locker);
    const sorted = [...sizes].sort((a, b) => a - b);
    const times = [...captureTimes].sort((a, b) => a - b);
    console.info(
      `evidence e2e: ${sizes.length} snapshots, bytes per snapshot median ${sorted[Math.floor(sorted.length / 2)]}, largest ${sorted.at(-1)}; ` +
        `click-to-acknowledged ms median ${Math.round(times[Math.floor(times.length / 2)]!)}, max ${Math.round(times.at(-1)!)}`,
    );
    await cdp.detach();
    await page.close();
  });

  it('pointing at "save as evidence" starts a stopped worker before any click, and saves nothing', async () => {
    const page = await session.context.newPage();
    await page.goto(fixture('tc-payment-card-form').url);
    await waitForCard(page, '[data-action="save-evidence"]');
    // The card may open as a pill: open it, so the button can be pointed at.
    if ((await cardQuery(page, '[data-action="expand"][aria-expanded="false"]')).length)
      await cardClick(page, '[data-action="expand"]');
    const stored = (await ask(locker, 'evidence.list', {})).total;
    const cdp: CDPSession = await session.context.newCDPSession(page);
    const running = new Set<string>();
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) {
        if (v.runningStatus === 'running') running.add(v.versionId);
        else running.delete(v.versionId);
      }
    });
    await cdp.send('ServiceWorker.enable');
    await page.mouse.move(5, 5);
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => running.size).toBe(0);
    await page.waitForTimeout(500);
    expect(running.size).toBe(0); // nothing else on the page starts it
    const box = (await cardQuery(page, '[data-action="save-evidence"]'))[0]!.box!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => running.size, { timeout: 5_000 }).toBe(1);
    expect(await cardQuery(page, '[data-evidence]')).toEqual([]);
    expect((await ask(locker, 'evidence.list', {})).total).toBe(stored);
    await cdp.detach();
    await page.close();
  });
});
