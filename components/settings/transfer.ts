import { z } from '../../lib/zod';
import { outageLogSchema, type OutageLog } from '../../lib/outages';
import { migrateSettings, SETTINGS_VERSION, settingsSchema, type Settings } from '../../lib/settings';
import { pathText } from './json-lines';

/** The settings export: settings (with their version) and the SLA outage log, one JSON file. */
export const EXPORT_FORMAT = 'refund-guard-settings';

export function buildExport(settings: Settings, outageLog: OutageLog, exportedAt: Date) {
  return {
    format: EXPORT_FORMAT,
    exportedAt: exportedAt.toISOString(),
    settingsVersion: SETTINGS_VERSION,
    settings,
    outageLog,
  };
}

const envelope = z.object({
  format: z.literal(EXPORT_FORMAT),
  settingsVersion: z.number().int().min(1).max(SETTINGS_VERSION),
  settings: z.unknown(),
  outageLog: z.unknown().optional(),
});

const describe = (error: z.ZodError, prefix: string) =>
  error.issues
    .slice(0, 5)
    .map((i) => `${prefix}${i.path.length ? `.${pathText(i.path)}` : ''}: ${i.message}`)
    .join('; ');

/** Reads an export; every part is validated before anything is written (all or nothing). */
export function readImport(
  text: string,
): { ok: true; settings: Settings; outageLog: OutageLog } | { ok: false; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : 'not JSON' };
  }
  const outer = envelope.safeParse(raw);
  if (!outer.success) return { ok: false, message: describe(outer.error, 'file') };
  const settings = settingsSchema.safeParse(migrateSettings(outer.data.settings, outer.data.settingsVersion));
  if (!settings.success) return { ok: false, message: describe(settings.error, 'settings') };
  const log = outageLogSchema().safeParse(outer.data.outageLog ?? {});
  if (!log.success) return { ok: false, message: describe(log.error, 'outageLog') };
  return { ok: true, settings: settings.data, outageLog: log.data };
}
