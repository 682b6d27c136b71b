import type { Locale } from '../i18n';
import type { ClaimWith, Outcome, PolicyPack, PolicyRule, RefundKind } from '../policy/schema';
import { SHARED_CHANNELS } from '../policy/common';
import { findPack, loadUserPacks } from '../policy/registry';
import { localize, t, type Text } from '../policy/text';
import { createCalendar, defaultCalendar, type BusinessCalendar, type YearOverride } from '../time/calendar';
import { addCalendarDays, parseInstant, shanghaiDate, shanghaiDateTime, type IsoDate } from '../time/zone';
import { evaluateCondition, rootFact, unknownFacts, type FactBag } from './conditions';
import { evaluateDeadline, type Deadline, type DeadlineState } from './deadline';
import { estimateRefund, type RefundEstimate } from './estimate';
import { ClaimFactsSchema, FACT_DEFAULTS, factQuestion, type ClaimFacts } from './facts';

export type { Deadline } from './deadline';

export interface BasisItem {
  source: string;
  clause?: string;
  text: string;
}

export interface Question {
  fact: string;
  text: string;
  type: string;
  options?: { value: string; label: string }[];
  /** The rule whose outcome the answer could bring about. */
  because: string;
}

export interface VerdictChannel {
  id: string;
  kind: string;
  name: string;
  value: string | null;
  note?: string;
}

export interface TimelineItem {
  id: string;
  label: string;
  earliest: IsoDate;
  latest: IsoDate;
  estimated: boolean;
}

/** Contract 1's verdict, with the extensions the popup uses. */
export interface Verdict {
  vendor: string;
  outcome: Outcome;
  refund: RefundKind | null;
  claimWith: ClaimWith;
  deadline: Deadline | null;
  basis: BasisItem[];
  evidence: string[];
  nextSteps: string[];
  /** The rule that decided (for expired: the rule whose window closed). */
  rule: string;
  /** Facts whose answers could change the outcome; never guessed. */
  questions: Question[];
  provisional: boolean;
  channels: VerdictChannel[];
  /** Windows that already closed on the way to this verdict. */
  lapsed: { rule: string; deadline: Deadline }[];
  /** SLA claims: when filing opens and closes. */
  claimWindow: { opensAfter: IsoDate; closesOn: IsoDate; estimated: boolean; canFileNow: boolean } | null;
  refundEstimate: RefundEstimate | null;
  /** Expected processing dates if the request is sent today. */
  timeline: TimelineItem[];
  pack: { id: string; name: string; lastChecked: string; covers: string };
  locale: Locale;
  evaluatedAt: string;
}

export interface EvaluateOptions {
  locale?: Locale;
  /** User-defined packs, validated here (a PolicyPackError lists every problem). */
  packs?: readonly unknown[];
  calendar?: BusinessCalendar;
  /** Per-year official schedules that the bundled calendar does not have yet. */
  holidayOverrides?: readonly YearOverride[];
}

export class ClaimInputError extends Error {
  constructor(readonly issues: string[], locale: Locale = 'zh-CN') {
    super(`${locale === 'zh-CN' ? '无法评估：输入有误' : 'Cannot evaluate: invalid input'}\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ClaimInputError';
  }
}

const TEXT = {
  windowClosed: t('{label}：已于 {date} 截止。', '{label}: closed on {date}.'),
  windowClosedEarlier: t('注意：{label}已于 {date} 截止，以下按其余规则判断。', 'Note: {label} closed on {date}; the verdict below follows the remaining rules.'),
  notYetOpen: t('SLA 赔偿须在 {opensAfter}（次月第 5 个工作日）之后才能申请{estimated}。', 'SLA claims can be filed only after {opensAfter} (the 5th business day of the next month){estimated}.'),
  estimatedSuffix: t('（该年节假日安排未公布，按工作日估算）', ' (estimated: that year’s holiday schedule is not published)'),
  timelineNote: t('——如今天提交', ' — if sent today'),
} satisfies Record<string, Text>;

function issuesOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string[] {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '(facts)'}: ${i.message}`);
}

function basisOf(rule: PolicyRule, locale: Locale): BasisItem[] {
  return rule.citations.map((c) => ({
    source: c.source,
    ...(c.clause ? { clause: c.clause } : {}),
    text: localize(c.text ?? rule.summary, locale),
  }));
}

function channelsOf(ids: readonly string[], pack: PolicyPack, locale: Locale): VerdictChannel[] {
  return ids.flatMap((id) => {
    const c = pack.channels.find((x) => x.id === id) ?? SHARED_CHANNELS.find((x) => x.id === id);
    if (!c) return [];
    return [{ id: c.id, kind: c.kind, name: localize(c.name, locale), value: c.value ?? null, ...(c.note ? { note: localize(c.note, locale) } : {}) }];
  });
}

function sameResult(rule: PolicyRule, outcome: Outcome, refund: RefundKind | null, claimWith: ClaimWith): boolean {
  return rule.outcome === outcome && rule.refund === refund && rule.claimWith === claimWith;
}

function timelineOf(pack: PolicyPack, facts: FactBag, now: number, calendar: BusinessCalendar, locale: Locale): TimelineItem[] {
  const today = shanghaiDate(now);
  const items: TimelineItem[] = [];
  for (const step of pack.processing) {
    if (evaluateCondition(step.when, facts) !== 'true') continue;
    const base = step.after ? items.find((i) => i.id === step.after) : undefined;
    if (step.after && !base) continue;
    const from = base?.latest ?? today;
    const add = (n: number) =>
      n === 0 ? { date: from, estimated: false } : step.unit === 'business-days' ? calendar.addBusinessDays(from, n) : { date: addCalendarDays(from, n), estimated: false };
    const earliest = add(step.min);
    const latest = add(step.max);
    items.push({
      id: step.id,
      label: localize(step.label, locale) + localize(TEXT.timelineNote, locale),
      earliest: earliest.date,
      latest: latest.date,
      estimated: earliest.estimated || latest.estimated || (base?.estimated ?? false),
    });
  }
  return items;
}

/**
 * Contract 1, `evaluateClaim(facts, now)`: the pack's rules are tried in order;
 * the first whose conditions hold and whose window is still open decides.
 * A rule that might apply but depends on an unknown fact turns into a
 * question, never into a guess. A window that closed makes the verdict
 * `expired` when nothing better than "not eligible" remains.
 */
export function evaluateClaim(facts: unknown, now: string, options: EvaluateOptions = {}): Verdict {
  const locale = options.locale ?? 'zh-CN';
  const parsed = ClaimFactsSchema.safeParse(facts);
  if (!parsed.success) throw new ClaimInputError(issuesOf(parsed.error), locale);
  const nowMs = parseInstant(now);
  if (nowMs === null) throw new ClaimInputError([`now: must be an ISO date-time, got "${now}"`], locale);
  const purchasedMs = parseInstant(parsed.data.purchasedAt)!;
  if (purchasedMs > nowMs) throw new ClaimInputError([`purchasedAt: ${parsed.data.purchasedAt} is after now (${now})`], locale);

  const userPacks = options.packs ? loadUserPacks(options.packs) : [];
  const pack = findPack(parsed.data.vendor, userPacks);
  const calendar = options.calendar ?? (options.holidayOverrides?.length ? createCalendar(options.holidayOverrides) : defaultCalendar);
  const bag: FactBag = { ...FACT_DEFAULTS, ...(parsed.data as ClaimFacts) };
  const ctx = { facts: bag, now: nowMs, calendar, locale };

  const possible: { rule: PolicyRule; facts: string[] }[] = [];
  const lapsed: { rule: PolicyRule; deadline: Deadline }[] = [];
  let decided: { rule: PolicyRule; deadline: DeadlineState } | undefined;
  for (const rule of pack.rules) {
    const truth = evaluateCondition(rule.when, bag);
    if (truth === 'false') continue;
    const deadline = evaluateDeadline(rule.deadline, ctx);
    if (truth === 'unknown') {
      if (deadline.state !== 'lapsed') possible.push({ rule, facts: unknownFacts(rule.when, bag) });
      continue;
    }
    if (deadline.state === 'lapsed') {
      lapsed.push({ rule, deadline: deadline.deadline });
      continue;
    }
    decided = { rule, deadline };
    break;
  }
  // The schema guarantees a last rule with no condition and no deadline.
  if (!decided) throw new Error(`pack ${pack.id} has no default rule`);

  const { rule } = decided;
  const firstLapsed = lapsed[0];
  const expired = rule.outcome === 'not-eligible' && firstLapsed !== undefined;
  const outcome: Outcome = expired ? 'expired' : rule.outcome;
  const refund = expired ? null : rule.refund;
  const claimWith = expired ? firstLapsed.rule.claimWith : rule.claimWith;
  const shown = expired ? firstLapsed.rule : rule;

  const steps: string[] = [];
  let deadline: Deadline | null = null;
  let claimWindow: Verdict['claimWindow'] = null;
  if (expired) {
    deadline = firstLapsed.deadline;
    steps.push(localize(TEXT.windowClosed, locale, { label: firstLapsed.deadline.label, date: firstLapsed.deadline.date }));
  } else {
    for (const l of lapsed) steps.push(localize(TEXT.windowClosedEarlier, locale, { label: l.deadline.label, date: l.deadline.date }));
    const d = decided.deadline;
    if (d.state === 'open') {
      deadline = d.deadline;
      if (d.opensAfter) {
        claimWindow = { opensAfter: d.opensAfter.date, closesOn: d.deadline.date, estimated: d.opensAfter.estimated, canFileNow: d.opensAfter.canFileNow };
        if (!d.opensAfter.canFileNow)
          steps.push(localize(TEXT.notYetOpen, locale, { opensAfter: d.opensAfter.date, estimated: d.opensAfter.estimated ? localize(TEXT.estimatedSuffix, locale) : '' }));
      }
    } else if (d.state === 'unknown' && d.note) {
      steps.push(d.note);
    }
  }
  // An expired claim gets the steps of the rule that now applies (the closed
  // rule's own steps would tell the user to act before a date that has passed).
  steps.push(...rule.nextSteps.map((s) => localize(s, locale)));
  for (const advice of pack.advice) if (evaluateCondition(advice.when, bag) === 'true') steps.push(localize(advice.text, locale));

  const questions: Question[] = [];
  const ask = (fact: string, because: string) => {
    const root = rootFact(fact);
    if (questions.some((q) => q.fact === root)) return;
    const q = factQuestion(root, pack.questions);
    questions.push({
      fact: root,
      text: localize(q.text, locale),
      type: q.type,
      ...(q.options ? { options: q.options.map((o) => ({ value: o.value, label: localize(o.label, locale) })) } : {}),
      because,
    });
  };
  // One question per rule that could change the outcome: its first unknown
  // condition. Once answered, the next evaluation asks the next one — so the
  // user is never asked about an outage's SLA before saying there was an outage.
  for (const p of possible) if (!sameResult(p.rule, outcome, refund, claimWith) && p.facts[0]) ask(p.facts[0], p.rule.id);
  if (!expired && decided.deadline.state === 'unknown') ask(decided.deadline.fact, rule.id);

  return {
    vendor: pack.id,
    outcome,
    refund,
    claimWith,
    deadline,
    basis: expired ? [...basisOf(firstLapsed.rule, locale), ...basisOf(rule, locale)] : basisOf(rule, locale),
    evidence: [...shown.evidence],
    nextSteps: [...new Set(steps)],
    rule: shown.id,
    questions,
    provisional: questions.length > 0,
    channels: channelsOf(shown.channels, pack, locale),
    lapsed: lapsed.map((l) => ({ rule: l.rule.id, deadline: l.deadline })),
    claimWindow,
    refundEstimate: !expired && rule.estimate ? estimateRefund(rule.estimate, bag, nowMs, locale) : null,
    timeline: timelineOf(pack, bag, nowMs, calendar, locale),
    pack: { id: pack.id, name: localize(pack.name, locale), lastChecked: pack.lastChecked, covers: localize(pack.covers, locale) },
    locale,
    evaluatedAt: shanghaiDateTime(nowMs),
  };
}
