import { z } from './zod';
import { SITE_PATTERN } from './site-pattern';

export { SITE_PATTERN, sitePattern } from './site-pattern';

/**
 * The persisted settings' shape. Reading is `safeParse` with defaults, never a
 * cast: an unreadable stored value yields defaults plus a flag, and the stored
 * data is left alone so nothing the user saved is lost.
 *
 * Versions: 1 = locale, customPacks, holidayOverrides. 2 adds reminder lead
 * times, the sites enabled for generic checkout detection and the automatic
 * screenshots flag (`migrateSettings`, one step per version).
 */

/** Reminder lead times in calendar days before a deadline (0 = on the day). */
export const LEAD_DAYS_MAX = 60;
export const DEFAULT_LEAD_DAYS = [3, 1] as const;

export const remindersSettingsSchema = z.object({
  leadDays: z._default(
    z.pipe(
      z.array(z.int().check(z.minimum(0), z.maximum(LEAD_DAYS_MAX))).check(z.maxLength(5)),
      z.transform((days) => [...new Set(days)].sort((a, b) => b - a)),
    ),
    [...DEFAULT_LEAD_DAYS],
  ),
});

export const settingsSchema = z.object({
  locale: z._default(z.enum(['auto', 'zh-CN', 'en']), 'auto'),
  /** User-defined policy packs (raw JSON values; validated by the pack schema where used). */
  customPacks: z._default(z.array(z.unknown()), []),
  /** Per-year official holiday schedules the bundled calendar lacks (lib/time YearOverride). */
  holidayOverrides: z._default(z.array(z.unknown()), []),
  reminders: z._default(remindersSettingsSchema, { leadDays: [...DEFAULT_LEAD_DAYS] }),
  /** Sites enabled for generic checkout detection (each one an optional host permission the user granted). */
  genericSites: z._default(z.array(z.string().check(z.regex(SITE_PATTERN))).check(z.maxLength(200)), []),
  /** Screenshots with every capture: needs the optional `<all_urls>` permission. */
  autoScreenshots: z._default(z.boolean(), false),
});
export type Settings = z.infer<typeof settingsSchema>;
export const SETTINGS_VERSION = 2;

export const defaultSettings: Settings = settingsSchema.parse({});

export function readSettings(stored: unknown): { settings: Settings; invalid: boolean } {
  if (stored === null || stored === undefined) return { settings: defaultSettings, invalid: false };
  const parsed = settingsSchema.safeParse(stored);
  return parsed.success ? { settings: parsed.data, invalid: false } : { settings: defaultSettings, invalid: true };
}

/**
 * Version 1 → 2: the new fields get their defaults; everything else (notably
 * `customPacks` and `holidayOverrides`, read elsewhere as raw values) is kept
 * exactly as stored. A value that is not an object is left for `readSettings`
 * to flag, not replaced.
 */
export function migrateSettingsV1toV2(old: unknown): unknown {
  if (typeof old !== 'object' || old === null || Array.isArray(old)) return old;
  const v1 = old as Record<string, unknown>;
  return {
    ...v1,
    reminders: v1.reminders ?? { leadDays: [...DEFAULT_LEAD_DAYS] },
    genericSites: v1.genericSites ?? [],
    autoScreenshots: v1.autoScreenshots ?? false,
  };
}

/** Storage migrations by target version (WXT `defineItem` runs each step after the stored version). */
export const SETTINGS_MIGRATIONS: Record<number, (old: unknown) => unknown> = {
  2: migrateSettingsV1toV2,
};

/** Runs every step from `fromVersion` up to the current version. */
export function migrateSettings(stored: unknown, fromVersion: number): unknown {
  let value = stored;
  for (let v = fromVersion + 1; v <= SETTINGS_VERSION; v++) value = SETTINGS_MIGRATIONS[v]?.(value) ?? value;
  return value;
}
