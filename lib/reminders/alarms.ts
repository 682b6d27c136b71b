import { z } from '../zod';
import type { Locale } from '../i18n';
import {
  emptyReminderState,
  notificationText,
  reminderName,
  type Reminder,
  type ReminderState,
  type TrackedDeadline,
} from './index';

/**
 * The pure half of keeping `browser.alarms` equal to the reminder plan: which
 * alarms to clear and which to (re)create, and the summary the popup lists.
 * The worker applies the result (platform/reminders.ts).
 */

/** At most this many reminder alarms at once (Chrome's limit is 500 per extension; the rest is for others). */
export const MAX_ALARMS = 400;

/** Stored reminder state; anything unreadable reads as empty. */
export const reminderStateSchema = z.object({
  dismissed: z._default(z.array(z.string()), []),
  fired: z._default(z.record(z.string(), z.number()), {}),
  snoozed: z._default(z.record(z.string(), z.number()), {}),
});

export function readReminderState(value: unknown): ReminderState {
  const parsed = reminderStateSchema.safeParse(value);
  return parsed.success ? parsed.data : emptyReminderState;
}

/** The soonest `MAX_ALARMS` reminders: each firing tops the rest up. */
export function alarmsToSchedule(plan: readonly Reminder[]): Reminder[] {
  return [...plan].sort((a, b) => a.fireAt - b.fireAt || a.name.localeCompare(b.name)).slice(0, MAX_ALARMS);
}

export interface ExistingAlarm {
  name: string;
  scheduledTime: number;
}

/** The changes that make the existing reminder alarms exactly `plan`. */
export function alarmChanges(
  plan: readonly Reminder[],
  existing: readonly ExistingAlarm[],
  at: number,
): { clear: string[]; create: { name: string; when: number }[] } {
  const wanted = new Set(plan.map((r) => r.name));
  const clear = existing.filter((a) => !wanted.has(a.name)).map((a) => a.name);
  const create: { name: string; when: number }[] = [];
  for (const reminder of plan) {
    const current = existing.find((a) => a.name === reminder.name);
    // A due reminder already waiting to fire is left alone (re-creating it would only delay it).
    if (current && (reminder.fireAt <= at || Math.abs(current.scheduledTime - reminder.fireAt) < 1000)) continue;
    create.push({ name: reminder.name, when: Math.max(reminder.fireAt, at + 1000) });
  }
  return { clear, create };
}

/** What the popup lists of the tracked deadlines (the first 200), each with its notification text. */
export function deadlineSummaries(deadlines: readonly TrackedDeadline[], locale: Locale, at: number) {
  return deadlines.slice(0, 200).map((d) => ({
    id: d.id,
    kind: d.kind,
    date: d.date,
    label: d.label,
    estimated: d.estimated,
    conditional: d.conditional,
    orderId: d.orderId,
    product: d.product,
    dataDeletionWarning: d.dataDeletionWarning,
    afterEnd: d.afterEnd,
    headline: d.headline,
    notification: notificationText(
      { name: reminderName(d.id, 0), deadlineId: d.id, leadDays: 0, fireAt: at, deadline: d },
      locale,
      at,
    ),
  }));
}
