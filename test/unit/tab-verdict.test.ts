import { describe, expect, it } from 'vitest';
import { claimFacts, initialSession } from '../../components/checker/session';
import { evaluateClaim } from '../../lib/claims/eligibility';
import { orderWords } from '../../lib/claims/order-headline';
import type { SnapshotBody } from '../../lib/evidence/schema';
import type { TabOrder } from '../../lib/evidence/tab-order';
import { tabVerdict, usableSettings } from '../../lib/evidence/tab-verdict';
import { LOCALES } from '../../lib/i18n/core';
import { NOW, ORDER_ID, ORDER_URL, paidOrderSnapshot, pixelStudioPack } from '../doubles/checker';

// The popup's first view shows the worker's verdict (`tab.order`) until the checker's code is in;
// the checker then computes its own from the same snapshot. Both must say the same words.

const ZERO = '0'.repeat(64);
const bodyOf = (over: Partial<SnapshotBody> & { fields: SnapshotBody['fields'] }): SnapshotBody => ({
  id: 'snap-000001',
  vendor: 'tencent-cloud',
  kind: 'order',
  url: ORDER_URL,
  title: '订单详情',
  capturedAt: '2026-11-22T02:10:00.000Z',
  capturedAtShanghai: '2026-11-22T10:10:00+08:00',
  source: 'auto',
  note: '',
  previousSnapshotId: null,
  subjectKey: `tencent-cloud:${ORDER_ID}`,
  dedupeKey: ZERO,
  schemaVersion: 1,
  type: 'snapshot',
  redactions: { cards: 0, ids: 0, secrets: 0 },
  parts: {
    text: { sha256: ZERO, size: 0 },
    dom: { sha256: ZERO, size: 0 },
    fields: { sha256: ZERO, size: 0 },
    screenshot: null,
  },
  ...over,
});
const orderOf = (body: SnapshotBody): TabOrder => ({
  ref: {
    vendor: body.vendor,
    orderId: String(body.fields.orderId),
    capturedAt: body.capturedAt,
    status: typeof body.fields.status === 'string' ? body.fields.status : null,
    title: body.title,
  },
  bodies: [body],
});

/** What the checker shows at its top for the order, computed its own way (session.ts + the engine). */
function checkerTop(order: TabOrder, now: string, raw: { customPacks: unknown[]; holidayOverrides: unknown[] }) {
  const state = initialSession({ settings: raw, order });
  const facts = claimFacts(state.subject, {})!;
  return Object.fromEntries(
    LOCALES.map((locale) => {
      const verdict = evaluateClaim(facts, now, {
        locale,
        packs: state.settings!.packs,
        holidayOverrides: state.settings!.holidayOverrides,
      });
      const words = orderWords({ state: state.subject!.prefilled.state, facts }, verdict, locale, now);
      return [
        locale,
        { outcome: verdict.outcome, claimWith: verdict.claimWith, open: verdict.questions.length, words },
      ];
    }),
  );
}

const NO_SETTINGS = { customPacks: [], holidayOverrides: [] };

describe("the worker's first verdict on the tab's order (tab.order)", () => {
  it.each([
    ['a paid new order, within the five days', paidOrderSnapshot.fields, NOW],
    ['the same order after its window', paidOrderSnapshot.fields, '2026-12-30T12:00:00+08:00'],
    ['a refunded order', { ...paidOrderSnapshot.fields, status: '已退款' }, NOW],
    ['a renewal', { ...paidOrderSnapshot.fields, orderType: '续费' }, NOW],
  ])('says what the checker says, in both languages: %s', (_name, fields, now) => {
    const order = orderOf(bodyOf({ fields }));
    const first = tabVerdict(order, now, usableSettings(NO_SETTINGS))!;
    const checker = checkerTop(order, now, NO_SETTINGS);
    for (const locale of LOCALES) {
      expect(first[locale].words).toEqual(checker[locale]!.words);
      expect(first[locale]).toMatchObject({
        outcome: checker[locale]!.outcome,
        claimWith: checker[locale]!.claimWith,
        openQuestions: checker[locale]!.open,
      });
    }
    expect(first['zh-CN'].vendorName).toBe('腾讯云');
    expect(first.en.vendorName).toBe('Tencent Cloud');
    expect(first['zh-CN'].words.line).not.toBe(first.en.words.line);
  });

  it('is as of the moment given: a deadline passed by then is passed', () => {
    const order = orderOf(bodyOf({ fields: paidOrderSnapshot.fields }));
    const within = tabVerdict(order, NOW, usableSettings(NO_SETTINGS))!;
    const after = tabVerdict(order, '2027-06-01T12:00:00+08:00', usableSettings(NO_SETTINGS))!;
    expect(within['zh-CN'].words.line).not.toBe(after['zh-CN'].words.line);
  });

  it("names a user pack's vendor as the pack does, and evaluates with that pack", () => {
    const pack = pixelStudioPack(14);
    const fields = { orderId: 'PS-1001', paidAt: '2026-11-20 09:00:00', amount: 199, status: '已支付' };
    const order = orderOf(bodyOf({ vendor: 'pixel-studio', url: 'https://store.example.net/orders/PS-1001', fields }));
    const raw = { customPacks: [pack], holidayOverrides: [] };
    const first = tabVerdict(order, NOW, usableSettings(raw))!;
    expect(first.en.vendorName).toBe('Pixel Studio store');
    expect(first['zh-CN'].vendorName).toBe('Pixel Studio 官方商店');
    expect(first.en.words).toEqual(checkerTop(order, NOW, raw).en!.words);
  });

  it('is null without an order, without a snapshot, or without a purchase time (the checker asks for it)', () => {
    const settings = usableSettings(NO_SETTINGS);
    expect(tabVerdict({ ref: null, bodies: [] }, NOW, settings)).toBeNull();
    const order = orderOf(bodyOf({ fields: paidOrderSnapshot.fields }));
    expect(tabVerdict({ ...order, bodies: [] }, NOW, settings)).toBeNull();
    const { paidAt: _paid, createdAt: _created, ...noTime } = paidOrderSnapshot.fields;
    expect(tabVerdict(orderOf(bodyOf({ fields: noTime })), NOW, settings)).toBeNull();
  });
});
