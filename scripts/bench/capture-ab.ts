/**
 * Before and after in one run: the heavy order list saved from two builds of
 * the extension, one browser each, the saves alternating between them so both
 * see the same load; each save is paired with the browser's MHTML capture of
 * the same tab right after it (as `npm run bench -- --only=capture` pairs
 * them). Prints every save and the median of the per-save ratios per build.
 *
 *   npx tsx scripts/bench/capture-ab.ts <runs> <build dir A> <build dir B>
 *   (build dirs as `RG_OUT_DIR=… npx wxt build` writes them, e.g. .output-before)
 */
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchExtension, ROOT, type ExtensionSession } from '../../test/e2e/harness';
import { HEAVY_LIST_URL, heavyPages } from './heavy-page';
import { timedCardSave } from './card-save';
import { startBenchServer } from './server';
import { median } from './stats';

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** One save from the card, click to acknowledgement on screen, in milliseconds. */
async function save(page: Page): Promise<number> {
  const ms = await timedCardSave(page);
  if (ms === undefined) throw new Error('no card');
  return ms;
}

/** The page's main thread's task time so far, in milliseconds (CDP Performance `TaskDuration`). */
async function mainThreadMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

async function main() {
  const [runsArg, ...dirs] = process.argv.slice(2);
  const runs = Number(runsArg ?? 5);
  if (dirs.length < 2) throw new Error('usage: capture-ab.ts <runs> <build dir A> <build dir B>');
  const server = await startBenchServer(heavyPages(3000));
  const sessions: ExtensionSession[] = [];
  try {
    const sides = [];
    for (const dir of dirs) {
      const session = await launchExtension({
        extensionDir: join(ROOT, dir, 'chrome-mv3'),
        server,
        grantAllUrls: true,
      });
      sessions.push(session);
      const page = await session.context.newPage();
      await page.goto(HEAVY_LIST_URL, { waitUntil: 'load' });
      const cdp = await session.context.newCDPSession(page);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      sides.push({ dir, page, cdp, ratios: [] as number[], ms: [] as number[], pageCpu: [] as number[] });
    }
    await sleep(4000);
    for (let run = 0; run < runs; run++) {
      for (const side of sides) {
        await side.page.evaluate((n) => document.querySelector('h1')!.append(` · ${n}`), run + 1);
        await sleep(900);
        const before = await mainThreadMs(side.cdp);
        const ms = await save(side.page);
        // The page's main-thread task time over the save (thread ticks: what the load takes away is not in it).
        side.pageCpu.push((await mainThreadMs(side.cdp)) - before);
        side.ms.push(ms);
        await sleep(300);
        const t0 = performance.now();
        await side.cdp.send('Page.captureSnapshot', { format: 'mhtml' });
        const mhtml = performance.now() - t0;
        side.ratios.push(ms / mhtml);
        console.log(
          `${side.dir} save ${run + 1}: ${ms.toFixed(0)} ms (page main thread ${side.pageCpu.at(-1)!.toFixed(0)} ms), MHTML ${mhtml.toFixed(0)} ms, ${(ms / mhtml).toFixed(2)}×`,
        );
      }
    }
    for (const side of sides)
      console.log(
        `${side.dir}: median ratio ${median(side.ratios)?.toFixed(2)}× (${side.ratios.map((r) => r.toFixed(2)).join(', ')}); median save ${median(side.ms)?.toFixed(0)} ms; page main thread ${median(side.pageCpu)?.toFixed(0)} ms`,
      );
  } finally {
    for (const session of sessions) await session.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
