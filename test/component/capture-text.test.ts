import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { evidenceHandlers } from '../../entrypoints/background/evidence';
import { screenshotTicket } from '../../lib/evidence/limits';
import { orderPayload } from '../../lib/evidence/testing/ledger';
import { createDispatcher, type Handler, type Handlers, type RequestOf, type SenderInfo } from '../../lib/messages';
import { capturePage } from '../../platform/capture';
import { packParts } from '../../platform/capture-packing';
import { openEvidenceStore, type EvidenceStore } from '../../platform/evidence-db';
import { inflateRawNative } from '../../platform/streams';
import { digestThroughNodeBuffers } from './node-digest';

// The page sends its visible text to the worker as soon as it has read it, and the copy after
// masking and serialising: the worker prepares the text meanwhile. What is stored must be what a
// capture carrying its own text stores, to the byte, and the text serves only its own tab's capture.

const NOW = new Date('2026-11-22T02:00:00Z');
const ORDER = '20261118105822371604';
const URL_OF_ORDER = `http://console.cloud.tencent.com/expense/deal/detail?dealName=${ORDER}`;
const PAGE = resolve(
  import.meta.dirname,
  `../fixtures/sites/console.cloud.tencent.com/expense/deal/detail/${ORDER}.html`,
);
const JPEG_URL = `data:image/jpeg;base64,${Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0xff, 0xd9]).toString('base64')}`;
const CARD = '4111 1111 1111 1111';

digestThroughNodeBuffers();

let counter = 0;
const stores: EvidenceStore[] = [];
const newStore = () => {
  const store = openEvidenceStore({ name: `text-ahead-${++counter}` });
  stores.push(store);
  return store;
};
let tabId: number;
beforeEach(async () => {
  const win = await fakeBrowser.windows.create({ focused: true });
  tabId = (await fakeBrowser.tabs.create({ windowId: win?.id, url: URL_OF_ORDER, active: true })).id!;
  (fakeBrowser.tabs as unknown as { captureVisibleTab: unknown }).captureVisibleTab = vi.fn(async () => JPEG_URL);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

const fromTab = (id: number): SenderInfo => ({ tabId: id, url: URL_OF_ORDER, fromExtension: false });
const ticket = (n: number) => screenshotTicket(new Uint8Array(16).fill(n));

/** The order page as the browser shows it, a card number in its text and in a field the user typed into. */
function loadOrderPage(): HTMLInputElement {
  document.open();
  document.write(readFileSync(PAGE, 'utf8'));
  document.close();
  const note = document.createElement('p');
  note.textContent = `付款卡号 ${CARD}`;
  document.body.append(note);
  const field = Object.assign(document.createElement('input'), { name: 'remark' });
  document.body.append(field);
  field.value = `备用卡 ${CARD}`;
  return field;
}

interface Sent {
  type: string;
  data: Record<string, unknown>;
  /** The typed field's value when the message left the page. */
  field: string;
}

/** Routes the page's messages to the worker's handlers through the worker's dispatcher (schemas and all). */
function wire(handlers: Handlers, field: HTMLInputElement): Sent[] {
  const sent: Sent[] = [];
  const { dispatch } = createDispatcher(handlers);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    const raw = message as { type: string; data: Record<string, unknown> };
    sent.push({ type: raw.type, data: raw.data, field: field.value });
    return dispatch(JSON.parse(JSON.stringify(raw)), fromTab(tabId));
  });
  return sent;
}

async function save(handlers: (store: EvidenceStore) => Handlers) {
  const field = loadOrderPage();
  const store = newStore();
  const sent = wire(handlers(store), field);
  const outcome = await capturePage({
    match: { vendor: 'tencent-cloud', kind: 'order' },
    source: 'auto',
    t: (key) => key,
  });
  expect(outcome).toMatchObject({ kind: 'saved', screenshot: true });
  const id = (outcome as { id: string }).id;
  const db = await openDB(`text-ahead-${counter}`);
  const blob = async (name: string) => {
    const stored = (await db.get('blobs', [id, name])) as { bytes: Uint8Array };
    return [...(await inflateRawNative(stored.bytes, 10_000_000))];
  };
  const files = { text: await blob('text'), dom: await blob('dom') };
  db.close();
  return { sent, detail: (await store.get(id))!, files };
}

const worker = (store: EvidenceStore) =>
  evidenceHandlers(
    () => store,
    () => NOW,
  );

describe('the page text sent ahead of its capture', () => {
  it('leaves as soon as it is read, before the page is masked; the capture then carries only the copy', async () => {
    const { sent, detail } = await save(worker);
    const types = sent.map((m) => m.type).filter((t) => t !== 'worker.ping');
    expect(types).toEqual(['evidence.captureText', 'evidence.screenshot', 'evidence.capture']);
    const [ahead, shot, capture] = sent.filter((m) => m.type !== 'worker.ping');
    expect(ahead!.field).toBe(`备用卡 ${CARD}`); // the page was not masked yet
    expect(shot!.field).not.toContain(CARD); // masked for the picture
    expect(ahead!.data['ticket']).toBe(shot!.data['ticket']);
    expect(capture!.data).toMatchObject({ text: '', textTicket: shot!.data['ticket'] });
    expect((capture!.data['packed'] as { text?: string }).text).toBeUndefined();
    // The worker redacted what came ahead as it redacts everything.
    expect(ahead!.data['text']).toContain(CARD);
    expect(detail.text).toContain('付款卡号 **** **** **** 1111');
    expect(detail.text).not.toContain(CARD);
    // Counted once, from the text: the copy came from the masked page, its card already starred.
    expect(detail.body.redactions.cards).toBe(1);
  });

  it('stores, to the byte, the snapshot a capture carrying its own text stores', async () => {
    const ahead = await save(worker);
    // A worker that takes no text ahead: the page falls back to packing its text with the copy.
    const carried = await save((store) => ({
      ...worker(store),
      'evidence.captureText': async () => ({ accepted: false }),
    }));
    expect(carried.sent.find((m) => m.type === 'evidence.capture')!.data).not.toHaveProperty('textTicket');
    expect(ahead.detail.body).toEqual(carried.detail.body);
    expect(ahead.detail.chainHash).toBe(carried.detail.chainHash);
    expect(ahead.detail.text).toBe(carried.detail.text);
    expect(ahead.files.text).toEqual(carried.files.text);
    expect(ahead.files.dom).toEqual(carried.files.dom);
  });

  it('goes again with the capture when the worker was stopped and started since it took the text', async () => {
    // The worker acknowledges the text, then a new one (holding no texts) receives the capture.
    const restarted = await save((store) => ({
      ...worker(store),
      'evidence.captureText': async () => ({ accepted: true }),
    }));
    const captures = restarted.sent.filter((m) => m.type === 'evidence.capture').map((m) => m.data);
    expect(captures).toHaveLength(2);
    expect(captures[0]).toHaveProperty('textTicket');
    expect(captures[1]).not.toHaveProperty('textTicket');
    expect(typeof (captures[1]!['packed'] as { text?: string }).text).toBe('string');
    expect(restarted.detail.text).toContain('付款卡号 **** **** **** 1111');
    expect(restarted.detail.body).toEqual((await save(worker)).detail.body);
  });
});

describe('the worker keeps a text that came ahead for its own capture only', () => {
  let store: EvidenceStore;
  beforeEach(() => {
    store = newStore();
  });
  const call = <K extends 'evidence.captureText' | 'evidence.capture'>(
    type: K,
    data: RequestOf<K>,
    sender: SenderInfo,
  ) => (worker(store)[type] as Handler<K>)(data, sender);
  const plain = orderPayload({ url: URL_OF_ORDER, text: `订单号 ${ORDER} 卡号 ${CARD} 状态 已支付` });
  const captureOf = async (t: string, note = '') =>
    ({
      ...plain,
      note,
      text: '',
      dom: '',
      packed: await packParts(null, plain.dom),
      screenshotTicket: null,
      textTicket: t,
    }) as RequestOf<'evidence.capture'>;

  it('a capture naming a text this worker does not hold (it was started again since) fails at once', async () => {
    const t = ticket(1);
    expect(await call('evidence.capture', await captureOf(t), fromTab(tabId))).toMatchObject({
      status: 'failed',
      reason: 'invalid',
    });
    expect((await store.list({ offset: 0, limit: 10 })).total).toBe(0);
  });

  it("another tab's capture cannot use it, the owner's still can, and a second text under the ticket is refused", async () => {
    const t = ticket(2);
    expect(await call('evidence.captureText', { ticket: t, text: plain.text }, fromTab(tabId))).toEqual({
      accepted: true,
    });
    expect(await call('evidence.captureText', { ticket: t, text: '替换的文字' }, fromTab(tabId))).toEqual({
      accepted: false,
    });
    expect(await call('evidence.captureText', { ticket: t, text: '别的标签页' }, fromTab(tabId + 1))).toEqual({
      accepted: false,
    });
    expect(await call('evidence.capture', await captureOf(t, 'other tab'), fromTab(tabId + 1))).toMatchObject({
      status: 'failed',
      reason: 'invalid',
    });
    const reply = await call('evidence.capture', await captureOf(t), fromTab(tabId));
    expect(reply).toMatchObject({ status: 'saved' });
    expect((await store.get((reply as { id: string }).id))?.text).toContain('卡号 **** **** **** 1111');
    // Used once: the same ticket names no text any more (a capture naming it waits, then fails).
    expect((await store.list({ offset: 0, limit: 10 })).total).toBe(1);
  });

  it('a capture naming a text ahead may not carry a text of its own (the schema refuses it)', async () => {
    const { dispatch } = createDispatcher(worker(store));
    const both = { ...(await captureOf(ticket(3))), text: plain.text };
    const packedToo = { ...(await captureOf(ticket(3))), packed: await packParts(plain.text, plain.dom) };
    for (const data of [both, packedToo])
      expect(await dispatch({ rg: 1, type: 'evidence.capture', data }, fromTab(tabId))).toMatchObject({
        ok: false,
        error: { code: 'malformed' },
      });
    expect((await store.list({ offset: 0, limit: 10 })).total).toBe(0);
  });
});
