import type { Locale } from '../i18n';
import { engineTranslator as translator } from '../i18n/engine';
import { computeSla, SlaInputError, type SlaInput, type SlaResult } from '../sla/compute';
import { CalendarOverrideError, createCalendar, type YearOverride } from '../time/calendar';
import { PolicyPackError, validatePack } from '../policy/schema';
import { packSetOf, SHIPPED_PACKS, UnknownVendorError, type PackSet } from '../policy/registry';
import { citationTitle } from '../policy/sources';
import { formatMoney, localize, zhEn, type LocalizedText } from '../policy/text';
import { draftTicket, type TicketDraft } from '../tickets/draft';
import { SHIPPED_VENDORS } from '../vendors/types';
import { ClaimInputError, evaluateClaim, type Route, type Verdict } from './eligibility';
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

const USAGE: LocalizedText = zhEn(
  `用法：npm run claims -- <命令> [选项]

命令：
  check  <facts.json> [--now <ISO>]                      → 判断结论：首选路径、全部路径、期限和待答问题
  sla    --service exmail|cvm --month YYYY-MM --outages <故障.csv|故障.json>
         [--fee <月费> | --prepaid <金额>/<月数>] [--vouchers <代金券抵扣金额>]
         [--service-start <ISO>] [--service-end <ISO>] [--commitment <id>]
                                                         → 当月可用性、赔偿档位、代金券和申请窗口
  ticket <facts.json> [--now <ISO>] [--target vendor|12315|heimao] [--snapshots <file.json>]
                                                         → 工单草稿
  pack   <pack.json>                                     → 检查自定义规则包
  help   [check|sla|ticket|pack]                         → 命令说明（help check 说明事实文件并给出示例）

通用选项：
  --locale zh-CN|en             输出语言（默认 zh-CN），错误信息也用这种语言
  --json                        输出 JSON 而不是可读摘要
  --holidays <overrides.json>   各年节假日安排：[{ "year", "holidays": [...], "workdays": [...] }]
  --packs <packs.json>          check / ticket 使用的自定义规则包（数组）
日期按北京时间（Asia/Shanghai）；不带时区的时间按北京时间读取。`,
  `Usage: npm run claims -- <command> [options]

Commands:
  check  <facts.json> [--now <ISO>]                      → the verdict: the headline route, every route, deadlines, questions
  sla    --service exmail|cvm --month YYYY-MM --outages <file.csv|file.json>
         [--fee <monthly fee> | --prepaid <amount>/<months>] [--vouchers <amount paid with vouchers>]
         [--service-start <ISO>] [--service-end <ISO>] [--commitment <id>]
                                                         → the month's availability, credit tier, voucher and claim window
  ticket <facts.json> [--now <ISO>] [--target vendor|12315|heimao] [--snapshots <file.json>]
                                                         → the ticket draft
  pack   <pack.json>                                     → validates a user-defined policy pack
  help   [check|sla|ticket|pack]                         → help on one command (help check documents the facts file, with an example)

Common options:
  --locale zh-CN|en             language of the output, errors included (default zh-CN)
  --json                        print JSON instead of a readable summary
  --holidays <overrides.json>   per-year holiday schedules: [{ "year", "holidays": [...], "workdays": [...] }]
  --packs <packs.json>          user-defined policy packs (an array) for check/ticket
Dates are Asia/Shanghai; times without an offset are read as Shanghai time.`,
);

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

const HELP: Record<string, LocalizedText> = {
  check: zhEn(
    `npm run claims -- check <facts.json> [--now <ISO>] [--locale zh-CN|en] [--json] [--packs <packs.json>] [--holidays <file>]

事实文件是一个 JSON 对象，描述这笔订单和你的情况。只有 vendor 和 purchasedAt 必填；
没给的事实就是“未知”，不会被猜测——结论会说明还需要回答哪些问题。

  vendor         ${SHIPPED_VENDORS.join(' | ')}，或自定义规则包的 id
  purchasedAt    购买 / 支付时间（ISO，例如 2026-12-04T15:00:00+08:00）
  deliveredAt    交付 / 开通时间；downloadedAt 下载时间（快连体验期从下载起算）
  channel        official | reseller | app-store | google-play（默认 official）
  reason         changed-mind | dissatisfied | outage | wrong-plan | duplicate-charge | wrong-amount |
                 invoice-error | incompatible | defect | not-as-described | user-error
  billing        prepaid | pay-as-you-go；renewal、convertedFromPayAsYouGo、firstNoReasonRefundUsed（true/false）
  activated      企业邮箱是否已启用；promoNonRefundable 活动是否写明不退款
  outageCause    vendor | force-majeure | user-side | dns-misconfiguration；outageHours、outageMonth（YYYY-MM）
  resellerPromise  { "days": 7, "written": true }，没有承诺时为 false
  amountPaid     实付金额（已扣除代金券）；amountPaidWithVouchers 代金券抵扣部分；termMonths 购买月数
  payAsYouGoHourlyPrice  CVM 同配置按量计费单价（元/小时），用于估算普通自助退还金额
  orderId、product、account、contact  用于工单草稿

示例（facts.json）：
${FACTS_EXAMPLE}

npm run claims -- check facts.json --now 2026-12-06T10:00:00+08:00`,
    `npm run claims -- check <facts.json> [--now <ISO>] [--locale zh-CN|en] [--json] [--packs <packs.json>] [--holidays <file>]

The facts file is one JSON object describing the order and your situation. Only vendor and
purchasedAt are required; a fact left out is unknown, never guessed — the verdict says which
questions still need an answer.

  vendor         ${SHIPPED_VENDORS.join(' | ')}, or a user pack's id
  purchasedAt    when you bought / paid (ISO, e.g. 2026-12-04T15:00:00+08:00)
  deliveredAt    when it was delivered / opened; downloadedAt when the app was downloaded (快连's trial runs from it)
  channel        official | reseller | app-store | google-play (default official)
  reason         changed-mind | dissatisfied | outage | wrong-plan | duplicate-charge | wrong-amount |
                 invoice-error | incompatible | defect | not-as-described | user-error
  billing        prepaid | pay-as-you-go; renewal, convertedFromPayAsYouGo, firstNoReasonRefundUsed (true/false)
  activated      whether Exmail was set up; promoNonRefundable whether the campaign said "no refund"
  outageCause    vendor | force-majeure | user-side | dns-misconfiguration; outageHours, outageMonth (YYYY-MM)
  resellerPromise  { "days": 7, "written": true }, or false when the reseller promised nothing
  amountPaid     what was actually paid (after vouchers); amountPaidWithVouchers the voucher part; termMonths
  payAsYouGoHourlyPrice  CVM: the pay-as-you-go price of the same configuration (CNY/hour), for the partial estimate
  orderId, product, account, contact  for the ticket draft

Example (facts.json):
${FACTS_EXAMPLE}

npm run claims -- check facts.json --now 2026-12-06T10:00:00+08:00`,
  ),
  sla: zhEn(
    `npm run claims -- sla --service exmail|cvm --month YYYY-MM --outages <故障.csv|故障.json> [--fee <月费> | --prepaid <金额>/<月数>] [--json]

故障 CSV：首行为表头 "start,end[,excluded][,note]"，每行一次故障。
故障 JSON：[{ "start", "end", "excluded"?, "note"? }] 或 { "outages": [...] }。
excluded 为 SLA 的免责代码（如 notified-maintenance），或 other 并在 note 中写明原因。`,
    `npm run claims -- sla --service exmail|cvm --month YYYY-MM --outages <file.csv|file.json> [--fee <monthly fee> | --prepaid <amount>/<months>] [--json]

Outage CSV: a header row "start,end[,excluded][,note]", one outage per row.
Outage JSON: [{ "start", "end", "excluded"?, "note"? }] or { "outages": [...] }.
excluded is an exclusion code of the SLA (e.g. notified-maintenance), or other with a note saying why.`,
  ),
  ticket: zhEn(
    `npm run claims -- ticket <facts.json> [--now <ISO>] [--target vendor|12315|heimao] [--snapshots <file.json>] [--json]

用与 check 相同的事实文件（见 help check），生成工单 / 邮件草稿：标题、分类、描述、附件清单。
--target 12315 或 heimao 在商家拒绝后生成投诉草稿。`,
    `npm run claims -- ticket <facts.json> [--now <ISO>] [--target vendor|12315|heimao] [--snapshots <file.json>] [--json]

Takes the same facts file as check (see help check) and drafts the ticket or email: title, category,
description, attachments. --target 12315 or heimao drafts a complaint after a refusal.`,
  ),
  pack: zhEn(
    `npm run claims -- pack <pack.json> [--json]

检查自定义规则包（与内置规则包同一套 schema），列出每个问题及其位置。`,
    `npm run claims -- pack <pack.json> [--json]

Validates a user-defined policy pack (the same schema as the shipped packs) and lists every problem with its place.`,
  ),
};

/** The usage text in English (kept for callers of the public API). */
export const CLI_USAGE = localize(USAGE, 'en');

/** What the command line says, in both languages. */
const MSG = {
  error: zhEn('错误：', 'error: '),
  unknownOption: zhEn('未知选项 --{name}', 'unknown option --{name}'),
  needsValue: zhEn('--{name} 需要一个值', '--{name} needs a value'),
  cannotRead: zhEn('无法读取{what}文件“{path}”：{reason}', 'cannot read {what} file "{path}": {reason}'),
  notJson: zhEn('{what}文件“{path}”不是有效的 JSON：{reason}', '{what} file "{path}" is not valid JSON: {reason}'),
  csvEmpty: zhEn(
    '故障 CSV 是空的：第一行应为表头 "start,end[,excluded][,note]"',
    'the outage CSV is empty: expected a header row "start,end[,excluded][,note]"',
  ),
  csvUnknown: zhEn(
    '故障 CSV 有未知的列：{columns}（可用：{allowed}）',
    'the outage CSV has unknown columns: {columns} (allowed: {allowed})',
  ),
  csvHeader: zhEn(
    '故障 CSV 的表头必须包含 "start" 和 "end" 两列',
    'the outage CSV header must name the columns "start" and "end"',
  ),
  csvRow: zhEn(
    '故障 CSV 第 {row} 行：有 {cells} 个字段，但表头只有 {columns} 列',
    'outage CSV row {row}: {cells} fields, but the header has {columns}',
  ),
  number: zhEn('--{name} 应为 ≥ 0 的数字，实际为“{raw}”', '--{name} must be a number ≥ 0, got "{raw}"'),
  locale: zhEn('--locale 应为 zh-CN 或 en，实际为“{value}”', '--locale must be zh-CN or en, got "{value}"'),
  slaNeeds: zhEn('sla 需要 --{name}', 'sla needs --{name}'),
  outageArray: zhEn(
    '故障文件“{path}”应包含故障数组（或 { "outages": [...] }）',
    'outage file "{path}" must hold an array of outages (or { "outages": [...] })',
  ),
  prepaid: zhEn(
    '--prepaid 应形如 <金额>/<月数>，例如 1200/12，实际为“{value}”',
    '--prepaid must look like <amount>/<months>, e.g. 1200/12, got "{value}"',
  ),
  needsFacts: zhEn(
    '{command} 需要一个事实文件：npm run claims -- {command} facts.json（见 help check）',
    '{command} needs a facts file: npm run claims -- {command} facts.json (see help check)',
  ),
  packsArray: zhEn('规则包文件“{path}”应包含规则包数组', 'packs file "{path}" must hold an array of packs'),
  target: zhEn(
    '--target 应为 vendor、12315 或 heimao，实际为“{value}”',
    '--target must be vendor, 12315 or heimao, got "{value}"',
  ),
  snapshotsArray: zhEn('快照文件“{path}”应包含数组', 'snapshots file "{path}" must hold an array'),
  needsPack: zhEn(
    'pack 需要一个规则包文件：npm run claims -- pack my-vendor.json',
    'pack needs a pack file: npm run claims -- pack my-vendor.json',
  ),
  unknownCommand: zhEn('未知命令“{command}”', 'unknown command "{command}"'),
  noCommand: zhEn('没有给出命令', 'no command given'),
  unknownHelp: zhEn(
    '没有“{topic}”的说明；可用：check、sla、ticket、pack',
    'no help on "{topic}"; try check, sla, ticket or pack',
  ),
  unknownVendor: zhEn(
    '没有厂商“{vendor}”的规则包。内置：{shipped}；可用 --packs 提供同 id 的自定义规则包。',
    'No policy pack for vendor "{vendor}". Shipped: {shipped}; give a user-defined pack with this id through --packs.',
  ),
  calendar: zhEn('节假日安排文件有误：', 'Invalid holiday calendar override:'),
  pack: zhEn('规则包无效（以下细节为英文）：', 'Invalid policy pack:'),
  what: {
    facts: zhEn('事实', 'facts'),
    outage: zhEn('故障', 'outage'),
    packs: zhEn('规则包', 'packs'),
    pack: zhEn('规则包', 'pack'),
    snapshots: zhEn('快照', 'snapshots'),
    holidays: zhEn('节假日安排', 'holiday overrides'),
  },
};

type WhatKey = keyof typeof MSG.what;

/** A mistake in the command line itself: told in the chosen language, followed by the usage. */
class UsageError extends Error {
  constructor(
    readonly text: LocalizedText,
    readonly params: Record<string, string | number> = {},
  ) {
    super(localize(text, 'en', params));
  }

  /** The message in `locale` ({what} names a file kind, worded per language). */
  say(locale: Locale): string {
    const what = this.params.what as WhatKey | undefined;
    return localize(this.text, locale, {
      ...this.params,
      ...(what && MSG.what[what] ? { what: localize(MSG.what[what], locale) } : {}),
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
    if (!VALUE_OPTIONS.has(name)) throw new UsageError(MSG.unknownOption, { name });
    const value = eq === -1 ? rest[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '' || (eq === -1 && value.startsWith('--')))
      throw new UsageError(MSG.needsValue, { name });
    options.set(name, value);
  }
  return { command, positional, options, flags };
}

function readText(io: CliIo, path: string, what: WhatKey): string {
  try {
    return io.readFile(path);
  } catch (e) {
    throw new UsageError(MSG.cannotRead, { what, path, reason: (e as Error).message });
  }
}

function readJson(io: CliIo, path: string, what: WhatKey): unknown {
  const text = readText(io, path, what);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(MSG.notJson, { what, path, reason: (e as Error).message });
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
  if (!header) throw new UsageError(MSG.csvEmpty);
  const columns = splitCsvLine(header).map((c) => c.toLowerCase());
  const allowed = ['start', 'end', 'excluded', 'note'];
  const unknown = columns.filter((c) => !allowed.includes(c));
  if (unknown.length)
    throw new UsageError(MSG.csvUnknown, { columns: unknown.join(', '), allowed: allowed.join(', ') });
  if (!columns.includes('start') || !columns.includes('end')) throw new UsageError(MSG.csvHeader);
  return lines.map((line, i) => {
    const cells = splitCsvLine(line);
    if (cells.length > columns.length)
      throw new UsageError(MSG.csvRow, { row: i + 2, cells: cells.length, columns: columns.length });
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
  if (!Number.isFinite(n) || n < 0) throw new UsageError(MSG.number, { name, raw });
  return n;
}

function locale(options: Map<string, string>): Locale {
  const value = options.get('locale') ?? 'zh-CN';
  if (value !== 'zh-CN' && value !== 'en') throw new UsageError(MSG.locale, { value });
  return value;
}

function overrides(io: CliIo, options: Map<string, string>): YearOverride[] | undefined {
  const path = options.get('holidays');
  return path === undefined ? undefined : (readJson(io, path, 'holidays') as YearOverride[]);
}

function slaCommand(p: Parsed, io: CliIo): SlaResult {
  const { options } = p;
  for (const required of ['service', 'month', 'outages'])
    if (!options.has(required)) throw new UsageError(MSG.slaNeeds, { name: required });
  const outagePath = options.get('outages')!;
  let outages: SlaInput['outages'];
  if (/\.csv$/i.test(outagePath)) {
    outages = parseOutageCsv(readText(io, outagePath, 'outage'));
  } else {
    const json = readJson(io, outagePath, 'outage');
    const list = Array.isArray(json) ? json : (json as { outages?: unknown })?.outages;
    if (!Array.isArray(list)) throw new UsageError(MSG.outageArray, { path: outagePath });
    outages = list as SlaInput['outages'];
  }
  const input: SlaInput = { service: options.get('service')!, month: options.get('month')!, outages };
  const fee = number(options, 'fee');
  if (fee !== undefined) input.monthlyFee = fee;
  const prepaid = options.get('prepaid');
  if (prepaid !== undefined) {
    const m = /^(\d+(?:\.\d+)?)\/(\d+)$/.exec(prepaid);
    if (!m) throw new UsageError(MSG.prepaid, { value: prepaid });
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
  if (!path) throw new UsageError(MSG.needsFacts, { command });
  return readJson(io, path, 'facts');
}

function evaluateOptions(p: Parsed, io: CliIo) {
  const packsPath = p.options.get('packs');
  const packs = packsPath === undefined ? undefined : readJson(io, packsPath, 'packs');
  if (packs !== undefined && !Array.isArray(packs)) throw new UsageError(MSG.packsArray, { path: packsPath! });
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
        throw new UsageError(MSG.target, { value: target });
      const snapshotsPath = p.options.get('snapshots');
      const snapshots = snapshotsPath === undefined ? [] : readJson(io, snapshotsPath, 'snapshots');
      if (!Array.isArray(snapshots)) throw new UsageError(MSG.snapshotsArray, { path: snapshotsPath! });
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
      if (!path) throw new UsageError(MSG.needsPack);
      const result = validatePack(readJson(io, path, 'pack'));
      if (!result.ok) throw new PolicyPackError(result.errors);
      const json = { ok: true, id: result.pack.id, rules: result.pack.rules.length };
      return { json, text: (l) => localize(OUT.packOk, l, { id: json.id, rules: json.rules }) };
    }
    default:
      throw p.command ? new UsageError(MSG.unknownCommand, { command: p.command }) : new UsageError(MSG.noCommand);
  }
}

/** Words of the readable summaries. */
const OUT = {
  evaluated: zhEn('{pack} · 评估时间 {at}（北京时间）', '{pack} · evaluated {at} (Beijing time)'),
  headline: zhEn('结论：{line}', 'Verdict: {line}'),
  deadline: zhEn('期限：{deadline}', 'Deadline: {deadline}'),
  unconfirmed: zhEn('（尚未确定：取决于下面的问题）', ' (not settled yet: it depends on the questions below)'),
  routes: zhEn('可走的路径（最好的在前）：', 'Routes (best first):'),
  status: {
    open: zhEn('可申请', 'open'),
    'needs-answers': zhEn('需回答：{needs}', 'needs answers: {needs}'),
    closed: zhEn('已截止', 'closed'),
    'ruled-out': zhEn('被“{by}”排除', 'ruled out by "{by}"'),
  } as Record<Route['status'], LocalizedText>,
  until: zhEn('截止 {date}{estimated}', 'until {date}{estimated}'),
  estimatedMark: zhEn('（估算）', ' (estimated)'),
  estimate: zhEn('估算 {amount}', 'estimate {amount}'),
  estimateRange: zhEn('估算 {min}–{max}（缺 {missing}）', 'estimate {min}–{max} (missing {missing})'),
  questions: zhEn('待回答的问题：', 'Questions to answer:'),
  steps: zhEn('下一步：', 'Next steps:'),
  basis: zhEn('依据：', 'Basis:'),
  channels: zhEn('在哪里申请：', 'Where to claim:'),
  checked: zhEn(
    '规则包核对日期：{date}。这是依据来源的摘要，不是法律意见。',
    'Pack last checked: {date}. A summary of its sources, not legal advice.',
  ),
  sla: zhEn('{service} {month} SLA', '{service} SLA for {month}'),
  availability: zhEn(
    '可用性：{availability}（承诺 {commitment}%），不可用 {minutes} 分钟',
    'Availability: {availability} (commitment {commitment}%), {minutes} minutes unavailable',
  ),
  met: zhEn('达到承诺：没有赔偿。', 'Commitment met: no credit.'),
  credit: zhEn(
    '赔偿：月度服务费的 {percent}%{voucher}（代金券）',
    'Credit: {percent}% of the monthly fee{voucher} (voucher)',
  ),
  window: zhEn(
    '申请：{opensAfter} 之后、{closesOn} 之前，只能通过工单{estimated}',
    'Claim: after {opensAfter} and by {closesOn}, by ticket only{estimated}',
  ),
  excluded: zhEn('免责不计：{count} 次', 'Excluded: {count}'),
  ignored: zhEn('未计入：{count} 次', 'Not counted: {count}'),
  ticketTo: zhEn('提交到：{channel}{url}', 'Send to: {channel}{url}'),
  title: zhEn('标题：{title}', 'Title: {title}'),
  category: zhEn('分类：{category}', 'Category: {category}'),
  description: zhEn('描述：', 'Description:'),
  attachments: zhEn('附件：', 'Attachments:'),
  alternative: zhEn('也可以致电 {number}：', 'Or call {number}:'),
  packOk: zhEn('规则包“{id}”有效：{rules} 条规则。', 'Pack "{id}" is valid: {rules} rules.'),
  service: { exmail: zhEn('腾讯企业邮', 'Tencent Exmail'), cvm: zhEn('云服务器 CVM', 'CVM') } as Record<
    string,
    LocalizedText
  >,
};

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
  const sep = translator(locale)('engine.sourcesSep');
  return [...byText].map(([text, titles]) => `  - ${text} (${titles.join(sep)})`);
}

function verdictSummary(v: Verdict, locale: Locale, now: string, packs: PackSet): string {
  const say = (text: LocalizedText, params?: Record<string, string | number>) => localize(text, locale, params);
  const h = headlineWords(v, locale, now);
  const lines = [say(OUT.evaluated, { pack: v.pack.name, at: v.evaluatedAt.slice(0, 16).replace('T', ' ') }), ''];
  lines.push(say(OUT.headline, { line: h.line }) + (h.confirmed ? '' : say(OUT.unconfirmed)));
  if (h.deadline) lines.push(say(OUT.deadline, { deadline: h.deadline }));
  if (v.routes.length) {
    lines.push('', say(OUT.routes));
    for (const r of v.routes) {
      const mark = r.status === 'open' ? '✓' : r.status === 'needs-answers' ? '?' : '✗';
      const status = say(OUT.status[r.status], {
        needs: r.needs.join(', '),
        by: r.ruledOutBy ? exceptionName(v.vendor, r.ruledOutBy, locale, packs) : '',
      });
      const parts = [status];
      if (r.deadline)
        parts.push(
          say(OUT.until, { date: r.deadline.date, estimated: r.deadline.estimated ? say(OUT.estimatedMark) : '' }),
        );
      if (r.estimate?.amount != null) parts.push(say(OUT.estimate, { amount: formatMoney(r.estimate.amount, locale) }));
      else if (r.estimate?.range)
        parts.push(
          say(OUT.estimateRange, {
            min: formatMoney(r.estimate.range.min, locale),
            max: formatMoney(r.estimate.range.max, locale),
            missing: r.estimate.missing.join(', '),
          }),
        );
      lines.push(`  ${mark} ${r.label} — ${parts.join(' · ')}`);
    }
  }
  if (v.questions.length) {
    lines.push('', say(OUT.questions));
    v.questions.forEach((q, i) =>
      lines.push(
        `  ${i + 1}. ${q.text} (${q.fact})${q.options ? ` [${q.options.map((o) => o.value).join(' | ')}]` : ''}`,
      ),
    );
  }
  if (v.nextSteps.length) lines.push('', say(OUT.steps), ...v.nextSteps.map((s) => `  - ${s}`));
  if (v.channels.length)
    lines.push('', say(OUT.channels), ...v.channels.map((c) => `  - ${c.name}${c.value ? `: ${c.value}` : ''}`));
  lines.push('', say(OUT.basis), ...basisLines(v.basis, locale));
  lines.push('', say(OUT.checked, { date: v.pack.lastChecked }));
  return lines.join('\n');
}

function slaSummary(r: SlaResult, locale: Locale): string {
  const say = (text: LocalizedText, params?: Record<string, string | number>) => localize(text, locale, params);
  const lines = [
    say(OUT.sla, { service: say(OUT.service[r.service] ?? zhEn(r.service, r.service)), month: r.month }),
    say(OUT.availability, {
      availability: r.availabilityText,
      commitment: r.commitment.percent,
      minutes: r.unavailableMinutes,
    }),
    r.compensationPercent === 0
      ? say(OUT.met)
      : say(OUT.credit, {
          percent: r.compensationPercent,
          voucher:
            r.voucher !== null
              ? translator(locale)('engine.voucherAmount', { amount: formatMoney(r.voucher, locale) })
              : '',
        }),
    say(OUT.window, {
      opensAfter: r.claim.opensAfter,
      closesOn: r.claim.closesOn,
      estimated: r.claim.estimated ? say(OUT.estimatedMark) : '',
    }),
  ];
  if (r.excluded.length)
    lines.push(
      say(OUT.excluded, { count: r.excluded.length }),
      ...r.excluded.map((e) => `  - ${e.start} – ${e.end}: ${e.text}`),
    );
  if (r.ignored.length)
    lines.push(
      say(OUT.ignored, { count: r.ignored.length }),
      ...r.ignored.map((e) => `  - ${e.start} – ${e.end}: ${e.text}`),
    );
  if (r.notes.length) lines.push('', ...r.notes.map((n) => `- ${n}`));
  lines.push('', say(OUT.basis), ...basisLines(r.basis, locale));
  return lines.join('\n');
}

function ticketSummary(v: Verdict, d: TicketDraft, locale: Locale, now: string): string {
  const say = (text: LocalizedText, params?: Record<string, string | number>) => localize(text, locale, params);
  const h = headlineWords(v, locale, now);
  const lines = [say(OUT.headline, { line: h.line }) + (h.confirmed ? '' : say(OUT.unconfirmed))];
  if (h.deadline) lines.push(say(OUT.deadline, { deadline: h.deadline }));
  lines.push(
    '',
    say(OUT.ticketTo, { channel: d.channel, url: d.url ? ` ${d.url}` : '' }),
    say(OUT.title, { title: d.title }),
  );
  if (d.category.length) lines.push(say(OUT.category, { category: d.category.join(' › ') }));
  lines.push('', say(OUT.description), d.description);
  if (d.attachments.length)
    lines.push('', say(OUT.attachments), ...d.attachments.map((a) => `  ${a.have ? '✓' : '✗'} ${a.label}`));
  for (const alt of d.alternatives) lines.push('', say(OUT.alternative, { number: alt.number }), `  ${alt.script}`);
  if (d.notes.length) lines.push('', ...d.notes.map((n) => `- ${n}`));
  return lines.join('\n');
}

function helpText(topic: string | undefined, locale: Locale): string {
  if (!topic) return localize(USAGE, locale);
  const text = HELP[topic];
  if (!text) throw new UsageError(MSG.unknownHelp, { topic });
  return localize(text, locale);
}

/** The chosen language, read leniently so that even a bad command line is answered in it. */
function chosenLocale(argv: readonly string[]): Locale {
  const i = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  const value = i === -1 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return value === 'en' ? 'en' : 'zh-CN';
}

export function runClaimsCli(argv: readonly string[], io: CliIo): CliResult {
  const lang = chosenLocale(argv);
  const usage = `${localize(USAGE, lang)}\n`;
  const fail = (code: number, message: string, withUsage = false): CliResult => ({
    code,
    stdout: '',
    stderr: `${localize(MSG.error, lang)}${message}\n${withUsage ? `\n${usage}` : ''}`,
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
        localize(MSG.unknownVendor, lang, { vendor: e.vendor, shipped: Object.keys(SHIPPED_PACKS).join(', ') }),
      );
    if (e instanceof CalendarOverrideError)
      return fail(1, `${localize(MSG.calendar, lang)}\n${e.issues.map((i) => `  - ${i}`).join('\n')}`);
    if (e instanceof PolicyPackError)
      return fail(1, `${localize(MSG.pack, lang)}\n${e.errors.map((i) => `  - ${i}`).join('\n')}`);
    if (e instanceof SlaInputError || e instanceof ClaimInputError) return fail(1, e.message);
    throw e;
  }
}
