import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageMessageKeys } from '../../lib/i18n/page';
import { surfaceCatalog, surfaceHasKey, type Surface } from '../../lib/i18n/surfaces';
import { zhCN as ticketSection } from '../../lib/i18n/sections/tickets';
import { zhCN as engineSection } from '../../lib/i18n/sections/engine';
import { en } from '../../lib/i18n/en';
import { zhCN } from '../../lib/i18n/zh-CN';
import { SHIPPED_VENDORS } from '../../lib/vendors/types';

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

  it.each(libFiles.map((f) => [relative(ROOT, f), f]))(
    '%s imports no browser module and no outer layer',
    (_name, file) => {
      const source = readFileSync(file, 'utf8');
      const imports = [...source.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]/g)].map(
        (m) => m[1] ?? m[2] ?? '',
      );
      for (const spec of imports) {
        expect(spec).not.toMatch(/^(wxt|webextension-polyfill|@wxt-dev)/);
        expect(spec).not.toMatch(/(^|\/)(entrypoints|components|platform)(\/|$)/);
        expect(spec).not.toMatch(/^react/);
      }
    },
  );

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

describe('lib/ words text through catalog keys (issue 21: one way to translate)', () => {
  // The bilingual-data reader formats lists and money per language; everything else asks the catalog.
  const reader = join(ROOT, 'lib/policy/text.ts');
  const branch = /\blocale\s*===\s*['"](zh-CN|en)['"]\s*\?\s*['"`]/;

  it('the check sees an inline branch when there is one', () => {
    expect("const sep = locale === 'zh-CN' ? '；' : '; ';").toMatch(branch);
    expect(readFileSync(reader, 'utf8')).toMatch(branch);
  });

  it.each(libFiles.filter((f) => f !== reader && !f.endsWith('.test.ts')).map((f) => [relative(ROOT, f), f]))(
    '%s picks no text by an inline locale branch',
    (_name, file) => {
      expect(readFileSync(file, 'utf8')).not.toMatch(branch);
    },
  );

  // Bilingual data is written with zhEn only where data lives: vendor packs, the pack reader, the catalogs. The
  // engines' own words are catalog keys (lib/i18n/sections/engine.ts) read through engineText; the command line's are
  // its own section's (lib/i18n/sections/cli.ts) read through cliText.
  const dataHome = /^lib\/(vendors|policy|i18n)\//;
  const writesBilingual = (code: string) => /\bzhEn\(/.test(code.replace(/^\s*(\/\/|\*).*$/gm, ''));

  it('the check sees zhEn( in code, not in a comment', () => {
    expect(writesBilingual("const T = { a: zhEn('是', 'yes') };")).toBe(true);
    expect(writesBilingual("// written with zhEn('中', 'en')")).toBe(false);
  });

  it.each(
    libFiles
      .map((f) => relative(ROOT, f))
      .filter((f) => !dataHome.test(f) && !f.endsWith('.test.ts'))
      .map((f) => [f]),
  )('%s writes no bilingual text of its own (zhEn)', (file) => {
    expect(writesBilingual(readFileSync(join(ROOT, file), 'utf8'))).toBe(false);
  });
});

describe('platform/ holds browser adapters only (issue 21: layers)', () => {
  const platformFiles = sourceFiles(join(ROOT, 'platform')).filter((f) => !/\.test\.tsx?$/.test(f));

  it('has adapters to check', () => {
    expect(platformFiles.length).toBeGreaterThan(5);
  });

  it.each(platformFiles.map((f) => [relative(ROOT, f), f]))(
    '%s imports no component, feature or entrypoint',
    (_name, file) => {
      const source = readFileSync(file, 'utf8');
      const imports = [...source.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]/g)].map(
        (m) => m[1] ?? m[2] ?? '',
      );
      expect(imports.filter((spec) => /(^|\/)(components|features|entrypoints)(\/|$)/.test(spec))).toEqual([]);
    },
  );
});

describe("the worker's files only wire (issue 21: none over 150 lines)", () => {
  const workerFiles = sourceFiles(join(ROOT, 'entrypoints/background')).filter((f) => !/\.test\.tsx?$/.test(f));

  it('has files to check', () => {
    expect(workerFiles.length).toBeGreaterThan(5);
  });

  it.each(workerFiles.map((f) => [relative(ROOT, f), f]))('%s is at most 150 lines', (_name, file) => {
    expect(readFileSync(file, 'utf8').trimEnd().split('\n').length).toBeLessThanOrEqual(150);
  });
});

describe("zod is configured once (no eval probe under the extension's CSP)", () => {
  const shipped = ['lib', 'platform', 'entrypoints', 'components']
    .flatMap((dir) => sourceFiles(join(ROOT, dir)))
    .filter((f) => !/\.test\.tsx?$/.test(f));

  it('every shipped module takes z from lib/zod.ts, which turns the probe off', () => {
    const direct = shipped
      .filter((f) => /\bfrom\s+['"]zod(\/[^'"]*)?['"]/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(direct).toEqual(['lib/zod.ts']);
    expect(readFileSync(join(ROOT, 'lib/zod.ts'), 'utf8')).toMatch(/z\.config\(\{\s*jitless:\s*true\s*\}\)/);
  });
});

/**
 * Scripts that run inside web pages: the vendor pages' card, generic checkout
 * detection, and the capture script injected on request. Resolved by their
 * value imports (`import type` costs nothing at run time).
 */
const PAGE_ENTRIES = [
  'entrypoints/vendor-pages.content/index.ts',
  'entrypoints/generic-checkout.content/index.ts',
  'entrypoints/capture-tab.ts',
  'entrypoints/card-ui.ts',
];

function valueImports(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  return [
    ...code.matchAll(/^\s*(import|export)\s+(?!type\b)[^;]*?\bfrom\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm),
  ].map((m) => m[2] ?? m[3] ?? '');
}

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(from, '..', spec.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
  }
  return null;
}

/** Specifiers a module imports on demand (`import('./x')`). */
function dynamicImports(source: string): string[] {
  return [...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
}

/**
 * Every project file and package a page script loads, from its entry: as it starts (static imports),
 * or with `onDemand` also what it imports later (`import('./x')`), e.g. to know every word it may show.
 */
function pageScriptGraph(entry: string, onDemand = false): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    if (!/\.tsx?$/.test(file)) return;
    const source = readFileSync(file, 'utf8');
    for (const spec of [...valueImports(source), ...(onDemand ? dynamicImports(source) : [])]) {
      if (!spec.startsWith('.')) {
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
        continue;
      }
      const target = resolveImport(file, spec);
      if (target) visit(target);
    }
  };
  visit(join(ROOT, entry));
  return { files: [...files].map((f) => relative(ROOT, f)), packages: [...packages] };
}

describe('scripts inside web pages stay light (bench: main-thread time on vendor pages)', () => {
  it.each(PAGE_ENTRIES)('%s loads no validator, no policy engine and no holiday calendar', (entry) => {
    const { files, packages } = pageScriptGraph(entry);
    expect(files.length).toBeGreaterThan(3);
    expect(packages).not.toContain('zod');
    expect(packages).not.toContain('dayjs');
    expect(files.filter((f) => /^lib\/(policy|time|claims|sla|outages)\//.test(f) || f === 'lib/messages.ts')).toEqual(
      [],
    );
  });
});

const catalog = new Set<string>([...Object.keys(zhCN), ...Object.keys(en)]);
/**
 * Modules that show their words through a section's own translator (the card's, lib/i18n/page.ts;
 * the ticket drafts', lib/i18n/tickets.ts) and the keys that translator holds: what they name is
 * checked against those, wherever they run, and not against the surface's catalog.
 */
const OWN_TRANSLATORS = [
  { imports: /from '\.\.\/i18n\/page'/, keys: new Set<string>(pageMessageKeys()) },
  { imports: /from '\.\.\/i18n\/tickets'/, keys: new Set<string>(Object.keys(ticketSection)) },
  { imports: /from '\.\.\/i18n\/engine'/, keys: new Set<string>(Object.keys(engineSection)) },
];
const ownTranslatorOf = (source: string) => OWN_TRANSLATORS.find((own) => own.imports.test(source));

/**
 * The catalog keys a script's sources name, written out ('card.saved') or built from a prefix
 * (`vendor.${…}`, in a call to t or a key map); `which` picks the sources by their text.
 */
const keysOf = (entry: string, which: (source: string) => boolean = () => true) => {
  // What a surface loads on demand shows its words from the same catalog.
  const { files } = pageScriptGraph(entry, true);
  // The catalogs themselves name every key they hold: what the script shows is named by the rest.
  const sources = files
    .filter((f) => /\.tsx?$/.test(f) && !f.startsWith('lib/i18n/'))
    .map((f) => readFileSync(join(ROOT, f), 'utf8'))
    .filter(which);
  const quoted = [...catalog].filter((key) => sources.some((s) => s.includes(`'${key}'`) || s.includes(`"${key}"`)));
  const prefixes = sources.flatMap((s) => [...s.matchAll(/`([\w.-]+\.)\$\{/g)].map((m) => m[1]!));
  const built = [...catalog].filter((key) => prefixes.some((prefix) => key.startsWith(prefix)));
  return { quoted, prefixes, built };
};

/** The keys a surface's sources name that neither its catalog cut nor the translator they use holds. */
const uncovered = (entry: string, surface: Surface) => {
  const own = keysOf(entry, (source) => !ownTranslatorOf(source));
  const missing = [...own.quoted, ...own.built].filter((key) => !surfaceHasKey(surface, key));
  for (const translator of OWN_TRANSLATORS) {
    const named = keysOf(entry, (source) => ownTranslatorOf(source) === translator);
    missing.push(...[...named.quoted, ...named.built].filter((key) => !translator.keys.has(key)));
  }
  return missing;
};

describe("content scripts carry the card's messages only (bench: script size on vendor pages)", () => {
  // The content scripts, and the card's code they load on demand (run by the worker in the page).
  const CONTENT_ENTRIES = PAGE_ENTRIES.filter((e) => e.includes('.content/') || e === 'entrypoints/card-ui.ts');
  const page = new Set<string>(pageMessageKeys());

  // The card's sections: its own words and the routes' timeline it draws (lib/i18n/page.ts).
  it.each(CONTENT_ENTRIES)('%s loads no catalog but the card section', (entry) => {
    const { files } = pageScriptGraph(entry);
    expect(files.filter((f) => f.startsWith('lib/i18n/'))).not.toContain('lib/i18n/index.ts');
    expect(
      files.filter(
        (f) =>
          /^lib\/i18n\/(zh-CN|en)\.ts$|^lib\/i18n\/sections\/(?!(card|timeline)\.ts)/.test(f) ||
          f === 'components/i18n.tsx',
      ),
    ).toEqual([]);
  });

  it.each(CONTENT_ENTRIES)('every message %s can show is in the card section', (entry) => {
    const { quoted, built } = keysOf(entry);
    expect([...quoted, ...built].filter((key) => !page.has(key))).toEqual([]);
  });

  it("the check above reads the opened card's words (the pill's come from the worker)", () => {
    const { quoted, prefixes } = keysOf('entrypoints/card-ui.ts');
    expect(quoted.length).toBeGreaterThan(20);
    expect(prefixes.length).toBeGreaterThan(0);
  });
});

describe('the worker carries the messages it shows only (bench: bundle.worker)', () => {
  const { quoted, prefixes } = keysOf('entrypoints/background/index.ts');

  it('reads the keys of notifications, menus, tickets and verification reports', () => {
    expect(quoted.length).toBeGreaterThan(50);
    expect(prefixes).toEqual(expect.arrayContaining(['ticket.reason.', 'verify.problem.', 'reminders.kind.']));
  });

  it("every message the worker's sources name is in its build's catalog (lib/i18n/surfaces.ts) or their own translator's", () => {
    expect(uncovered('entrypoints/background/index.ts', 'worker')).toEqual([]);
  });

  it('its catalog leaves out the popup, checker, locker and options words', () => {
    const kept = Object.keys(surfaceCatalog(zhCN, 'worker'));
    expect(kept.length).toBeLessThan(Object.keys(zhCN).length / 2);
    expect(kept.filter((key) => /^(checker|options|locker|popup|settings)\./.test(key))).toEqual([]);
  });
});

describe("the command line's words stay with the command line (issue 21: bundle.worker, bundle.popup)", () => {
  const cliWords = (f: string) =>
    f === 'lib/claims/cli.ts' || f === 'lib/i18n/cli.ts' || f === 'lib/i18n/sections/cli.ts';

  it('the command line reads them from their own section', () => {
    expect(pageScriptGraph('scripts/claims.ts').files.filter(cliWords).sort()).toEqual([
      'lib/claims/cli.ts',
      'lib/i18n/cli.ts',
      'lib/i18n/sections/cli.ts',
    ]);
  });

  it.each(['entrypoints/background/index.ts', 'entrypoints/popup/app.tsx', 'entrypoints/sla/main.tsx'])(
    '%s loads neither the command line nor its words',
    (entry) => {
      const { files } = pageScriptGraph(entry, true);
      expect(files.length).toBeGreaterThan(10);
      expect(files.filter(cliWords)).toEqual([]);
    },
  );

  it("the extension's catalog holds none of them", () => {
    expect([...catalog].filter((key) => key.startsWith('cli.'))).toEqual([]);
  });
});

describe('the popup carries its own words only (bench: bundle.popup)', () => {
  it("every message the popup's sources name is in its catalog cut (lib/i18n/surfaces.ts) or their own translator's", () => {
    const { quoted, prefixes } = keysOf('entrypoints/popup/app.tsx');
    expect(quoted.length).toBeGreaterThan(150);
    expect(prefixes).toEqual(expect.arrayContaining(['checker.step.', 'timeline.status.', 'ticket.reason.']));
    expect(uncovered('entrypoints/popup/app.tsx', 'popup')).toEqual([]);
  });

  it('imports no whole catalog: its words come from lib/i18n/popup-catalogs.ts, which the build cuts', () => {
    const { files } = pageScriptGraph('entrypoints/popup/app.tsx');
    expect(files).toContain('lib/i18n/popup-catalogs.ts');
    expect(files.filter((f) => f === 'lib/i18n/index.ts' || f === 'components/i18n.tsx')).toEqual([]);
    const kept = Object.keys(surfaceCatalog(zhCN, 'popup'));
    expect(
      kept.filter((key) => /^(locker|options|settings\.(?!nav\.sla$)|verify|bundle|reminders|sla)\./.test(key)),
    ).toEqual([]);
  });
});

describe('the popup asks the worker before it sets up its interface (bench: popup first verdict)', () => {
  it('its script loads no UI framework, no validator and no message schemas before it asks; the interface comes after', () => {
    // main.tsx's static imports are what runs before `tab.order` is asked; the interface is imported after.
    const { files, packages } = pageScriptGraph('entrypoints/popup/main.tsx');
    expect(files).toContain('entrypoints/popup/start.ts');
    expect(
      files.filter(
        (f) => /\.tsx?$/.test(f) && f.startsWith('entrypoints/popup/') && !/\/(main\.tsx|start\.ts)$/.test(f),
      ),
    ).toEqual([]);
    expect(packages.filter((p) => ['react', 'react-dom', 'preact', 'zod', 'dayjs'].includes(p))).toEqual([]);
    // It reads the stored settings too; of the i18n modules only the catalog-free core (the locale names).
    expect(files).toContain('platform/page-settings.ts');
    expect(
      files.filter(
        (f) =>
          f === 'lib/messages.ts' ||
          /^components\/.*\.tsx?$/.test(f) ||
          /^lib\/(policy|time|claims)\//.test(f) ||
          (/^lib\/i18n\//.test(f) && f !== 'lib/i18n/core.ts'),
      ),
    ).toEqual([]);
    // The interface is loaded by a dynamic import once the question is asked.
    const main = readFileSync(join(ROOT, 'entrypoints/popup/main.tsx'), 'utf8');
    expect(main.indexOf('startPopup(')).toBeGreaterThan(0);
    expect(main.indexOf('startPopup(')).toBeLessThan(main.indexOf("import('./app')"));
  });

  it("its first view (the tab, its lead, the worker's verdict) loads no engine, no vendor pack, no validator and no checker", () => {
    // The first view draws the words the worker sent with `tab.order`; the checker, the policy engine,
    // the packs and the schemas load with `import()` once it is up (entrypoints/popup/checker.tsx).
    const { files, packages } = pageScriptGraph('entrypoints/popup/app.tsx');
    expect(files).toContain('components/checker/FirstVerdict.tsx');
    expect(packages.filter((p) => ['zod', 'dayjs'].includes(p))).toEqual([]);
    expect(
      files.filter(
        (f) =>
          /^lib\/(policy|claims|time|tickets|sla|pictures)\//.test(f) ||
          /^lib\/vendors\/[^/]+\/(index|policy|sla|ticket|flags)\.ts$/.test(f) ||
          /^components\/checker\/(Checker|SourcePicker|VerdictView|Questions|FactsForm)\.tsx$/.test(f) ||
          [
            'lib/index.ts',
            'lib/messages.ts',
            'lib/settings.ts',
            'platform/settings.ts',
            'lib/card/schema.ts',
            'lib/evidence/schema.ts',
            'lib/evidence/query.ts',
            'lib/evidence/tab-verdict.ts',
          ].includes(f),
      ),
    ).toEqual([]);
    // …and they are what it loads next.
    const later = pageScriptGraph('entrypoints/popup/app.tsx', true).files;
    expect(later).toEqual(expect.arrayContaining(['components/checker/Checker.tsx', 'platform/settings.ts']));
  });
});

describe('the popup loads its second views on demand (bench: bundle.popup at open, bundle.popupOnDemand)', () => {
  it('its interface loads the ticket editor, its templates and the form filler only when a ticket is next', () => {
    const { files } = pageScriptGraph('entrypoints/popup/checker.tsx');
    expect(files).toContain('components/checker/Checker.tsx');
    expect(files).toContain('components/checker/ticketEditorLoader.ts');
    expect(files.filter((f) => f === 'components/checker/TicketEditor.tsx' || /^lib\/tickets\//.test(f))).toEqual([]);
    // …and the loader does import it, on demand.
    expect(readFileSync(join(ROOT, 'components/checker/ticketEditorLoader.ts'), 'utf8')).toContain(
      "import('./TicketEditor')",
    );
  });
});

describe('the card, reminders, detection and the catalogs know no vendor (issue 18 §4): what differs by vendor is in its folder', () => {
  const surfaces = [
    ...sourceFiles(join(ROOT, 'lib/card')),
    ...sourceFiles(join(ROOT, 'lib/reminders')),
    ...sourceFiles(join(ROOT, 'lib/i18n')),
    join(ROOT, 'lib/detect.ts'),
  ].filter((f) => !/\.test\.ts$/.test(f));
  const seedFile = /\d{3}_[0-9a-f]{16}\.txt/;

  it('scans the card, the reminders, detection and every catalog section', () => {
    const names = surfaces.map((f) => relative(ROOT, f));
    expect(names).toEqual(
      expect.arrayContaining([
        'lib/detect.ts',
        'lib/i18n/sections/card.ts',
        'lib/i18n/sections/checker.ts',
        'lib/reminders/index.ts',
        'lib/card/model.ts',
      ]),
    );
  });

  it.each(surfaces.map((f) => [relative(ROOT, f), f]))(
    '%s names no shipped vendor and cites no clause',
    (_name, file) => {
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:])\/\/.*$/gm, '$1');
      // Every string in the code (quoted, template, or an object key like 'vendor.letsvpn').
      const literals = [...code.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)].map(
        (m) => m[1] ?? m[2] ?? m[3] ?? '',
      );
      const naming = (l: string) => SHIPPED_VENDORS.some((id) => new RegExp(`(^|[^\\w-])${id}($|[^\\w-])`).test(l));
      expect(literals.filter(naming)).toEqual([]);
      expect(literals.filter((l) => seedFile.test(l) || l.includes('FACTS.md'))).toEqual([]);
    },
  );

  it('the catalogs hold no vendor name or summary: those are in each vendor folder', () => {
    const keys = [...Object.keys(zhCN), ...Object.keys(en)];
    expect(keys.filter((k) => SHIPPED_VENDORS.some((id) => k.includes(id)))).toEqual([]);
  });
});

describe('a vendor is one unit (issue 18 §4): its folder, one line in the catalog, one in the page registry', () => {
  const vendorFolder = /^lib\/vendors\/[^/]+\//;
  const engines = libFiles.filter(
    (f) => !/\.test\.ts$/.test(f) && !relative(ROOT, f).startsWith('lib/vendors/') && !/lib\/index\.ts$/.test(f),
  );

  it.each(engines.map((f) => [relative(ROOT, f), f]))(
    '%s imports no vendor folder (only lib/vendors/catalog, registry, types)',
    (_name, file) => {
      const code = readFileSync(file, 'utf8');
      const imports = [...code.matchAll(/from '([^']+)'/g)].map((m) => m[1]!).filter((spec) => spec.startsWith('.'));
      const reached = imports.map((spec) => relative(ROOT, resolve(file, '..', spec)));
      expect(reached.filter((target) => vendorFolder.test(target))).toEqual([]);
    },
  );

  it('the catalog holds the definition of each registered vendor, with the very pages the registry lists', async () => {
    const { VENDORS, FALLBACK_VENDOR } = await import('../../lib/vendors/catalog');
    const { vendorPages, FALLBACK_VENDOR_ID } = await import('../../lib/vendors/registry');
    expect(VENDORS.map((v) => v.id)).toEqual([...SHIPPED_VENDORS]);
    expect(vendorPages.map((p) => p.vendor)).toEqual([...SHIPPED_VENDORS]);
    VENDORS.forEach((v, i) => expect(v.pages).toBe(vendorPages[i]));
    expect(FALLBACK_VENDOR.id).toBe(FALLBACK_VENDOR_ID);
  });

  it('no vendor id is listed by hand outside lib/vendors (ids come from the registry)', () => {
    const outside = ['lib', 'components', 'entrypoints', 'platform']
      .flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .filter(
        (f) =>
          !/\.test\.tsx?$/.test(f) && !relative(ROOT, f).startsWith('lib/vendors/') && !/\/testing(\/|\.ts)/.test(f),
      );
    const quoted = outside.flatMap((f) => {
      const code = readFileSync(f, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:])\/\/.*$/gm, '$1');
      return SHIPPED_VENDORS.filter((id) => code.includes(`'${id}'`) || code.includes(`"${id}"`)).map(
        (id) => `${relative(ROOT, f)}: ${id}`,
      );
    });
    // The CLI's help shows an example facts file, which names a vendor as a user would.
    expect(quoted).toEqual(['lib/claims/cli.ts: tencent-cloud']);
  });

  it('every vendor folder is listed, and holds its definition and its pages', () => {
    const folders = readdirSync(join(ROOT, 'lib/vendors')).filter((name) =>
      statSync(join(ROOT, 'lib/vendors', name)).isDirectory(),
    );
    expect(folders.sort()).toEqual([...SHIPPED_VENDORS].sort());
    for (const folder of folders) {
      expect(readdirSync(join(ROOT, 'lib/vendors', folder))).toEqual(expect.arrayContaining(['index.ts', 'pages.ts']));
    }
  });
});

describe('the UI reaches the message protocol through one module (issue 21)', () => {
  const components = sourceFiles(join(ROOT, 'components')).filter(
    (f) => !f.endsWith(join('components', 'protocol.ts')),
  );

  it('no component imports lib/messages, lib/wire or platform messaging except components/protocol.ts', () => {
    const direct = components.filter((file) => {
      const code = readFileSync(file, 'utf8');
      return /from\s+['"](?:\.\.\/)+(?:lib\/messages|lib\/wire|platform\/(?:page-)?messaging)(?:\/[\w-]+)?['"]/.test(
        code,
      );
    });
    expect(components.length).toBeGreaterThan(20);
    expect(direct.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
