import { z } from '../zod';
import { lazy } from '../lazy';
import type { SlaInput } from '../sla/compute';
import { SLA_POLICIES } from '../sla/registry';
import type { SlaService } from '../sla/policy';
import { splitByMonth } from '../sla/intervals';
import { isIsoMonth, monthBounds, parseInstant, shanghaiDateTime, type IsoMonth } from '../time/zone';
import { ERROR_MARKERS, TIMEOUT_MARKERS } from '../extract/webmail';

/**
 * The SLA outage log an admin keeps (DESIGN.md, user 2): outages with what
 * failed, exclusions under the SLA's own clauses (seed 002 §2.3) and the
 * evidence snapshots behind them. Pure data and functions; the pages store it.
 */
export const OUTAGE_LOG_VERSION = 1;
export const OUTAGE_SERVICES = ['exmail', 'cvm'] as const satisfies readonly SlaService[];
/** Seed 002 §1.2: failing to send or receive by SMTP, POP, IMAP or Webmail. */
export const FAILED_PROTOCOLS = ['smtp', 'pop', 'imap', 'webmail'] as const;
export type FailedProtocol = (typeof FAILED_PROTOCOLS)[number];

// The schemas are built on first use (lib/lazy.ts): the popup and the options page import this
// module for its functions and types, and most of them never read a log.
const instant = () =>
  z.string().check(
    z.maxLength(40),
    z.refine((v) => parseInstant(v) !== null, 'must be an ISO date-time'),
  );
const snapshotId = () => z.string().check(z.regex(/^snap-\d{6,}$/));

export const outageEntrySchema = lazy(() =>
  z
    .object({
      id: z.string().check(z.regex(/^out-[\w-]{1,60}$/)),
      service: z.enum(OUTAGE_SERVICES),
      start: instant(),
      end: instant(),
      failed: z._default(z.array(z.enum(FAILED_PROTOCOLS)).check(z.maxLength(4)), []),
      /** An exclusion code of the service's SLA (Exmail: §2.3 (1)–(7)), or "other" with a note. */
      excluded: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
      note: z._default(z.string().check(z.maxLength(2000)), ''),
      snapshotIds: z._default(z.array(snapshotId()).check(z.maxLength(50)), []),
    })
    .check(
      z.superRefine((o, ctx) => {
        const start = parseInstant(o.start);
        const end = parseInstant(o.end);
        if (start !== null && end !== null && end <= start)
          ctx.addIssue({ code: 'custom', path: ['end'], message: 'end must be after start' });
        if (
          o.excluded !== undefined &&
          o.excluded !== 'other' &&
          !SLA_POLICIES[o.service].exclusions.some((e) => e.code === o.excluded)
        )
          ctx.addIssue({
            code: 'custom',
            path: ['excluded'],
            message: `"${o.excluded}" is not an exclusion of the ${o.service} SLA`,
          });
        if (o.excluded === 'other' && !o.note.trim())
          ctx.addIssue({ code: 'custom', path: ['note'], message: 'an "other" exclusion needs a note saying why' });
      }),
    ),
);
export type OutageEntry = z.infer<ReturnType<typeof outageEntrySchema>>;
export type OutageEntryInput = z.input<ReturnType<typeof outageEntrySchema>>;

export const outageLogSchema = lazy(() =>
  z.object({
    version: z._default(z.literal(OUTAGE_LOG_VERSION), OUTAGE_LOG_VERSION),
    entries: z._default(z.array(outageEntrySchema()).check(z.maxLength(5000)), []),
    /** The month's fee per `service:YYYY-MM`, for the voucher amount (vouchers/coupons already taken off). */
    fees: z._default(
      z.record(z.string().check(z.regex(/^(exmail|cvm):\d{4}-(0[1-9]|1[0-2])$/)), z.number().check(z.nonnegative())),
      {},
    ),
  }),
);
export type OutageLog = z.infer<ReturnType<typeof outageLogSchema>>;
/** What `outageLogSchema().parse({})` gives. */
export const emptyOutageLog: OutageLog = { version: OUTAGE_LOG_VERSION, entries: [], fees: {} };

export function readOutageLog(stored: unknown): { log: OutageLog; invalid: boolean } {
  if (stored === null || stored === undefined) return { log: emptyOutageLog, invalid: false };
  const parsed = outageLogSchema().safeParse(stored);
  return parsed.success ? { log: parsed.data, invalid: false } : { log: emptyOutageLog, invalid: true };
}

export const monthKeyOf = (service: SlaService, month: IsoMonth) => `${service}:${month}`;

export interface LoggedMonth {
  service: SlaService;
  month: IsoMonth;
  entries: number;
}

/** Every service month an entry touches (an outage over midnight at a month end touches two), newest first. */
export function loggedMonths(log: OutageLog): LoggedMonth[] {
  const counts = new Map<string, LoggedMonth>();
  for (const entry of log.entries) {
    const start = parseInstant(entry.start);
    const end = parseInstant(entry.end);
    if (start === null || end === null || end <= start) continue;
    for (const month of splitByMonth([{ start, end }]).keys()) {
      const key = monthKeyOf(entry.service, month);
      const seen = counts.get(key) ?? { service: entry.service, month, entries: 0 };
      seen.entries++;
      counts.set(key, seen);
    }
  }
  return [...counts.values()].sort((a, b) => b.month.localeCompare(a.month) || a.service.localeCompare(b.service));
}

/** The `computeSla` input for one service month: the entries that overlap it, the month's fee when known. */
export function slaInputFor(log: OutageLog, service: SlaService, month: IsoMonth): SlaInput {
  if (!isIsoMonth(month)) throw new RangeError(`not a month: ${month}`);
  const bounds = monthBounds(month);
  const outages = log.entries
    .filter((e) => e.service === service)
    .filter(
      (e) => (parseInstant(e.start) ?? Infinity) < bounds.end && (parseInstant(e.end) ?? -Infinity) > bounds.start,
    )
    .map((e) => ({
      start: e.start,
      end: e.end,
      ...(e.excluded !== undefined ? { excluded: e.excluded } : {}),
      ...(e.note.trim() ? { note: e.note } : {}),
    }));
  const fee = log.fees[monthKeyOf(service, month)];
  return { service, month, outages, ...(fee !== undefined ? { monthlyFee: fee } : {}) };
}

/** The snapshots attached to a month's entries, for the ticket's evidence list. */
export function snapshotsForMonth(log: OutageLog, service: SlaService, month: IsoMonth): string[] {
  const bounds = monthBounds(month);
  return [
    ...new Set(
      log.entries
        .filter(
          (e) =>
            e.service === service &&
            (parseInstant(e.start) ?? Infinity) < bounds.end &&
            (parseInstant(e.end) ?? -Infinity) > bounds.start,
        )
        .flatMap((e) => e.snapshotIds),
    ),
  ];
}

/** A Webmail failure seen in the browser: outage evidence with its time (seed 002 §1.2). */
export interface WebmailFailure {
  failure: 'error' | 'timeout';
  /** The code the page shows (e.g. -5003, ERR_CONNECTION_TIMED_OUT), if any. */
  code: string | null;
  /** The time the page states (发生时间), Asia/Shanghai, if it shows one. */
  shownAt: string | null;
}

/**
 * Recognises an Exmail webmail failure page from its title and text. A timeout
 * may be on the user's side (the SLA excludes that, §2.3), so it is offered,
 * never logged by itself.
 */
export function recognizeWebmailFailure(title: string, text = ''): WebmailFailure | null {
  const all = `${title}\n${text}`;
  const failure = ERROR_MARKERS.test(all) ? 'error' : TIMEOUT_MARKERS.test(all) ? 'timeout' : null;
  if (!failure) return null;
  const code = /错误代码[:：]\s*(-?\d+)/.exec(all)?.[1] ?? /\b(ERR_[A-Z_]+)\b/.exec(all)?.[1] ?? null;
  const time = /发生时间[:：]\s*(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)/.exec(all);
  const shownMs = time ? parseInstant(`${time[1]}T${time[2]!.length === 5 ? `${time[2]}:00` : time[2]}+08:00`) : null;
  return { failure, code, shownAt: shownMs === null ? null : shanghaiDateTime(shownMs) };
}

export const webmailSightingSchema = lazy(() =>
  z.object({
    id: z.string().check(z.maxLength(80)),
    /** When the browser saw the page (worker clock). */
    seenAt: instant(),
    /** The time the page itself states, when it shows one. */
    shownAt: z.nullable(instant()),
    failure: z.enum(['error', 'timeout']),
    code: z.nullable(z.string().check(z.maxLength(100))),
    url: z.string().check(z.maxLength(8192)),
    title: z.string().check(z.maxLength(2000)),
    snapshotId: z.nullable(snapshotId()),
  }),
);
export type WebmailSighting = z.infer<ReturnType<typeof webmailSightingSchema>>;
export const SIGHTINGS_KEEP = 200;

/** Adds a sighting, keeping the newest `SIGHTINGS_KEEP`; the same page at the same minute is one sighting. */
export function addSighting(list: readonly WebmailSighting[], next: WebmailSighting): WebmailSighting[] {
  const minute = (s: WebmailSighting) => `${s.url}|${s.failure}|${(s.shownAt ?? s.seenAt).slice(0, 16)}`;
  const same = list.find((s) => minute(s) === minute(next));
  const rest = list.filter((s) => s !== same);
  const merged = same
    ? {
        ...next,
        seenAt: same.seenAt < next.seenAt ? same.seenAt : next.seenAt,
        snapshotId: next.snapshotId ?? same.snapshotId,
      }
    : next;
  return [merged, ...rest].sort((a, b) => b.seenAt.localeCompare(a.seenAt)).slice(0, SIGHTINGS_KEEP);
}
