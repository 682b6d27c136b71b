/**
 * Before and after in one run, for the worker's own size: two builds of the extension, one browser
 * each, both with the same snapshots bulk-seeded, the measures alternating between them so both
 * see the same load. Each round, per build:
 * - a cold start: the worker stopped, then the locker's first page asked for (as
 *   `store100k.workerStartMs`), with the worker's own clock split into its parts;
 * - the first capture after a cold start: the worker stopped, then the order page saved from its
 *   card (click to the card showing it saved), and a warm save right after it for comparison.
 * Prints every round and the medians per build.
 *
 *   npx tsx scripts/bench/worker-start-ab.ts <rounds> <stored> <build dir A> <build dir B>
 *   (build dirs as `RG_OUT_DIR=… npx wxt build` writes them, relative to the project or absolute)
 */
import { isAbsolute, join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { cardClick, onCard, waitForCard } from '../../test/e2e/card';
import { fixture, launchExtension, ROOT, type ExtensionSession } from '../../test/e2e/harness';
import { startFixtureServer } from '../../test/fixtures/server';
import { median } from './stats';
import { bulkSeed, workerStarts, type ScaleContext, type WorkerStart } from './store-scale';

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const DETAIL = fixture('tc-deal-detail-paid-new');

interface Side {
  dir: string;
  session: ExtensionSession;
  locker: Page;
  page: Page;
  cdp: CDPSession;
  starts: WorkerStart[];
  coldSaves: number[];
  warmSaves: number[];
}

async function open(dir: string, stored: number, server: Awaited<ReturnType<typeof startFixtureServer>>) {
  const session = await launchExtension({
    extensionDir: join(isAbsolute(dir) ? dir : join(ROOT, dir), 'chrome-mv3'),
    server,
  });
  const page = await session.context.newPage();
  await page.goto(DETAIL.url, { waitUntil: 'load' });
  await waitForCard(page, '[data-evidence]', { timeout: 60_000 });
  const template = await page.evaluate(() => ({
    text: document.body.innerText,
    dom: `<!doctype html>\n${document.documentElement.outerHTML}`,
    title: document.title,
  }));
  const ctx: ScaleContext = {
    figures: {},
    notes: [],
    log: (line) => console.log(`${dir}: ${line}`),
    template: { ...template, url: DETAIL.url },
  };
  if (stored > 0) await bulkSeed(session.context.serviceWorkers()[0]!, ctx, stored);
  const locker = await session.context.newPage();
  await locker.goto(session.extensionUrl('evidence.html'));
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  return { dir, session, locker, page, cdp, starts: [], coldSaves: [], warmSaves: [] } satisfies Side;
}

/**
 * A save of the order page, changed first so that it is a new snapshot, not a duplicate: click to
 * the card showing a saved snapshot other than the one it showed before (the card keeps showing
 * the previous save until its new state renders, so "saved" alone can be the old one).
 */
async function changedSave(side: Side, mark: string): Promise<number> {
  await side.page.evaluate((m) => document.querySelector('h1')!.append(` · ${m}`), mark);
  await sleep(900);
  await onCard(
    side.page,
    `function () { var root = this; var before = root.querySelector('[data-evidence="saved"]');
      var old = before && before.getAttribute('data-snapshot-id');
      root.__saved = new Promise(function (ok) { var t0 = 0;
      root.addEventListener('click', function () { t0 = performance.now(); }, { capture: true, once: true });
      new MutationObserver(function (_m, o) { var s = root.querySelector('[data-evidence="saved"]');
        if (t0 && s && s.getAttribute('data-snapshot-id') !== old) { o.disconnect(); ok(performance.now() - t0); } })
        .observe(root, { subtree: true, childList: true, attributes: true }); }); }`,
  );
  await cardClick(side.page, '[data-action="save-evidence"]');
  const [ms] = await onCard<number>(side.page, 'function () { return this.__saved; }');
  if (ms === undefined) throw new Error('no card');
  return ms;
}

async function main() {
  const [roundsArg, storedArg, ...dirs] = process.argv.slice(2);
  const rounds = Number(roundsArg ?? 5);
  const stored = Number(storedArg ?? 1000);
  if (dirs.length < 2) throw new Error('usage: worker-start-ab.ts <rounds> <stored> <build dir A> <build dir B>');
  const server = await startFixtureServer();
  const sides: Side[] = [];
  try {
    for (const dir of dirs) sides.push(await open(dir, stored, server));
    await sleep(3000);
    for (let round = 0; round < rounds; round++) {
      for (const side of sides) {
        const [start] = await workerStarts(side.session, side.locker, 1, () =>
          chrome.runtime.sendMessage({ rg: 1, type: 'evidence.list', data: { limit: 1 } }),
        );
        side.starts.push(start!);
        await side.cdp.send('ServiceWorker.stopAllWorkers');
        await sleep(500);
        side.coldSaves.push(await changedSave(side, `cold ${round}`));
        side.warmSaves.push(await changedSave(side, `warm ${round}`));
        const s = start!;
        console.log(
          `${side.dir} round ${round + 1}: start ${s.totalMs.toFixed(1)} ms (evaluated ${s.evaluatedMs?.toFixed(1)}, ` +
            `listening ${s.listeningMs?.toFixed(1)}, data ${s.dataMs?.toFixed(1) ?? '—'}, answer ${s.answerMs?.toFixed(1)}); ` +
            `save after a cold start ${side.coldSaves.at(-1)!.toFixed(0)} ms, warm ${side.warmSaves.at(-1)!.toFixed(0)} ms`,
        );
      }
    }
    const med = (values: (number | null)[]) => {
      const kept = values.filter((v): v is number => v !== null);
      return kept.length ? (median(kept) ?? Number.NaN).toFixed(1) : '—';
    };
    console.log(`\nmedians over ${rounds} rounds, ${stored} snapshots seeded:`);
    for (const side of sides)
      console.log(
        `${side.dir}: start ${med(side.starts.map((s) => s.totalMs))} ms ` +
          `(Chromium ${med(side.starts.map((s) => s.startMs))}, evaluated ${med(side.starts.map((s) => s.evaluatedMs))}, ` +
          `listening ${med(side.starts.map((s) => s.listeningMs))}, data ${med(side.starts.map((s) => s.dataMs))}, ` +
          `answer ${med(side.starts.map((s) => s.answerMs))}); save after a cold start ${med(side.coldSaves)} ms, ` +
          `warm ${med(side.warmSaves)} ms`,
      );
  } finally {
    for (const side of sides) await side.session.close().catch(() => undefined);
    await server.close();
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
