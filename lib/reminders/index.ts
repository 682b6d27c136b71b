import type { Locale } from '../i18n';
import { translator } from '../i18n';
import { localize } from '../policy/text';
import type { HeadlineWords } from '../claims/headline';
import { evaluateOrder } from '../claims/order-headline';
import { headlineText } from '../headline-text';
import { ClaimFactsSchema } from '../claims/facts';
import { PackSet } from '../policy/registry';
import { computeSla, SLA_POLICIES, slaClaimWindow } from '../sla/compute';
import type { SlaService } from '../sla/policy';
import { orderFacts } from '../claims/order-facts';
import { loggedMonths, slaInputFor, type OutageLog } from '../outages';
import { createCalendar, defaultCalendar, type BusinessCalendar, type YearOverride } from '../time/calendar';
import {
  addCalendarDays,
  addCalendarMonths,
  DAY_MS,
  endOfDay,
  HOUR_MS,
  parseInstant,
  shanghaiDate,
  shanghaiDateTime,
  startOfDay,
  type IsoDate,
  type IsoMonth,
} from '../time/zone';

/**
 * Which reminders exist, and when they fire. Pure: the stored order snapshots,
 * the outage log, the settings and `now` go in; deterministic deadline ids and
 * alarm names come out, so recomputing after a restart changes nothing.
 */

export type DeadlineKind = 'refund-window' | 'sla-opens' | 'sla-closes' | 'service-expiry';

export interface TrackedDeadline {
  /** Deterministic: the same order / month always gives the same id. */
  id: string;
  kind: DeadlineKind;
  /** The day that matters (Asia/Shanghai): last day to act, first day to file, or the day the service ends. */
  date: IsoDate;
  /** The instant it happens (closes / opens / ends), epoch ms. */
  at: number;
  estimated: boolean;
  /** What the deadline is, in the requested locale (the policy's own label where there is one). */
  label: string;
  /** True when the rule behind it still depends on unanswered questions. */
  conditional: boolean;
  vendor: string;
  orderId: string | null;
  product: string | null;
  service: SlaService | null;
  month: IsoMonth | null;
  /** The vendor's SLA lets it delete the data once the service ends (Exmail: seed 002 §5.4). */
  dataDeletionWarning: boolean;
  /** What the vendor may do once the service ends, in the requested locale, from its SLA definition (null: nothing said). */
  afterEnd: string | null;
  /** The order's headline as every surface words it (null for SLA months). */
  headline: HeadlineWords | null;
}

/** An order as the evidence store holds it (the newest snapshot of each order). */
export interface OrderRecord {
  vendor: string;
  orderId: string;
  /**
   * The site the order was seen on, for vendors whose orders are told apart by
   * site (lib/evidence/subject.ts): the same number on two sites is two orders.
   */
  site?: string;
  snapshotId: string;
  fields: Readonly<Record<string, string | number | boolean>>;
  /** The page the snapshot was taken of. */
  url?: string;
}

export interface ReminderState {
  /** Alarm names the user dismissed: never shown again. */
  dismissed: string[];
  /** Alarm name → when it was shown. */
  fired: Record<string, number>;
  /** Alarm name → snoozed until (epoch ms). */
  snoozed: Record<string, number>;
}
export const emptyReminderState: ReminderState = { dismissed: [], fired: {}, snoozed: {} };

export interface Reminder {
  /** The alarm name: `rg-reminder|<deadline id>|<lead days>`. */
  name: string;
  deadlineId: string;
  leadDays: number;
  fireAt: number;
  deadline: TrackedDeadline;
}

export interface DeadlineInputs {
  orders: readonly OrderRecord[];
  outageLog: OutageLog;
  now: number;
  locale?: Locale;
  /** The pack set, or the user's packs as stored (those that do not validate are left out). */
  packs?: PackSet | readonly unknown[];
  holidayOverrides?: readonly YearOverride[];
}

export const REMINDER_PREFIX = 'rg-reminder|';
/** Reminders fire at 09:00 Asia/Shanghai on their day. */
export const REMINDER_HOUR = 9;
export const BADGE_WINDOW_DAYS = 7;
export const SNOOZE_MS = DAY_MS;

/** What the vendor's SLA lets it do once a service ends (lib/vendors/<vendor>/sla.ts), if it says. */
const afterEndOf = (vendor: string) => Object.values(SLA_POLICIES).find((p) => p.vendor === vendor)?.afterEnd;

const safeId = (s: string) => s.replace(/[|\s]/g, '_').slice(0, 120);
/** An order's part of its deadline ids: vendor (with the site where orders are per site) and number. */
const orderKey = (order: OrderRecord) =>
  `${safeId(order.vendor)}${order.site ? `@${safeId(order.site)}` : ''}|${safeId(order.orderId)}`;

function orderDeadlines(
  order: OrderRecord,
  ctx: { now: number; locale: Locale; calendar: BusinessCalendar; packs: PackSet },
): TrackedDeadline[] {
  const derived = orderFacts(order);
  // Refunded, unpaid and cancelled orders (and those with no payment time) track nothing.
  if (!derived.clock) return [];
  const facts = derived.facts;
  const parsed = ClaimFactsSchema.safeParse(facts);
  if (!parsed.success) return [];
  if (!ctx.packs.has(order.vendor)) return [];
  const pack = ctx.packs.find(order.vendor);
  const purchasedMs = parseInstant(parsed.data.purchasedAt)!;
  if (purchasedMs > ctx.now) return [];
  const { verdict, words } = evaluateOrder(derived, shanghaiDateTime(ctx.now), {
    locale: ctx.locale,
    packs: ctx.packs,
    calendar: ctx.calendar,
  });
  const base = {
    vendor: order.vendor,
    orderId: order.orderId,
    product: typeof facts.product === 'string' ? facts.product : null,
    service: null,
    month: null,
    headline: words,
  };
  const out: TrackedDeadline[] = [];
  // An upgrade (升级) is a change to an order, not a purchase: its windows are the original order's.
  const upgrade = facts.orderType === 'upgrade';
  if (!upgrade && verdict) {
    // Every route whose window runs from the order and is open now: the headline's, and those
    // still waiting on an answer (e.g. the five-day refund while "first time?" is unknown).
    // A route an exception rules out (a campaign's no-refund) gets no reminder.
    for (const route of verdict.routes) {
      const rule = pack.rules.find((r) => r.id === route.id);
      if (rule?.deadline?.kind !== 'period' || !route.deadline) continue;
      if (route.status !== 'open' && route.status !== 'needs-answers') continue;
      const at = parseInstant(route.deadline.closesAt)!;
      if (at <= ctx.now) continue;
      out.push({
        ...base,
        id: `order|${orderKey(order)}|${route.id}`,
        kind: 'refund-window',
        date: route.deadline.date,
        at,
        estimated: route.deadline.estimated,
        label: route.deadline.label,
        conditional: route.status === 'needs-answers',
        dataDeletionWarning: false,
        afterEnd: null,
      });
    }
  }
  const months = typeof facts.termMonths === 'number' ? facts.termMonths : null;
  if (months !== null && !upgrade) {
    // Counted from payment: the vendor counts from delivery, so this is an estimate.
    const date = addCalendarMonths(shanghaiDate(purchasedMs), months);
    const at = startOfDay(date);
    if (at > ctx.now) {
      const t = translator(ctx.locale);
      const said = afterEndOf(order.vendor);
      const afterEnd = said ? localize(said.text, ctx.locale) : null;
      out.push({
        ...base,
        id: `expiry|${orderKey(order)}`,
        kind: 'service-expiry',
        date,
        at,
        estimated: true,
        label: t('reminders.expiry.label', { product: base.product ?? order.orderId }),
        conditional: false,
        dataDeletionWarning: afterEnd !== null,
        afterEnd,
      });
    }
  }
  return out;
}

function slaDeadlines(
  log: OutageLog,
  ctx: { now: number; locale: Locale; calendar: BusinessCalendar },
): TrackedDeadline[] {
  const t = translator(ctx.locale);
  const out: TrackedDeadline[] = [];
  for (const { service, month } of loggedMonths(log)) {
    let owed: boolean;
    try {
      owed =
        computeSla(slaInputFor(log, service, month), { calendar: ctx.calendar, locale: ctx.locale })
          .compensationPercent > 0;
    } catch {
      continue;
    }
    // A month that met its commitment has nothing to claim: no reminder.
    if (!owed) continue;
    const policy = SLA_POLICIES[service];
    const claimWindow = slaClaimWindow(month, ctx.calendar, policy);
    const base = {
      vendor: policy.vendor,
      orderId: null,
      product: null,
      service,
      month,
      conditional: false,
      dataDeletionWarning: false,
      afterEnd: null,
      headline: null,
    };
    const serviceName = t(`reminders.service.${service}`);
    // Claims may be filed *after* the 5th business day: the first filing day is the day after.
    const opensOn = addCalendarDays(claimWindow.opensAfter, 1);
    const opensAt = startOfDay(opensOn);
    if (opensAt > ctx.now)
      out.push({
        ...base,
        id: `sla|${service}|${month}|opens`,
        kind: 'sla-opens',
        date: opensOn,
        at: opensAt,
        estimated: claimWindow.estimated,
        label: t('reminders.sla.opens', { service: serviceName, month }),
      });
    const closesAt = endOfDay(claimWindow.closesOn);
    if (closesAt > ctx.now)
      out.push({
        ...base,
        id: `sla|${service}|${month}|closes`,
        kind: 'sla-closes',
        date: claimWindow.closesOn,
        at: closesAt,
        estimated: false,
        label: t('reminders.sla.closes', { service: serviceName, month }),
      });
  }
  return out;
}

/** Every deadline still ahead, from stored orders and the outage log, soonest first. */
export function trackedDeadlines(input: DeadlineInputs): TrackedDeadline[] {
  const locale = input.locale ?? 'zh-CN';
  let calendar = defaultCalendar;
  if (input.holidayOverrides?.length) {
    try {
      calendar = createCalendar(input.holidayOverrides);
    } catch {
      // Invalid overrides are reported in the options page; the bundled calendar still works.
    }
  }
  // Packs that do not validate are reported in the options page; the others still count.
  const packs = input.packs instanceof PackSet ? input.packs : PackSet.of(input.packs);
  const ctx = { now: input.now, locale, calendar, packs };
  const seen = new Set<string>();
  const safely = (order: OrderRecord) => {
    try {
      return orderDeadlines(order, ctx);
    } catch {
      // One unreadable order (e.g. a vendor whose custom pack was removed) must not hide the others.
      return [];
    }
  };
  const all = [...input.orders.flatMap(safely), ...slaDeadlines(input.outageLog, ctx)];
  return all
    .filter((d) => (seen.has(d.id) ? false : (seen.add(d.id), true)))
    .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

export const reminderName = (deadlineId: string, leadDays: number) => `${REMINDER_PREFIX}${deadlineId}|${leadDays}`;

/** 09:00 Asia/Shanghai, `leadDays` calendar days before the deadline's day. */
export function fireTime(deadline: TrackedDeadline, leadDays: number): number {
  return startOfDay(addCalendarDays(deadline.date, -leadDays)) + REMINDER_HOUR * HOUR_MS;
}

/**
 * The reminders to schedule now: one per deadline and lead time, unless
 * dismissed or already shown (a snoozed one comes back at its snooze time).
 * A reminder whose time passed while the deadline is still ahead is due now.
 * A reminder that would fire after its deadline is left out.
 */
export function planReminders(
  deadlines: readonly TrackedDeadline[],
  leadDays: readonly number[],
  state: ReminderState,
  now: number,
): Reminder[] {
  const dismissed = new Set(state.dismissed);
  const out: Reminder[] = [];
  for (const deadline of deadlines) {
    if (deadline.at <= now) continue;
    for (const lead of [...new Set(leadDays)].sort((a, b) => b - a)) {
      const name = reminderName(deadline.id, lead);
      if (dismissed.has(name)) continue;
      const scheduled = fireTime(deadline, lead);
      if (scheduled >= deadline.at) continue;
      const snoozedUntil = state.snoozed[name];
      if (snoozedUntil !== undefined) {
        if (snoozedUntil < deadline.at)
          out.push({ name, deadlineId: deadline.id, leadDays: lead, fireAt: Math.max(snoozedUntil, now), deadline });
        continue;
      }
      if (state.fired[name] !== undefined) continue;
      out.push({ name, deadlineId: deadline.id, leadDays: lead, fireAt: Math.max(scheduled, now), deadline });
    }
  }
  // Several reminders of one deadline due at once (e.g. after days offline): only the nearest lead time.
  const nearestDue = new Map<string, number>();
  for (const r of out)
    if (r.fireAt <= now) nearestDue.set(r.deadlineId, Math.min(nearestDue.get(r.deadlineId) ?? Infinity, r.leadDays));
  return out.filter((r) => r.fireAt > now || nearestDue.get(r.deadlineId) === r.leadDays);
}

/** The badge number: deadlines within the next 7 days. */
export function badgeCount(deadlines: readonly TrackedDeadline[], now: number): number {
  return deadlines.filter((d) => d.at > now && d.at - now <= BADGE_WINDOW_DAYS * DAY_MS).length;
}

export function parseReminderName(name: string): { deadlineId: string; leadDays: number } | null {
  if (!name.startsWith(REMINDER_PREFIX)) return null;
  const rest = name.slice(REMINDER_PREFIX.length);
  const cut = rest.lastIndexOf('|');
  const lead = Number(rest.slice(cut + 1));
  if (cut <= 0 || !Number.isInteger(lead)) return null;
  return { deadlineId: rest.slice(0, cut), leadDays: lead };
}

/**
 * Marks a reminder shown — and with it every earlier lead time of the same
 * deadline whose time has also passed, so they do not follow one by one.
 * A snooze ends when it fires.
 */
export function markFired(
  state: ReminderState,
  reminder: Pick<Reminder, 'name' | 'deadline'>,
  leadDays: readonly number[],
  now: number,
): ReminderState {
  const names = [
    reminder.name,
    ...leadDays
      .filter((lead) => fireTime(reminder.deadline, lead) <= now)
      .map((lead) => reminderName(reminder.deadline.id, lead)),
  ];
  const fired = { ...state.fired };
  const snoozed = { ...state.snoozed };
  for (const name of names) {
    fired[name] = now;
    delete snoozed[name];
  }
  return { ...state, fired, snoozed };
}

export function snooze(state: ReminderState, name: string, now: number): ReminderState {
  return { ...state, snoozed: { ...state.snoozed, [name]: now + SNOOZE_MS } };
}

export function dismiss(state: ReminderState, name: string): ReminderState {
  const { [name]: _gone, ...snoozed } = state.snoozed;
  return { ...state, dismissed: [...new Set([...state.dismissed, name])].slice(-5000), snoozed };
}

/** The notification for a reminder, in the user's language. */
export function notificationText(reminder: Reminder, locale: Locale, now: number): { title: string; message: string } {
  const t = translator(locale);
  const d = reminder.deadline;
  const days = Math.max(0, Math.round((startOfDay(d.date) - startOfDay(shanghaiDate(now))) / DAY_MS));
  const when =
    days === 0
      ? t('reminders.when.today')
      : days === 1
        ? t('reminders.when.tomorrow')
        : t('reminders.when.days', { days });
  const subject = d.orderId ? t('reminders.subject.order', { product: d.product ?? d.vendor, orderId: d.orderId }) : '';
  const parts = [
    d.headline ? headlineText(d.headline) : '',
    t(`reminders.kind.${d.kind}`, { date: d.date, when }),
    d.label + (d.estimated ? t('reminders.estimated') : ''),
    subject,
    d.conditional ? t('reminders.conditional') : '',
    d.dataDeletionWarning ? localize(afterEndOf(d.vendor)?.text ?? '', locale) : '',
  ].filter(Boolean);
  return { title: t('reminders.title'), message: parts.join('\n') };
}
