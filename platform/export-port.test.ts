import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { EXPORT_BYTES, EXPORT_CHUNK, EXPORT_WINDOW } from '../lib/evidence/export-protocol';
import { byteChannels, chunkedPort, chunkSender } from './export-port';

/** A stand-in for the service worker's global scope: its `message` listeners, and `clients`. */
function workerScope() {
  const target = new EventTarget();
  return Object.assign(target, { clients: {} });
}

const handOver = (scope: EventTarget, token: string, origin: string) => {
  const { port1, port2 } = new MessageChannel();
  scope.dispatchEvent(new MessageEvent('message', { data: { type: EXPORT_BYTES, token }, origin, ports: [port2] }));
  return { page: port1, handed: port2 };
};

describe('byte channels handed to the worker', () => {
  const origin = new URL(browser.runtime.getURL('/')).origin;
  const token = 'a1b2c3d4-e5f6-4711-8a9b-0123456789ab';

  it('gives the export the port its page handed over, before or after the start', async () => {
    const scope = workerScope();
    const channels = byteChannels(scope);
    const early = handOver(scope, token, origin);
    expect(await channels.take(token)).toBe(early.handed);
    const later = channels.take(`${token}-2`);
    const late = handOver(scope, `${token}-2`, origin);
    expect(await later).toBe(late.handed);
    // Taken once: a second export naming the same token gets none.
    expect(await channels.take(token, 10)).toBeNull();
  });

  it('ignores a port from another origin, and answers null without a service worker', async () => {
    const scope = workerScope();
    const channels = byteChannels(scope);
    handOver(scope, token, 'https://console.cloud.tencent.com');
    expect(await channels.take(token, 10)).toBeNull();
    expect(await byteChannels(new EventTarget()).take(token, 10)).toBeNull();
    expect(await channels.take(undefined)).toBeNull();
  });
});

describe('an export port sending chunks', () => {
  it('sends bytes on the byte channel, transferred, and base64 on the runtime port without one', async () => {
    const { port1, port2 } = new MessageChannel();
    const got: unknown[] = [];
    port2.onmessage = (event) => got.push(event.data);
    const replies: unknown[] = [];
    const chunk = new Uint8Array([1, 2, 3, 250]);
    chunkSender((r) => replies.push(r), port1)(0, chunk);
    // Transferred, not copied: the worker no longer holds the buffer.
    expect(chunk.byteLength).toBe(0);
    chunkSender((r) => replies.push(r), null)(1, new Uint8Array([1, 2, 3, 250]));
    expect(replies).toEqual([{ type: 'chunk', seq: 1, base64: 'AQID+g==' }]);
    await new Promise((ok) => setTimeout(ok, 20));
    const [received] = got as { seq: number; bytes: Uint8Array }[];
    expect([received?.seq, Array.from(received?.bytes ?? [])]).toEqual([0, [1, 2, 3, 250]]);
    port1.close();
    port2.close();
  });

  it('keeps at most EXPORT_WINDOW chunks unacknowledged', async () => {
    const sent: number[] = [];
    const out = chunkedPort((seq) => void sent.push(seq));
    const writing = out.write(new Uint8Array(EXPORT_CHUNK * (EXPORT_WINDOW + 2)));
    await new Promise((ok) => setTimeout(ok, 20));
    expect(sent).toHaveLength(EXPORT_WINDOW);
    out.acked(1);
    await writing;
    expect(sent).toHaveLength(EXPORT_WINDOW + 2);
  });
});
