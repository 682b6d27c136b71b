import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { jsonProblems, moduleExports, stubSource } from '../../build/worker-data';
import { workerDataModules } from '../../build/worker-data-modules';
import { fillWorkerData, resetWorkerDataForTests } from '../../lib/worker-data';
import { libSources } from '../lib-sources';

const ROOT = resolve(import.meta.dirname, '../..');
const CONTAINERS = resolve(ROOT, 'lib/worker-data.ts');
const scratch = mkdtempSync(join(tmpdir(), 'rg-worker-data-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
beforeEach(() => resetWorkerDataForTests());

describe('what JSON can carry', () => {
  it('names every value that would not come back the same', () => {
    const value = {
      text: 'ok',
      n: 3,
      list: [1, null, undefined],
      nested: { when: new Date(0), rule: /x/, fn: () => 1, map: new Map(), big: Number.POSITIVE_INFINITY },
      absent: undefined,
    };
    expect(jsonProblems(value, 'm#x')).toEqual([
      'm#x.list[2]: undefined',
      'm#x.nested.when: [object Date]',
      'm#x.nested.rule: [object RegExp]',
      'm#x.nested.fn: function',
      'm#x.nested.map: [object Map]',
      'm#x.nested.big: Infinity',
    ]);
    expect(jsonProblems({ a: [{ b: 'c' }], d: true, e: null }, 'm#y')).toEqual([]);
  });

  it('refuses a module with an export JSON cannot carry, naming it', () => {
    expect(() => stubSource('lib/i18n/sections/x.ts', { zhCN: { a: 'b' }, pick: () => 1 }, {}, CONTAINERS)).toThrow(
      /pick/,
    );
    expect(() => stubSource('lib/i18n/sections/x.ts', { zhCN: { a: /b/ } }, {}, CONTAINERS)).toThrow(
      /x\.ts#zhCN\.a: \[object RegExp\]/,
    );
  });

  it('keeps primitives in the script and objects in the file', () => {
    const { source, data } = stubSource('m.ts', { LIMIT: 3, words: { a: 'b' }, list: ['x'] }, {}, CONTAINERS);
    expect(source).toContain('export const LIMIT = 3;');
    expect(source).toContain('dataContainer("m.ts#words", false)');
    expect(source).toContain('dataContainer("m.ts#list", true)');
    expect(data).toEqual({ 'm.ts#words': { a: 'b' }, 'm.ts#list': ['x'] });
  });

  it('writes an export given as code as that code, not as data', () => {
    const { source, data } = stubSource(
      'm.ts',
      { list: [{ id: 'a' }], first: { id: 'a' } },
      { code: { first: 'lazyRecord(() => list[0])' } },
      CONTAINERS,
    );
    expect(source).toContain('export const first = lazyRecord(() => list[0]);');
    expect(Object.keys(data)).toEqual(['m.ts#list']);
  });
});

/** The source files the worker's data modules match, anywhere in lib/. */
function dataModuleFiles(): string[] {
  return libSources().filter((file) => workerDataModules.some((m) => m.test.test(file)));
}

describe("the worker's data modules", () => {
  const files = dataModuleFiles();

  it("cover every catalog section, the engine's too, the vendors, their words, the policy tables and the holidays", () => {
    const sections = readdirSync(join(ROOT, 'lib/i18n/sections'));
    const vendors = readdirSync(join(ROOT, 'lib/vendors'), { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(files.map((f) => relative(ROOT, f)).sort()).toEqual(
      [
        ...sections.map((f) => `lib/i18n/sections/${f}`),
        ...vendors.map((v) => `lib/vendors/${v.name}/words.ts`),
        'lib/evidence/bundle-style.ts',
        'lib/i18n/en.ts',
        'lib/i18n/zh-CN.ts',
        'lib/policy/shared-channels.ts',
        'lib/policy/source-titles.ts',
        'lib/time/holiday-table.ts',
        'lib/vendors/catalog.ts',
      ].sort(),
    );
  });

  it.each(files.map((f) => [relative(ROOT, f), f]))(
    '%s comes back from the data file as the module gives it',
    async (key, file) => {
      const module = workerDataModules.find((m) => m.test.test(file))!;
      const values = module.values ? await module.values(file) : await moduleExports(file);
      const { source, data } = stubSource(key, values, module, CONTAINERS);
      const stub = join(scratch, `${key.replace(/\W/g, '_')}.ts`);
      writeFileSync(stub, source);
      const loaded = (await import(stub)) as Record<string, unknown>;
      fillWorkerData(JSON.parse(JSON.stringify(data)) as Record<string, unknown>);
      const original = (await import(file)) as Record<string, unknown>;
      for (const name of Object.keys(values)) {
        // The catalogs ship cut to the worker's keys; everything else as the module has it.
        const expected = module.values && !/catalog\.ts$/.test(file) ? values[name] : original[name];
        expect(JSON.parse(JSON.stringify(loaded[name]))).toEqual(JSON.parse(JSON.stringify(expected)));
      }
      // The vendors' page rules (regular expressions) are the script's own objects, put back.
      if (/catalog\.ts$/.test(file)) {
        const pages = (list: unknown) => (list as { pages: unknown }[]).map((v) => v.pages);
        expect(pages(loaded.VENDORS)).toEqual(pages(original.VENDORS));
        expect((loaded.FALLBACK_VENDOR as { pages: unknown }).pages).toBe(
          (original.FALLBACK_VENDOR as { pages: unknown }).pages,
        );
      }
    },
  );
});
