/**
 * Data the worker reads from a JSON file of the extension's package instead of carrying it in its
 * script: the vendor definitions (policy packs, ticket templates, risk wording, service levels) and
 * the catalog sections. The worker's build (build/worker-data.ts) replaces each such module by one
 * whose exports are containers made here; the worker fills them all from that file before any of
 * its handlers runs (entrypoints/background/data.ts). Pages, tests and Node import the modules
 * themselves, so this file is used only by the worker's build.
 *
 * A container is the very object (or array) the module exports, so anything that kept a reference
 * to it at load sees the data once filled. Reading it before then throws: a module that derived
 * something from the data while the script was evaluated would otherwise keep an empty copy.
 */

type Reviver = (value: unknown) => unknown;

interface Container {
  target: object;
  revive: Reviver | undefined;
  filled: boolean;
}

const containers = new Map<string, Container>();

export class WorkerDataError extends Error {
  override name = 'WorkerDataError';
}

function guard(key: string, entry: Container): ProxyHandler<object> {
  const check = () => {
    if (!entry.filled) throw new WorkerDataError(`worker data "${key}" was read before it was loaded`);
  };
  return {
    get: (target, property, receiver) => {
      check();
      return Reflect.get(target, property, receiver);
    },
    has: (target, property) => {
      check();
      return Reflect.has(target, property);
    },
    ownKeys: (target) => {
      check();
      return Reflect.ownKeys(target);
    },
    getOwnPropertyDescriptor: (target, property) => {
      check();
      return Reflect.getOwnPropertyDescriptor(target, property);
    },
  };
}

/**
 * The export named `key` (module path and export name), empty until `fillWorkerData` gives it its
 * value, which `revive` may complete first (e.g. with the parts kept in code).
 */
export function dataContainer<T extends object, V = unknown>(
  key: string,
  isArray: boolean,
  revive?: (value: V) => unknown,
): T {
  if (containers.has(key)) throw new WorkerDataError(`worker data "${key}" is declared twice`);
  // The file's value is what the build wrote for this export, the reviver's input.
  const entry: Container = { target: isArray ? [] : {}, revive: revive as Reviver | undefined, filled: false };
  containers.set(key, entry);
  return new Proxy(entry.target, guard(key, entry)) as T;
}

/** Whether this script has any container to fill (none outside the worker's build). */
export function hasWorkerData(): boolean {
  return containers.size > 0;
}

/**
 * Fills every container from the file's contents. A container the file has no value for, or of
 * the wrong shape, is an error naming it (a stale file beside a newer script): none is filled then.
 */
export function fillWorkerData(data: Record<string, unknown>): void {
  const values = new Map<Container, unknown>();
  for (const [key, entry] of containers) {
    if (!Object.hasOwn(data, key)) throw new WorkerDataError(`worker data "${key}" is missing from the data file`);
    const value = entry.revive ? entry.revive(data[key]) : data[key];
    const shapeOk = Array.isArray(entry.target) === Array.isArray(value) && typeof value === 'object' && value !== null;
    if (!shapeOk) throw new WorkerDataError(`worker data "${key}" has the wrong shape in the data file`);
    values.set(entry, value);
  }
  for (const [entry, value] of values) {
    if (entry.filled) continue;
    if (Array.isArray(entry.target)) entry.target.push(...(value as unknown[]));
    else Object.assign(entry.target, value);
    entry.filled = true;
  }
}

/** For tests: forgets every container. */
export function resetWorkerDataForTests(): void {
  containers.clear();
}
