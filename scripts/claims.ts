/**
 * Admin command line over the claims engine: `npm run claims -- <command>`.
 * Thin on purpose — argument handling and output live in lib/claims/cli.ts.
 */
import { readFileSync } from 'node:fs';
import { runClaimsCli } from '../lib/claims/cli';

const result = runClaimsCli(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  now: () => new Date().toISOString(),
});
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.code;
