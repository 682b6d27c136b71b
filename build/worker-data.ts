import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import type { Plugin } from 'vite';

/** The file beside the worker's script (read by platform/worker-data.ts, which names it too). */
export const WORKER_DATA_FILE = 'worker-data.json';

/**
 * A module whose exports the worker reads from the data file instead of its script. By default its
 * exports are read by running the module in Node; `values` may give them instead (e.g. with the
 * parts that cannot be JSON left out), and then `prelude` and `revive` put them back at load:
 * `revive[name]` is an expression for a function from the file's value to the export's value.
 * `code[name]` gives an export as an expression instead of data (one derived from the others).
 */
export interface DataModule {
  test: RegExp;
  values?: (id: string) => Promise<Record<string, unknown>> | Record<string, unknown>;
  prelude?: string;
  revive?: Record<string, string>;
  code?: Record<string, string>;
}

/**
 * Where `value` would not come back the same from JSON: functions, regular expressions, dates,
 * maps, class instances, non-finite numbers, holes. An object's undefined property is fine (it reads
 * the same when absent).
 */
export function jsonProblems(value: unknown, path: string): string[] {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return [];
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path}: ${value}`];
  if (Array.isArray(value))
    return value.flatMap((item, i) =>
      item === undefined ? [`${path}[${i}]: undefined`] : jsonProblems(item, `${path}[${i}]`),
    );
  if (typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value)))
    return Object.entries(value).flatMap(([key, item]) =>
      item === undefined ? [] : jsonProblems(item, `${path}.${key}`),
    );
  return [`${path}: ${typeof value === 'object' ? Object.prototype.toString.call(value) : typeof value}`];
}

/** A module's exports, evaluated in Node (TypeScript through tsx). */
export async function moduleExports(id: string): Promise<Record<string, unknown>> {
  return { ...((await tsImport(pathToFileURL(id).href, import.meta.url)) as Record<string, unknown>) };
}

/**
 * The source that replaces a data module in the worker's build: one container per object export
 * (lib/worker-data.ts), primitives inline. Throws on an export JSON cannot carry.
 */
export function stubSource(
  key: string,
  values: Record<string, unknown>,
  module: Pick<DataModule, 'prelude' | 'revive' | 'code'>,
  containerModule: string,
): { source: string; data: Record<string, unknown> } {
  const lines = [`import { dataContainer } from ${JSON.stringify(containerModule)};`, module.prelude ?? ''];
  const data: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (name === 'default') throw new Error(`${key}: a data module has named exports only`);
    const code = module.code?.[name];
    if (code) {
      lines.push(`export const ${name} = ${code};`);
      continue;
    }
    if (value === null || typeof value !== 'object') {
      const problems = jsonProblems(value, `${key}#${name}`);
      if (problems.length || value === undefined) throw new Error(`not JSON: ${problems.join(', ') || name}`);
      lines.push(`export const ${name} = ${JSON.stringify(value)};`);
      continue;
    }
    const problems = jsonProblems(value, `${key}#${name}`);
    if (problems.length) throw new Error(`not JSON, so not worker data: ${problems.slice(0, 5).join(', ')}`);
    data[`${key}#${name}`] = value;
    const revive = module.revive?.[name];
    lines.push(
      `export const ${name} = /* @__PURE__ */ dataContainer(${JSON.stringify(`${key}#${name}`)}, ${Array.isArray(value)}${revive ? `, ${revive}` : ''});`,
    );
  }
  return { source: lines.join('\n'), data };
}

/**
 * The worker's build: the listed modules become containers and their data goes to
 * WORKER_DATA_FILE, holding only the values the bundled script still names.
 */
export function workerData(root: string, modules: DataModule[]): Plugin {
  const collected = new Map<string, unknown>();
  const containerModule = resolve(root, 'lib/worker-data.ts');
  return {
    name: 'refund-guard:worker-data',
    enforce: 'pre',
    async load(id) {
      const module = modules.find((m) => m.test.test(id));
      if (!module) return null;
      const key = relative(root, id).split(sep).join('/');
      const values = module.values ? await module.values(id) : await moduleExports(id);
      try {
        const { source, data } = stubSource(key, values, module, containerModule);
        for (const [name, value] of Object.entries(data)) collected.set(name, value);
        return source;
      } catch (error) {
        this.error(`${key}: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    generateBundle(_options, bundle) {
      const code = Object.values(bundle)
        .map((file) => (file.type === 'chunk' ? file.code : ''))
        .join('\n');
      const kept = [...collected].filter(([key]) => code.includes(key));
      this.emitFile({ type: 'asset', fileName: WORKER_DATA_FILE, source: JSON.stringify(Object.fromEntries(kept)) });
    },
  };
}
