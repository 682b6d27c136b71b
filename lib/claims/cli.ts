import type { Locale } from '../i18n';
import { cliText, type CliKey } from '../i18n/cli';
import { computeSla, SlaInputError, type SlaInput, type SlaResult } from '../sla/compute';
import { CalendarOverrideError, createCalendar, type YearOverride } from '../time/calendar';
import { PolicyPackError, validatePack } from '../policy/schema';
import { packSetOf, SHIPPED_PACKS, UnknownVendorError, type PackSet } from '../policy/registry';
import { citationTitle } from '../policy/sources';
import { formatMoney } from '../policy/text';
import { draftTicket, type TicketDraft } from '../tickets/draft';
import { SHIPPED_VENDORS } from '../vendors/types';
import { ClaimInputError, evaluateClaim, type Verdict } from './eligibility';
import type { ClaimSnapshot } from './evidence';
import { headlineWords } from './headline';
import { ruleName } from './routes';
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

const FACTS_EXAMPLE = `{
  "vendor": "tencent-cloud",
  "purchasedAt": "2026-12-04T15:00:00+08:00",
  "billing": "prepaid",
  "renewal": false,
  "convertedFromPayAsYouGo": false,
  "firstNoReasonRefundUsed": false,
  "promoNonRefundable": false,
  "reason": "changed-mind",
  "orderId": "20261204000123",
  "product": "云服务器 CVM",
  "amountPaid": 1088.00,
  "amountPaidWithVouchers": 100
}`;

/** The usage text in English (kept for callers of the public API). */
export const CLI_USAGE = cliText('cli.usage', 'en');

/** The kinds of file the command line reads, as its messages name them (`cli.what.<kind>`). */
type WhatKey = 'facts' | 'outage' | 'packs' | 'pack' | 'snapshots' | 'holidays';

/** A mistake in the command line itself: told in the chosen language, followed by the usage. */
class UsageError extends Error {
  constructor(
    readonly key: CliKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(cliText(key, 'en', params));
  }

  /** The message in `locale` ({what} names a file kind, worded per language). */
  say(locale: Locale): string {
    const what = this.params.what as WhatKey | undefined;
    return cliText(this.key, locale, {
      ...this.params,
      ...(what ? { what: cliText(`cli.what.${what}`, locale) } : {}),
    });
  }
}

interface Parsed {
  command: string | undefined;
  positional: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

const FLAG_OPTIONS = new Set(['json']);
const VALUE_OPTIONS = new Set([
  'service',
  'month',
  'outages',
  'fee',
  'prepaid',
  'vouchers',
  'service-start',
  'service-end',
  'commitment',
  'now',
  'locale',
  'holidays',
  'packs',
  'target',
  'snapshots',
]);

function parseArgs(argv: readonly string[]): Parsed {
  const [command, ...rest] = argv;
  const positional: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (FLAG_OPTIONS.has(name) && eq === -1) {
      flags.add(name);
      continue;
    }
    if (!VALUE_OPTIONS.has(name)) throw new UsageError('cli.error.unknownOption', { name });
    const value = eq === -1 ? rest[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '' || (eq === -1 && value.startsWith('--')))
      throw new UsageError('cli.error.needsValue', { name });
    options.set(name, value);
  }
  return { command, positional, options, flags };
}

function readText(io: CliIo, path: string, what: WhatKey): string {
  try {
    return io.readFile(path);
  } catch (e) {
    throw new UsageError('cli.error.cannotRead', { what, path, reason: (e as Error).message });
  }
}

function readJson(io: CliIo, path: string, what: WhatKey): unknown {
  const text = readText(io, path, what);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError('cli.error.notJson', { what, path, reason: (e as Error).message });
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
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const header = lines.shift();
  if (!header) throw new UsageError('cli.error.csvEmpty');
  const columns = splitCsvLine(header).map((c) => c.toLowerCase());
  const allowed = ['start', 'end', 'excluded', 'note'];
  const unknown = columns.filter((c) => !allowed.includes(c));
  if (unknown.length)
    throw new UsageError('cli.error.csvUnknown', { columns: unknown.join(', '), allowed: allowed.join(', ') });
  if (!columns.includes('start') || !columns.includes('end')) throw new UsageError('cli.error.csvHeader');
  return lines.map((line, i) => {
    const cells = splitCsvLine(line);
    if (cells.length > columns.length)
      throw new UsageError('cli.error.csvRow', { row: i + 2, cells: cells.length, columns: columns.length });
    const row: Record<string, string> = {};
    columns.forEach((c, j) => {
      const v = cells[j];
      if (v) row[c] = v;
    });
    return {
      start: row.start ?? '',
      end: row.end ?? '',
      ...(row.excluded ? { excluded: row.excluded } : {}),
      ...(row.note ? { note: row.note } : {}),
    };
  });
}

function number(options: Map<string, string>, name: string): number | undefined {
  const raw = options.get(name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new UsageError('cli.error.number', { name, raw });
  return n;
}

function locale(options: Map<string, string>): Locale {
  const value = options.get('locale') ?? 'zh-CN';
  if (value !== 'zh-CN' && value !== 'en') throw new UsageError('cli.error.locale', { value });
  return value;
}

function overrides(io: CliIo, options: Map<string, string>): YearOverride[] | undefined {
  const path = options.get('holidays');
  return path === undefined ? undefined : (readJson(io, path, 'holidays') as YearOverride[]);
}

function slaCommand(p: Parsed, io: CliIo): SlaResult {
  const { options } = p;
  for (const required of ['service', 'month', 'outages'])
    if (!options.has(required)) throw new UsageError('cli.error.slaNeeds', { name: required });
  const outagePath = options.get('outages')!;
  let outages: SlaInput['outages'];
  if (/\.csv$/i.test(outagePath)) {
    outages = parseOutageCsv(readText(io, outagePath, 'outage'));
  } else {
    const json = readJson(io, outagePath, 'outage');
    const list = Array.isArray(json) ? json : (json as { outages?: unknown })?.outages;
    if (!Array.isArray(list)) throw new UsageError('cli.error.outageArray', { path: outagePath });
    outages = list as SlaInput['outages'];
  }
  const input: SlaInput = { service: options.get('service')!, month: options.get('month')!, outages };
  const fee = number(options, 'fee');
  if (fee !== undefined) input.monthlyFee = fee;
  const prepaid = options.get('prepaid');
  if (prepaid !== undefined) {
    const m = /^(\d+(?:\.\d+)?)\/(\d+)$/.exec(prepaid);
    if (!m) throw new UsageError('cli.error.prepaid', { value: prepaid });
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
  return computeSla(input, {
    locale: locale(options),
    calendar: holidayOverrides ? createCalendar(holidayOverrides) : undefined,
  });
}

function factsArg(p: Parsed, io: CliIo, command: string): unknown {
  const path = p.positional[0];
  if (!path) throw new UsageError('cli.error.needsFacts', { command });
  return readJson(io, path, 'facts');
}

function evaluateOptions(p: Parsed, io: CliIo) {
  const packsPath = p.options.get('packs');
  const packs = packsPath === undefined ? undefined : readJson(io, packsPath, 'packs');
  if (packs !== undefined && !Array.isArray(packs)) throw new UsageError('cli.error.packsArray', { path: packsPath! });
  // Validated once here; every engine the command runs reads the same set.
  return {
    locale: locale(p.options),
    packs: packSetOf(packs as unknown[] | undefined),
    holidayOverrides: overrides(io, p.options),
  };
}

/** What a command produced: the data (for --json) and how to say it. */
type Output = { json: unknown; text: (locale: Locale) => string };

function run(p: Parsed, io: CliIo): Output {
  const now = () => p.options.get('now') ?? io.now();
  switch (p.command) {
    case 'sla': {
      const result = slaCommand(p, io);
      return { json: result, text: (l) => slaSummary(result, l) };
    }
    case 'check': {
      const facts = factsArg(p, io, 'check');
      const opts = evaluateOptions(p, io);
      const at = now();
      const verdict = evaluateClaim(facts, at, opts);
      return { json: verdict, text: (l) => verdictSummary(verdict, l, at, opts.packs) };
    }
    case 'ticket': {
      const facts = factsArg(p, io, 'ticket');
      const opts = evaluateOptions(p, io);
      const target = p.options.get('target') ?? 'vendor';
      if (target !== 'vendor' && target !== '12315' && target !== 'heimao')
        throw new UsageError('cli.error.target', { value: target });
      const snapshotsPath = p.options.get('snapshots');
      const snapshots = snapshotsPath === undefined ? [] : readJson(io, snapshotsPath, 'snapshots');
      if (!Array.isArray(snapshots)) throw new UsageError('cli.error.snapshotsArray', { path: snapshotsPath! });
      const at = now();
      // Facts that carry an SLA month ask for the SLA credit, as the SLA log does.
      const slaClaim = typeof facts === 'object' && facts !== null && 'sla' in facts;
      const verdict = evaluateClaim(facts, at, slaClaim ? { ...opts, remedy: 'voucher' } : opts);
      const ticket = draftTicket(verdict, facts, snapshots as ClaimSnapshot[], opts.locale, {
        target,
        packs: opts.packs,
        holidayOverrides: opts.holidayOverrides,
      });
      return { json: { verdict, ticket }, text: (l) => ticketSummary(verdict, ticket, l, at) };
    }
    case 'pack': {
      const path = p.positional[0];
      if (!path) throw new UsageError('cli.error.needsPack');
      const result = validatePack(readJson(io, path, 'pack'));
      if (!result.ok) throw new PolicyPackError(result.errors);
      const json = { ok: true, id: result.pack.id, rules: result.pack.rules.length };
      return { json, text: (l) => cliText('cli.out.packOk', l, { id: json.id, rules: json.rules }) };
    }
    default:
      throw p.command
        ? new UsageError('cli.error.unknownCommand', { command: p.command })
        : new UsageError('cli.error.noCommand');
  }
}

function exceptionName(vendor: string, id: string, locale: Locale, packs: PackSet): string {
  try {
    const rule = packs.find(vendor).rules.find((r) => r.id === id);
    return rule ? ruleName(rule, locale) : id;
  } catch {
    return id;
  }
}

/** One line per statement, with every source behind it: "- text (title 3.1; title 2.2)". */
function basisLines(basis: readonly { source: string; clause?: string; text: string }[], locale: Locale): string[] {
  const byText = new Map<string, string[]>();
  for (const b of basis) {
    const title =
      b.source === 'FACTS.md'
        ? citationTitle(b, locale)
        : `${citationTitle({ source: b.source }, locale)}${b.clause ? ` ${b.clause}` : ''}`;
    const titles = byText.get(b.text) ?? [];
    if (!titles.includes(title)) titles.push(title);
    byText.set(b.text, titles);
  }
  const sep = cliText('cli.sourcesSep', locale);
  return [...byText].map(([text, titles]) => `  - ${text} (${titles.join(sep)})`);
}

function verdictSummary(v: Verdict, locale: Locale, now: string, packs: PackSet): string {
  const say = (key: CliKey, params?: Record<string, string | number>) => cliText(key, locale, params);
  const h = headlineWords(v, locale, now);
  const lines = [say('cli.out.evaluated', { pack: v.pack.name, at: v.evaluatedAt.slice(0, 16).replace('T', ' ') }), ''];
  lines.push(say('cli.out.headline', { line: h.line }) + (h.confirmed ? '' : say('cli.out.unconfirmed')));
  if (h.deadline) lines.push(say('cli.out.deadline', { deadline: h.deadline }));
  if (v.routes.length) {
    lines.push('', say('cli.out.routes'));
    for (const r of v.routes) {
      const mark = r.status === 'open' ? '✓' : r.status === 'needs-answers' ? '?' : '✗';
      const status = say(`cli.out.status.${r.status}`, {
        needs: r.needs.join(', '),
        by: r.ruledOutBy ? exceptionName(v.vendor, r.ruledOutBy, locale, packs) : '',
      });
      const parts = [status];
      if (r.deadline)
        parts.push(
          say('cli.out.until', {
            date: r.deadline.date,
            estimated: r.deadline.estimated ? say('cli.out.estimatedMark') : '',
          }),
        );
      if (r.estimate?.amount != null)
        parts.push(say('cli.out.estimate', { amount: formatMoney(r.estimate.amount, locale) }));
      else if (r.estimate?.range)
        parts.push(
          say('cli.out.estimateRange', {
            min: formatMoney(r.estimate.range.min, locale),
            max: formatMoney(r.estimate.range.max, locale),
            missing: r.estimate.missing.join(', '),
          }),
        );
      lines.push(`  ${mark} ${r.label} — ${parts.join(' · ')}`);
    }
  }
  if (v.questions.length) {
    lines.push('', say('cli.out.questions'));
    v.questions.forEach((q, i) =>
      lines.push(
        `  ${i + 1}. ${q.text} (${q.fact})${q.options ? ` [${q.options.map((o) => o.value).join(' | ')}]` : ''}`,
      ),
    );
  }
  if (v.nextSteps.length) lines.push('', say('cli.out.steps'), ...v.nextSteps.map((s) => `  - ${s}`));
  if (v.channels.length)
    lines.push('', say('cli.out.channels'), ...v.channels.map((c) => `  - ${c.name}${c.value ? `: ${c.value}` : ''}`));
  lines.push('', say('cli.out.basis'), ...basisLines(v.basis, locale));
  lines.push('', say('cli.out.checked', { date: v.pack.lastChecked }));
  return lines.join('\n');
}

function slaSummary(r: SlaResult, locale: Locale): string {
  const say = (key: CliKey, params?: Record<string, string | number>) => cliText(key, locale, params);
  const lines = [
    say('cli.out.sla', {
      service: r.service === 'exmail' || r.service === 'cvm' ? say(`cli.out.service.${r.service}`) : r.service,
      month: r.month,
    }),
    say('cli.out.availability', {
      availability: r.availabilityText,
      commitment: r.commitment.percent,
      minutes: r.unavailableMinutes,
    }),
    r.compensationPercent === 0
      ? say('cli.out.met')
      : say('cli.out.credit', {
          percent: r.compensationPercent,
          voucher:
            r.voucher !== null ? cliText('cli.voucherAmount', locale, { amount: formatMoney(r.voucher, locale) }) : '',
        }),
    say('cli.out.window', {
      opensAfter: r.claim.opensAfter,
      closesOn: r.claim.closesOn,
      estimated: r.claim.estimated ? say('cli.out.estimatedMark') : '',
    }),
  ];
  if (r.excluded.length)
    lines.push(
      say('cli.out.excluded', { count: r.excluded.length }),
      ...r.excluded.map((e) => `  - ${e.start} – ${e.end}: ${e.text}`),
    );
  if (r.ignored.length)
    lines.push(
      say('cli.out.ignored', { count: r.ignored.length }),
      ...r.ignored.map((e) => `  - ${e.start} – ${e.end}: ${e.text}`),
    );
  if (r.notes.length) lines.push('', ...r.notes.map((n) => `- ${n}`));
  lines.push('', say('cli.out.basis'), ...basisLines(r.basis, locale));
  return lines.join('\n');
}

function ticketSummary(v: Verdict, d: TicketDraft, locale: Locale, now: string): string {
  const say = (key: CliKey, params?: Record<string, string | number>) => cliText(key, locale, params);
  const h = headlineWords(v, locale, now);
  const lines = [say('cli.out.headline', { line: h.line }) + (h.confirmed ? '' : say('cli.out.unconfirmed'))];
  if (h.deadline) lines.push(say('cli.out.deadline', { deadline: h.deadline }));
  lines.push(
    '',
    say('cli.out.ticketTo', { channel: d.channel, url: d.url ? ` ${d.url}` : '' }),
    say('cli.out.title', { title: d.title }),
  );
  if (d.category.length) lines.push(say('cli.out.category', { category: d.category.join(' › ') }));
  lines.push('', say('cli.out.description'), d.description);
  if (d.attachments.length)
    lines.push('', say('cli.out.attachments'), ...d.attachments.map((a) => `  ${a.have ? '✓' : '✗'} ${a.label}`));
  for (const alt of d.alternatives)
    lines.push('', say('cli.out.alternative', { number: alt.number }), `  ${alt.script}`);
  if (d.notes.length) lines.push('', ...d.notes.map((n) => `- ${n}`));
  return lines.join('\n');
}

function helpText(topic: string | undefined, locale: Locale): string {
  if (!topic) return cliText('cli.usage', locale);
  if (topic === 'check')
    return cliText('cli.help.check', locale, { vendors: SHIPPED_VENDORS.join(' | '), example: FACTS_EXAMPLE });
  if (topic === 'sla' || topic === 'ticket' || topic === 'pack') return cliText(`cli.help.${topic}`, locale);
  throw new UsageError('cli.error.unknownHelp', { topic });
}

/** The chosen language, read leniently so that even a bad command line is answered in it. */
function chosenLocale(argv: readonly string[]): Locale {
  const i = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  const value = i === -1 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return value === 'en' ? 'en' : 'zh-CN';
}

export function runClaimsCli(argv: readonly string[], io: CliIo): CliResult {
  const lang = chosenLocale(argv);
  const usage = `${cliText('cli.usage', lang)}\n`;
  const fail = (code: number, message: string, withUsage = false): CliResult => ({
    code,
    stdout: '',
    stderr: `${cliText('cli.errorPrefix', lang)}${message}\n${withUsage ? `\n${usage}` : ''}`,
  });
  if (argv.length === 0) return { code: 2, stdout: '', stderr: usage };
  if (argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    const topic = argv.slice(1).find((a) => !a.startsWith('--') && a !== lang);
    try {
      return { code: 0, stdout: `${helpText(topic, lang)}\n`, stderr: '' };
    } catch (e) {
      return fail(2, (e as UsageError).say(lang), true);
    }
  }
  try {
    const parsed = parseArgs(argv);
    const output = run(parsed, io);
    const text = parsed.flags.has('json') ? JSON.stringify(output.json, null, 2) : output.text(lang);
    return { code: 0, stdout: `${text}\n`, stderr: '' };
  } catch (e) {
    if (e instanceof UsageError) return fail(2, e.say(lang), true);
    if (e instanceof UnknownVendorError)
      return fail(
        1,
        cliText('cli.error.unknownVendor', lang, { vendor: e.vendor, shipped: Object.keys(SHIPPED_PACKS).join(', ') }),
      );
    if (e instanceof CalendarOverrideError)
      return fail(1, `${cliText('cli.error.calendar', lang)}\n${e.issues.map((i) => `  - ${i}`).join('\n')}`);
    if (e instanceof PolicyPackError)
      return fail(1, `${cliText('cli.error.pack', lang)}\n${e.errors.map((i) => `  - ${i}`).join('\n')}`);
    if (e instanceof SlaInputError || e instanceof ClaimInputError) return fail(1, e.message);
    throw e;
  }
}
