/**
 * A value built on its first use. Meant for zod schemas: building one costs
 * real time (dozens of objects per field), and a module that defines schemas is
 * often imported by pages that only want its types, constants or functions.
 * Building them at load was a measurable part of opening the popup.
 */
export function lazy<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}

/**
 * An object (or array) built from other data on its first use, under the same name and type as if
 * it were built at load. The worker reads its vendor definitions and catalogs after its script has
 * loaded (lib/worker-data.ts), so what a module derives from them is built here, when first read.
 */
function lazyView<T extends object>(empty: T, build: () => T): T {
  let built = false;
  const ensure = () => {
    if (built) return;
    const value = build();
    if (Array.isArray(empty)) (empty as unknown[]).push(...(value as unknown[]));
    else Object.assign(empty, value);
    built = true;
  };
  return new Proxy(empty, {
    get: (target, property, receiver) => (ensure(), Reflect.get(target, property, receiver)),
    has: (target, property) => (ensure(), Reflect.has(target, property)),
    ownKeys: (target) => (ensure(), Reflect.ownKeys(target)),
    getOwnPropertyDescriptor: (target, property) => (ensure(), Reflect.getOwnPropertyDescriptor(target, property)),
  });
}

/** A record built on its first use (see lazyView). */
export function lazyRecord<T extends object>(build: () => T): T {
  return lazyView({} as T, build);
}

/** A list built on its first use (see lazyView). */
export function lazyList<T>(build: () => readonly T[]): readonly T[] {
  return lazyView([] as T[], build as () => T[]);
}
