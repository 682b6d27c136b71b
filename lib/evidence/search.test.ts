import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listQuerySchema, matchesQuery, type Searchable } from './query';
import type { SnapshotBody } from './schema';
import { entryDecision, searchEntry, withNote, SEARCH_TEXT_CHARS } from './search';

/** A snapshot body with what the filters look at; the rest is as a sealed body has it. */
function body(over: {
  vendor: string;
  title: string;
  url: string;
  note: string;
  fields: Record<string, string | number>;
  day: string;
}): SnapshotBody {
  return {
    schemaVersion: 1,
    type: 'snapshot',
    id: 'snap-000001',
    vendor: over.vendor,
    kind: 'order',
    url: over.url,
    title: over.title,
    capturedAt: `${over.day}T02:00:00.000Z`,
    capturedAtShanghai: `${over.day}T10:00:00+08:00`,
    source: 'auto',
    note: over.note,
    fields: over.fields,
    previousSnapshotId: null,
    subjectKey: 'page:x',
    dedupeKey: '0'.repeat(64),
    redactions: { cards: 0, ids: 0, secrets: 0 },
    parts: {
      text: { sha256: '0'.repeat(64), size: 0 },
      dom: { sha256: '0'.repeat(64), size: 0 },
      fields: { sha256: '0'.repeat(64), size: 0 },
      screenshot: null,
    },
  } as SnapshotBody;
}

// Few letters, so needles often match; case pairs and the context-sensitive Σ/ς, İ, the separator.
const letter = fc.constantFrom('a', 'A', 'b', 'B', '1', '2', ' ', '\t', '订', '单', 'Σ', 'σ', 'ς', 'İ', 'i', '\u0000');
const str = (max: number) => fc.array(letter, { maxLength: max }).map((a) => a.join(''));
const day = fc.constantFrom('2026-11-20', '2026-11-21', '2026-11-22');

const snapshot = fc.record({
  vendor: fc.constantFrom('tencent-cloud', 'letsvpn'),
  title: str(6),
  url: str(6),
  note: str(4),
  orderId: fc.option(fc.oneof(fc.constantFrom('2026', '12026', '2027'), fc.integer({ min: 0, max: 300 })), {
    nil: undefined,
  }),
  status: str(3),
  day,
  text: str(40),
  notes: fc.array(str(5), { maxLength: 3 }),
});

const query = fc
  .record(
    {
      vendor: fc.constantFrom('tencent-cloud', 'letsvpn', ''),
      orderId: fc.constantFrom('20', '2026', ' 2026 ', '1', '7', ''),
      from: day,
      to: day,
      search: str(4),
      exactOrder: fc.boolean(),
    },
    { requiredKeys: [] },
  )
  .map((q) => listQuerySchema.parse(q));

describe('the search structure decides as matchesQuery does', () => {
  it('every entry, whole or cut at any length, agrees with matchesQuery, and asks for the snapshot only when it must (property)', () => {
    fc.assert(
      fc.property(snapshot, query, fc.integer({ min: 0, max: 50 }), (s, q, textChars) => {
        const fields: Record<string, string | number> = { status: s.status };
        if (s.orderId !== undefined) fields['orderId'] = s.orderId;
        const b = body({ ...s, fields });
        const item: Searchable = { body: b, text: s.text, notes: s.notes };
        // Notes added one by one give the same entry as notes known from the start.
        const entry = s.notes.reduce(withNote, searchEntry(b, 7, s.text, [], textChars));
        expect(entry).toEqual(searchEntry(b, 7, s.text, s.notes, textChars));
        const decision = entryDecision(entry, q);
        const expected = matchesQuery(item, q);
        if (decision === 'full') {
          expect(!entry.whole || q.search!.includes('\u0000')).toBe(true);
        } else {
          expect(decision).toBe(expected);
        }
      }),
      { seed: 20261122, numRuns: 3000 },
    );
  });

  it('keeps the text whole up to SEARCH_TEXT_CHARS, and a cut text still finds what its start holds', () => {
    const b = body({
      vendor: 'tencent-cloud',
      title: '订单管理',
      url: 'http://console.cloud.tencent.com/expense/deal/all',
      note: '',
      fields: { orderId: '20261118105822371604' },
      day: '2026-11-22',
    });
    const short = searchEntry(b, 1, 'x'.repeat(SEARCH_TEXT_CHARS), []);
    expect(short.whole).toBe(true);
    const long = searchEntry(b, 1, `开头 REFUND ${'x'.repeat(SEARCH_TEXT_CHARS)} Tail`, []);
    expect(long.whole).toBe(false);
    expect(long.hay.length).toBeLessThan(SEARCH_TEXT_CHARS + 200);
    expect(entryDecision(long, listQuerySchema.parse({ search: 'refund' }))).toBe(true);
    expect(entryDecision(long, listQuerySchema.parse({ search: 'tail' }))).toBe('full');
    // Filters other than text never need the page.
    expect(entryDecision(long, listQuerySchema.parse({ vendor: 'letsvpn', search: 'tail' }))).toBe(false);
    expect(entryDecision(long, listQuerySchema.parse({ orderId: '37160' }))).toBe(true);
    // Strings the kept text already holds (here the title and the order number) are not stored twice.
    const repeated = searchEntry(b, 1, '订单管理 20261118105822371604', []);
    expect(repeated.hay.split('\u0000')).toEqual([
      '订单管理 20261118105822371604',
      'http://console.cloud.tencent.com/expense/deal/all',
    ]);
  });
});
