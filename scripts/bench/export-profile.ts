/**
 * Where an export of many snapshots spends its time: CPU profiles of the
 * extension's worker and of the locker page around one export of `count`
 * bulk-seeded snapshots, on the readable-names build `npm run bench` makes
 * (`.output-bench-names`). Prints each side's busiest functions by self time.
 *
 *   npx tsx scripts/bench/export-profile.ts [count]
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { waitForCard } from '../../test/e2e/card';
import { launchExtension, ROOT } from '../../test/e2e/harness';
import { fixturePages } from '../../test/fixtures/catalog';
import { startBenchServer } from './server';
import { bulkSeed, exportInPage, workerCdp } from './store-scale';

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time by function, in milliseconds, busiest first. */
function selfTimes(profile: Profile): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const name = `${functionName || '(anonymous)'} ${url.replace(/^.*\//, '')}:${lineNumber + 1}`;
    totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  return [...totals].filter(([name]) => !/^\((idle|program)\)/.test(name)).sort((a, b) => b[1] - a[1]);
}

async function main() {
  const count = Number(process.argv[2] ?? 1000);
  const detail = fixturePages.find((p) => p.id === 'tc-deal-detail-paid-new')!;
  const server = await startBenchServer({});
  const session = await launchExtension({ extensionDir: join(ROOT, '.output-bench-names', 'chrome-mv3'), server });
  try {
    const page = await session.context.newPage();
    await page.goto(detail.url, { waitUntil: 'load' });
    await waitForCard(page, '[data-evidence]', { timeout: 60_000 });
    const template = await page.evaluate(() => ({
      text: document.body.innerText,
      dom: `<!doctype html>\n${document.documentElement.outerHTML}`,
      title: document.title,
    }));
    const log = (line: string) => console.log(line);
    const ctx = { figures: {}, notes: [], log, template: { ...template, url: detail.url } };
    const locker = await session.context.newPage();
    await locker.goto(session.extensionUrl('evidence.html'));
    const worker = (await workerCdp(locker, session))!;
    if (process.env.RG_PROFILE_SEED) {
      await worker('Profiler.enable');
      await worker('Profiler.start');
    }
    const seedStart = performance.now();
    await bulkSeed(session.context.serviceWorkers()[0]!, ctx, count);
    console.log(`seeded ${count} in ${(performance.now() - seedStart).toFixed(0)} ms`);
    if (process.env.RG_PROFILE_SEED) {
      const seedProfile = (await worker<{ profile: Profile }>('Profiler.stop'))!.profile;
      for (const [name, t] of selfTimes(seedProfile).slice(0, 18))
        console.log(`    ${t.toFixed(1).padStart(8)} ms  ${name}`);
    }
    const pageCdp = await session.context.newCDPSession(locker);
    await Promise.all([pageCdp.send('Profiler.enable'), worker('Profiler.enable')]);
    await Promise.all([pageCdp.send('Profiler.start'), worker('Profiler.start')]);
    const [download, result] = await Promise.all([
      locker.waitForEvent('download', { timeout: 600_000 }),
      exportInPage(locker),
    ]);
    const [pageProfile, workerProfile] = await Promise.all([
      pageCdp.send('Profiler.stop').then((r) => r.profile as unknown as Profile),
      worker<{ profile: Profile }>('Profiler.stop').then((r) => r!.profile),
    ]);
    const size = (await readFile(await download.path())).length;
    console.log(
      `export of ${count + 1} snapshots: ${result.ms.toFixed(0)} ms, ${size} bytes, ${result.progress} progress updates`,
    );
    for (const [side, profile] of [
      ['locker page', pageProfile],
      ['worker', workerProfile],
    ] as const) {
      const top = selfTimes(profile);
      console.log(`  ${side}: ${top.reduce((n, [, t]) => n + t, 0).toFixed(0)} ms busy`);
      for (const [name, t] of top.slice(0, 18)) console.log(`    ${t.toFixed(1).padStart(8)} ms  ${name}`);
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
