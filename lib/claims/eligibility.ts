import type { Locale } from '../i18n';
import { engineTranslator as translator } from '../i18n/engine';
import type { ClaimWith, Outcome, PolicyPack, PolicyRule, RefundKind } from '../policy/schema';
import { SHARED_CHANNELS } from '../policy/shared-channels';
import { packSetOf, type PackSet } from '../policy/registry';
import { localize } from '../policy/text';
import { engineText } from '../i18n/engine';
import { createCalendar, defaultCalendar, type BusinessCalendar, type YearOverride } from '../time/calendar';
import { addCalendarDays, parseInstant, shanghaiDate, shanghaiDateTime, type IsoDate } from '../time/zone';
import { evaluateCondition, rootFact, type FactBag } from './conditions';
import type { Deadline } from './deadline';
import { estimateRefund, type RefundEstimate } from './estimate';
import { planRoutes, routeLabel, ruleName, type PlannedRoute } from './routes';
import { localizeIssue } from '../policy/issues';
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
  /** The smaller refund the source says it may also end in ("full or partial"). */
  refundOr?: RefundKind;
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
  /** The payment the windows are counted from, Asia/Shanghai offset (the timeline starts there). */
  purchasedAt: string;
  /** Every remedy the pack knows for these facts, best first (the headline is the first open or needs-answers one). */
  routes: Route[];
  /** The headline route is open (true) or depends on answers (false); true when no route is left. */
  confirmed: boolean;
  /** The facts the headline depends on. */
  needs: string[];
}

export type RouteStatus = 'open' | 'needs-answers' | 'closed' | 'ruled-out';

/** One remedy: a rule of the pack that grants something, and where it stands. */
export interface Route {
  /** The rule id, e.g. 'five-day-no-reason'. */
  id: string;
  /** As the rule states it: a closed window keeps 'eligible' (the status says closed). */
  outcome: Outcome;
  refund: RefundKind | null;
  refundOr?: RefundKind;
  claimWith: ClaimWith;
  deadline: Deadline | null;
  /** A window that opens later than payment (an SLA claim: filing opens after this day). */
  opensAfter?: IsoDate;
  estimate?: RefundEstimate;
  status: RouteStatus;
  /** Fact keys still unknown that decide this route (for a closed route: that would have decided it). */
  needs: string[];
  /** The exception (rule id) that rules this route out. */
  ruledOutBy?: string;
  basis: BasisItem[];
  /** Short localized name of the remedy, e.g. '五天无理由全额退款'. */
  label: string;
  /** The rule's short name alone, e.g. '五天无理由' (the label without what it pays). */
  name: string;
}

export interface EvaluateOptions {
  locale?: Locale;
  /**
   * The pack set (shipped and the user's validated packs, built once where the
   * settings are read), or the user's packs as stored: validated once per list,
   * where any problem is a PolicyPackError listing every one.
   */
  packs?: PackSet | readonly unknown[];
  calendar?: BusinessCalendar;
  /** Per-year official schedules that the bundled calendar does not have yet. */
  holidayOverrides?: readonly YearOverride[];
  /**
   * The kind of remedy the user came for (the SLA log asks for the SLA
   * voucher): the headline is the best live route paying it, when one exists;
   * the other routes are still listed.
   */
  remedy?: RefundKind;
}

export class ClaimInputError extends Error {
  constructor(
    readonly issues: string[],
    locale: Locale = 'zh-CN',
  ) {
    super(`${translator(locale)('error.claimInput')}\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ClaimInputError';
  }
}

function issuesOf(
  error: { issues: readonly { path: readonly PropertyKey[]; message: string; code?: string }[] },
  locale: Locale,
): string[] {
  return error.issues.map((i) => localizeIssue(i, locale));
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
    return [
      {
        id: c.id,
        kind: c.kind,
        name: localize(c.name, locale),
        value: c.value ?? null,
        ...(c.note ? { note: localize(c.note, locale) } : {}),
      },
    ];
  });
}

/** The rule's channels, or the first `channelsWhen` alternative whose condition holds. */
function channelIds(rule: PolicyRule, facts: FactBag): readonly string[] {
  return rule.channelsWhen?.find((w) => evaluateCondition(w.when, facts) === 'true')?.channels ?? rule.channels;
}

function timelineOf(
  pack: PolicyPack,
  facts: FactBag,
  now: number,
  calendar: BusinessCalendar,
  locale: Locale,
): TimelineItem[] {
  const today = shanghaiDate(now);
  const items: TimelineItem[] = [];
  for (const step of pack.processing) {
    if (evaluateCondition(step.when, facts) !== 'true') continue;
    const base = step.after ? items.find((i) => i.id === step.after) : undefined;
    if (step.after && !base) continue;
    const from = base?.latest ?? today;
    const add = (n: number) =>
      n === 0
        ? { date: from, estimated: false }
        : step.unit === 'business-days'
          ? calendar.addBusinessDays(from, n)
          : { date: addCalendarDays(from, n), estimated: false };
    const earliest = add(step.min);
    const latest = add(step.max);
    items.push({
      id: step.id,
      label: localize(step.label, locale) + engineText('engine.verdict.timelineNote', locale),
      earliest: earliest.date,
      latest: latest.date,
      estimated: earliest.estimated || latest.estimated || (base?.estimated ?? false),
    });
  }
  return items;
}

/**
 * Contract 1, `evaluateClaim(facts, now)`. Every rule of the pack that grants
 * something is a route to the money (lib/claims/routes.ts); the not-eligible
 * rules are exceptions that rule routes out. The top-level fields describe the
 * headline: the best route that is open or waits on answers, so a better route
 * that depends on an unknown fact is never hidden behind a worse certain one.
 * With no such route the verdict is what the exceptions and closed windows
 * say (`not-eligible` or `expired`). Unknown facts become questions, never guesses.
 */
// eslint-disable-next-line max-lines-per-function -- The verdict's steps in the order the engine applies them (exceptions, windows, routes, questions).
export function evaluateClaim(facts: unknown, now: string, options: EvaluateOptions = {}): Verdict {
  const locale = options.locale ?? 'zh-CN';
  const parsed = ClaimFactsSchema.safeParse(facts);
  if (!parsed.success) throw new ClaimInputError(issuesOf(parsed.error, locale), locale);
  const nowMs = parseInstant(now);
  if (nowMs === null) throw new ClaimInputError([engineText('engine.verdict.badNow', locale, { now })], locale);
  const purchasedMs = parseInstant(parsed.data.purchasedAt)!;
  if (purchasedMs > nowMs)
    throw new ClaimInputError(
      [engineText('engine.verdict.afterNow', locale, { purchasedAt: parsed.data.purchasedAt, now })],
      locale,
    );

  const pack = packSetOf(options.packs).find(parsed.data.vendor);
  const calendar =
    options.calendar ?? (options.holidayOverrides?.length ? createCalendar(options.holidayOverrides) : defaultCalendar);
  const bag: FactBag = { ...FACT_DEFAULTS, ...(parsed.data as ClaimFacts) };
  const ctx = { facts: bag, now: nowMs, calendar, locale };

  const plan = planRoutes(pack, ctx, options.remedy);
  const headline = plan.headline;
  // Windows that closed on routes that did apply (one we cannot tell applied does not make a claim expired).
  const closed = plan.routes.filter((r) => r.status === 'closed' && r.applies);
  const firstClosed = closed[0];
  // No route open or waiting on answers: the exceptions decide, and a window
  // that closed on the way makes it `expired` (the closed route explains why).
  const expired = !headline && firstClosed !== undefined;
  const rule: PolicyRule = headline?.rule ?? (expired ? firstClosed.rule : plan.exception);
  const outcome: Outcome = headline ? rule.outcome : expired ? 'expired' : plan.exception.outcome;
  const refund = headline ? rule.refund : null;
  const claimWith = rule.claimWith;
  const stepsRule = headline?.rule ?? plan.exception;

  const steps: string[] = [];
  let deadline: Deadline | null = null;
  let claimWindow: Verdict['claimWindow'] = null;
  if (expired) {
    deadline = firstClosed.state.state === 'lapsed' ? firstClosed.state.deadline : null;
    if (deadline)
      steps.push(engineText('engine.verdict.windowClosed', locale, { label: deadline.label, date: deadline.date }));
  } else {
    for (const l of closed)
      if (l.state.state === 'lapsed')
        steps.push(
          engineText('engine.verdict.windowClosedEarlier', locale, {
            label: l.state.deadline.label,
            date: l.state.deadline.date,
          }),
        );
    const d = headline?.state;
    if (d?.state === 'open') {
      deadline = d.deadline;
      if (d.opensAfter) {
        claimWindow = {
          opensAfter: d.opensAfter.date,
          closesOn: d.deadline.date,
          estimated: d.opensAfter.estimated,
          canFileNow: d.opensAfter.canFileNow,
        };
        if (!d.opensAfter.canFileNow)
          steps.push(
            engineText('engine.verdict.notYetOpen', locale, {
              opensAfter: d.opensAfter.date,
              estimated: d.opensAfter.estimated ? engineText('engine.verdict.estimatedSuffix', locale) : '',
            }),
          );
      }
    } else if (d?.state === 'unknown' && d.note) {
      steps.push(d.note);
    }
  }
  // An expired claim gets the steps of the exception that now applies (the
  // closed rule's own steps would say to act before a date that has passed).
  steps.push(...stepsRule.nextSteps.map((s) => localize(s, locale)));
  for (const advice of pack.advice)
    if (evaluateCondition(advice.when, bag) === 'true') steps.push(localize(advice.text, locale));

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
  // What the best undecided routes need, best first — one fact each: once it
  // is answered, the next evaluation asks the next one (never the SLA of an
  // outage before the user said there was one). Then the exceptions that could
  // still rule the headline out.
  for (const r of plan.undecided) if (r.needs[0]) ask(r.needs[0], r.rule.id);
  if (headline?.state.state === 'open' && headline.state.askFor) ask(headline.state.askFor, headline.rule.id);
  for (const b of plan.pendingBlockers) if (b.facts[0]) ask(b.facts[0], b.rule.id);

  const routes = plan.routes.map((r) => toRoute(r, bag, nowMs, locale));
  return {
    vendor: pack.id,
    outcome,
    refund,
    ...(headline && rule.refundOr ? { refundOr: rule.refundOr } : {}),
    claimWith,
    deadline,
    basis: expired ? [...basisOf(firstClosed.rule, locale), ...basisOf(plan.exception, locale)] : basisOf(rule, locale),
    evidence: [...rule.evidence],
    nextSteps: [...new Set(steps)],
    rule: rule.id,
    questions,
    provisional: questions.length > 0,
    channels: channelsOf(channelIds(rule, bag), pack, locale),
    lapsed: closed.flatMap((l) =>
      l.state.state === 'lapsed' ? [{ rule: l.rule.id, deadline: l.state.deadline }] : [],
    ),
    claimWindow,
    refundEstimate: headline && rule.estimate ? estimateRefund(rule.estimate, bag, nowMs, locale) : null,
    timeline: timelineOf(pack, bag, nowMs, calendar, locale),
    pack: {
      id: pack.id,
      name: localize(pack.name, locale),
      lastChecked: pack.lastChecked,
      covers: localize(pack.covers, locale),
    },
    locale,
    evaluatedAt: shanghaiDateTime(nowMs),
    purchasedAt: shanghaiDateTime(purchasedMs),
    routes,
    confirmed: headline ? headline.status === 'open' : true,
    needs: headline ? [...headline.needs] : [],
  };
}

function toRoute(r: PlannedRoute, facts: FactBag, now: number, locale: Locale): Route {
  const deadline = r.state.state === 'open' || r.state.state === 'lapsed' ? r.state.deadline : null;
  const live = r.status === 'open' || r.status === 'needs-answers';
  return {
    id: r.rule.id,
    outcome: r.rule.outcome,
    refund: r.rule.refund,
    ...(r.rule.refundOr ? { refundOr: r.rule.refundOr } : {}),
    claimWith: r.rule.claimWith,
    deadline,
    ...((r.state.state === 'open' || r.state.state === 'lapsed') && r.state.opensAfter
      ? { opensAfter: r.state.opensAfter.date }
      : {}),
    ...(live && r.rule.estimate ? { estimate: estimateRefund(r.rule.estimate, facts, now, locale) } : {}),
    status: r.status,
    needs: [...r.needs],
    ...(r.ruledOutBy ? { ruledOutBy: r.ruledOutBy } : {}),
    basis: basisOf(r.rule, locale),
    label: routeLabel(r.rule, locale),
    name: ruleName(r.rule, locale),
  };
}
