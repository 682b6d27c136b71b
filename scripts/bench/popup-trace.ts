/**
 * Where the popup's time goes from its opening to its first verdict: opens the popup on the saved
 * order page's tab with the browser's trace on, and lists the popup renderer's main-thread tasks
 * (wall and thread time) and the worker's, on the popup's own clock (0 = navigation start), beside
 * its marks (script start, `tab.order` asked and answered, first render, verdict).
 *
 *   npx tsx scripts/bench/popup-trace.ts [runs=3] [build dir…] [--tasks]
 *   (default: the build `npm run bench` made in .output-bench/; with two build dirs, the opens alternate
 *   between them in one run, so both see the same machine load; --tasks lists every task)
 */
import { join } from 'node:path';
import { fixturePages } from '../../test/fixtures/catalog';
import { waitForCard } from '../../test/e2e/card';
import { launchExtension, recordedTabId, ROOT } from '../../test/e2e/harness';
import { startBenchServer } from './server';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; frame?: string; documentLoaderURL?: string } };
}

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const RUNS = Number(args[0] ?? 3);
const BUILDS = args.slice(1).length
  ? args.slice(1)
  : [join(ROOT, process.env.RG_OUT_DIR ?? '.output-bench', 'chrome-mv3')];
const TASKS = process.argv.includes('--tasks');
/** Per build: the popup's marks and its main thread's and the worker's time up to the verdict. */
const summary = new Map<string, Record<string, number>[]>();
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'toplevel',
  'blink.user_timing',
  'loading',
  'navigation',
  'blink',
].join(',');
const DETAIL = fixturePages.find((p) => p.id === 'tc-deal-detail-paid-new')!;
const TOP = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);
const INNER = new Set([
  'ParseHTML',
  'EvaluateScript',
  'v8.compileModule',
  'v8.evaluateModule',
  'v8.compile',
  'FunctionCall',
  'v8.run',
  'RunMicrotasks',
  'UpdateLayoutTree',
  'Layout',
  'Paint',
  'ParseAuthorStyleSheet',
  'ResourceReceivedData',
  'ResourceFinish',
  'CommitLoad',
  'ResourceSendRequest',
  'TimerFire',
  'FireAnimationFrame',
]);

async function main() {
  const server = await startBenchServer({});
  for (let run = 0; run < RUNS; run++)
    for (const build of BUILDS) {
      try {
        await traceBuild(server, build, run);
      } catch (error) {
        console.log(`${build} run ${run}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  await server.close();
  console.log('\nMedians per build (ms, popup clock; cpu = thread time of tasks ≥ 1 ms up to the verdict):');
  for (const [build, rows] of summary) {
    const keys = Object.keys(rows[0] ?? {});
    const med = (k: string) => {
      const v = rows
        .map((r) => r[k]!)
        .filter((x) => Number.isFinite(x))
        .sort((a, b) => a - b);
      return v.length ? v[Math.floor(v.length / 2)]! : NaN;
    };
    console.log(`  ${build} (${rows.length} opens): ${keys.map((k) => `${k} ${med(k).toFixed(1)}`).join(', ')}`);
  }
}

async function traceBuild(server: Awaited<ReturnType<typeof startBenchServer>>, extensionDir: string, run: number) {
  const session = await launchExtension({ extensionDir, server, lang: 'zh-CN' });
  try {
    const page = await session.context.newPage();
    await page.goto(DETAIL.url, { waitUntil: 'load' });
    await waitForCard(page, '[data-evidence]', { timeout: 60_000 });
    const tabId = await recordedTabId(session, DETAIL.url);
    if (tabId === null) throw new Error('no recorded tab');
    // One untraced open first: the worker's first answer and the code cache are then what a user meets on any later open.
    const warm = await session.context.newPage();
    await warm.goto(session.extensionUrl(`popup.html?tab=${tabId}`));
    await warm.waitForSelector('[data-verdict]', { timeout: 5000 });
    await warm.close();
    {
      const popup = await session.context.newPage();
      const cdp = await session.context.newCDPSession(popup);
      const events: TraceEvent[] = [];
      cdp.on('Tracing.dataCollected', (chunk) => void events.push(...(chunk.value as unknown as TraceEvent[])));
      const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
      await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
      await popup.goto(session.extensionUrl(`popup.html?tab=${tabId}`));
      await popup.waitForSelector('[data-verdict]', { timeout: 5000 });
      const marks = await popup.evaluate(() =>
        Object.fromEntries(
          performance
            .getEntriesByType('mark')
            .filter((m) => m.name.startsWith('rg-'))
            .map((m) => [m.name, Math.round(m.startTime * 10) / 10]),
        ),
      );
      const nav = await popup.evaluate(() => {
        const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { responseEnd: n.responseEnd, domInteractive: n.domInteractive, timeOrigin: performance.timeOrigin };
      });
      await new Promise((ok) => setTimeout(ok, 300));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach();
      await popup.close();
      const row = report(run, events, marks, nav);
      if (row) summary.set(extensionDir, [...(summary.get(extensionDir) ?? []), row]);
    }
  } finally {
    await session.close();
  }
}

function report(
  run: number,
  events: TraceEvent[],
  marks: Record<string, number>,
  nav: { responseEnd: number; domInteractive: number },
): Record<string, number> | null {
  const threads = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  // The popup's main thread: where its HTML was parsed.
  const parse = events.find((e) => e.name === 'ParseHTML' && /popup\.html/.test(JSON.stringify(e.args ?? {})));
  const start = events.find((e) => e.name === 'navigationStart' && /popup\.html/.test(JSON.stringify(e.args ?? {})));
  if (!parse || !start) {
    console.log(`run ${run}: no popup parse or navigation start in the trace`);
    return null;
  }
  const row: Record<string, number> = {
    script: marks['rg-popup-script'] ?? marks['rg-popup-asked'] ?? NaN,
    answered: marks['rg-popup-answered'] ?? NaN,
    render: marks['rg-popup-render'] ?? NaN,
    verdict: marks['rg-checker-verdict'] ?? NaN,
  };
  const t0 = start.ts;
  const at = (ts: number) => Math.round((ts - t0) / 100) / 10;
  const main = `${parse.pid}:${parse.tid}`;
  const worker = [...threads.entries()].find(([, name]) => /ServiceWorker/i.test(name))?.[0];
  console.log(
    `\nrun ${run}: marks ${JSON.stringify(marks)}; responseEnd ${nav.responseEnd.toFixed(1)}, domInteractive ${nav.domInteractive.toFixed(1)}`,
  );
  console.log(
    `  popup main thread ${main} (${threads.get(main)}), process shared with the worker: ${worker?.split(':')[0] === String(parse.pid)}`,
  );
  const end = t0 + (marks['rg-checker-verdict'] ?? 1000) * 1000;
  for (const [label, key] of [
    ['popup', main],
    ['worker', worker],
  ] as const) {
    if (!key) continue;
    const tasks = events
      .filter((e) => `${e.pid}:${e.tid}` === key && e.ph === 'X' && TOP.has(e.name) && e.ts >= t0 && e.ts <= end)
      .filter((e) => (e.dur ?? 0) >= 1000)
      .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
      // A task nested in another (the scheduler's slice inside the thread's) is counted once.
      .filter((e, i, all) => !all.slice(0, i).some((o) => o.ts <= e.ts && o.ts + (o.dur ?? 0) >= e.ts + (e.dur ?? 0)));
    let busy = 0;
    let cpu = 0;
    let cpuBeforeScript = 0;
    for (const task of tasks) {
      busy += task.dur ?? 0;
      cpu += task.tdur ?? 0;
      if (task.ts < t0 + (marks['rg-popup-script'] ?? marks['rg-popup-asked'] ?? 0) * 1000)
        cpuBeforeScript += task.tdur ?? 0;
      if (!TASKS) continue;
      const inner = events
        .filter(
          (e) =>
            `${e.pid}:${e.tid}` === key &&
            e.ph === 'X' &&
            INNER.has(e.name) &&
            e.ts >= task.ts &&
            e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0),
        )
        .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
        .slice(0, 4)
        .map(
          (e) =>
            `${e.name}${e.args?.data?.url ? `(${e.args.data.url.replace(/^.*\//, '')})` : ''} ${((e.dur ?? 0) / 1000).toFixed(1)}`,
        );
      console.log(
        `  ${label.padEnd(6)} ${String(at(task.ts)).padStart(7)} ms  ${((task.dur ?? 0) / 1000).toFixed(1).padStart(6)} wall ${((task.tdur ?? 0) / 1000).toFixed(1).padStart(6)} cpu  ${inner.join(', ')}`,
      );
    }
    console.log(
      `  ${label}: ${(busy / 1000).toFixed(1)} ms wall, ${(cpu / 1000).toFixed(1)} ms cpu in tasks ≥ 1 ms up to the verdict (${(cpuBeforeScript / 1000).toFixed(1)} ms cpu before the script)`,
    );
    row[`${label}Cpu`] = cpu / 1000;
    row[`${label}Wall`] = busy / 1000;
    if (label === 'popup') row.popupCpuBeforeScript = cpuBeforeScript / 1000;
  }
  return row;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
