import { fakeBrowser } from 'wxt/testing/fake-browser';

/** Runs `read` against the fake browser's extension storage and counts the `storage.local.get` calls it makes. */
export async function countingReads<T>(read: () => Promise<T>): Promise<{ result: T; reads: number }> {
  let reads = 0;
  const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
  fakeBrowser.storage.local.get = ((keys: Parameters<typeof get>[0]) => {
    reads++;
    return get(keys);
  }) as typeof get;
  try {
    return { result: await read(), reads };
  } finally {
    fakeBrowser.storage.local.get = get;
  }
}
