import { describe, expect, it, vi } from 'vitest';
import { lazy, lazyList, lazyRecord } from './lazy';

describe('lazy', () => {
  it('builds nothing until asked, then builds once and hands out the same value', () => {
    const build = vi.fn(() => ({ made: true }));
    const get = lazy(build);
    expect(build).not.toHaveBeenCalled();
    const first = get();
    expect(get()).toBe(first);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('keeps a built value that is falsy', () => {
    const build = vi.fn(() => 0);
    const get = lazy(build);
    expect([get(), get()]).toEqual([0, 0]);
    expect(build).toHaveBeenCalledTimes(1);
  });
});

describe('lazyRecord and lazyList', () => {
  it('build nothing at load, then once, on the first read of any kind', () => {
    const build = vi.fn(() => ({ exmail: 'tencent-exmail', cvm: 'tencent-cloud' }));
    const record = lazyRecord(build);
    const holder = { record }; // kept at load, as a module does
    expect(build).not.toHaveBeenCalled();
    expect(Object.keys(holder.record)).toEqual(['exmail', 'cvm']);
    expect(record.cvm).toBe('tencent-cloud');
    expect('exmail' in record).toBe(true);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('give a list that is an array, built on first use', () => {
    const build = vi.fn(() => ['a', 'b']);
    const list = lazyList(build);
    expect(build).not.toHaveBeenCalled();
    expect(Array.isArray(list)).toBe(true);
    expect(list.map((x) => x.toUpperCase())).toEqual(['A', 'B']);
    expect(Object.values({ ...list })).toEqual(['a', 'b']);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('build again after a build that failed (its data was not there yet)', () => {
    const build = vi
      .fn<() => Record<string, number>>()
      .mockImplementationOnce(() => {
        throw new Error('not loaded');
      })
      .mockReturnValue({ n: 1 });
    const record = lazyRecord(build);
    expect(() => record.n).toThrow('not loaded');
    expect(record.n).toBe(1);
  });
});
