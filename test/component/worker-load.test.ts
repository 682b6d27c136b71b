// @vitest-environment node
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { workerDataModules } from '../../build/worker-data-modules';
import { dataContainer, resetWorkerDataForTests } from '../../lib/worker-data';

const ROOT = resolve(import.meta.dirname, '../..');

/** The source files the worker's build turns into data (build/worker-data-modules.ts). */
const dataFiles = [
  ...readdirSync(join(ROOT, 'lib/i18n/sections')).map((f) => join(ROOT, 'lib/i18n/sections', f)),
  join(ROOT, 'lib/i18n/zh-CN.ts'),
  join(ROOT, 'lib/i18n/en.ts'),
  join(ROOT, 'lib/vendors/catalog.ts'),
].filter((file) => workerDataModules.some((m) => m.test.test(file)));

afterEach(() => {
  vi.resetModules();
  resetWorkerDataForTests();
});

describe("the worker's script, as its build loads it", () => {
  it(
    'reads none of its data file while it loads (each data module stands in as an unfilled container)',
    { timeout: 60_000 },
    async () => {
      for (const file of dataFiles) {
        const actual = (await vi.importActual(file)) as Record<string, unknown>;
        const key = relative(ROOT, file);
        vi.doMock(file, () =>
          Object.fromEntries(
            Object.entries(actual).map(([name, value]) => [
              name,
              value !== null && typeof value === 'object'
                ? dataContainer(`${key}#${name}`, Array.isArray(value))
                : value,
            ]),
          ),
        );
      }
      // A module that derived anything from the data as it loaded throws "read before it was loaded".
      await expect(import('../../entrypoints/background/index')).resolves.toBeDefined();
    },
  );
});
