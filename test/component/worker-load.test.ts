// @vitest-environment node
import { relative, resolve, sep } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { workerDataModules } from '../../build/worker-data-modules';
import { libSources } from '../lib-sources';
import { dataContainer, resetWorkerDataForTests } from '../../lib/worker-data';

const ROOT = resolve(import.meta.dirname, '../..');

/** The source files the worker's build turns into data (build/worker-data-modules.ts). */
const dataFiles = libSources().filter((file) => workerDataModules.some((m) => m.test.test(file)));

afterEach(() => {
  vi.resetModules();
  resetWorkerDataForTests();
});

describe("the worker's script, as its build loads it", () => {
  it('knows which files are data (catalogs and sections, policy tables, holiday schedules, vendor words and catalog)', () => {
    const names = dataFiles.map((file) => relative(ROOT, file).split(sep).join('/'));
    expect(names).toEqual(
      expect.arrayContaining([
        'lib/i18n/zh-CN.ts',
        'lib/i18n/sections/engine.ts',
        'lib/policy/source-titles.ts',
        'lib/policy/shared-channels.ts',
        'lib/time/holiday-table.ts',
        'lib/vendors/letsvpn/words.ts',
        'lib/vendors/catalog.ts',
      ]),
    );
  });

  it(
    'reads none of its data file while it loads (each data module stands in as an unfilled container)',
    { timeout: 60_000 },
    async () => {
      // Every module's real exports first: one data module may build on another (zh-CN.ts on the sections).
      const actuals = new Map<string, Record<string, unknown>>();
      for (const file of dataFiles) actuals.set(file, (await vi.importActual(file)) as Record<string, unknown>);
      // Reading them loaded modules that use them (a vendor's policy uses sources.ts): forget those, so the
      // worker's import below evaluates every module again, over the containers.
      vi.resetModules();
      for (const [file, actual] of actuals) {
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
