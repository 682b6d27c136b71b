import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { evidenceHandlers } from '../../entrypoints/background/evidence';
import { recordDetection } from '../../entrypoints/background/tabs';
import { orderPayload } from '../../lib/evidence/testing/ledger';
import { tabVerdict, usableSettings } from '../../lib/evidence/tab-verdict';
import type { Handler } from '../../lib/messages';
import { saveSettings } from '../../platform/settings';
import { openEvidenceStore, type EvidenceStore } from '../../platform/evidence-db';
import { digestThroughNodeBuffers } from './node-digest';

// The worker answers the popup's first question (`tab.order`) with the tab's saved order and its
// first verdict in both languages, which the popup draws before it loads the policy engine.

digestThroughNodeBuffers();

const CLOCK = new Date('2026-11-22T04:00:00Z');
const ORDER = '20261118105822371604';
const URL_OF_ORDER = `http://console.cloud.tencent.com/expense/deal/detail?dealName=${ORDER}`;
const PAID = {
  orderId: ORDER,
  orderType: '新购',
  status: '已支付',
  paidAt: '2026-11-18 10:59:07',
  amountPaid: 3145.37,
};

let counter = 0;
let store: EvidenceStore;
beforeEach(() => {
  fakeBrowser.reset();
  store = openEvidenceStore({ name: `tab-order-verdict-${++counter}` });
});
afterEach(async () => {
  await store.close();
});

const tabOrder = (data: { tabId: number; now?: string }) =>
  (
    evidenceHandlers(
      () => store,
      () => CLOCK,
    )['tab.order'] as Handler<'tab.order'>
  )(data, { tabId: undefined, url: undefined, fromExtension: true });

async function orderTab(url: string, match = { vendor: 'tencent-cloud', kind: 'order' } as const) {
  const tabId = 11;
  await recordDetection({ url, title: '订单详情', match }, { tabId, url, fromExtension: false }, CLOCK);
  return tabId;
}

describe("tab.order's first verdict", () => {
  it("is the saved order's verdict as of the popup's moment, in both languages, as the checker would word it", async () => {
    await store.capture(orderPayload({ url: URL_OF_ORDER, fields: PAID }), null, CLOCK);
    const tabId = await orderTab(URL_OF_ORDER);
    const asOf = '2026-11-20T12:00:00+08:00';
    const answer = await tabOrder({ tabId, now: asOf });
    expect(answer.order.ref?.orderId).toBe(ORDER);
    const expected = tabVerdict(answer.order, asOf, usableSettings({ customPacks: [], holidayOverrides: [] }));
    expect(answer.verdict).toEqual(expected);
    expect(answer.verdict?.['zh-CN'].words.deadline).toMatch(/还剩/);
    expect(answer.verdict?.en.words.deadline).toMatch(/left/);
    // Another moment, other words: the moment sent is the one used.
    const later = await tabOrder({ tabId, now: '2027-03-01T12:00:00+08:00' });
    expect(later.verdict?.['zh-CN'].words.line).not.toBe(answer.verdict?.['zh-CN'].words.line);
  });

  it("is as of the worker's clock when the popup's moment cannot be read", async () => {
    await store.capture(orderPayload({ url: URL_OF_ORDER, fields: PAID }), null, CLOCK);
    const tabId = await orderTab(URL_OF_ORDER);
    const answer = await tabOrder({ tabId, now: 'tomorrow' });
    const settings = usableSettings({ customPacks: [], holidayOverrides: [] });
    expect(answer.verdict).toEqual(tabVerdict(answer.order, CLOCK.toISOString(), settings));
  });

  it('leaves out a stored user pack that does not validate, as the checker does, and still answers', async () => {
    await saveSettings({ customPacks: [{ id: 'broken' }] });
    await store.capture(orderPayload({ url: URL_OF_ORDER, fields: PAID }), null, CLOCK);
    const tabId = await orderTab(URL_OF_ORDER);
    const answer = await tabOrder({ tabId, now: '2026-11-20T12:00:00+08:00' });
    const settings = usableSettings({ customPacks: [], holidayOverrides: [] });
    expect(answer.verdict).toEqual(tabVerdict(answer.order, '2026-11-20T12:00:00+08:00', settings));
  });

  it('is null when the tab shows no saved order', async () => {
    const tabId = await orderTab(URL_OF_ORDER);
    expect(await tabOrder({ tabId })).toMatchObject({ order: { ref: null }, verdict: null });
  });
});
