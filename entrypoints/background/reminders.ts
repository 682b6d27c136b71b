import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { z } from '../../lib/zod';
import { PackSet } from '../../lib/policy/registry';
import type { Handler, Handlers, MessageType, ResponseOf } from '../../lib/messages';
import {
  badgeCount,
  dismiss,
  emptyReminderState,
  markFired,
  notificationText,
  parseReminderName,
  planReminders,
  REMINDER_PREFIX,
  reminderName,
  snooze,
  SNOOZE_MS,
  trackedDeadlines,
  type OrderRecord,
  type Reminder,
  type ReminderState,
} from '../../lib/reminders';
import { translator } from '../../lib/i18n';
import type { YearOverride } from '../../lib/time/calendar';
import { currentLocale } from '../../platform/locale';
import { loadOutageLog, loadSettings } from '../../platform/settings';
import { newestPerOrder, ordersKeyedBySite, siteOf } from '../../lib/evidence/subject';
import type { EvidenceStore } from '../../platform/evidence-db';

/**
 * Deadline reminders: `browser.alarms` named by deterministic ids (lib/reminders),
 * recomputed from stored data on startup, install and every data change, so a
 * restart or a second sync never duplicates one. Shown and dismissed reminders
 * are remembered in storage; a dismissed one never comes back.
 */
const stateSchema = z.object({
  dismissed: z.array(z.string()).default([]),
  fired: z.record(z.string(), z.number()).default({}),
  snoozed: z.record(z.string(), z.number()).default({}),
});
const stateItem = storage.defineItem<unknown>('local:reminderState', { fallback: emptyReminderState });
/** At most this many reminder alarms at once (Chrome's limit is 500 per extension; the rest is for others). */
export const MAX_ALARMS = 400;

async function loadState(): Promise<ReminderState> {
  const parsed = stateSchema.safeParse(await stateItem.getValue());
  return parsed.success ? parsed.data : emptyReminderState;
}

/** The newest snapshot of every order in the evidence store. */
export async function storedOrders(store: EvidenceStore): Promise<OrderRecord[]> {
  const seen = new Set<string>();
  const out: OrderRecord[] = [];
  const PAGE = 100;
  for (let offset = 0; ; offset += PAGE) {
    const { items, total } = await store.list({ offset, limit: PAGE });
    // One per order, by its subject: a generic order number on another site is another order.
    for (const item of newestPerOrder(items, seen)) {
      const detail = await store.get(item.id);
      const site = ordersKeyedBySite(item.vendor) ? siteOf(item.url) : undefined;
      if (detail)
        out.push({
          vendor: item.vendor,
          orderId: item.orderId!,
          ...(site ? { site } : {}),
          snapshotId: item.id,
          fields: detail.body.fields,
          url: item.url,
        });
    }
    if (offset + PAGE >= total) break;
  }
  return out;
}

export interface ReminderDeps {
  store: () => EvidenceStore;
  now?: () => number;
}

export function createReminders({ store, now = () => Date.now() }: ReminderDeps) {
  async function compute(at: number) {
    const [{ settings }, { log }, state, orders] = await Promise.all([
      loadSettings(),
      loadOutageLog(),
      loadState(),
      storedOrders(store()),
    ]);
    const locale = currentLocale(settings.locale);
    const deadlines = trackedDeadlines({
      orders,
      outageLog: log,
      now: at,
      locale,
      packs: PackSet.of(settings.customPacks),
      holidayOverrides: settings.holidayOverrides as YearOverride[],
    });
    return {
      settings,
      state,
      locale,
      deadlines,
      plan: planReminders(deadlines, settings.reminders.leadDays, state, at),
    };
  }

  async function setBadge(count: number) {
    const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
    if (!action) return;
    await action.setBadgeBackgroundColor({ color: '#c2410c' });
    await action.setBadgeText({ text: count > 0 ? String(count) : '' });
  }

  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  /** Makes the alarms exactly the plan: missing ones created, moved ones re-timed, stale ones cleared. */
  function sync(): Promise<ResponseOf<'reminders.sync'>> {
    return serial(async () => {
      const at = now();
      const { deadlines, locale, plan: all } = await compute(at);
      // Chrome allows 500 alarms per extension: schedule the soonest; each firing tops the rest up.
      const plan = [...all].sort((a, b) => a.fireAt - b.fireAt || a.name.localeCompare(b.name)).slice(0, MAX_ALARMS);
      const existing = (await browser.alarms.getAll()).filter((a) => a.name.startsWith(REMINDER_PREFIX));
      const wanted = new Map(plan.map((r) => [r.name, r]));
      for (const alarm of existing) if (!wanted.has(alarm.name)) await browser.alarms.clear(alarm.name);
      for (const reminder of plan) {
        const current = existing.find((a) => a.name === reminder.name);
        // A due reminder already waiting to fire is left alone (re-creating it would only delay it).
        if (current && (reminder.fireAt <= at || Math.abs(current.scheduledTime - reminder.fireAt) < 1000)) continue;
        await browser.alarms.create(reminder.name, { when: Math.max(reminder.fireAt, at + 1000) });
      }
      const badge = badgeCount(deadlines, at);
      await setBadge(badge);
      return {
        alarms: plan.map((r) => ({ name: r.name, fireAt: r.fireAt })),
        badge,
        deadlines: deadlines.slice(0, 200).map((d) => ({
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
        })),
      };
    });
  }

  async function show(reminder: Reminder, locale: Parameters<typeof notificationText>[1], at: number) {
    const { title, message } = notificationText(reminder, locale, at);
    const t = translator(locale);
    const options = {
      type: 'basic' as const,
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title,
      message,
      priority: 1,
      buttons: [{ title: t('reminders.snooze') }, { title: t('reminders.dismiss') }],
    };
    try {
      await browser.notifications.create(reminder.name, options);
    } catch {
      // Browsers without notification buttons (Firefox) still get the reminder.
      const { buttons: _buttons, priority: _priority, ...plain } = options;
      await browser.notifications.create(reminder.name, plain);
    }
  }

  async function fire(name: string) {
    const parsed = parseReminderName(name);
    if (!parsed) return;
    await serial(async () => {
      const at = now();
      const { settings, state, locale, deadlines } = await compute(at);
      if (state.dismissed.includes(name)) return;
      const deadline = deadlines.find((d) => d.id === parsed.deadlineId);
      if (!deadline) return; // the order or outage behind it is gone
      const reminder: Reminder = { name, deadlineId: deadline.id, leadDays: parsed.leadDays, fireAt: at, deadline };
      await show(reminder, locale, at);
      await stateItem.setValue(markFired(state, reminder, settings.reminders.leadDays, at));
      await setBadge(badgeCount(deadlines, at));
    });
    // Schedules what the alarm limit held back.
    soon();
  }

  async function button(notificationId: string, index: number) {
    if (!notificationId.startsWith(REMINDER_PREFIX)) return;
    await serial(async () => {
      const at = now();
      const state = await loadState();
      if (index === 0) {
        await stateItem.setValue(snooze(state, notificationId, at));
        await browser.alarms.create(notificationId, { when: at + SNOOZE_MS });
      } else {
        await stateItem.setValue(dismiss(state, notificationId));
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

  return { sync, fire, button, soon, clearState: () => stateItem.removeValue() };
}

export type Reminders = ReturnType<typeof createReminders>;

/** Listeners only (called from the worker's main). */
export function registerReminders(reminders: Reminders): void {
  browser.runtime.onStartup.addListener(() => void reminders.sync().catch(() => undefined));
  browser.runtime.onInstalled.addListener(() => void reminders.sync().catch(() => undefined));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name.startsWith(REMINDER_PREFIX)) void reminders.fire(alarm.name).catch(() => undefined);
  });
  // Firefox has no notification buttons (and no such event).
  browser.notifications.onButtonClicked?.addListener(
    (id, index) => void reminders.button(id, index).catch(() => undefined),
  );
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && ('settings' in changes || 'outageLog' in changes)) reminders.soon();
  });
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
  return {
    'reminders.sync': () => reminders.sync(),
  };
}
