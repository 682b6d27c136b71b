import type { OutageLog, WebmailSighting } from '../../lib/outages';

/** What the SLA outage log needs from the browser (the page passes the real one, tests pass fakes). */
export interface SlaApi {
  loadLog(): Promise<{ log: OutageLog; invalid: boolean }>;
  /** Validates and writes the whole log; rejects (and writes nothing) when it is invalid. */
  saveLog(log: OutageLog): Promise<OutageLog>;
  sightings(): Promise<WebmailSighting[]>;
  copy(text: string): Promise<void>;
  /** The current time (ids, the verdict's `now`). */
  now(): Date;
}
