import { describe, expect, it } from 'vitest';
import {
  captureFits,
  claimFacts,
  claimSessionReducer,
  draftOf,
  initialSession,
  shownStep,
  usableSettings,
  type ClaimAction,
  type ClaimSessionState,
} from '../../components/checker/session';
import { evaluateClaim } from '../../lib/claims/eligibility';
import type { SnapshotBody } from '../../lib/evidence/schema';
import type { OrderRef } from '../../lib/evidence/tab-order';

/** The checker's reducer (components/checker/session.ts), step by step, without React. */

const NOW = '2026-11-22T12:00:00+08:00';
const ORDER_ID = '20261118105822371604';
const hash = '0'.repeat(64);
const part = { sha256: hash, size: 0 };

function body(id: string, orderId: string, fields: Record<string, string | number | boolean> = {}): SnapshotBody {
  return {
    schemaVersion: 1,
    type: 'snapshot',
    id,
    vendor: 'tencent-cloud',
    kind: 'order',
    url: `http://console.cloud.tencent.com/expense/deal/detail?dealName=${orderId}`,
    title: '订单详情',
    capturedAt: '2026-11-22T02:10:00.000Z',
    capturedAtShanghai: '2026-11-22 10:10:00',
    source: 'auto',
    note: '',
    fields: {
      orderId,
      orderType: '新购',
      status: '已支付',
      paidAt: '2026-11-18 10:59:07',
      amountPaid: 3145.37,
      product: '云服务器 CVM',
      term: '1年',
      ...fields,
    },
    previousSnapshotId: null,
    subjectKey: `tencent-cloud:${orderId}`,
    dedupeKey: hash,
    redactions: { cards: 0, ids: 0, secrets: 0 },
    parts: { text: part, dom: part, fields: part, screenshot: null },
  };
}
const ref = (orderId: string): OrderRef => ({
  vendor: 'tencent-cloud',
  orderId,
  capturedAt: '2026-11-22T02:10:00.000Z',
  status: '已支付',
  title: '订单详情',
});
const run = (state: ClaimSessionState, ...actions: ClaimAction[]) => actions.reduce(claimSessionReducer, state);
const settings = { customPacks: [], holidayOverrides: [] };

describe('claim session: opening what to check', () => {
  it("starts loading without early answers; with them, the tab's order is open at once", () => {
    expect(initialSession()).toMatchObject({
      settings: null,
      currentOrder: 'loading',
      subject: null,
      autoOpened: false,
      view: 'auto',
    });
    const opened = initialSession({ settings, order: { ref: ref(ORDER_ID), bodies: [body('snap-000001', ORDER_ID)] } });
    expect(opened.subject).toMatchObject({ vendor: 'tencent-cloud', orderId: ORDER_ID });
    expect(opened.subject!.prefilled.facts).toMatchObject({ orderId: ORDER_ID, amountPaid: 3145.37 });
    expect(opened.subject!.prefilled.state).toBe('paid');
    expect(opened.autoOpened).toBe(true);
  });

  it("the tab's order opens by itself once, and never replaces what the user opened meanwhile", () => {
    const start = run(initialSession(), { type: 'settings', settings });
    const auto = run(start, {
      type: 'tab-order',
      order: { ref: ref(ORDER_ID), bodies: [body('snap-000001', ORDER_ID)] },
    });
    expect(auto.subject?.orderId).toBe(ORDER_ID);
    // The user picked a blank claim first: a snapshot saved later is noted, not opened.
    const picked = run(
      start,
      { type: 'scratch', vendor: 'letsvpn' },
      { type: 'tab-order', order: { ref: ref(ORDER_ID), bodies: [body('snap-000001', ORDER_ID)] } },
    );
    expect(picked.subject).toMatchObject({ vendor: 'letsvpn', orderId: null });
    expect(picked.currentOrder).toMatchObject({ orderId: ORDER_ID });
    // Once opened by itself, closing and a later answer do not open it again.
    const closed = run(
      auto,
      { type: 'close-subject' },
      { type: 'tab-order', order: { ref: ref(ORDER_ID), bodies: [] } },
    );
    expect(closed.subject).toBeNull();
  });

  it('opening another order starts a fresh claim (answers, step, target, captures) and keeps the contact', () => {
    const contact = { name: '王敏', phone: '', email: '' };
    const busy = run(
      initialSession({ settings, order: { ref: ref(ORDER_ID), bodies: [body('snap-000001', ORDER_ID)] } }),
      { type: 'answer', fact: 'reason', value: 'changed-mind' },
      { type: 'refused', open: true },
      { type: 'contact', contact },
      {
        type: 'capture-done',
        kind: 'saved',
        id: 'snap-000009',
        snapshot: { id: 'snap-000009', kind: 'order', url: 'u', title: 't', capturedAt: NOW, fields: {} },
      },
      { type: 'open-started' },
    );
    expect(busy).toMatchObject({ loading: true, view: 'ticket', refused: true, target: '12315' });
    const other = run(busy, {
      type: 'order-opened',
      ref: ref('20261021090412158720'),
      bodies: [body('snap-000002', '20261021090412158720')],
      step: 'ticket',
    });
    expect(other).toMatchObject({
      loading: false,
      view: 'ticket',
      refused: false,
      target: 'vendor',
      answers: {},
      skipped: [],
      captured: [],
      capture: { state: 'idle' },
      contact,
    });
    expect(other.subject?.orderId).toBe('20261021090412158720');
    expect(run(busy, { type: 'open-failed', message: 'gone' })).toMatchObject({ loading: false, loadError: 'gone' });
  });
});

describe('claim session: answers and steps', () => {
  const open = initialSession({ settings, order: { ref: ref(ORDER_ID), bodies: [body('snap-000001', ORDER_ID)] } });

  it('an answer goes back to the automatic step; an edited fact stays where it is', () => {
    const onVerdict = run(open, { type: 'show', view: 'verdict' });
    expect(run(onVerdict, { type: 'answer', fact: 'billing', value: 'prepaid' })).toMatchObject({
      view: 'auto',
      answers: { billing: 'prepaid' },
    });
    expect(run(onVerdict, { type: 'edit-fact', fact: 'amountPaid', value: 100 })).toMatchObject({
      view: 'verdict',
      answers: { amountPaid: 100 },
    });
  });

  it('a taken-back answer is asked again; taking back the refusal undoes it', () => {
    const refused = run(open, { type: 'skip', fact: 'reason' }, { type: 'refused', open: false });
    expect(refused).toMatchObject({
      refused: true,
      target: '12315',
      view: 'auto',
      answers: { vendorRefused: true },
      skipped: ['reason'],
    });
    const back = run(refused, { type: 'clear-fact', fact: 'vendorRefused' }, { type: 'clear-fact', fact: 'reason' });
    expect(back.refused).toBe(false);
    expect(back.skipped).toEqual([]);
    expect(claimFacts(back.subject, back.answers)).not.toHaveProperty('vendorRefused');
    expect(draftOf(back.answers, back.skipped)).toBeNull();
  });

  it('a kept draft comes back under the answers given meanwhile', () => {
    const given = run(open, { type: 'answer', fact: 'reason', value: 'outage' }, { type: 'skip', fact: 'billing' });
    const merged = run(given, {
      type: 'draft-loaded',
      answers: { reason: 'changed-mind', promoNonRefundable: false },
      skipped: ['billing', 'renewal'],
    });
    expect(merged.answers).toEqual({ reason: 'outage', promoNonRefundable: false });
    expect(merged.skipped.sort()).toEqual(['billing', 'renewal']);
  });

  it('the step shown: the verdict once nothing is left to ask, else the questions; no verdict yet, the questions', () => {
    const facts = claimFacts(open.subject, {})!;
    const verdict = evaluateClaim(facts, NOW);
    expect(shownStep('auto', verdict, 0)).toBe('verdict');
    expect(shownStep('auto', verdict, 2)).toBe('questions');
    expect(shownStep('ticket', verdict, 2)).toBe('ticket');
    expect(shownStep('ticket', null, 0)).toBe('questions');
    expect(shownStep('questions', verdict, 0)).toBe('questions');
  });

  it('"save this page now" fits only the tab showing this claim\'s order (or its vendor, for a claim without one)', () => {
    expect(captureFits({ subject: open.subject, currentOrder: ref(ORDER_ID) }, 'tencent-cloud')).toBe(true);
    expect(captureFits({ subject: open.subject, currentOrder: ref('20261021090412158720') }, 'tencent-cloud')).toBe(
      false,
    );
    expect(captureFits({ subject: open.subject, currentOrder: 'loading' }, 'tencent-cloud')).toBe(false);
    const blank = run(open, { type: 'scratch', vendor: 'letsvpn' });
    expect(captureFits(blank, 'letsvpn')).toBe(true);
    expect(captureFits(blank, 'tencent-cloud')).toBe(false);
    expect(captureFits(blank, null)).toBe(false);
  });
});

describe('claim session: settings', () => {
  it('uses valid custom packs and holiday overrides, and reports the rest', () => {
    const usable = usableSettings({
      customPacks: [{ id: 'tencent-cloud' }, { id: 'x' }],
      holidayOverrides: [{ year: 'soon' }],
    });
    expect(usable.packs.user).toEqual([]);
    expect(usable.packs.problems.map((p) => p.id)).toEqual(['tencent-cloud', 'x']);
    expect(usable.holidayOverrides).toEqual([]);
    expect(usable.problems.map((p) => p.kind)).toEqual(['pack', 'pack', 'holidays']);
    const ok = usableSettings({
      customPacks: [],
      holidayOverrides: [{ year: 2027, holidays: ['2027-02-09'], workdays: [] }],
    });
    expect(ok.packs.user).toEqual([]);
    expect(ok).toMatchObject({
      holidayOverrides: [{ year: 2027, holidays: ['2027-02-09'], workdays: [] }],
      problems: [],
    });
    const failed = run(initialSession(), { type: 'settings-failed', message: 'storage' });
    expect(failed).toMatchObject({ settingsError: 'storage', settings: { problems: [] } });
    expect(failed.settings?.packs.user).toEqual([]);
  });
});
