#!/usr/bin/env node
// The system packages `npm run demo` and `npm test` need beyond Node: Chromium (the e2e layer and
// the demo), CJK fonts (Chinese in screenshots) and Firefox ESR (the Firefox smoke layer, tests
// only). Run before anything else, with no npm dependency, so a Debian machine that has only Node
// is set up by the two commands in the README: as root it installs what is missing with apt (as
// `playwright install --with-deps` does); otherwise it prints the one command to run and stops.
//
//   node scripts/system-check.mjs [--for demo|test] [--dry-run]
//
// CHROME_PATH and FIREFOX_PATH name other browser binaries; --dry-run only prints the plan.
// To try the logic without touching the machine: --dry-run --pretend-missing chromium,fonts,firefox
// (treats those as absent) and --as-user (as if not root).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const DEFAULT_CHROME = '/usr/bin/chromium';
export const DEFAULT_FIREFOX = '/usr/bin/firefox-esr';

/** What each purpose needs, with its Debian package. */
export const NEEDS = {
  chromium: { pkg: 'chromium', what: 'Chromium', for: ['demo', 'test'] },
  fonts: { pkg: 'fonts-noto-cjk', what: 'CJK fonts (Noto Sans CJK)', for: ['demo', 'test'] },
  firefox: { pkg: 'firefox-esr', what: 'Firefox ESR', for: ['test'] },
};

/**
 * Decides what to do from what was found. Pure: every fact about the machine is an input.
 * `found` maps each need to whether it is present; `custom` lists needs whose binary the user
 * named by environment variable (installing the Debian package would not make that path exist).
 */
export function plan({ purpose, found, isRoot, hasApt, custom = [] }) {
  const wanted = Object.entries(NEEDS).filter(([, need]) => need.for.includes(purpose));
  const missing = wanted.filter(([key]) => !found[key]).map(([key]) => key);
  const misnamed = missing.filter((key) => custom.includes(key));
  const packages = missing.filter((key) => !custom.includes(key)).map((key) => NEEDS[key].pkg);
  const command = packages.length > 0 ? `apt-get install -y --no-install-recommends ${packages.join(' ')}` : null;
  let action = 'none';
  if (misnamed.length > 0) action = 'fix-env';
  else if (packages.length > 0) action = isRoot && hasApt ? 'install' : 'tell';
  return { missing, misnamed, packages, command, action };
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function hasCjkFont() {
  if (!onPath('fc-list')) return false;
  try {
    return /Noto Sans CJK|Noto Serif CJK/i.test(execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }));
  } catch {
    return false;
  }
}

/** Looks at this machine. */
export function survey(env = process.env) {
  const chrome = env.CHROME_PATH || DEFAULT_CHROME;
  const firefox = env.FIREFOX_PATH || DEFAULT_FIREFOX;
  return {
    paths: { chromium: chrome, firefox },
    found: { chromium: existsSync(chrome), fonts: hasCjkFont(), firefox: existsSync(firefox) },
    custom: [...(env.CHROME_PATH ? ['chromium'] : []), ...(env.FIREFOX_PATH ? ['firefox'] : [])],
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    hasApt: onPath('apt-get'),
  };
}

function run(cmd, args) {
  console.log(`[system-check] $ ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${result.status}`);
}

function main(argv) {
  const purposeAt = argv.indexOf('--for');
  const purpose = purposeAt >= 0 ? argv[purposeAt + 1] : 'test';
  if (!['demo', 'test'].includes(purpose)) {
    console.error(`[system-check] --for takes demo or test, not ${purpose}`);
    return 2;
  }
  const dryRun = argv.includes('--dry-run');
  const machine = survey();
  const pretendAt = argv.indexOf('--pretend-missing');
  for (const key of pretendAt >= 0 ? (argv[pretendAt + 1] ?? '').split(',') : []) {
    if (!(key in NEEDS)) {
      console.error(`[system-check] --pretend-missing takes ${Object.keys(NEEDS).join(',')}, not ${key}`);
      return 2;
    }
    machine.found[key] = false;
  }
  if (argv.includes('--as-user')) machine.isRoot = false;
  const decided = plan({ purpose, ...machine });
  const label = (key) => `${NEEDS[key].what}${key === 'fonts' ? '' : ` (${machine.paths[key]})`}`;
  const wanted = Object.keys(NEEDS).filter((key) => NEEDS[key].for.includes(purpose));
  for (const key of wanted) console.log(`[system-check] ${machine.found[key] ? 'ok     ' : 'missing'} ${label(key)}`);
  if (decided.action === 'none') return 0;
  if (decided.action === 'fix-env') {
    for (const key of decided.misnamed) {
      const variable = key === 'chromium' ? 'CHROME_PATH' : 'FIREFOX_PATH';
      console.error(
        `[system-check] ${variable}=${machine.paths[key]} does not exist: point it at a ${NEEDS[key].what} binary, or unset it to use Debian's ${NEEDS[key].pkg}.`,
      );
    }
    if (decided.command) console.error(`[system-check] Also missing; install with: sudo ${decided.command}`);
    return 1;
  }
  if (decided.action === 'tell' || dryRun) {
    const how = machine.isRoot
      ? `apt-get update && ${decided.command}`
      : `sudo apt-get update && sudo ${decided.command}`;
    if (dryRun) {
      console.log(
        `[system-check] dry run: would ${decided.action === 'install' ? 'run' : 'ask you to run'}: apt-get update && ${decided.command}`,
      );
      return 0;
    }
    console.error(
      machine.hasApt
        ? `[system-check] Run this once, then try again:\n  ${how}`
        : `[system-check] Install ${decided.packages.join(', ')} with your system's package manager (Debian names), then try again.`,
    );
    return 1;
  }
  console.log(`[system-check] installing ${decided.packages.join(' ')} with apt (running as root)`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...decided.packages]);
  const after = plan({ purpose, ...survey() });
  if (after.action !== 'none') {
    console.error(`[system-check] still missing after install: ${after.missing.map(label).join(', ')}`);
    return 1;
  }
  console.log('[system-check] all set');
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main(process.argv.slice(2));
