import { z } from 'zod';

/**
 * The persisted settings' shape. Reading is `safeParse` with defaults, never a
 * cast: an unreadable stored value yields defaults plus a flag, and the stored
 * data is left alone so nothing the user saved is lost.
 */
export const settingsSchema = z.object({
  locale: z.enum(['auto', 'zh-CN', 'en']).default('auto'),
  /** User-defined policy packs (raw JSON values; validated by the pack schema where used). */
  customPacks: z.array(z.unknown()).default([]),
  /** Per-year official holiday schedules the bundled calendar lacks (lib/time YearOverride). */
  holidayOverrides: z.array(z.unknown()).default([]),
});
export type Settings = z.infer<typeof settingsSchema>;
export const SETTINGS_VERSION = 1;

export const defaultSettings: Settings = settingsSchema.parse({});

export function readSettings(stored: unknown): { settings: Settings; invalid: boolean } {
  if (stored === null || stored === undefined) return { settings: defaultSettings, invalid: false };
  const parsed = settingsSchema.safeParse(stored);
  return parsed.success ? { settings: parsed.data, invalid: false } : { settings: defaultSettings, invalid: true };
}
