import type { Locale } from '../i18n';
import type { RefundKind } from '../policy/schema';
import { engineText } from '../i18n/engine';
import type { MessageKey } from '../i18n/core';
import { daysBetween, parseInstant, shanghaiDate, type IsoDate } from '../time/zone';
import { rootFact } from './conditions';
import type { Route, Verdict } from './eligibility';
import { paysWords } from './routes';

/**
 * The words every surface shows for a verdict — the in-page card, the popup,
 * order-list rows, reminders and notifications, the evidence locker — so the
 * same order reads the same everywhere. Built from the headline route only;
 * no rule ids, no internal words.
 */

export type HeadlineTone = 'good' | 'warn' | 'bad' | 'neutral';

export interface HeadlineWords {
  tone: HeadlineTone;
  /** One line, e.g. '可全额退款 · 五天无理由', '五天无理由已过 · 仍可部分退款', '可能可以全额退款 · 需确认 1 项', '不可退款'. */
  line: string;
  /** e.g. '12月9日前（还剩 3 天）' / 'by 2026-12-09 (3 days left)'; null without a deadline. */
  deadline: string | null;
  deadlineDate: IsoDate | null;
  /** The deadline (or the day claims open) is an estimate. */
  estimated: boolean;
  confirmed: boolean;
}

const WHO = {
  reseller: 'engine.headline.who.reseller',
  apple: 'engine.headline.who.apple',
  google: 'engine.headline.who.google',
} as const satisfies Record<string, MessageKey>;

const REMEDY = {
  compensation: 'engine.headline.remedy.compensation',
  negotiable: 'engine.headline.remedy.negotiable',
} as const satisfies Record<string, MessageKey>;

/** The remedy with the verb some outcomes put before it in Chinese ('申请…', '争取…'); English adds none. */
function remedyOf(outcome: Verdict['outcome'], pays: string, locale: Locale): string {
  return outcome === 'compensation' || outcome === 'negotiable' ? engineText(REMEDY[outcome], locale, { pays }) : pays;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** '12月9日' (with the year when it is not this year's) / '2026-12-09'. */
function dateWords(date: IsoDate, today: IsoDate, locale: Locale): string {
  if (locale === 'en') return date;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${y !== Number(today.slice(0, 4)) ? `${y}年` : ''}${m}月${d}日`;
}

function paysOf(route: Pick<Route, 'refund' | 'refundOr'>, locale: Locale): string {
  return paysWords(route.refund, route.refundOr, locale);
}

function needsWords(count: number, locale: Locale): string {
  return engineText(count === 1 ? 'engine.headline.needsOne' : 'engine.headline.needs', locale, { count });
}

function headlineLine(verdict: Verdict, route: Route | undefined, locale: Locale): string {
  const join = (...parts: (string | null | false | undefined)[]) => parts.filter(Boolean).join(' · ');
  if (!route) {
    if (verdict.outcome === 'expired') {
      const closed = verdict.routes.find((r) => r.id === verdict.rule);
      return closed?.name && closed.name !== paysOf(closed, locale)
        ? engineText('engine.headline.expired', locale, { name: closed.name })
        : engineText('engine.headline.expiredPlain', locale);
    }
    return engineText('engine.headline.none', locale);
  }
  const pays = paysOf(route, locale);
  const params = { pays, remedy: remedyOf(route.outcome, pays, locale) };
  const confirmed = route.status === 'open';
  const count = route.needs.length;
  const named = route.name && route.name !== pays ? route.name : null;

  if (route.claimWith !== 'vendor') {
    const who = engineText(WHO[route.claimWith], locale);
    const line = engineText(confirmed ? 'engine.headline.askWho' : 'engine.headline.askWhoMaybe', locale, {
      who,
      pays,
    });
    return join(capitalize(line), !confirmed && needsWords(count, locale));
  }
  // A better route whose window has passed is named first: the user should
  // know what was missed and what is still there.
  // A window that passed is named even when it is not known whether it applied
  // (a row of an order list shows no term), unless it hung on a reason the user
  // never gave (an outage window is no news about an ordinary order).
  const passed = verdict.routes.find(
    (r) => r.status === 'closed' && better(r, route) && !r.needs.some((f) => rootFact(f) === 'reason'),
  );
  if (passed) {
    const rest = engineText(confirmed ? 'engine.headline.stillOpen' : 'engine.headline.stillMaybe', locale, params);
    return join(
      engineText('engine.headline.passed', locale, { name: passed.name }),
      rest,
      !confirmed && needsWords(count, locale),
    );
  }
  if (!confirmed)
    return join(capitalize(engineText('engine.headline.maybe', locale, params)), needsWords(count, locale));
  if (route.outcome === 'negotiable' && route.refund === null)
    return join(engineText('engine.headline.negotiableNone', locale), named);
  const key =
    route.outcome === 'compensation'
      ? 'engine.headline.compensation'
      : route.outcome === 'negotiable'
        ? 'engine.headline.negotiable'
        : 'engine.headline.eligible';
  return join(capitalize(engineText(key, locale, params)), named);
}

const RANK: Record<RefundKind | 'none', number> = { full: 0, partial: 1, difference: 2, voucher: 3, none: 4 };
function better(a: Route, b: Route): boolean {
  return RANK[a.refund ?? 'none'] < RANK[b.refund ?? 'none'];
}

function toneOf(verdict: Verdict, route: Route | undefined): HeadlineTone {
  if (!route) return 'bad';
  if (route.status === 'needs-answers') return 'warn';
  if (route.outcome === 'negotiable') return route.refund === null ? 'neutral' : 'warn';
  return verdict.outcome === 'eligible' || verdict.outcome === 'compensation' ? 'good' : 'warn';
}

function deadlineWords(
  verdict: Verdict,
  locale: Locale,
  now: string,
): { text: string | null; date: IsoDate | null; estimated: boolean } {
  const d = verdict.deadline;
  if (!d) return { text: null, date: null, estimated: false };
  const nowMs = parseInstant(now);
  const today = nowMs === null ? d.date : shanghaiDate(nowMs);
  const estimated = d.estimated || (verdict.claimWindow?.estimated ?? false);
  const mark = estimated ? engineText('engine.headline.estimated', locale) : '';
  const closesAt = parseInstant(d.closesAt);
  if (verdict.outcome === 'expired' || (nowMs !== null && closesAt !== null && nowMs > closesAt)) {
    return {
      text: engineText('engine.headline.closedOn', locale, { date: dateWords(d.date, today, locale) }) + mark,
      date: d.date,
      estimated,
    };
  }
  const left = Math.max(0, daysBetween(today, d.date));
  const opens =
    verdict.claimWindow && !verdict.claimWindow.canFileNow
      ? engineText('engine.headline.opensAfter', locale, {
          date: dateWords(verdict.claimWindow.opensAfter, today, locale),
        })
      : '';
  const remaining =
    left === 0
      ? engineText('engine.headline.lastDay', locale)
      : engineText(left === 1 ? 'engine.headline.daysLeftOne' : 'engine.headline.daysLeft', locale, { count: left });
  return {
    text:
      opens + engineText('engine.headline.by', locale, { date: dateWords(d.date, today, locale) }) + remaining + mark,
    date: d.date,
    estimated,
  };
}

/** The one line, tone and deadline every surface shows for this verdict. */
export function headlineWords(verdict: Verdict, locale: Locale, now: string): HeadlineWords {
  const route = verdict.routes.find(
    (r) => r.id === verdict.rule && (r.status === 'open' || r.status === 'needs-answers'),
  );
  const deadline = deadlineWords(verdict, locale, now);
  return {
    tone: toneOf(verdict, route),
    line: headlineLine(verdict, route, locale),
    deadline: deadline.text,
    deadlineDate: deadline.date,
    estimated: deadline.estimated,
    confirmed: verdict.confirmed,
  };
}
