import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeSla } from '../sla/compute';
import {
  addSighting,
  emptyOutageLog,
  loggedMonths,
  outageEntrySchema,
  outageLogSchema,
  readOutageLog,
  recognizeWebmailFailure,
  slaInputFor,
  snapshotsForMonth,
  type WebmailSighting,
} from '.';

const SITES = resolve(import.meta.dirname, '../../test/fixtures/sites/exmail.qq.com/cgi-bin/frame_html');
const textOf = (file: string) =>
  readFileSync(resolve(SITES, file), 'utf8')
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ');

describe('recognising Exmail webmail failure pages (seed 002 §1.2: Webmail failing is unavailability)', () => {
  it('the error page: code and the time the page states', () => {
    expect(recognizeWebmailFailure('腾讯企业邮箱 - 系统繁忙', textOf('error.html'))).toEqual({
      failure: 'error',
      code: '-5003',
      shownAt: '2026-11-22T10:42:17+08:00',
    });
  });
  it('the timeout page: recognised from its text even though its title is plain', () => {
    expect(recognizeWebmailFailure('腾讯企业邮箱', textOf('timeout.html'))).toEqual({
      failure: 'timeout',
      code: 'ERR_CONNECTION_TIMED_OUT',
      shownAt: '2026-11-22T10:47:03+08:00',
    });
    expect(recognizeWebmailFailure('腾讯企业邮箱')).toBeNull();
  });
  it('the normal inbox is not a failure', () => {
    expect(recognizeWebmailFailure('腾讯企业邮箱 - 收件箱', textOf('inbox.html'))).toBeNull();
  });
});

describe('the outage log', () => {
  const log = outageLogSchema().parse({
    entries: [
      {
        id: 'out-a',
        service: 'exmail',
        start: '2026-09-30T23:00:00+08:00',
        end: '2026-10-01T01:00:00+08:00',
        failed: ['smtp', 'imap'],
        snapshotIds: ['snap-000004'],
      },
      {
        id: 'out-b',
        service: 'exmail',
        start: '2026-10-10T09:00:00+08:00',
        end: '2026-10-10T10:00:00+08:00',
        excluded: 'notified-maintenance',
      },
      { id: 'out-c', service: 'cvm', start: '2026-10-12T09:00:00+08:00', end: '2026-10-12T09:30:00+08:00' },
    ],
    fees: { 'exmail:2026-10': 100 },
  });

  it('the empty log is what the schema makes of nothing, and an unreadable stored log reads as empty', () => {
    expect(emptyOutageLog).toEqual(outageLogSchema().parse({}));
    expect(readOutageLog({ entries: 'not a list' })).toEqual({ log: emptyOutageLog, invalid: true });
  });

  it('an outage over a month end belongs to both months (Asia/Shanghai)', () => {
    expect(loggedMonths(log).map((m) => `${m.service}:${m.month}:${m.entries}`)).toEqual([
      'cvm:2026-10:1',
      'exmail:2026-10:2',
      'exmail:2026-09:1',
    ]);
  });

  it('gives computeSla the month’s entries and fee; the engine clips to the month', () => {
    const input = slaInputFor(log, 'exmail', '2026-10');
    expect(input.outages).toHaveLength(2);
    expect(input.monthlyFee).toBe(100);
    const result = computeSla(input);
    expect(result.unavailableMinutes).toBe(60);
    expect(result.excluded).toHaveLength(1);
    expect(snapshotsForMonth(log, 'exmail', '2026-09')).toEqual(['snap-000004']);
  });

  it('refuses entries that end before they start, unknown exclusions and unexplained "other"', () => {
    const base = {
      id: 'out-x',
      service: 'exmail',
      start: '2026-10-10T10:00:00+08:00',
      end: '2026-10-10T11:00:00+08:00',
    };
    expect(outageEntrySchema().safeParse({ ...base, end: base.start }).success).toBe(false);
    expect(outageEntrySchema().safeParse({ ...base, excluded: 'bad-weather' }).success).toBe(false);
    expect(outageEntrySchema().safeParse({ ...base, excluded: 'other' }).success).toBe(false);
    expect(outageEntrySchema().safeParse({ ...base, excluded: 'other', note: '机房断电（供应商说明）' }).success).toBe(
      true,
    );
    expect(readOutageLog({ entries: 'x' })).toMatchObject({ invalid: true });
  });

  it('keeps one sighting per page and minute, and keeps a snapshot id learned later', () => {
    const s = (over: Partial<WebmailSighting>): WebmailSighting => ({
      id: 'w1',
      seenAt: '2026-11-22T10:42:30+08:00',
      shownAt: '2026-11-22T10:42:17+08:00',
      failure: 'error',
      code: '-5003',
      url: 'http://exmail.qq.com/x',
      title: 't',
      snapshotId: null,
      ...over,
    });
    const once = addSighting([], s({}));
    const twice = addSighting(once, s({ id: 'w2', seenAt: '2026-11-22T10:42:50+08:00', snapshotId: 'snap-000009' }));
    expect(twice).toHaveLength(1);
    expect(twice[0]!.snapshotId).toBe('snap-000009');
    expect(addSighting(twice, s({ id: 'w3', seenAt: '2026-11-22T10:43:50+08:00' }))[0]!.snapshotId).toBe('snap-000009');
  });
});
