import { browser } from 'wxt/browser';

/**
 * Progress of re-encoding the page copies an earlier worker left (the
 * evidence store's `onResume`), kept in session storage so the locker can
 * show it while it runs: the worker writes, extension pages read and watch.
 */
export const COMPACTION_KEY = 'compactionProgress';

export interface CompactionStatus {
  done: number;
  total: number;
}

const area = () => browser.storage.session;

function readStatus(value: unknown): CompactionStatus | null {
  const { done, total } = (value ?? {}) as Partial<CompactionStatus>;
  return Number.isInteger(done) && Number.isInteger(total) && total! > 0 && done! >= 0 && done! <= total!
    ? { done: done!, total: total! }
    : null;
}

let writes: Promise<void> = Promise.resolve();

/** The worker's side: records done of total (writes in order; a failed write only loses that report). */
export function recordCompaction(done: number, total: number): void {
  writes = writes.then(() => area().set({ [COMPACTION_KEY]: { done, total } })).catch(() => undefined);
}

/** A page's side: the recorded progress now and at each change; returns the function that stops watching. */
export function watchCompaction(listener: (status: CompactionStatus | null) => void): () => void {
  let live = true;
  const changed = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
    if (live && areaName === 'session' && COMPACTION_KEY in changes)
      listener(readStatus(changes[COMPACTION_KEY].newValue));
  };
  browser.storage.onChanged.addListener(changed);
  area()
    .get(COMPACTION_KEY)
    .then(
      (stored: Record<string, unknown>) => live && listener(readStatus(stored[COMPACTION_KEY])),
      () => undefined,
    );
  return () => {
    live = false;
    browser.storage.onChanged.removeListener(changed);
  };
}
