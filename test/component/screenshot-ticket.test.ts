import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { evidenceHandlers } from '../../entrypoints/background/evidence';
import { openEvidenceStore, type EvidenceStore } from '../../platform/evidence-db';
import { openDB } from 'idb';
import { fromBase64, toBase64 } from '../../lib/evidence';
import { screenshotTicket } from '../../lib/evidence/limits';
import { orderPayload } from '../../lib/evidence/testing/ledger';
import { packParts } from '../../platform/capture-packing';
import { deflateRawNative } from '../../platform/streams';
import type { Handler, RequestOf, SenderInfo } from '../../lib/messages';
import { digestThroughNodeBuffers } from './node-digest';

// The page asks for its screenshot under a ticket and sends the capture without waiting for the
// picture; the worker seals the capture with the picture whichever message arrives first, and only
// for the tab that asked.

const NOW = new Date('2026-11-22T02:00:00Z');
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0xff, 0xd9]);
const URL_OF_ORDER = 'http://console.cloud.tencent.com/expense/deal/detail?dealName=20261118105822371604';

digestThroughNodeBuffers();

let counter = 0;
let store: EvidenceStore;
let tabId: number;
let picture: { resolve: (url: string) => void };
beforeEach(async () => {
  store = openEvidenceStore({ name: `ticket-${++counter}` });
  const win = await fakeBrowser.windows.create({ focused: true });
  tabId = (await fakeBrowser.tabs.create({ windowId: win?.id, url: URL_OF_ORDER, active: true })).id!;
  // The browser takes its picture when the test says so.
  (fakeBrowser.tabs as unknown as { captureVisibleTab: unknown }).captureVisibleTab = vi.fn(
    () => new Promise<string>((resolve) => (picture = { resolve })),
  );
});
afterEach(async () => {
  await store.close();
});

const handlers = () =>
  evidenceHandlers(
    () => store,
    () => NOW,
  );
const call = <K extends 'evidence.screenshot' | 'evidence.capture'>(type: K, data: RequestOf<K>, sender: SenderInfo) =>
  (handlers()[type] as Handler<K>)(data, sender);
const fromTab = (id: number): SenderInfo => ({ tabId: id, url: URL_OF_ORDER, fromExtension: false });
const ticket = (n: number) => screenshotTicket(new Uint8Array(16).fill(n));
const capture = (t: string | null) =>
  ({ ...orderPayload({ url: URL_OF_ORDER }), screenshotTicket: t }) as RequestOf<'evidence.capture'>;
const tick = () => new Promise((r) => setTimeout(r, 20));

describe('screenshots by ticket', () => {
  it('a capture sent while its picture is still being taken is sealed with that picture', async () => {
    const t = ticket(1);
    const shot = call('evidence.screenshot', { ticket: t }, fromTab(tabId));
    const saved = call('evidence.capture', capture(t), fromTab(tabId));
    await tick();
    picture.resolve(`data:image/jpeg;base64,${toBase64(JPEG)}`);
    expect(await shot).toEqual({ taken: true });
    const reply = await saved;
    expect(reply).toMatchObject({ status: 'saved', screenshot: true });
    const detail = await store.get((reply as { id: string }).id);
    expect(Array.from(detail?.screenshot ?? [])).toEqual(Array.from(JPEG));
    expect(detail?.body.parts.screenshot?.size).toBe(JPEG.length);
  });

  it('the browser is asked for the picture before the capture sent right after the request takes the worker', async () => {
    const order: string[] = [];
    // The browser's answer about the tab takes a while; the capture is already there.
    const tabOf = fakeBrowser.tabs.get.bind(fakeBrowser.tabs);
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (id: number) => {
      await tick();
      return tabOf(id);
    });
    const asked = (fakeBrowser.tabs as unknown as { captureVisibleTab: ReturnType<typeof vi.fn> }).captureVisibleTab;
    const take = asked.getMockImplementation() as (...args: unknown[]) => Promise<string>;
    asked.mockImplementation((...args: unknown[]) => {
      order.push('picture asked for');
      return take(...args);
    });
    const capturing = vi.spyOn(store, 'capture');
    capturing.mockImplementation((...args) => {
      order.push('capture stored');
      capturing.mockRestore();
      return store.capture(...args);
    });
    const t = ticket(9);
    const shot = call('evidence.screenshot', { ticket: t }, fromTab(tabId));
    const saved = call('evidence.capture', capture(t), fromTab(tabId));
    await tick();
    await tick();
    picture.resolve(`data:image/jpeg;base64,${toBase64(JPEG)}`);
    expect(await shot).toEqual({ taken: true });
    expect(await saved).toMatchObject({ status: 'saved', screenshot: true });
    expect(order).toEqual(['picture asked for', 'capture stored']);
  });

  it('the capture may even arrive before the request for its picture', async () => {
    const t = ticket(2);
    const saved = call('evidence.capture', capture(t), fromTab(tabId));
    await tick();
    const shot = call('evidence.screenshot', { ticket: t }, fromTab(tabId));
    await tick();
    picture.resolve(`data:image/jpeg;base64,${toBase64(JPEG)}`);
    expect(await shot).toEqual({ taken: true });
    expect(await saved).toMatchObject({ status: 'saved', screenshot: true });
  });

  it('another tab cannot take or claim a picture under a ticket that is not its own', async () => {
    const t = ticket(3);
    const other = (await fakeBrowser.tabs.create({ url: URL_OF_ORDER, active: false })).id!;
    const shot = call('evidence.screenshot', { ticket: t }, fromTab(tabId));
    // The other tab asks under the same ticket: refused without a picture being taken.
    expect(await call('evidence.screenshot', { ticket: t }, fromTab(other))).toEqual({ taken: false });
    const stolen = call('evidence.capture', { ...capture(t), note: 'other tab' }, fromTab(other));
    await tick();
    picture.resolve(`data:image/jpeg;base64,${toBase64(JPEG)}`);
    await shot;
    expect(await stolen).toMatchObject({ status: 'saved', screenshot: false });
    expect(fakeBrowser.tabs.captureVisibleTab).toHaveBeenCalledTimes(1);
  });

  it('a capture without a ticket is saved without a picture, at once', async () => {
    expect(await call('evidence.capture', capture(null), fromTab(tabId))).toMatchObject({
      status: 'saved',
      screenshot: false,
    });
    expect(fakeBrowser.tabs.captureVisibleTab).not.toHaveBeenCalled();
  });
});

describe('page text and copy packed for the journey', () => {
  it('are unpacked by the worker and stored as the page sent them, redacted as ever', async () => {
    const plain = orderPayload({
      url: URL_OF_ORDER,
      text: '订单号 20261118105822371604 卡号 4111 1111 1111 1111 状态 已支付',
    });
    const packed = await packParts(plain.text, plain.dom);
    const reply = await call(
      'evidence.capture',
      { ...plain, text: '', dom: '', packed, screenshotTicket: null } as RequestOf<'evidence.capture'>,
      fromTab(tabId),
    );
    expect(reply).toMatchObject({ status: 'saved' });
    const detail = await store.get((reply as { id: string }).id);
    expect(detail?.text).toBe('订单号 20261118105822371604 卡号 **** **** **** 1111 状态 已支付');
    expect(detail?.body.parts.dom.size).toBeGreaterThan(plain.dom.length);
  });

  it('a text and copy that redaction leaves as they are keep the bytes the page deflated; a redacted one is compressed again', async () => {
    const stored = async (id: string) => {
      const db = await openDB(`ticket-${counter}`);
      try {
        return (await db.get('blobs', [id, 'text'])) as { encoding: string; bytes: Uint8Array };
      } finally {
        db.close();
      }
    };
    // Counts the compressions the worker starts (the page's were made before).
    const Native = globalThis.CompressionStream;
    let compressions = 0;
    const counting = (send: () => unknown) => {
      globalThis.CompressionStream = class extends Native {
        constructor(format: CompressionFormat) {
          super(format);
          compressions++;
        }
      };
      return Promise.resolve(send()).finally(() => (globalThis.CompressionStream = Native));
    };
    // A copy as the page's own pass leaves it (no script, no handler): the worker's pass changes nothing.
    const clean = orderPayload({
      url: URL_OF_ORDER,
      text: '订单号 20261118105822371604 状态 已支付 实付金额 ¥3,420.00',
      dom: '<!doctype html>\n<html><head><title>订单详情</title></head><body><h1>订单详情</h1><p>已支付</p></body></html>',
    });
    const packed = await packParts(clean.text, clean.dom);
    const saved = (await counting(() =>
      call(
        'evidence.capture',
        { ...clean, text: '', dom: '', packed, screenshotTicket: null } as RequestOf<'evidence.capture'>,
        fromTab(tabId),
      ),
    )) as { id: string };
    expect(compressions).toBe(0); // the page copy is kept as the page deflated it too
    const copy = (await openDB(`ticket-${counter}`).then(async (db) => {
      const blob = await db.get('blobs', [saved.id, 'dom']);
      db.close();
      return blob;
    })) as { encoding: string; bytes: Uint8Array };
    expect(copy.encoding).toBe('deflate');
    expect([...copy.bytes]).toEqual([...fromBase64(packed.dom)]);
    const kept = await stored(saved.id);
    expect(kept.encoding).toBe('deflate');
    expect([...kept.bytes]).toEqual([...fromBase64(packed.text)]);
    expect((await store.get(saved.id))?.text).toBe(clean.text);

    const sensitive = orderPayload({
      url: URL_OF_ORDER,
      text: '订单号 20261118105822371605 卡号 4111 1111 1111 1111',
      dom: clean.dom,
    });
    const packedSensitive = await packParts(sensitive.text, sensitive.dom);
    compressions = 0;
    const redacted = (await counting(() =>
      call(
        'evidence.capture',
        {
          ...sensitive,
          text: '',
          dom: '',
          packed: packedSensitive,
          screenshotTicket: null,
        } as RequestOf<'evidence.capture'>,
        fromTab(tabId),
      ),
    )) as { id: string };
    expect(compressions).toBe(1); // the text; the copy, unchanged, is kept as it came
    expect([...(await stored(redacted.id)).bytes]).not.toEqual([...fromBase64(packedSensitive.text)]);
    expect((await store.get(redacted.id))?.text).toBe('订单号 20261118105822371605 卡号 **** **** **** 1111');
    expect((await store.verify()).problems).toEqual([]);
  });

  it('a packed part that would unpack past the limits is refused as too large, and nothing is stored', async () => {
    const bomb = toBase64(await deflateRawNative(new Uint8Array(3_000_001)));
    const { dom } = await packParts('', '<p>x</p>');
    const reply = await call(
      'evidence.capture',
      {
        ...orderPayload({ url: URL_OF_ORDER }),
        text: '',
        dom: '',
        packed: { text: bomb, dom },
        screenshotTicket: null,
      } as RequestOf<'evidence.capture'>,
      fromTab(tabId),
    );
    expect(reply).toMatchObject({ status: 'failed', reason: 'too-large' });
    expect((await store.list({ offset: 0, limit: 20 })).total).toBe(0);
  });
});
