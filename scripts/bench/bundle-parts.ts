/**
 * What the worker's and the popup's bundles are made of: builds the production
 * extension with source maps into a scratch folder and attributes every byte of
 * each bundle to its source (a package of node_modules, or a folder of ours),
 * raw and gzipped (each part gzipped alone, so the gzip column sums to more than
 * the bundle's gzip).
 *
 *   npx tsx scripts/bench/bundle-parts.ts [depth=2] [files…]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';
import { ROOT } from '../../test/e2e/harness';

const OUT = '.output-bundle-parts';
const depth = Number(process.argv[2] ?? 2);
const files = process.argv.slice(3).length ? process.argv.slice(3) : ['background.js', 'popup-ui.js'];

/** A source path as a part name: `zod`, `@wxt-dev/storage`, or the first `depth` folders of ours. */
function partOf(source: string): string {
  const path = source.replace(/^(\.\.\/)+/, '').replace(new RegExp(`^${ROOT.replace(/^\//, '')}/`), '');
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return inModules ? `npm:${inModules[1]}` : path.split('/').slice(0, depth).join('/');
}

function parts(file: string): [string, number, number][] {
  const code = readFileSync(file, 'utf8');
  const lines = code.split('\n');
  const consumer = new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
  const mappings: { line: number; column: number; source: string }[] = [];
  consumer.eachMapping((m) =>
    mappings.push({ line: m.generatedLine, column: m.generatedColumn, source: m.source ?? '(none)' }),
  );
  mappings.sort((a, b) => a.line - b.line || a.column - b.column);
  const text = new Map<string, string[]>();
  mappings.forEach((m, i) => {
    const next = mappings[i + 1];
    const end = next && next.line === m.line ? next.column : undefined;
    const piece = lines[m.line - 1]!.slice(m.column, end);
    const key = partOf(m.source);
    (text.get(key) ?? text.set(key, []).get(key)!).push(piece);
  });
  return [...text]
    .map(([key, pieces]): [string, number, number] => [
      key,
      pieces.join('').length,
      gzipSync(pieces.join(''), { level: 9 }).length,
    ])
    .sort((a, b) => b[2] - a[2]);
}

execFileSync('npx', ['wxt', 'build'], {
  cwd: ROOT,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, RG_OUT_DIR: OUT, RG_SOURCEMAP: '1' },
});
for (const name of files) {
  const file = join(ROOT, OUT, 'chrome-mv3', name);
  const whole = readFileSync(file);
  console.log(`\n${name}: ${whole.length} bytes, ${gzipSync(whole, { level: 9 }).length} gzip`);
  for (const [key, raw, gzip] of parts(file).slice(0, 30))
    console.log(`  ${String(gzip).padStart(7)} gz ${String(raw).padStart(8)} raw  ${key}`);
}
