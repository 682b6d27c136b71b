import { browser } from 'wxt/browser';
import { fillWorkerData, hasWorkerData } from '../lib/worker-data';

/** The file the worker's build writes beside its script (build/worker-data.ts). */
export const WORKER_DATA_FILE = 'worker-data.json';

/** Reads the data file from the extension's own package (a local file, not the network). */
export async function readPackagedData(): Promise<Record<string, unknown>> {
  // Written by the build, so not among the public files WXT types `getURL` with.
  const url = (browser.runtime.getURL as (path: string) => string)(`/${WORKER_DATA_FILE}`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${WORKER_DATA_FILE}: ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

/**
 * `read`, started now: its first call gets that read, later calls (after a failure) read again.
 * The browser reads the file while the rest of the script is evaluated.
 */
export function readStartedNow(read: () => Promise<Record<string, unknown>>): () => Promise<Record<string, unknown>> {
  let first: Promise<Record<string, unknown>> | null = read();
  first.catch(() => undefined); // reported to whoever waits for it
  return () => {
    const reading = first ?? read();
    first = null;
    return reading;
  };
}

/**
 * The worker's data, read once per start: the returned function starts the read on its first call
 * and answers every call with the same promise. A failed read is tried again by the next caller.
 * Without containers (a build without the data step) it resolves at once.
 */
export function workerDataLoader(
  read: () => Promise<Record<string, unknown>> = readPackagedData,
  needed: () => boolean = hasWorkerData,
): () => Promise<void> {
  let loading: Promise<void> | null = null;
  return () => {
    if (!needed()) return Promise.resolve();
    loading ??= read()
      .then(fillWorkerData)
      .catch((error: unknown) => {
        loading = null;
        throw error;
      });
    return loading;
  };
}
