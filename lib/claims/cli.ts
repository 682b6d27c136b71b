import type { Locale } from '../i18n';
import { computeSla, SlaInputError, type SlaInput } from '../sla/compute';
import { CalendarOverrideError, createCalendar, type YearOverride } from '../time/calendar';
import { PolicyPackError, validatePack } from '../policy/schema';
import { UnknownVendorError } from '../policy/registry';
import { draftTicket } from '../tickets/draft';
import { ClaimInputError, evaluateClaim } from './eligibility';
import type { ClaimSnapshot } from './evidence';

/**
 * The admin command line (`npm run claims -- <command>`), kept here as a pure
 * function so it is tested like the rest of lib/: the script only supplies
 * file reading and the clock.
 */
export interface CliIo {
  readFile(path: string): string;
  /** The current time, ISO — used only when --now is not given. */
  now(): string;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const CLI_USAGE = `Usage: npm run claims -- <command> [options]

Commands:
  sla    --service exmail|cvm --month YYYY-MM --outages <file.csv|file.json>
         [--fee <monthly fee> | --prepaid <amount>/<months>] [--vouchers <amount paid with vouchers>]
         [--service-start <ISO>] [--service-end <ISO>] [--commitment <id>]
         Outage CSV: a header row "start,end[,excluded][,note]", one outage per row.
         Outage JSON: an array of { start, end, excluded?, note? } (or { "outages": [...] }).
  check  <facts.json> [--now <ISO>]                      → the verdict
  ticket <facts.json> [--now <ISO>] [--target vendor|12315|heimao] [--snapshots <file.json>]
                                                         → the ticket draft
  pack   <pack.json>                                     → validates a user-defined policy pack

Common options:
  --locale zh-CN|en             language of the output texts (default zh-CN)
  --holidays <overrides.json>   per-year holiday schedules: [{ "year", "holidays": [...], "workdays": [...] }]
  --packs <packs.json>          user-defined policy packs (an array) for check/ticket
Dates are Asia/Shanghai; times without an offset are read as Shanghai time.`;

class UsageError extends Error {}

interface Parsed {
  command: string | undefined;
  positional: string[];
  options: Map<string, string>;
}

const VALUE_OPTIONS = new Set([
  'service', 'month', 'outages', 'fee', 'prepaid', 'vouchers', 'service-start', 'service-end', 'commitment',
  'now', 'locale', 'holidays', 'packs', 'target', 'snapshots',
]);

function parseArgs(argv: readonly string[]): Parsed {
  const [command, ...rest] = argv;
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (!VALUE_OPTIONS.has(name)) throw new UsageError(`unknown option --${name}`);
    const value = eq === -1 ? rest[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '' || (eq === -1 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
    options.set(name, value);
  }
  return { command, positional, options };
}

function readJson(io: CliIo, path: string, what: string): unknown {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (e) {
    throw new UsageError(`cannot read ${what} file "${path}": ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${what} file "${path}" is not valid JSON: ${(e as Error).message}`);
  }
}

/** Splits one CSV line; double quotes may wrap a field ("" is a literal quote). */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field.trim());
      field = '';
    } else field += ch;
  }
  out.push(field.trim());
  return out;
}

/** Outage log CSV → outages. The header names the columns; start and end are required. */
export function parseOutageCsv(text: string): SlaInput['outages'] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const header = lines.shift();
  if (!header) throw new UsageError('the outage CSV is empty: expected a header row "start,end[,excluded][,note]"');
  const columns = splitCsvLine(header).map((c) => c.toLowerCase());
  const allowed = ['start', 'end', 'excluded', 'note'];
  const unknown = columns.filter((c) => !allowed.includes(c));
  if (unknown.length) throw new UsageError(`the outage CSV has unknown columns: ${unknown.join(', ')} (allowed: ${allowed.join(', ')})`);
  if (!columns.includes('start') || !columns.includes('end')) throw new UsageError('the outage CSV header must name the columns "start" and "end"');
  return lines.map((line, i) => {
    const cells = splitCsvLine(line);
    if (cells.length > columns.length) throw new UsageError(`outage CSV row ${i + 2}: ${cells.length} fields, but the header has ${columns.length}`);
    const row: Record<string, string> = {};
    columns.forEach((c, j) => {
      const v = cells[j];
      if (v) row[c] = v;
    });
    return { start: row.start ?? '', end: row.end ?? '', ...(row.excluded ? { excluded: row.excluded } : {}), ...(row.note ? { note: row.note } : {}) };
  });
}

function number(options: Map<string, string>, name: string): number | undefined {
  const raw = options.get(name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${name} must be a number ≥ 0, got "${raw}"`);
  return n;
}

function locale(options: Map<string, string>): Locale {
  const value = options.get('locale') ?? 'zh-CN';
  if (value !== 'zh-CN' && value !== 'en') throw new UsageError(`--locale must be zh-CN or en, got "${value}"`);
  return value;
}

function overrides(io: CliIo, options: Map<string, string>): YearOverride[] | undefined {
  const path = options.get('holidays');
  return path === undefined ? undefined : (readJson(io, path, 'holiday overrides') as YearOverride[]);
}

function slaCommand(p: Parsed, io: CliIo): unknown {
  const { options } = p;
  for (const required of ['service', 'month', 'outages']) if (!options.has(required)) throw new UsageError(`sla needs --${required}`);
  const outagePath = options.get('outages')!;
  let outages: SlaInput['outages'];
  if (/\.csv$/i.test(outagePath)) {
    let text: string;
    try {
      text = io.readFile(outagePath);
    } catch (e) {
      throw new UsageError(`cannot read outage file "${outagePath}": ${(e as Error).message}`);
    }
    outages = parseOutageCsv(text);
  } else {
    const json = readJson(io, outagePath, 'outage');
    const list = Array.isArray(json) ? json : (json as { outages?: unknown })?.outages;
    if (!Array.isArray(list)) throw new UsageError(`outage file "${outagePath}" must hold an array of outages (or { "outages": [...] })`);
    outages = list as SlaInput['outages'];
  }
  const input: SlaInput = { service: options.get('service')!, month: options.get('month')!, outages };
  const fee = number(options, 'fee');
  if (fee !== undefined) input.monthlyFee = fee;
  const prepaid = options.get('prepaid');
  if (prepaid !== undefined) {
    const m = /^(\d+(?:\.\d+)?)\/(\d+)$/.exec(prepaid);
    if (!m) throw new UsageError(`--prepaid must look like <amount>/<months>, e.g. 1200/12, got "${prepaid}"`);
    input.prepaid = { amount: Number(m[1]), months: Number(m[2]) };
  }
  const vouchers = number(options, 'vouchers');
  if (vouchers !== undefined) {
    if (input.prepaid) input.prepaid.paidWithVouchers = vouchers;
    else input.paidWithVouchers = vouchers;
  }
  if (options.has('service-start')) input.serviceStart = options.get('service-start');
  if (options.has('service-end')) input.serviceEnd = options.get('service-end');
  if (options.has('commitment')) input.commitment = options.get('commitment');
  const holidayOverrides = overrides(io, options);
  return computeSla(input, { locale: locale(options), calendar: holidayOverrides ? createCalendar(holidayOverrides) : undefined });
}

function factsArg(p: Parsed, io: CliIo, command: string): unknown {
  const path = p.positional[0];
  if (!path) throw new UsageError(`${command} needs a facts file: npm run claims -- ${command} facts.json`);
  return readJson(io, path, 'facts');
}

function evaluateOptions(p: Parsed, io: CliIo) {
  const packsPath = p.options.get('packs');
  const packs = packsPath === undefined ? undefined : readJson(io, packsPath, 'packs');
  if (packs !== undefined && !Array.isArray(packs)) throw new UsageError(`packs file "${packsPath}" must hold an array of packs`);
  return { locale: locale(p.options), packs: packs as unknown[] | undefined, holidayOverrides: overrides(io, p.options) };
}

function run(p: Parsed, io: CliIo): unknown {
  switch (p.command) {
    case 'sla':
      return slaCommand(p, io);
    case 'check': {
      const facts = factsArg(p, io, 'check');
      return evaluateClaim(facts, p.options.get('now') ?? io.now(), evaluateOptions(p, io));
    }
    case 'ticket': {
      const facts = factsArg(p, io, 'ticket');
      const opts = evaluateOptions(p, io);
      const target = p.options.get('target') ?? 'vendor';
      if (target !== 'vendor' && target !== '12315' && target !== 'heimao') throw new UsageError(`--target must be vendor, 12315 or heimao, got "${target}"`);
      const snapshotsPath = p.options.get('snapshots');
      const snapshots = snapshotsPath === undefined ? [] : readJson(io, snapshotsPath, 'snapshots');
      if (!Array.isArray(snapshots)) throw new UsageError(`snapshots file "${snapshotsPath}" must hold an array`);
      const verdict = evaluateClaim(facts, p.options.get('now') ?? io.now(), opts);
      return { verdict, ticket: draftTicket(verdict, facts, snapshots as ClaimSnapshot[], opts.locale, { target, packs: opts.packs, holidayOverrides: opts.holidayOverrides }) };
    }
    case 'pack': {
      const path = p.positional[0];
      if (!path) throw new UsageError('pack needs a pack file: npm run claims -- pack my-vendor.json');
      const result = validatePack(readJson(io, path, 'pack'));
      if (!result.ok) throw new PolicyPackError(result.errors);
      return { ok: true, id: result.pack.id, rules: result.pack.rules.length };
    }
    default:
      throw new UsageError(p.command ? `unknown command "${p.command}"` : 'no command given');
  }
}

export function runClaimsCli(argv: readonly string[], io: CliIo): CliResult {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    return { code: argv.length === 0 ? 2 : 0, stdout: argv.length === 0 ? '' : `${CLI_USAGE}\n`, stderr: argv.length === 0 ? `${CLI_USAGE}\n` : '' };
  }
  try {
    const result = run(parseArgs(argv), io);
    return { code: 0, stdout: `${JSON.stringify(result, null, 2)}\n`, stderr: '' };
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, stdout: '', stderr: `error: ${e.message}\n\n${CLI_USAGE}\n` };
    if (e instanceof SlaInputError || e instanceof ClaimInputError || e instanceof PolicyPackError || e instanceof CalendarOverrideError || e instanceof UnknownVendorError)
      return { code: 1, stdout: '', stderr: `error: ${e.message}\n` };
    throw e;
  }
}
