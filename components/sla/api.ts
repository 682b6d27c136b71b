import type { SnapshotSummary } from '../../lib/evidence/query';
import type { OutageLog, WebmailSighting } from '../../lib/outages';

/** What the SLA outage log needs from the browser (the page passes the real one, tests pass fakes). */
export interface SlaApi {
  loadLog(): Promise<{ log: OutageLog; invalid: boolean }>;
  /** Validates and writes the whole log; rejects (and writes nothing) when it is invalid. */
  saveLog(log: OutageLog): Promise<OutageLog>;
  sightings(): Promise<WebmailSighting[]>;
  /** Recent evidence snapshots, newest first: the outage's evidence is picked from them, and a stored order gives the fee. */
  snapshots(): Promise<SnapshotSummary[]>;
  copy(text: string): Promise<void>;
  /** The current time (ids, the verdict's `now`). */
  now(): Date;
}
