import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// A fresh module each time: whether a ping is in flight is module state.
let wakeWorker: typeof import('./page-messaging').wakeWorker;
beforeEach(async () => {
  vi.resetModules();
  ({ wakeWorker } = await import('./page-messaging'));
});
afterEach(() => vi.restoreAllMocks());

const settle = () => new Promise((done) => setTimeout(done, 0));

describe('waking the worker from a page', () => {
  it('sends one ping at a time, and another once it is answered', async () => {
    const answers: ((reply: unknown) => void)[] = [];
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockImplementation(() => new Promise((answer) => answers.push(answer)));
    wakeWorker();
    wakeWorker(); // the pointer crosses the button again while the worker starts
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({ rg: 1, type: 'worker.ping', data: {} });
    answers[0]!({ ok: true, data: { version: '0.1.0', startedAt: '2026-12-05T10:00:00.000Z' } });
    await settle();
    wakeWorker();
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('swallows a worker that cannot be reached (the click reports that itself), and tries again next time', async () => {
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      wakeWorker();
      await settle();
      wakeWorker();
      await settle();
      expect(send).toHaveBeenCalledTimes(2);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
