import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storedItem } from './storage-item';

// The stored form is the one WXT's storage items wrote (the extension used them before): the value
// under its key, `{ v }` under `<key>$`, no version meaning version 1.
const migrations = {
  2: (old: unknown) => ({ ...(old as object), two: true }),
  3: (old: unknown) => ({ ...(old as object), three: true }),
};

describe('a stored item', () => {
  beforeEach(() => fakeBrowser.reset());

  it('migrates a value stored at an older version, one step per version, and records the new version', async () => {
    await fakeBrowser.storage.local.set({ thing: { a: 1 }, thing$: { v: 1 } });
    const item = storedItem<unknown>('thing', { fallback: null, version: 3, migrations });
    expect(await item.getValue()).toEqual({ a: 1, two: true, three: true });
    expect(await fakeBrowser.storage.local.get(['thing', 'thing$'])).toEqual({
      thing: { a: 1, two: true, three: true },
      thing$: { v: 3 },
    });
  });

  it('takes a value without a version as version 1', async () => {
    await fakeBrowser.storage.local.set({ thing: { a: 1 } });
    const item = storedItem<unknown>('thing', { fallback: null, version: 2, migrations });
    expect(await item.getValue()).toEqual({ a: 1, two: true });
    expect((await fakeBrowser.storage.local.get('thing$')).thing$).toEqual({ v: 2 });
  });

  it('leaves a value at its version alone, and refuses to read a newer version as older', async () => {
    await fakeBrowser.storage.local.set({ thing: { a: 1 }, thing$: { v: 2 } });
    expect(await storedItem<unknown>('thing', { fallback: null, version: 2, migrations }).getValue()).toEqual({ a: 1 });
    await fakeBrowser.storage.local.set({ thing: { a: 1 }, thing$: { v: 3 } });
    const older = storedItem<unknown>('thing', { fallback: null, version: 2, migrations });
    await expect(older.migrate()).rejects.toThrow(/downgrade/);
    expect((await fakeBrowser.storage.local.get('thing')).thing).toEqual({ a: 1 });
  });

  it('gives the fallback when nothing is stored, and writes the version with the first value', async () => {
    const item = storedItem<{ n: number }>('thing', { fallback: { n: 0 }, version: 2, migrations });
    expect(await item.getValue()).toEqual({ n: 0 });
    await item.setValue({ n: 5 });
    expect(await fakeBrowser.storage.local.get(['thing', 'thing$'])).toEqual({ thing: { n: 5 }, thing$: { v: 2 } });
    await item.removeValue();
    expect(await item.getValue()).toEqual({ n: 0 });
  });

  it('reports changes of its own value only, and stops when asked', async () => {
    const item = storedItem<{ n: number }>('thing', { fallback: { n: 0 } });
    const seen: { n: number }[] = [];
    const stop = item.watch((value) => seen.push(value));
    await item.setValue({ n: 1 });
    await fakeBrowser.storage.local.set({ other: 1 });
    await item.removeValue();
    stop();
    await item.setValue({ n: 2 });
    expect(seen).toEqual([{ n: 1 }, { n: 0 }]);
  });
});
