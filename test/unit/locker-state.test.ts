import { describe, expect, it } from 'vitest';
import {
  initialLocker,
  lastPageOffset,
  listView,
  lockerReducer,
  type LockerAction,
  type LockerState,
} from '../../components/locker/state';
import type { SnapshotSummary } from '../../components/locker/api';

/** The locker page's reducer (components/locker/state.ts), without React or a worker. */

function row(n: number): SnapshotSummary {
  return {
    id: `snap-${String(n).padStart(3, '0')}`,
    seq: n,
    vendor: 'aliyun',
    kind: 'order',
    url: `https://usercenter2.aliyun.com/order/detail?orderId=2112${n}`,
    title: `订单详情 ${n}`,
    capturedAt: '2026-11-22T02:10:00.000Z',
    capturedAtShanghai: '2026-11-22 10:10:00',
    source: 'auto',
    orderId: `2112${n}`,
    status: '已支付',
    previousSnapshotId: null,
    hasScreenshot: false,
    noteCount: 0,
  };
}

const rows = (from: number, count: number) => Array.from({ length: count }, (_, i) => row(from + i));
const run = (actions: LockerAction[], state: LockerState = initialLocker) => actions.reduce(lockerReducer, state);

describe('locker state: the list', () => {
  it('takes the answer to the request in force and ignores an older one', () => {
    const asked = run([
      { type: 'filter', filters: { vendor: 'aliyun' } },
      { type: 'filter', filters: { search: '退款' } },
    ]);
    expect(asked.request).toBe(2);
    expect(asked.offset).toBe(0);
    const late = lockerReducer(asked, { type: 'listed', request: 1, items: rows(1, 3), total: 3 });
    expect(late.list).toEqual({ state: 'loading' });
    const current = lockerReducer(late, { type: 'listed', request: 2, items: rows(1, 2), total: 2 });
    expect(current.list).toEqual({ state: 'ready', items: rows(1, 2), total: 2 });
    expect(lockerReducer(current, { type: 'list-failed', request: 1, message: '超时' }).list.state).toBe('ready');
  });

  it('keeps the rows shown while the next page loads, and goes back to loading after a failure', () => {
    const ready = run([{ type: 'listed', request: 0, items: rows(1, 20), total: 45 }]);
    const next = lockerReducer(ready, { type: 'page', offset: 20 });
    expect(next.list).toBe(ready.list);
    expect(next.request).toBe(1);
    const failed = lockerReducer(next, { type: 'list-failed', request: 1, message: '后台进程无响应' });
    expect(failed.list).toEqual({ state: 'error', message: '后台进程无响应' });
    expect(lockerReducer(failed, { type: 'reload' }).list).toEqual({ state: 'loading' });
  });

  it('steps back to the last page that has rows when a deletion empties the one shown', () => {
    const onThird = run([{ type: 'page', offset: 40 }]);
    const emptied = lockerReducer(onThird, { type: 'listed', request: onThird.request, items: [], total: 40 });
    expect(emptied.offset).toBe(20);
    expect(emptied.request).toBe(onThird.request + 1);
    expect(lastPageOffset(41)).toBe(40);
    expect(lastPageOffset(1)).toBe(0);
  });

  it('tells an empty locker from a filter that matches nothing', () => {
    const empty = run([{ type: 'listed', request: 0, items: [], total: 0 }]);
    expect(listView(empty)).toMatchObject({ empty: true, noMatch: false, pages: 1, hasNext: false });
    const filtered = run([
      { type: 'filter', filters: { orderId: '999' } },
      { type: 'listed', request: 1, items: [], total: 0 },
    ]);
    expect(listView(filtered)).toMatchObject({ empty: false, noMatch: true });
    const paged = run([
      { type: 'page', offset: 20 },
      { type: 'listed', request: 1, items: rows(21, 20), total: 45 },
    ]);
    expect(listView(paged)).toMatchObject({ page: 2, pages: 3, hasPrev: true, hasNext: true });
  });

  it('keeps headlines only for the request in force', () => {
    const words = { 'snap-001': null };
    const asked = run([{ type: 'reload' }]);
    expect(lockerReducer(asked, { type: 'headlines', request: 0, words }).headlines).toEqual({});
    expect(lockerReducer(asked, { type: 'headlines', request: 1, words }).headlines).toEqual(words);
  });
});

describe('locker state: selection and detail', () => {
  it('selects rows and pages, and a deleted snapshot leaves the selection, closes and reloads', () => {
    const picked = run([
      { type: 'select', ids: ['a', 'b', 'c'], on: true },
      { type: 'select', ids: ['b'], on: false },
      { type: 'open', id: 'a' },
    ]);
    expect([...picked.selected]).toEqual(['a', 'c']);
    expect(picked.openId).toBe('a');
    const deleted = lockerReducer(picked, { type: 'deleted', id: 'a' });
    expect([...deleted.selected]).toEqual(['c']);
    expect(deleted.openId).toBeNull();
    expect(deleted.notice).toEqual({ kind: 'deleted', id: 'a' });
    expect(deleted.request).toBe(picked.request + 1);
    expect(lockerReducer(deleted, { type: 'clear-selection' }).selected.size).toBe(0);
  });

  it('asks for the list again when the detail closes (notes change the badges)', () => {
    const closed = run([{ type: 'open', id: 'x' }, { type: 'close' }]);
    expect(closed.openId).toBeNull();
    expect(closed.request).toBe(1);
  });
});

describe('locker state: store check and export', () => {
  it('records the store check', () => {
    expect(run([{ type: 'check-started' }]).storeCheck).toEqual({ state: 'checking' });
    expect(run([{ type: 'checked', ok: true, length: 12, problems: [] }]).storeCheck).toEqual({
      state: 'ok',
      length: 12,
    });
    expect(run([{ type: 'checked', ok: false, length: 12, problems: ['#3 断链'] }]).storeCheck).toEqual({
      state: 'broken',
      problems: ['#3 断链'],
    });
    expect(run([{ type: 'check-failed', message: '超时' }]).storeCheck).toEqual({ state: 'error', message: '超时' });
  });

  it('follows one export from start to file, and ignores what an earlier export reports', () => {
    const failedBefore = run([
      { type: 'export-started', id: 1 },
      { type: 'export-failed', id: 1, message: '导出中断' },
    ]);
    expect(failedBefore).toMatchObject({ exporting: null, failure: '导出中断', notice: null });
    const started = lockerReducer(failedBefore, { type: 'export-started', id: 2 });
    expect(started).toMatchObject({ exporting: { id: 2, progress: null }, failure: null });
    expect(started.notice).toEqual({ kind: 'export-running' });
    const progress = { type: 'progress', phase: 'hash', done: 3, total: 10, item: 'snap-003' } as const;
    expect(lockerReducer(started, { type: 'export-progress', id: 1, progress })).toBe(started);
    const going = lockerReducer(started, { type: 'export-progress', id: 2, progress });
    expect(going.exporting).toEqual({ id: 2, progress });
    const done = lockerReducer(going, { type: 'exported', id: 2, count: 10, file: 'refund-guard.zip' });
    expect(done.exporting).toBeNull();
    expect(done.notice).toEqual({ kind: 'export-done', count: 10, file: 'refund-guard.zip' });
  });

  it('says a cancelled export saved nothing', () => {
    const cancelled = run([
      { type: 'export-started', id: 1 },
      { type: 'export-cancelled', id: 1 },
    ]);
    expect(cancelled).toMatchObject({ exporting: null, failure: null, notice: { kind: 'export-cancelled' } });
  });
});
