import type { BrowserContext } from 'playwright-core';

/**
 * The content script's cost read from the browser's own trace of one page
 * load, rather than as a difference of two loads: on a page with thousands of
 * rows the page's own layout varies by hundreds of milliseconds from load to
 * load, far more than the extension adds, so paired differences are mostly
 * noise. Here the renderer's main thread is read from the task that first runs
 * the extension's script to the end of the window. The page has no script of
 * its own and has painted by then, so that is the extension's work (its
 * scripts, and the style, layout and paint its card causes), plus whatever
 * little the idle page does meanwhile.
 */

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The slice's thread time (CPU), where the trace has it. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string } };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel'].join(',');

/** Loads `url` in a new tab with tracing on, waits `windowMs` after the load event, and returns the trace. */
export async function tracedLoad(context: BrowserContext, url: string, windowMs: number): Promise<TraceEvent[]> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (chunk) => void events.push(...(chunk.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  try {
    await page.goto(url, { waitUntil: 'load' });
    await new Promise((ok) => setTimeout(ok, windowMs));
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    await page.close();
  }
  return events;
}

export interface Attribution {
  /** Main-thread task time from the content script's first run to the end of the window. */
  fromInjectionMs: number;
  /** Of that: the extension's script (evaluation, callbacks, promise continuations). */
  scriptMs: number;
  /** Of that: style, layout, paint and compositing updates. */
  renderingMs: number;
  /**
   * The same tasks' thread (CPU) time: on a busy machine a task's wall time also holds the time
   * the thread waited for a core, which this leaves out.
   */
  threadCpuMs: number;
  tasks: number;
}

const SCRIPT = new Set([
  'EvaluateScript',
  'FunctionCall',
  'TimerFire',
  'RunMicrotasks',
  'EventDispatch',
  'FireAnimationFrame',
  'v8.callFunction',
]);
const RENDERING = new Set([
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'ParseAuthorStyleSheet',
]);

/** Reads one load's trace; null when no script of the extension ran in the page. */
export function attribute(events: readonly TraceEvent[]): Attribution | null {
  const threadNames = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const complete = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number');
  const isExtension = (e: TraceEvent) => String(e.args?.data?.url ?? '').startsWith('chrome-extension://');
  // The page's main thread is the one that evaluated the extension's content script.
  const injection = complete
    .filter(
      (e) => e.name === 'EvaluateScript' && isExtension(e) && threadNames.get(`${e.pid}:${e.tid}`) === 'CrRendererMain',
    )
    .sort((a, b) => a.ts - b.ts)[0];
  if (!injection) return null;
  const thread = complete
    .filter((e) => e.pid === injection.pid && e.tid === injection.tid)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  // Top-level slices (tasks, and microtask checkpoints outside any task), and the outermost
  // script and rendering slices inside them.
  const open: { end: number; counted: boolean }[] = [];
  let start = injection.ts;
  let fromInjection = 0;
  let cpu = 0;
  let script = 0;
  let rendering = 0;
  let tasks = 0;
  for (const e of thread) {
    while (open.length && open[open.length - 1]!.end <= e.ts) open.pop();
    const kind = SCRIPT.has(e.name) ? 'script' : RENDERING.has(e.name) ? 'rendering' : null;
    const inside = open.some((o) => o.counted);
    if (open.length === 0) {
      // The task that holds the injection counts from its own start.
      if (e.ts <= injection.ts && e.ts + e.dur! > injection.ts) start = e.ts;
      if (e.ts >= start) {
        fromInjection += e.dur!;
        cpu += e.tdur ?? e.dur!;
        tasks++;
      }
    }
    open.push({ end: e.ts + e.dur!, counted: inside || kind !== null });
    if (e.ts < start || inside || kind === null) continue;
    if (kind === 'script') script += e.dur!;
    else rendering += e.dur!;
  }
  const ms = (us: number) => Math.round(us / 100) / 10;
  return {
    fromInjectionMs: ms(fromInjection),
    scriptMs: ms(script),
    renderingMs: ms(rendering),
    threadCpuMs: ms(cpu),
    tasks,
  };
}
