import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listen } from './messaging';
import { readStartedNow, workerDataLoader } from './worker-data';

afterEach(() => vi.restoreAllMocks());

const settle = () => new Promise((done) => setTimeout(done, 0));

describe("the worker's data loader", () => {
  it('reads the file once however many events wait for it', async () => {
    const read = vi.fn(async () => ({}));
    const ready = workerDataLoader(read, () => true);
    await Promise.all([ready(), ready(), ready()]);
    await ready();
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('reads again after a failed read, and rejects the events that waited on it', async () => {
    const read = vi.fn().mockRejectedValueOnce(new Error('worker-data.json: 404')).mockResolvedValue({});
    const ready = workerDataLoader(read, () => true);
    await expect(ready()).rejects.toThrow('worker-data.json: 404');
    await expect(ready()).resolves.toBeUndefined();
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('starts the first read at once, before anything waits for it, and reads afresh after it failed', async () => {
    const read = vi.fn().mockRejectedValueOnce(new Error('worker-data.json: 404')).mockResolvedValue({ k: {} });
    const started = readStartedNow(read);
    expect(read).toHaveBeenCalledTimes(1);
    await expect(started()).rejects.toThrow('404');
    await expect(started()).resolves.toEqual({ k: {} });
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('reads nothing where the build left no data out of the script', async () => {
    const read = vi.fn(async () => ({}));
    await workerDataLoader(read, () => false)();
    expect(read).not.toHaveBeenCalled();
  });
});

describe('messages wait for the data', () => {
  function registered() {
    const add = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    return () => add.mock.calls.at(-1)![0] as (raw: unknown, sender: unknown, reply: (r: unknown) => void) => boolean;
  }

  it('a message is read only once the data is in, then answered', async () => {
    const listener = registered();
    let loaded!: () => void;
    const ready = new Promise<void>((done) => (loaded = done));
    const ping = vi.fn(() => ({ version: '0.1.0', startedAt: '2026-12-07T00:00:00.000Z' }));
    listen({ 'worker.ping': ping }, () => ready);
    const reply = vi.fn();
    expect(listener()({ rg: 1, type: 'worker.ping', data: {} }, { id: fakeBrowser.runtime.id }, reply)).toBe(true);
    await settle();
    expect(ping).not.toHaveBeenCalled();
    expect(reply).not.toHaveBeenCalled();
    loaded();
    await settle();
    expect(ping).toHaveBeenCalledTimes(1);
    expect(reply).toHaveBeenCalledWith({ ok: true, data: { version: '0.1.0', startedAt: '2026-12-07T00:00:00.000Z' } });
  });

  it('a failed read is answered as a handler error, not left without a reply', async () => {
    const listener = registered();
    const ping = vi.fn();
    listen({ 'worker.ping': ping }, () => Promise.reject(new Error('worker-data.json: 404')));
    const reply = vi.fn();
    listener()({ rg: 1, type: 'worker.ping', data: {} }, { id: fakeBrowser.runtime.id }, reply);
    await settle();
    expect(ping).not.toHaveBeenCalled();
    expect(reply).toHaveBeenCalledWith({ ok: false, error: { code: 'handler', message: 'worker-data.json: 404' } });
  });
});
