/**
 * What the worker's and the popup's bundles are made of: builds the production
 * extension with source maps into a scratch folder and attributes every byte of
 * each bundle to its source (a package of node_modules, or a folder of ours),
 * raw and gzipped (each part gzipped alone, so the gzip column sums to more than
 * the bundle's gzip).
 *
 * A page (`popup.html`) stands for every script it loads, the chunks it
 * imports dynamically included (as `npm run bench` counts it).
 *
 * The worker's data file (`worker-data.json`, read on its first event) is listed by module and export.
 *
 *   npx tsx scripts/bench/bundle-parts.ts [depth=2] [files, pages, or files joined by `+`…]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';
import { ROOT } from '../../test/e2e/harness';

const OUT = process.env.RG_PARTS_OUT ?? '.output-bundle-parts';
const depth = Number(process.argv[2] ?? 2);
const files = process.argv.slice(3).length
  ? process.argv.slice(3)
  : ['background.js', 'worker-data.json', 'popup.html'];

/** A source path as a part name: `zod`, `@wxt-dev/storage`, or the first `depth` folders of ours. */
function partOf(source: string): string {
  const path = source.replace(/^(\.\.\/)+/, '').replace(new RegExp(`^${ROOT.replace(/^\//, '')}/`), '');
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return inModules ? `npm:${inModules[1]}` : path.split('/').slice(0, depth).join('/');
}

/** The scripts a page loads: its own and every chunk they import, statically or on demand. */
function pageScripts(dir: string, html: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(join(dir, file))) return;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    for (const m of code.matchAll(/["'](?:\.{0,2}\/)?((?:chunks\/)?[\w.-]+\.js)["']/g))
      visit(m[1]!.startsWith('chunks/') ? m[1]! : `chunks/${m[1]}`);
  };
  for (const m of readFileSync(join(dir, html), 'utf8').matchAll(/src="\/?([^"]+\.js)"/g)) visit(m[1]!);
  return [...seen];
}

/** Each part's code, gathered over the files. */
function texts(file: string, into = new Map<string, string[]>()): Map<string, string[]> {
  const code = readFileSync(file, 'utf8');
  if (!existsSync(`${file}.map`)) {
    // A chunk the bundler writes without a map (its module runtime).
    (into.get('(no source map)') ?? into.set('(no source map)', []).get('(no source map)')!).push(code);
    return into;
  }
  const lines = code.split('\n');
  const consumer = new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
  const mappings: { line: number; column: number; source: string }[] = [];
  consumer.eachMapping((m) =>
    mappings.push({ line: m.generatedLine, column: m.generatedColumn, source: m.source ?? '(none)' }),
  );
  mappings.sort((a, b) => a.line - b.line || a.column - b.column);
  const text = into;
  mappings.forEach((m, i) => {
    const next = mappings[i + 1];
    const end = next && next.line === m.line ? next.column : undefined;
    const piece = lines[m.line - 1]!.slice(m.column, end);
    const key = partOf(m.source);
    (text.get(key) ?? text.set(key, []).get(key)!).push(piece);
  });
  return text;
}

function parts(files: string[]): [string, number, number][] {
  const text = new Map<string, string[]>();
  for (const file of files) texts(file, text);
  return [...text]
    .map(([key, pieces]): [string, number, number] => [
      key,
      pieces.join('').length,
      gzipSync(pieces.join(''), { level: 9 }).length,
    ])
    .sort((a, b) => b[2] - a[2]);
}

function dataParts(file: string): [string, number, number][] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return Object.entries(data)
    .map(([key, value]): [string, number, number] => {
      const text = JSON.stringify(value);
      return [key, text.length, gzipSync(text, { level: 9 }).length];
    })
    .sort((a, b) => b[2] - a[2]);
}

execFileSync('npx', ['wxt', 'build'], {
  cwd: ROOT,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, RG_OUT_DIR: OUT, RG_SOURCEMAP: '1' },
});
const dir = join(ROOT, OUT, 'chrome-mv3');
for (const name of files) {
  // A page, a file, or files joined by `+` (counted as one: e.g. what a page loads at open).
  const scripts = (name.endsWith('.html') ? pageScripts(dir, name) : name.split('+')).map((f) => join(dir, f));
  const bytes = scripts.map((f) => readFileSync(f));
  const raw = bytes.reduce((n, b) => n + b.length, 0);
  const gzip = bytes.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
  console.log(`\n${name}: ${raw} bytes, ${gzip} gzip (${scripts.length} file(s), each gzipped alone)`);
  // A data file (the worker's, build/worker-data.ts) is attributed by its keys: module and export.
  const rows = name.endsWith('.json') ? dataParts(scripts[0]!) : parts(scripts);
  for (const [key, raw, gzip] of rows.slice(0, Number(process.env.RG_PARTS_ROWS ?? 30)))
    console.log(`  ${String(gzip).padStart(7)} gz ${String(raw).padStart(8)} raw  ${key}`);
}
