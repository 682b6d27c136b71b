import { browser } from 'wxt/browser';
import type { Locale } from '../lib/i18n';
import { translator } from '../lib/i18n';
import {
  emptyReminderState,
  notificationText,
  planReminders,
  REMINDER_PREFIX,
  trackedDeadlines,
  type OrderRecord,
  type Reminder,
  type ReminderState,
} from '../lib/reminders';
import { alarmChanges, readReminderState } from '../lib/reminders/alarms';
import { newestPerOrder, ordersKeyedBySite, siteOf } from '../lib/evidence/subject';
import type { EvidenceStore } from './evidence-db';
import { PackSet } from '../lib/policy/registry';
import type { YearOverride } from '../lib/time/calendar';
import { currentLocale } from './locale';
import { loadOutageLog, loadSettings } from './settings';
import { storedItem } from './storage-item';

/**
 * Browser adapters of the deadline reminders: the stored reminder state, the
 * alarms, the badge and the notifications. What to do is decided in lib/reminders.
 */

const stateItem = storedItem<unknown>('reminderState', { fallback: emptyReminderState });

export const reminderState = {
  load: async (): Promise<ReminderState> => readReminderState(await stateItem.getValue()),
  save: (state: ReminderState) => stateItem.setValue(state),
  clear: () => stateItem.removeValue(),
};

/** Makes the reminder alarms exactly `plan` (see `alarmChanges`). */
export async function applyAlarmPlan(plan: readonly Reminder[], at: number): Promise<void> {
  const existing = (await browser.alarms.getAll()).filter((a) => a.name.startsWith(REMINDER_PREFIX));
  const { clear, create } = alarmChanges(plan, existing, at);
  for (const name of clear) await browser.alarms.clear(name);
  for (const { name, when } of create) await browser.alarms.create(name, { when });
}

export async function setReminderBadge(count: number): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  if (!action) return;
  await action.setBadgeBackgroundColor({ color: '#c2410c' });
  await action.setBadgeText({ text: count > 0 ? String(count) : '' });
}

export async function showReminder(reminder: Reminder, locale: Locale, at: number): Promise<void> {
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

/** Everything a sync or a firing needs, read from storage and computed for `at`. */
export async function computeReminders(store: EvidenceStore, at: number) {
  const [{ settings }, { log }, state, orders] = await Promise.all([
    loadSettings(),
    loadOutageLog(),
    reminderState.load(),
    storedOrders(store),
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
