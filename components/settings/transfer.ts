import { z } from '../../lib/zod';
import { outageEntrySchema, outageLogSchema, type OutageLog } from '../../lib/outages';
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
  settingsVersion: z.int().check(z.minimum(1), z.maximum(SETTINGS_VERSION)),
  settings: z.unknown(),
  outageLog: z.optional(z.unknown()),
});

const describe = (error: z.core.$ZodError, prefix: string) =>
  error.issues
    .slice(0, 5)
    .map((i) => `${prefix}${i.path.length ? `.${pathText(i.path)}` : ''}: ${i.message}`)
    .join('; ');

type ImportResult = { ok: true; settings: Settings; outageLog: OutageLog } | { ok: false; message: string };

/** Reads an export; every part is validated before anything is written (all or nothing). */
export function readImport(text: string): ImportResult {
  const head = readHead(text);
  if (!head.ok) return head;
  return finishLog(head.settings, head.rawLog);
}

function readHead(text: string): { ok: true; settings: Settings; rawLog: unknown } | { ok: false; message: string } {
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
  return { ok: true, settings: settings.data, rawLog: outer.data.outageLog ?? {} };
}

function finishLog(settings: Settings, rawLog: unknown): ImportResult {
  const log = outageLogSchema().safeParse(rawLog);
  if (!log.success) return { ok: false, message: describe(log.error, 'outageLog') };
  return { ok: true, settings, outageLog: log.data };
}

/** Where a stepwise import is: validated items of the whole, and what is being looked at. */
export type ImportProgress =
  | { phase: 'settings'; done: number; total: number; packs: number; sites: number }
  | { phase: 'entries'; done: number; total: number };

/** Outage entries validated between two progress reports (and two yields to the page). */
export const IMPORT_BATCH = 200;

/**
 * `readImport` in steps: the settings first, then the outage entries a batch
 * at a time, reporting progress and handing the thread back to the page
 * between batches (`pause`), so a large file shows where it is and the page
 * stays usable. Nothing is written here, so `signal` may stop it at any
 * point; the result is then `cancelled`.
 */
export async function readImportStepwise(
  text: string,
  {
    onProgress,
    signal,
    pause = () => new Promise<void>((next) => setTimeout(next, 0)),
  }: { onProgress: (progress: ImportProgress) => void; signal?: AbortSignal; pause?: () => Promise<void> },
): Promise<ImportResult | { ok: false; cancelled: true }> {
  const head = readHead(text);
  if (!head.ok) return head;
  const rawEntries = (head.rawLog as { entries?: unknown } | null)?.entries;
  const entries = Array.isArray(rawEntries) ? rawEntries : [];
  const total = entries.length + 1;
  const { customPacks, genericSites } = head.settings;
  onProgress({ phase: 'settings', done: 1, total, packs: customPacks.length, sites: genericSites.length });
  for (let from = 0; from < entries.length; from += IMPORT_BATCH) {
    await pause();
    if (signal?.aborted) return { ok: false, cancelled: true };
    const batch = entries.slice(from, from + IMPORT_BATCH);
    for (const [i, entry] of batch.entries()) {
      const parsed = outageEntrySchema().safeParse(entry);
      if (!parsed.success) return { ok: false, message: describe(parsed.error, `outageLog.entries.${from + i}`) };
    }
    onProgress({ phase: 'entries', done: 1 + from + batch.length, total });
  }
  await pause();
  if (signal?.aborted) return { ok: false, cancelled: true };
  return finishLog(head.settings, head.rawLog);
}
