import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const libFiles = sourceFiles(join(ROOT, 'lib'));

describe('lib/ is pure (DESIGN.md: no browser API in the domain)', () => {
  it('has source files to check', () => {
    expect(libFiles.length).toBeGreaterThan(5);
  });

  it.each(libFiles.map((f) => [relative(ROOT, f), f]))('%s imports no browser module and no outer layer', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    const imports = [...source.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2] ?? '');
    for (const spec of imports) {
      expect(spec).not.toMatch(/^(wxt|webextension-polyfill|@wxt-dev)/);
      expect(spec).not.toMatch(/(^|\/)(entrypoints|components|platform)(\/|$)/);
      expect(spec).not.toMatch(/^react/);
    }
  });

  it.each(libFiles.filter((f) => !f.endsWith('.test.ts')).map((f) => [relative(ROOT, f), f]))(
    '%s touches no browser global and reads no clock',
    (_name, file) => {
      // Code only: string literals (policy text in prose) and comments are not calls.
      const code = readFileSync(file, 'utf8')
        .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''")
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:])\/\/.*$/gm, '$1');
      expect(code).not.toMatch(/(?<![.\w$])(chrome|browser)\.(runtime|tabs|storage|alarms|scripting|i18n)\b/);
      expect(code).not.toMatch(/(?<![.\w$])(window|document|localStorage|indexedDB|navigator)\./);
      expect(code).not.toMatch(/\bDate\.now\(|new Date\(\)/);
    },
  );
});
