import { readPackagedData, readStartedNow, workerDataLoader } from '../../platform/worker-data';

/**
 * The worker's data (vendor definitions, catalog sections: lib/worker-data.ts), read from the
 * package once per start. Every listener that can reach it waits for it first. The read is asked
 * for when this module is evaluated, which the worker's entry does first (index.ts), so the file
 * is read while the rest of the script is evaluated.
 */
export const workerDataReady = workerDataLoader(readStartedNow(readPackagedData));

/**
 * `listener`, run once the data is read. If the read fails the event is dropped (there is no one
 * to tell); the next event reads again.
 */
export function afterData<A extends unknown[]>(listener: (...args: A) => unknown): (...args: A) => void {
  return (...args) => {
    void workerDataReady().then(
      () => listener(...args),
      () => undefined,
    );
  };
}
