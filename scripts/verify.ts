/**
 * Offline verification of an evidence bundle on any machine with Node:
 *   npm run verify -- bundle.zip [--lang zh-CN|en] [--json] [--fingerprint "<key fingerprint>"]
 * The same verifier the extension runs (lib/evidence/verify.ts). It reports
 * the fingerprint of the key that signed the bundle; with `--fingerprint` (the
 * one the exporting browser's settings show) a bundle signed by any other key
 * fails. Exit codes: 0 verified, 1 the bundle failed verification, 2 usage or
 * file error.
 */
import { readFile, stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { resolveLocale, translator, type Locale } from '../lib/i18n';
import { formatReport, verifyBundle } from '../lib/evidence';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env?: Record<string, string | undefined>;
}

/** Options that take a value: the value is the next argument. */
const VALUED = ['--lang', '--fingerprint'];
const optionValue = (args: string[], name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

function localeFrom(args: string[], env: Record<string, string | undefined>): Locale {
  const asked = optionValue(args, '--lang');
  if (asked === 'en' || asked === 'zh-CN') return asked;
  return resolveLocale(
    'auto',
    [env.LC_ALL, env.LC_MESSAGES, env.LANG]
      .filter((l): l is string => !!l && l !== 'C' && l !== 'POSIX')
      .map((l) => l.replace('_', '-')),
  );
}

export async function main(args: string[], io: CliIo): Promise<number> {
  const t = translator(localeFrom(args, io.env ?? {}));
  const files = args.filter((a, i) => !a.startsWith('--') && !VALUED.includes(args[i - 1] ?? ''));
  const fingerprint = optionValue(args, '--fingerprint');
  if (files.length !== 1 || args.includes('--help') || (args.includes('--fingerprint') && !fingerprint?.trim())) {
    io.err(`${t('verify.cli.usage')}\n`);
    return 2;
  }
  const path = files[0]!;
  let bytes: Uint8Array;
  try {
    if (!(await stat(path)).isFile()) {
      io.err(`${t('verify.cli.notFile', { path })}\n`);
      return 2;
    }
    bytes = new Uint8Array(await readFile(path));
  } catch {
    io.err(`${t('verify.cli.noFile', { path })}\n`);
    return 2;
  }
  const report = await verifyBundle(bytes, fingerprint ? { fingerprint } : {});
  io.out(args.includes('--json') ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, t));
  return report.ok ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  void main(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
