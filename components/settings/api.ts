import type { Locale } from '../../lib/i18n';
import type { ResponseOf } from '../protocol';
import type { OutageLog } from '../../lib/outages';
import type { Settings } from '../../lib/settings';

/**
 * What the settings sections need from the browser. The options page passes
 * the real implementation; component tests pass fakes and check the calls.
 */
export interface SettingsApi {
  load(): Promise<{ settings: Settings; invalid: boolean }>;
  save(patch: Partial<Settings>): Promise<Settings>;
  loadOutageLog(): Promise<OutageLog>;
  /** Optional host permissions (asked for while the user's click is still being handled). */
  requestOrigins(origins: string[]): Promise<boolean>;
  removeOrigins(origins: string[]): Promise<boolean>;
  containsOrigins(origins: string[]): Promise<boolean>;
  syncSites(): Promise<{ registered: string[]; missingPermission: string[] }>;
  /** Recomputes reminders in the worker and returns the deadlines still ahead. */
  upcoming(): Promise<UpcomingDeadline[]>;
  exportEvidence(locale: Locale): Promise<{ fileName: string; base64: string; count: number }>;
  wipeEvidence(): Promise<number>;
  /** The fingerprint of the key evidence bundles are signed with (made on first need). */
  signingKey(): Promise<{ fingerprint: string }>;
  /** Writes settings and outage log in one storage operation (import: all or nothing). */
  writeAll(settings: Settings, log: OutageLog): Promise<void>;
  /** Removes everything the extension keeps in local storage. */
  clearAll(): Promise<void>;
  download(fileName: string, data: Blob): void;
  /** The clock for file names only. */
  now(): Date;
}

export type UpcomingDeadline = ResponseOf<'reminders.sync'>['deadlines'][number];
