import { browser, type Browser } from 'wxt/browser';
import { afterData } from './data';
import type { Handler, Handlers, MessageType, ResponseOf } from '../../lib/messages';
import {
  badgeCount,
  dismiss,
  markFired,
  parseReminderName,
  REMINDER_PREFIX,
  snooze,
  SNOOZE_MS,
  type Reminder,
} from '../../lib/reminders';
import { alarmsToSchedule, deadlineSummaries } from '../../lib/reminders/alarms';
import {
  applyAlarmPlan,
  reminderState,
  setReminderBadge,
  showReminder,
  computeReminders,
} from '../../platform/reminders';
import { serialQueue } from '../../lib/serial';
import type { EvidenceStore } from '../../platform/evidence-db';

/**
 * Deadline reminders: `browser.alarms` with deterministic ids (lib/reminders), recomputed from stored data on startup,
 * install and every data change, so a restart or a second sync never duplicates one. A dismissed one never comes back.
 */

export interface ReminderDeps {
  store: () => EvidenceStore;
  now?: () => number;
}

export function createReminders({ store, now = () => Date.now() }: ReminderDeps) {
  const serial = serialQueue();

  /** Makes the alarms exactly the plan: missing ones created, moved ones re-timed, stale ones cleared. */
  function sync(): Promise<ResponseOf<'reminders.sync'>> {
    return serial(async () => {
      const at = now();
      const { deadlines, locale, plan: all } = await computeReminders(store(), at);
      // Chrome allows 500 alarms per extension: schedule the soonest; each firing tops the rest up.
      const plan = alarmsToSchedule(all);
      await applyAlarmPlan(plan, at);
      const badge = badgeCount(deadlines, at);
      await setReminderBadge(badge);
      return {
        alarms: plan.map((r) => ({ name: r.name, fireAt: r.fireAt })),
        badge,
        deadlines: deadlineSummaries(deadlines, locale, at),
      };
    });
  }

  async function fire(name: string) {
    const parsed = parseReminderName(name);
    if (!parsed) return;
    await serial(async () => {
      const at = now();
      const { settings, state, locale, deadlines } = await computeReminders(store(), at);
      if (state.dismissed.includes(name)) return;
      const deadline = deadlines.find((d) => d.id === parsed.deadlineId);
      if (!deadline) return; // the order or outage behind it is gone
      const reminder: Reminder = { name, deadlineId: deadline.id, leadDays: parsed.leadDays, fireAt: at, deadline };
      await showReminder(reminder, locale, at);
      await reminderState.save(markFired(state, reminder, settings.reminders.leadDays, at));
      await setReminderBadge(badgeCount(deadlines, at));
    });
    // Schedules what the alarm limit held back.
    soon();
  }

  async function button(notificationId: string, index: number) {
    if (!notificationId.startsWith(REMINDER_PREFIX)) return;
    await serial(async () => {
      const at = now();
      const state = await reminderState.load();
      if (index === 0) {
        await reminderState.save(snooze(state, notificationId, at));
        await browser.alarms.create(notificationId, { when: at + SNOOZE_MS });
      } else {
        await reminderState.save(dismiss(state, notificationId));
        await browser.alarms.clear(notificationId);
      }
      await browser.notifications.clear(notificationId);
    });
  }

  let pending: ReturnType<typeof setTimeout> | null = null;
  /** Data changed: recompute soon (several writes in a row make one sync). */
  function soon() {
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => {
      pending = null;
      void sync().catch(() => undefined);
    }, 250);
  }

  return { sync, fire, button, soon, clearState: reminderState.clear };
}

export type Reminders = ReturnType<typeof createReminders>;

/** Listeners only (called from the worker's main). */
export function registerReminders(reminders: Reminders): void {
  browser.runtime.onStartup.addListener(afterData(() => reminders.sync().catch(() => undefined)));
  browser.runtime.onInstalled.addListener(afterData(() => reminders.sync().catch(() => undefined)));
  browser.alarms.onAlarm.addListener(
    afterData((alarm: Browser.alarms.Alarm) => {
      if (alarm.name.startsWith(REMINDER_PREFIX)) void reminders.fire(alarm.name).catch(() => undefined);
    }),
  );
  // Firefox has no notification buttons (and no such event).
  browser.notifications.onButtonClicked?.addListener(
    afterData((id: string, index: number) => reminders.button(id, index).catch(() => undefined)),
  );
  browser.storage.onChanged.addListener(
    afterData((changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && ('settings' in changes || 'outageLog' in changes)) reminders.soon();
    }),
  );
}

/** Runs a write's handler, then recomputes reminders unless the write changed nothing. */
function thenSync<K extends MessageType>(handler: Handler<K>, reminders: Reminders): Handler<K> {
  return async (data, sender) => {
    const result = await handler(data, sender);
    // A duplicate or failed capture changed nothing.
    const status = (result as { status?: unknown }).status;
    if (status === undefined || status === 'saved') reminders.soon();
    return result;
  };
}

/** Evidence writes change the orders reminders are computed from. */
export function withReminderSync(handlers: Handlers, reminders: Reminders): Handlers {
  const { 'evidence.capture': capture, 'evidence.delete': remove, 'evidence.wipe': wipe } = handlers;
  return {
    ...handlers,
    ...(capture && { 'evidence.capture': thenSync(capture, reminders) }),
    ...(remove && { 'evidence.delete': thenSync(remove, reminders) }),
    ...(wipe && { 'evidence.wipe': thenSync(wipe, reminders) }),
  };
}

export function reminderHandlers(reminders: Reminders): Handlers {
  return { 'reminders.sync': () => reminders.sync() };
}
