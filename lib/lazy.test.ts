import { describe, expect, it, vi } from 'vitest';
import { lazy } from './lazy';

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
