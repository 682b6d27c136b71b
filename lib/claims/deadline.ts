import type { Locale } from '../i18n';
import type { DeadlineSpec } from '../policy/schema';
import { engineText } from '../i18n/engine';
import { localize } from '../policy/text';
import type { BusinessCalendar } from '../time/calendar';
import {
  addCalendarDays,
  endOfDay,
  HOUR_MS,
  isIsoMonth,
  monthOf,
  parseInstant,
  shanghaiDate,
  shanghaiDateTime,
  type IsoDate,
} from '../time/zone';
import { SLA_POLICIES, slaClaimWindow } from '../sla/compute';
import { readFact, type FactBag } from './conditions';

/** Contract 1: `{ date, estimated, label }`; `closesAt` adds the exact closing instant. */
export interface Deadline {
  date: IsoDate;
  estimated: boolean;
  label: string;
  /** The last instant the window is open, Asia/Shanghai offset. */
  closesAt: string;
}

export type DeadlineState =
  | { state: 'none' }
  | {
      state: 'open';
      deadline: Deadline;
      opensAfter?: { date: IsoDate; estimated: boolean; canFileNow: boolean };
      askFor?: string;
    }
  | { state: 'lapsed'; deadline: Deadline; opensAfter?: { date: IsoDate; estimated: boolean } }
  | { state: 'unknown'; fact: string; note: string | null };

interface Ctx {
  facts: FactBag;
  now: number;
  calendar: BusinessCalendar;
  locale: Locale;
}

function eventInstant(
  spec: Extract<DeadlineSpec, { kind: 'period' }>,
  facts: FactBag,
): { ms: number; fallback: boolean } {
  const purchased = parseInstant(String(facts.purchasedAt))!;
  if (spec.from === 'download') {
    const downloaded = typeof facts.downloadedAt === 'string' ? parseInstant(facts.downloadedAt) : null;
    return downloaded !== null ? { ms: downloaded, fallback: false } : { ms: purchased, fallback: true };
  }
  if (spec.from === 'delivery') {
    const delivered = typeof facts.deliveredAt === 'string' ? parseInstant(facts.deliveredAt) : null;
    if (delivered !== null) return { ms: delivered, fallback: false };
    return { ms: purchased, fallback: true };
  }
  return { ms: purchased, fallback: false };
}

function closeAfter(
  spec: Extract<DeadlineSpec, { kind: 'period' }>,
  from: number,
  amount: number,
  calendar: BusinessCalendar,
): { date: IsoDate; closesAt: number; estimated: boolean } {
  if (spec.unit === 'hours') {
    const closesAt = from + amount * HOUR_MS;
    return { date: shanghaiDate(closesAt), closesAt, estimated: false };
  }
  const start = shanghaiDate(from);
  // The day of the event is not counted: "within 5 days" of a purchase on the
  // 22nd ends at the close of the 27th (DESIGN.md's example, day 5 included).
  if (spec.unit === 'calendar-days') {
    const date = addCalendarDays(start, amount);
    return { date, closesAt: endOfDay(date), estimated: false };
  }
  const result = calendar.addBusinessDays(start, amount);
  return { date: result.date, closesAt: endOfDay(result.date), estimated: result.estimated };
}

function state(deadline: Omit<Deadline, 'closesAt'>, closesAt: number, now: number): DeadlineState {
  const full = { ...deadline, closesAt: shanghaiDateTime(closesAt) };
  return now > closesAt ? { state: 'lapsed', deadline: full } : { state: 'open', deadline: full };
}

/** Where a rule's window stands at `now`. Unknown inputs give `unknown`, never a made-up date. */
// eslint-disable-next-line max-lines-per-function -- One decision per window kind in the order the policies define them; each case cites its clause.
export function evaluateDeadline(spec: DeadlineSpec | undefined, ctx: Ctx): DeadlineState {
  if (!spec) return { state: 'none' };
  const { facts, now, calendar, locale } = ctx;

  if (spec.kind === 'sla-claim-window') {
    const sla = facts.sla as { month?: unknown } | undefined;
    const outageStart = typeof facts.outageStart === 'string' ? parseInstant(facts.outageStart) : null;
    const month = isIsoMonth(sla?.month)
      ? sla.month
      : isIsoMonth(facts.outageMonth)
        ? facts.outageMonth
        : outageStart !== null
          ? monthOf(shanghaiDate(outageStart))
          : null;
    if (!month) return { state: 'unknown', fact: 'outageMonth', note: null };
    const claimWindow = slaClaimWindow(month, calendar, SLA_POLICIES[spec.service]);
    const closesAt = endOfDay(claimWindow.closesOn);
    const base = state(
      { date: claimWindow.closesOn, estimated: false, label: localize(spec.label, locale, { month }) },
      closesAt,
      now,
    );
    if (base.state === 'lapsed')
      return { ...base, opensAfter: { date: claimWindow.opensAfter, estimated: claimWindow.estimated } };
    if (base.state !== 'open') return base;
    return {
      ...base,
      opensAfter: {
        date: claimWindow.opensAfter,
        estimated: claimWindow.estimated,
        canFileNow: now > endOfDay(claimWindow.opensAfter),
      },
    };
  }

  const event = eventInstant(spec, facts);
  // A trial that runs from download, counted from purchase, is only an estimate: ask for the download time.
  const fromDownload = spec.from === 'download' && event.fallback;
  const suffix = event.fallback
    ? engineText(fromDownload ? 'engine.deadline.fromPurchaseNotDownload' : 'engine.deadline.fromPurchase', locale)
    : '';
  const counted = (s: DeadlineState): DeadlineState =>
    fromDownload && s.state !== 'unknown' && s.state !== 'none'
      ? {
          ...s,
          deadline: { ...s.deadline, estimated: true },
          ...(s.state === 'open' ? { askFor: 'downloadedAt' } : {}),
        }
      : s;
  if (typeof spec.amount === 'number') {
    const close = closeAfter(spec, event.ms, spec.amount, calendar);
    return counted(
      state(
        {
          date: close.date,
          estimated: close.estimated,
          label: localize(spec.label, locale, { amount: spec.amount }) + suffix,
        },
        close.closesAt,
        now,
      ),
    );
  }

  const given = readFact(facts, spec.amount.fact);
  if (typeof given === 'number' && given > 0) {
    const close = closeAfter(spec, event.ms, given, calendar);
    return counted(
      state(
        {
          date: close.date,
          estimated: close.estimated,
          label: localize(spec.label, locale, { amount: given }) + suffix,
        },
        close.closesAt,
        now,
      ),
    );
  }
  if (spec.amount.ifUnknown === 'no-deadline') return { state: 'none' };
  if (spec.amount.default !== undefined) {
    // A default from the source ("e.g. 24 h"): usable, but only as an estimate.
    const close = closeAfter(spec, event.ms, spec.amount.default, calendar);
    return counted(
      state(
        {
          date: close.date,
          estimated: true,
          label: localize(spec.label, locale, { amount: spec.amount.default }) + suffix,
        },
        close.closesAt,
        now,
      ),
    );
  }
  const range = spec.amount.range;
  if (range) {
    const [min, max] = range;
    const longest = closeAfter(spec, event.ms, max, calendar);
    if (now > longest.closesAt) {
      // Past even the longest window the source allows: closed whatever the plan.
      return {
        state: 'lapsed',
        deadline: {
          date: longest.date,
          estimated: longest.estimated,
          label: localize(spec.label, locale, { amount: max }) + engineText('engine.deadline.longest', locale) + suffix,
          closesAt: shanghaiDateTime(longest.closesAt),
        },
      };
    }
    const shortest = closeAfter(spec, event.ms, min, calendar);
    const note = spec.unknown
      ? localize(spec.unknown, locale, { min, max, earliest: shortest.date, latest: longest.date })
      : null;
    return { state: 'unknown', fact: spec.amount.fact, note };
  }
  return { state: 'unknown', fact: spec.amount.fact, note: spec.unknown ? localize(spec.unknown, locale) : null };
}
