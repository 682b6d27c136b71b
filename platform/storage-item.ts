import { browser } from 'wxt/browser';

/**
 * One value in the extension's storage, versioned: the few calls the extension makes of WXT's
 * storage items (`storage.defineItem`), with the same stored form, so data written by earlier
 * versions reads the same. The value is kept under its key, the version beside it under `<key>$`
 * as `{ v }`; a value without one is version 1. The library's other features (snapshots, meta
 * fields, several areas, init callbacks, bulk calls) were unused, and it was 2.7 KB gzip of the
 * worker's script.
 */
export interface StoredItem<T> {
  /** The stored value, or the fallback when there is none. Waits for the item's migration. */
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /** Calls back with each new value (the fallback once removed); returns a function that stops it. */
  watch(callback: (value: T) => void): () => void;
  /** Brings a stored older version up to the item's version, one migration per version. */
  migrate(): Promise<void>;
}

export interface StoredItemOptions<T> {
  fallback: T;
  /** The version the value is written in (1 when not given). */
  version?: number;
  /** `migrations[n]` turns a version n - 1 value into version n. */
  migrations?: Readonly<Record<number, (old: unknown) => unknown>>;
}

const local = () => browser.storage.local;

/** Structural equality of two stored (JSON-like) values. */
const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** A value of extension-local storage under `key` (the item starts its migration, if any, at once). */
export function storedItem<T>(key: string, options: StoredItemOptions<T>): StoredItem<T> {
  const metaKey = `${key}$`;
  const version = options.version ?? 1;
  // A first write of an item that has never been stored records its version too.
  let needsVersion = false;

  const migrate = async () => {
    const stored: Record<string, unknown> = await local().get([key, metaKey]);
    const value = stored[key] ?? null;
    const meta = (stored[metaKey] ?? null) as { v?: number } | null;
    needsVersion = value === null && meta?.v == null;
    if (value === null) return;
    const current = meta?.v ?? 1;
    if (current > version) throw new Error(`Version downgrade detected (v${current} -> v${version}) for "${key}"`);
    let migrated: unknown = value;
    for (let next = current + 1; next <= version; next++) migrated = options.migrations?.[next]?.(migrated) ?? migrated;
    if (current < version) await local().set({ [key]: migrated, [metaKey]: { ...meta, v: version } });
  };
  const migrated = options.migrations
    ? migrate().catch((error: unknown) => console.error(`Migration failed for ${key}`, error))
    : Promise.resolve();

  return {
    async getValue() {
      await migrated;
      const stored: Record<string, unknown> = await local().get(key);
      return (stored[key] ?? options.fallback) as T;
    },
    async setValue(value) {
      await migrated;
      if (value === null || value === undefined) return local().remove(key);
      const versioned = needsVersion;
      needsVersion = false;
      await local().set(versioned ? { [key]: value, [metaKey]: { v: version } } : { [key]: value });
    },
    async removeValue() {
      await migrated;
      await local().remove(key);
    },
    watch(callback) {
      const listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, area: string) => {
        const change = changes[key];
        if (area !== 'local' || !change || same(change.newValue, change.oldValue)) return;
        callback((change.newValue ?? options.fallback) as T);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
    migrate,
  };
}
