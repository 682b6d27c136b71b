import type { BrowserContext } from 'playwright-core';

/**
 * The content script's cost read from the browser's own trace of one page
 * load, rather than as a difference of two loads: on a page with thousands of
 * rows the page's own layout varies by hundreds of milliseconds from load to
 * load, far more than the extension adds, so paired differences are mostly
 * noise.
 *
 * Two readings of the renderer's main thread, from the task that first runs
 * the extension's script to the end of the window:
 * - `fromInjectionMs` (the earlier figure): every task in that span. It also
 *   counts what the page does by itself after the injection: its parser, its
 *   own frames (a big page's post-load frame can fall after document_idle), its
 *   own scripts.
 * - `ownMs`: only the tasks the extension caused. A task runs our script when
 *   one of its script slices is the extension's (by URL) or names no script at
 *   all (promise continuations and observer callbacks carry no URL; a page's
 *   own script slices do); a frame is ours when something done in one of our
 *   tasks since the previous frame invalidated style or layout or asked for an
 *   animation frame. The rest (the page's parser, its own frames, its own
 *   scripts) is left out and reported as `pageMs`.
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
  args?: { name?: string; data?: { url?: string; stackTrace?: unknown } };
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
  /** Main-thread task time from the content script's first run to the end of the window (the earlier figure). */
  fromInjectionMs: number;
  /** Of that: the tasks the extension caused (its scripts, and the frames its changes asked for). */
  ownMs: number;
  /** The same tasks' thread (CPU) time. */
  ownCpuMs: number;
  /** Of `fromInjectionMs`: the page's own work (parser, its own frames and scripts), left out of `ownMs`. */
  pageMs: number;
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

/** Instant events that leave the page to be drawn again: they make the next frame the work of whoever caused them. */
const INVALIDATIONS = new Set(['ScheduleStyleRecalculation', 'InvalidateLayout', 'RequestAnimationFrame']);

const isExtension = (e: TraceEvent) => String(e.args?.data?.url ?? '').startsWith('chrome-extension://');

/** One top-level task on the page's main thread and what ran inside it. */
interface Task {
  start: number;
  dur: number;
  cpu: number;
  /** A script slice of the extension (by its URL). */
  extensionScript: boolean;
  /** A script slice naming no script (promise continuations, observer callbacks). */
  unnamedScript: boolean;
  /** Script slices of the page's own scripts (an http(s) URL). */
  pageScript: boolean;
  /** Style, layout, paint or compositing at its top level (a frame), not inside a script slice. */
  frame: boolean;
  /** Style or layout invalidated, or an animation frame asked for, inside it. */
  invalidates: boolean;
}

/** The page's main-thread tasks from `from` on, each with what ran inside it. */
function tasksOf(thread: readonly TraceEvent[], instants: readonly TraceEvent[], from: number): Task[] {
  const tasks: Task[] = [];
  const open: { end: number; script: boolean }[] = [];
  for (const e of thread) {
    while (open.length && open[open.length - 1]!.end <= e.ts) open.pop();
    const inScript = open.some((o) => o.script);
    const task = tasks[tasks.length - 1];
    if (open.length === 0) {
      if (e.ts + e.dur! > from)
        tasks.push({
          start: e.ts,
          dur: e.dur!,
          cpu: e.tdur ?? e.dur!,
          extensionScript: false,
          unnamedScript: false,
          pageScript: false,
          frame: false,
          invalidates: false,
        });
    } else if (task && e.ts >= task.start && !inScript) {
      if (SCRIPT.has(e.name)) {
        const url = String(e.args?.data?.url ?? '');
        if (isExtension(e)) task.extensionScript = true;
        else if (url === '') task.unnamedScript = true;
        else task.pageScript = true;
      } else if (RENDERING.has(e.name)) task.frame = true;
    }
    open.push({ end: e.ts + e.dur!, script: SCRIPT.has(e.name) });
  }
  let k = 0;
  for (const i of instants) {
    while (k < tasks.length && tasks[k]!.start + tasks[k]!.dur < i.ts) k++;
    const t = tasks[k];
    if (t && i.ts >= t.start) t.invalidates = true;
  }
  return tasks;
}

/** Reads one load's trace; null when no script of the extension ran in the page. */
export function attribute(events: readonly TraceEvent[]): Attribution | null {
  const threadNames = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const complete = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number');
  // The page's main thread is the one that evaluated the extension's content script.
  const injection = complete
    .filter(
      (e) => e.name === 'EvaluateScript' && isExtension(e) && threadNames.get(`${e.pid}:${e.tid}`) === 'CrRendererMain',
    )
    .sort((a, b) => a.ts - b.ts)[0];
  if (!injection) return null;
  const onThread = (e: TraceEvent) => e.pid === injection.pid && e.tid === injection.tid;
  const thread = complete.filter(onThread).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const instants = events
    .filter((e) => (e.ph === 'I' || e.ph === 'i') && INVALIDATIONS.has(e.name) && onThread(e))
    .sort((a, b) => a.ts - b.ts);
  // The earlier reading: every task from the one that holds the injection, and its script and rendering slices.
  const open: { end: number; counted: boolean }[] = [];
  let start = injection.ts;
  let fromInjection = 0;
  let cpu = 0;
  let script = 0;
  let rendering = 0;
  let count = 0;
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
        count++;
      }
    }
    open.push({ end: e.ts + e.dur!, counted: inside || kind !== null });
    if (e.ts < start || inside || kind === null) continue;
    if (kind === 'script') script += e.dur!;
    else rendering += e.dur!;
  }
  // The causal reading: our scripts' tasks, and the frames that follow what they changed.
  let own = 0;
  let ownCpu = 0;
  let dirtiedByUs = false;
  for (const task of tasksOf(thread, instants, start)) {
    if (task.start < start) continue;
    // Unnamed slices are ours only in a task where none of the page's own scripts ran.
    const ourScript = task.extensionScript || (task.unnamedScript && !task.pageScript);
    if (ourScript || (task.frame && dirtiedByUs)) {
      own += task.dur;
      ownCpu += task.cpu;
    }
    // A frame draws what was pending; what is changed in it or after it waits for the next one.
    if (task.frame) dirtiedByUs = false;
    if (task.invalidates && ourScript) dirtiedByUs = true;
  }
  const ms = (us: number) => Math.round(us / 100) / 10;
  return {
    fromInjectionMs: ms(fromInjection),
    ownMs: ms(own),
    ownCpuMs: ms(ownCpu),
    pageMs: ms(fromInjection - own),
    scriptMs: ms(script),
    renderingMs: ms(rendering),
    threadCpuMs: ms(cpu),
    tasks: count,
  };
}

/**
 * The control: a load of the same page with no script of the extension, read
 * as main-thread task time from the load event (close to when the content
 * script is injected, at document_idle) to the end of the window. What the page
 * does by itself then is what `fromInjectionMs` counted beyond the extension's
 * work. Null when the trace holds no load event.
 */
export function afterLoadMs(events: readonly TraceEvent[]): number | null {
  const load = events.find((e) => e.name === 'MarkLoad');
  if (!load) return null;
  const thread = events
    .filter((e) => e.ph === 'X' && typeof e.dur === 'number' && e.pid === load.pid && e.tid === load.tid)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  let end = -Infinity;
  let total = 0;
  for (const e of thread) {
    if (e.ts < end) continue;
    end = e.ts + e.dur!;
    if (e.ts >= load.ts) total += e.dur!;
  }
  return Math.round(total / 100) / 10;
}
