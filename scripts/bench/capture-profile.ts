/**
 * Where one save of the heavy order list spends its time: CPU profiles of the
 * page's renderer (the content script's isolated world runs on its main
 * thread) and of the extension's worker, taken around one click on the card's
 * save button, on the readable-names build `npm run bench` makes
 * (`.output-bench-names`). Prints each side's busiest functions by self time.
 *
 *   npx tsx scripts/bench/capture-profile.ts [runs]
 */
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { launchExtension, ROOT } from '../../test/e2e/harness';
import { HEAVY_LIST_URL, heavyPages } from './heavy-page';
import { timedCardSave } from './card-save';
import { startBenchServer } from './server';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Self time by function, in milliseconds, busiest first. */
function selfTimes(profile: Profile): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${url.replace(/^.*\//, '')}:${lineNumber + 1}`;
    totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  return [...totals].filter(([name]) => !/^\((idle|program)\)/.test(name)).sort((a, b) => b[1] - a[1]);
}

/** A CDP session on the extension's service worker, through the browser session (non-flattened). */
async function workerSession(browserCdp: CDPSession, extensionId: string) {
  const { targetInfos } = await browserCdp.send('Target.getTargets');
  const target = targetInfos.find(
    (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}`),
  );
  if (!target) throw new Error('no worker target');
  const { sessionId } = await browserCdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let next = 1;
  const waiting = new Map<number, (value: unknown) => void>();
  browserCdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result);
  });
  return <T>(method: string, params: object = {}) =>
    new Promise<T>((done) => {
      const id = next++;
      waiting.set(id, done as (value: unknown) => void);
      void browserCdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method, params }),
      });
    });
}

async function main() {
  const runs = Number(process.argv[2] ?? 3);
  const server = await startBenchServer(heavyPages(3000));
  const session = await launchExtension({
    extensionDir: join(ROOT, '.output-bench-names', 'chrome-mv3'),
    server,
    grantAllUrls: true,
  });
  try {
    const page = await session.context.newPage();
    await page.goto(HEAVY_LIST_URL, { waitUntil: 'load' });
    await new Promise((ok) => setTimeout(ok, 4000));
    const pageCdp = await session.context.newCDPSession(page);
    const browser = session.context.browser();
    if (!browser) throw new Error('no browser');
    const worker = await workerSession(await browser.newBrowserCDPSession(), session.extensionId);
    for (let run = 0; run < runs; run++) {
      await page.evaluate((n) => document.querySelector('h1')!.append(` · ${n}`), run + 1);
      await new Promise((ok) => setTimeout(ok, 700));
      await Promise.all([pageCdp.send('Profiler.enable'), worker('Profiler.enable')]);
      await Promise.all([
        pageCdp.send('Profiler.setSamplingInterval', { interval: 200 }),
        worker('Profiler.setSamplingInterval', { interval: 200 }),
      ]);
      await Promise.all([pageCdp.send('Profiler.start'), worker('Profiler.start')]);
      const ms = await timedCardSave(page);
      const [pageProfile, workerProfile] = await Promise.all([
        pageCdp.send('Profiler.stop').then((r) => r.profile as unknown as Profile),
        worker<{ profile: Profile }>('Profiler.stop').then((r) => r.profile),
      ]);
      console.log(`\nsave ${run + 1}: ${ms?.toFixed(0)} ms click → saved`);
      for (const [side, profile] of [
        ['page', pageProfile],
        ['worker', workerProfile],
      ] as const) {
        const top = selfTimes(profile);
        const total = top.reduce((n, [, t]) => n + t, 0);
        console.log(`  ${side}: ${total.toFixed(0)} ms busy`);
        for (const [name, t] of top.slice(0, 14)) console.log(`    ${t.toFixed(1).padStart(7)} ms  ${name}`);
      }
    }
  } finally {
    await session.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
