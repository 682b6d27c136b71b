import { describe, expect, it, vi } from 'vitest';
import {
  createDispatcher,
  envelope,
  errorMessageKey,
  MessagingError,
  unwrapReply,
  type ResponseOf,
  type SenderInfo,
} from '.';

const fromTab: SenderInfo = { tabId: 7, url: 'https://buy.cloud.tencent.com/cvm', fromExtension: false };
const fromPopup: SenderInfo = { url: 'chrome-extension://abc/popup.html', fromExtension: true };

describe('the message dispatcher', () => {
  it('passes a valid request to its handler and returns the validated response', async () => {
    const handler = vi.fn(() => ({ match: null, url: null, title: null, detectedAt: null }));
    const { dispatch } = createDispatcher({ 'tab.status': handler });
    const reply = await dispatch(envelope('tab.status', { tabId: 3 }), fromPopup);
    expect(reply).toEqual({ ok: true, data: { match: null, url: null, title: null, detectedAt: null } });
    expect(handler).toHaveBeenCalledWith({ tabId: 3 }, fromPopup);
  });

  it('refuses a message the sender may not send, before its handler runs: one rule per message', async () => {
    const tabStatus = vi.fn(() => ({ match: null, url: null, title: null, detectedAt: null }));
    const exportAll = vi.fn();
    const ping = vi.fn(() => ({ version: '1', startedAt: 'now' }));
    const { dispatch } = createDispatcher({
      'tab.status': tabStatus,
      'evidence.export': exportAll,
      'worker.ping': ping,
    });
    // What another tab shows, and the whole evidence store, are for the extension's own pages.
    expect(await dispatch(envelope('tab.status', { tabId: 3 }), fromTab)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await dispatch(envelope('evidence.export', { ids: null, locale: 'zh-CN' }), fromTab)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('evidence.export') },
    });
    expect(tabStatus).not.toHaveBeenCalled();
    expect(exportAll).not.toHaveBeenCalled();
    // A content script may still send what content scripts exist for.
    expect(await dispatch(envelope('worker.ping', {}), fromTab)).toMatchObject({ ok: true });
    expect(errorMessageKey('forbidden')).toBe('error.forbidden');
  });

  it('refuses a malformed request without calling the handler, naming the bad field', async () => {
    const handler = vi.fn();
    const { dispatch } = createDispatcher({ 'page.detected': handler });
    const reply = await dispatch(
      {
        rg: 1,
        type: 'page.detected',
        data: { url: 'javascript:alert(1)', title: 1, match: { vendor: 'x', kind: 'shop' } },
      },
      fromTab,
    );
    expect(handler).not.toHaveBeenCalled();
    expect(reply).toMatchObject({ ok: false, error: { code: 'malformed' } });
    const issues = reply && !reply.ok ? (reply.error.issues ?? []) : [];
    expect(issues.join('\n')).toMatch(/title/);
    expect(issues.join('\n')).toMatch(/match\.kind/);
  });

  it('answers unknown types and broken envelopes, ignores foreign messages', async () => {
    const { dispatch, accepts } = createDispatcher({});
    expect(await dispatch({ rg: 1, type: 'no.such', data: {} }, fromTab)).toMatchObject({
      ok: false,
      error: { code: 'unknown-type' },
    });
    expect(await dispatch({ rg: 1, type: 42 }, fromTab)).toMatchObject({ ok: false, error: { code: 'malformed' } });
    expect(accepts({ greeting: 'hello' })).toBe(false);
    expect(await dispatch({ greeting: 'hello' }, fromTab)).toBeUndefined();
    expect(accepts(null)).toBe(false);
  });

  it('leaves known types it has no handler for to other receivers', async () => {
    const { dispatch, accepts } = createDispatcher({ 'worker.ping': () => ({ version: '1', startedAt: 'now' }) });
    expect(accepts(envelope('tab.status', { tabId: 1 }))).toBe(false);
    expect(await dispatch(envelope('tab.status', { tabId: 1 }), fromTab)).toBeUndefined();
  });

  it('reports a handler that throws or returns the wrong shape', async () => {
    const { dispatch } = createDispatcher({
      'worker.ping': () => {
        throw new Error('disk full');
      },
      // A handler that breaks its contract (the types would not let one compile otherwise).
      'tab.status': () => ({ match: 'yes' }) as unknown as ResponseOf<'tab.status'>,
    });
    expect(await dispatch(envelope('worker.ping', {}), fromTab)).toEqual({
      ok: false,
      error: { code: 'handler', message: 'disk full' },
    });
    expect(await dispatch(envelope('tab.status', { tabId: 1 }), fromPopup)).toMatchObject({
      ok: false,
      error: { code: 'bad-response' },
    });
  });
});

describe('unwrapReply on the sending side', () => {
  it('returns the data of a good reply', () => {
    expect(unwrapReply('worker.ping', { ok: true, data: { version: '1.0', startedAt: 'x' } })).toEqual({
      version: '1.0',
      startedAt: 'x',
    });
  });

  it('throws a MessagingError with a code the UI can explain', () => {
    const cases: Array<[unknown, string]> = [
      [undefined, 'no-receiver'],
      ['garbage', 'malformed'],
      [{ ok: false, error: { code: 'handler', message: 'quota exceeded' } }, 'handler'],
      [{ ok: true, data: { version: 1 } }, 'bad-response'],
    ];
    for (const [raw, code] of cases) {
      try {
        unwrapReply('worker.ping', raw);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(MessagingError);
        expect((error as MessagingError).code).toBe(code);
      }
    }
    expect(errorMessageKey('no-receiver')).toBe('error.noReceiver');
    expect(errorMessageKey('bad-response')).toBe('error.malformed');
  });
});
