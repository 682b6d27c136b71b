import { describe, expect, it } from 'vitest';
import { afterLoadMs, attribute } from '../../scripts/bench/trace';

/**
 * The bench's reading of a page load's trace (scripts/bench/trace.ts), on a
 * small hand-made trace of one renderer main thread: which tasks are the
 * extension's and which the page's own.
 */

const PID = 1;
const TID = 7;
const EXT = 'chrome-extension://abc/content-scripts/vendor-pages.js';
const PAGE = 'http://console.cloud.tencent.com/app.js';

type Event = Parameters<typeof attribute>[0][number];

const slice = (name: string, ts: number, dur: number, extra: Partial<Event> = {}): Event => ({
  name,
  ph: 'X',
  ts: ts * 1000,
  dur: dur * 1000,
  tdur: dur * 500,
  pid: PID,
  tid: TID,
  ...extra,
});
const instant = (name: string, ts: number): Event => ({ name, ph: 'I', ts: ts * 1000, pid: PID, tid: TID });
const script = (name: string, ts: number, dur: number, url = '') =>
  slice(name, ts, dur, url ? { args: { data: { url } } } : {});
const task = (ts: number, dur: number, ...inside: Event[]) => [slice('RunTask', ts, dur), ...inside];
const frame = (ts: number, layout: number, paint: number) =>
  task(ts, layout + paint, slice('Layout', ts, layout), slice('Paint', ts + layout, paint));

const trace = (...tasks: Event[][]): Event[] => [
  { name: 'thread_name', ph: 'M', ts: 0, pid: PID, tid: TID, args: { name: 'CrRendererMain' } },
  ...tasks.flat(),
];

describe('bench trace attribution', () => {
  it("counts the extension's scripts and the frame that draws what they changed", () => {
    const attribution = attribute(
      trace(
        task(100, 4, script('EvaluateScript', 100, 4, EXT)),
        // A promise continuation of ours (no URL) that inserts the card: the next frame is ours.
        task(110, 2, script('RunMicrotasks', 110, 2), instant('ScheduleStyleRecalculation', 111)),
        frame(120, 5, 7),
      ),
    )!;
    expect(attribution.ownMs).toBe(18);
    expect(attribution.fromInjectionMs).toBe(18);
    expect(attribution.pageMs).toBe(0);
    expect(attribution.ownCpuMs).toBe(9);
  });

  it("leaves out the page's own frame, parser and scripts after the injection, which the earlier reading counted", () => {
    const attribution = attribute(
      trace(
        task(100, 4, script('EvaluateScript', 100, 4, EXT)),
        // The page's parser and its own first frame, after the injection.
        task(105, 10, slice('ParseHTML', 105, 10), instant('InvalidateLayout', 114)),
        frame(120, 30, 20),
        // The page's own script, and a frame for what it changed.
        task(175, 3, script('FunctionCall', 175, 3, PAGE), instant('ScheduleStyleRecalculation', 177)),
        frame(185, 2, 2),
        // Our card, later: its own frame counts.
        task(200, 2, script('FunctionCall', 200, 2, EXT), instant('ScheduleStyleRecalculation', 201)),
        frame(210, 4, 6),
      ),
    )!;
    expect(attribution.fromInjectionMs).toBe(4 + 10 + 50 + 3 + 4 + 2 + 10);
    expect(attribution.ownMs).toBe(4 + 2 + 10);
    expect(attribution.pageMs).toBe(10 + 50 + 3 + 4);
  });

  it('counts a task where our script and the page’s ran together, but not an unnamed slice beside page script', () => {
    const attribution = attribute(
      trace(
        task(100, 4, script('EvaluateScript', 100, 4, EXT)),
        // A change event: the page's listener and ours in one task.
        task(110, 6, script('EventDispatch', 110, 3, PAGE), script('FunctionCall', 113, 3, EXT)),
        // The page's own microtasks right after its script: not ours.
        task(120, 5, script('FunctionCall', 120, 2, PAGE), script('RunMicrotasks', 122, 3)),
      ),
    )!;
    expect(attribution.ownMs).toBe(4 + 6);
    expect(attribution.pageMs).toBe(5);
  });

  it('finds no extension in a trace without its script, and reads a control load from its load event', () => {
    const control = trace(task(100, 10, slice('ParseHTML', 100, 10)), [instant('MarkLoad', 115)], frame(120, 30, 20));
    expect(attribute(control)).toBeNull();
    expect(afterLoadMs(control)).toBe(50);
  });
});
