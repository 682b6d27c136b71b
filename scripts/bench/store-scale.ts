import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page, Worker } from 'playwright-core';
import { verifyBundle } from '../../lib/evidence/verify';
import { launchExtension, type ExtensionSession } from '../../test/e2e/harness';
import { atMost, figure, median, missing, type Figure } from './stats';

/**
 * The store at scale: 100,000 snapshots seeded through the store's bulk path
 * (platform/evidence-db `seed`, reached in the worker's own context), and a
 * 10,000-snapshot export streamed over the export port with the worker's heap
 * sampled throughout.
 */
export interface ScaleContext {
  figures: Record<string, Figure>;
  notes: string[];
  log: (line: string) => void;
  /** An order page of the fixture console: its text and copy are every seeded snapshot's template. */
  template: { url: string; title: string; text: string; dom: string };
}

const SEED_STEP = 2000;

/** Evaluated in the worker as source text (a bundler's helpers do not exist there). */
const SEED = `async ({ start, end, url, title, text, dom }) => {
  const pad = (n, w) => String(n).padStart(w, '0');
  const statuses = ['已支付', '已支付', '已退款', '退款中'];
  const payloads = [];
  for (let i = start; i < end; i++) {
    const orderId = '2025' + pad((i * 7919) % 1000000, 6) + pad(i, 10);
    const status = statuses[i % statuses.length];
    const swap = (s) => s.split('20261118105822371604').join(orderId).split('已支付').join(status);
    payloads.push({
      url: url.replace('20261118105822371604', orderId),
      title,
      match: { vendor: 'tencent-cloud', kind: 'order' },
      text: swap(text) + '\\n备注：工单 TK-' + pad(i, 6) + ' 已受理',
      dom: swap(dom),
      fields: { orderId, status, amountPaid: Math.round(((i * 37.13) % 50000) * 100) / 100 },
      source: 'auto',
      note: '',
    });
  }
  return globalThis.refundGuardSeed(payloads, '2026-11-20T02:00:00.000Z');
}`;

/** Seeds `count` order snapshots (each its own order number, status and ticket) in steps of SEED_STEP. */
export async function bulkSeed(worker: Worker, ctx: ScaleContext, count: number): Promise<string[]> {
  const ids: string[] = [];
  const started = performance.now();
  for (let start = 0; start < count; start += SEED_STEP) {
    const args = { start, end: Math.min(count, start + SEED_STEP), ...ctx.template };
    ids.push(...((await worker.evaluate(`(${SEED})(${JSON.stringify(args)})`)) as string[]));
    if ((start / SEED_STEP) % 5 === 4 || start + SEED_STEP >= count)
      ctx.log(`  ${ids.length.toLocaleString('en')} seeded`);
  }
  ctx.notes.push(`bulk-seeded ${ids.length} snapshots in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return ids;
}

/** Times one worker request from an extension page, round trip included. */
export async function timedRequest(page: Page, type: string, data: unknown): Promise<{ ms: number; total: number }> {
  return page.evaluate(
    async ({ type, data }) => {
      const start = performance.now();
      const reply = await chrome.runtime.sendMessage({ rg: 1, type, data });
      const ms = performance.now() - start;
      if (!reply?.ok) throw new Error(`${type} failed: ${JSON.stringify(reply).slice(0, 300)}`);
      return { ms, total: reply.data.total ?? 0 };
    },
    { type, data },
  );
}

/**
 * A DevTools protocol channel to the extension's service worker (through the
 * locker page's session, non-flattened); null when the target cannot be
 * reached. A call that gets no answer within 5 s (or fails) resolves to null.
 */
export async function workerCdp(
  locker: Page,
  session: ExtensionSession,
): Promise<(<T>(method: string, params?: object) => Promise<T | null>) | null> {
  const cdp: CDPSession = await session.context.newCDPSession(locker);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(session.extensionId));
  if (!target) return null;
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let next = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown };
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply.result ?? null);
  });
  return <T>(method: string, params: object = {}) =>
    new Promise<T | null>((resolve) => {
      const id = next++;
      waiting.set(id, resolve as (result: unknown) => void);
      void cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(() => resolve(null));
      setTimeout(() => resolve(null), method === 'Profiler.stop' ? 60_000 : 5000);
    });
}

/** The worker's used JS heap in bytes (CDP Runtime.getHeapUsage); null when the target cannot be reached. */
async function workerHeap(locker: Page, session: ExtensionSession): Promise<(() => Promise<number | null>) | null> {
  const send = await workerCdp(locker, session);
  if (!send) return null;
  return async () => (await send<{ usedSize?: number }>('Runtime.getHeapUsage'))?.usedSize ?? null;
}

/**
 * One export of every snapshot through the locker's own button, with the
 * locker's own receiving code: from the click to the download the locker
 * starts, counting the progress bar's updates.
 */
export async function exportInPage(locker: Page): Promise<{ ms: number; progress: number }> {
  await locker.waitForSelector('[data-action="export-all"]:not([disabled])');
  await locker.evaluate(() => {
    const watch = { start: 0, end: 0, progress: 0 };
    (window as unknown as { exportWatch: typeof watch }).exportWatch = watch;
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.download) watch.end = performance.now();
      click.call(this);
    };
    document.addEventListener(
      'click',
      (event) => {
        if ((event.target as Element).closest('[data-action="export-all"]')) watch.start = performance.now();
      },
      true,
    );
    new MutationObserver((records) => {
      watch.progress += records.filter((r) => r.target instanceof HTMLProgressElement).length;
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['value'] });
  });
  await locker.click('[data-action="export-all"]');
  const handle = await locker.waitForFunction(
    () => {
      const watch = (window as unknown as { exportWatch: { start: number; end: number; progress: number } })
        .exportWatch;
      return watch.end > 0 && { ms: watch.end - watch.start, progress: watch.progress };
    },
    undefined,
    { timeout: 600_000, polling: 500 },
  );
  return (await handle.jsonValue()) as { ms: number; progress: number };
}

/**
 * Exports every snapshot from the locker page, as a user does; the file is
 * handed to Node by the download and verified there.
 */
export async function exportCost(
  session: ExtensionSession,
  locker: Page,
  ctx: ScaleContext,
  stored: number,
): Promise<void> {
  const heapOf = (await workerHeap(locker, session)) ?? (async () => null);
  const before = await heapOf();
  let peak = before ?? 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const heap = await heapOf();
      if (heap !== null) peak = Math.max(peak, heap);
      await new Promise((ok) => setTimeout(ok, 200));
    }
  })();
  const [download, result] = await Promise.all([
    locker.waitForEvent('download', { timeout: 600_000 }),
    exportInPage(locker),
  ]);
  sampling = false;
  await sampler;
  const bytes = new Uint8Array(await readFile(await download.path()));
  const report = await verifyBundle(bytes);
  if (!report.ok) ctx.notes.push(`the 10k export did not verify: ${JSON.stringify(report.problems.slice(0, 3))}`);
  ctx.figures['store.exportMs10k'] = atMost(
    figure([result.ms], 'ms', {
      snapshots: report.snapshots.length,
      stored,
      zipBytes: bytes.length,
      progressUpdates: result.progress,
      verified: report.ok,
    }),
    60_000,
    '≤ 60 s',
  );
  ctx.figures['store.exportPeakHeapMb'] =
    before === null
      ? missing('MB', 'the worker target could not be reached over the DevTools protocol')
      : atMost(
          figure([(peak - before) / 1024 / 1024], 'MB', {
            measured:
              "worker's used JS heap (CDP Runtime.getHeapUsage, sampled every 200 ms): peak during the export minus before it",
            beforeMb: Math.round(before / 1024 / 1024),
          }),
          200,
          '≤ 200 MB',
        );
}

export interface WorkerStart {
  totalMs: number;
  startMs: number | null;
  evaluatedMs: number | null;
  listeningMs: number | null;
  answerMs: number | null;
  /** Main begins → the worker's data file read and its containers filled (null for a build without one). */
  dataMs: number | null;
}

/**
 * Stops the extension's worker `runs` times and times `ask` from `page`, the
 * message that starts it again; with the worker's own clock (its time origin
 * and the marks its main sets) where the worker can be read.
 */
export async function workerStarts(
  session: ExtensionSession,
  page: Page,
  runs: number,
  ask: (() => Promise<unknown>) | string,
): Promise<WorkerStart[]> {
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const results: WorkerStart[] = [];
  for (let i = 0; i < runs; i++) {
    await cdp.send('ServiceWorker.stopAllWorkers');
    await new Promise((ok) => setTimeout(ok, 500));
    const fresh = session.context.waitForEvent('serviceworker', { timeout: 10_000 }).catch(() => null);
    // A string expression: evaluated over the DevTools protocol, not by `eval` under the page's policy.
    const timed = (await page.evaluate(`(async () => {
      const start = performance.now();
      await (${typeof ask === 'string' ? ask : ask.toString()})();
      const end = performance.now();
      return { sentAt: performance.timeOrigin + start, answeredAt: performance.timeOrigin + end };
    })()`)) as { sentAt: number; answeredAt: number };
    const worker = (await fresh) ?? session.context.serviceWorkers().at(-1) ?? null;
    const clock = await worker
      ?.evaluate(() => ({
        origin: performance.timeOrigin,
        main: performance.getEntriesByName('rg-worker-main')[0]?.startTime ?? null,
        listening: performance.getEntriesByName('rg-worker-listening')[0]?.startTime ?? null,
        data: performance.getEntriesByName('rg-worker-data')[0]?.startTime ?? null,
      }))
      .catch(() => null);
    const fromSend = clock && clock.origin >= timed.sentAt - 5 ? clock.origin - timed.sentAt : null;
    results.push({
      totalMs: timed.answeredAt - timed.sentAt,
      startMs: fromSend,
      evaluatedMs: fromSend !== null ? clock!.main : null,
      listeningMs:
        fromSend !== null && clock!.main !== null && clock!.listening !== null ? clock!.listening - clock!.main : null,
      answerMs:
        fromSend !== null && clock!.listening !== null ? timed.answeredAt - (clock!.origin + clock!.listening) : null,
      dataMs: fromSend !== null && clock!.main !== null && clock!.data !== null ? clock!.data - clock!.main : null,
    });
  }
  await cdp.detach();
  return results;
}

/** The same start, of an extension whose worker only answers a message: what Chromium itself costs. */
async function emptyExtensionStarts(runs: number): Promise<number[]> {
  const dir = await mkdtemp(join(tmpdir(), 'rg-empty-extension-'));
  await writeFile(
    join(dir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'empty', version: '1.0', background: { service_worker: 'sw.js' } }),
  );
  await writeFile(
    join(dir, 'sw.js'),
    'chrome.runtime.onMessage.addListener((m, s, reply) => { reply({ ok: true }); });',
  );
  await writeFile(join(dir, 'page.html'), '<!doctype html><title>empty</title>');
  const session = await launchExtension({ extensionDir: dir });
  try {
    const page = await session.context.newPage();
    await page.goto(session.extensionUrl('page.html'));
    const starts = await workerStarts(session, page, runs, () => chrome.runtime.sendMessage({ ping: 1 }));
    return starts.map((s) => s.totalMs);
  } finally {
    await session.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** List, search and worker start with every seeded snapshot stored. */
export async function queryCost(
  session: ExtensionSession,
  locker: Page,
  ctx: ScaleContext,
  pick: { orderId: string; ticket: string; common: string },
  runs: number,
) {
  const list: number[] = [];
  const byOrder: number[] = [];
  const byText: number[] = [];
  const byCommon: number[] = [];
  let stored = 0;
  let commonHits = 0;
  await timedRequest(locker, 'evidence.list', {});
  for (let i = 0; i < runs; i++) {
    const page = await timedRequest(locker, 'evidence.list', {});
    stored = page.total;
    list.push(page.ms);
    byOrder.push((await timedRequest(locker, 'evidence.list', { orderId: pick.orderId })).ms);
    byText.push((await timedRequest(locker, 'evidence.list', { search: pick.ticket })).ms);
    const common = await timedRequest(locker, 'evidence.list', { search: pick.common });
    byCommon.push(common.ms);
    commonHits = common.total;
  }
  ctx.figures['store100k.searchByCommonTextMs'] = figure(byCommon, 'ms', {
    query: { search: pick.common },
    stored,
    measured: `a needle in ${commonHits} snapshots: every one of them is read to count them (no goal; the worst case)`,
  });
  await textIndexSize(session, ctx, stored);
  ctx.figures['store100k.listMs'] = atMost(
    figure(list, 'ms', { query: 'first page (20), newest first', stored }),
    50,
    '≤ 50 ms',
  );
  ctx.figures['store100k.searchByOrderMs'] = atMost(
    figure(byOrder, 'ms', { query: { orderId: pick.orderId }, stored }),
    20,
    '≤ 20 ms',
  );
  ctx.figures['store100k.searchByTextMs'] = atMost(
    figure(byText, 'ms', { query: { search: pick.ticket }, stored }),
    150,
    '≤ 150 ms',
  );

  // A text search as the first request of a worker just started: nothing of the store in its memory.
  const coldQuery = { search: pick.ticket };
  const cold = await workerStarts(
    session,
    locker,
    Math.max(3, Math.ceil(runs / 2)),
    `() => chrome.runtime.sendMessage({ rg: 1, type: 'evidence.list', data: ${JSON.stringify(coldQuery)} })`,
  );
  ctx.figures['store100k.searchByTextColdMs'] = figure(
    cold.map((s) => s.totalMs),
    'ms',
    {
      query: coldQuery,
      stored,
      measured: 'worker stopped, then this text search from the locker: start, store opened, the answer (no goal)',
    },
  );

  // Worker start: stopped, then the first answer that needs the store (the locker's first page).
  const starts = await workerStarts(session, locker, Math.max(3, Math.ceil(runs / 2)), () =>
    chrome.runtime.sendMessage({ rg: 1, type: 'evidence.list', data: { limit: 1 } }),
  );
  const peer = await emptyExtensionStarts(Math.max(3, Math.ceil(runs / 2)));
  const part = (key: 'startMs' | 'evaluatedMs' | 'listeningMs' | 'answerMs' | 'dataMs') =>
    figure(
      starts.flatMap((s) => (s[key] === null ? [] : [s[key]!])),
      'ms',
    );
  ctx.figures['store100k.workerStartMs'] = atMost(
    figure(
      starts.map((s) => s.totalMs),
      'ms',
      {
        measured: 'worker stopped, then evidence.list (limit 1) from the locker: start, store opened, first page',
        stored,
        peer: {
          ...figure(peer, 'ms', {}),
          measured: 'an empty MV3 extension (a worker that answers one message) in its own browser, same steps',
        },
        chromiumStartMs: {
          ...part('startMs'),
          measured: 'message sent → the worker’s time origin (Chromium starts it)',
        },
        evaluatedMs: {
          ...part('evaluatedMs'),
          measured: 'time origin → the worker’s main begins (load, compile, modules)',
        },
        listeningMs: { ...part('listeningMs'), measured: 'main begins → every listener registered' },
        answerMs: {
          ...part('answerMs'),
          measured: 'listeners registered → answer received: store opened, first page, message hops',
        },
        dataMs: {
          ...part('dataMs'),
          measured:
            "main begins → the worker's data file (worker-data.json) read and filled in; the answer waits for it",
        },
      },
    ),
    100,
    '≤ 100 ms',
  );
  void median;
}

/** Evaluated in the worker: the text index's bytes (postings and keys), or null where the store has none. */
const INDEX_SIZE = `new Promise((resolve) => {
  const open = indexedDB.open('refund-guard-evidence');
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('grams')) return resolve(null);
    const request = db.transaction('grams').objectStore('grams').getAll();
    request.onsuccess = () => {
      let bytes = 0;
      for (const p of request.result) bytes += p.p.byteLength + 16;
      db.close();
      resolve({ bytes, records: request.result.length });
    };
    request.onerror = () => resolve(null);
  };
  open.onerror = () => resolve(null);
})`;

/** The text index's size per stored snapshot (posting bytes plus 16 bytes of key each; the disk adds its own). */
async function textIndexSize(session: ExtensionSession, ctx: ScaleContext, stored: number): Promise<void> {
  const worker = session.context.serviceWorkers()[0];
  const size = worker
    ? ((await worker.evaluate(INDEX_SIZE).catch(() => null)) as { bytes: number; records: number } | null)
    : null;
  ctx.figures['store100k.textIndexBytesPerSnapshot'] = size
    ? figure([size.bytes / Math.max(1, stored)], 'bytes', {
        stored,
        records: size.records,
        measured: 'posting bytes + 16 bytes of key per record, divided by the snapshots stored',
      })
    : missing('bytes', 'no text index in this build');
}
