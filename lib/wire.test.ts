import { describe, expect, it } from 'vitest';
import { isEnvelope, MessagingError, replyData, wrap } from './wire';

const failure = (raw: unknown) => {
  try {
    replyData('card.content', raw);
  } catch (error) {
    return error as MessagingError;
  }
  throw new Error('expected a MessagingError');
};

describe('the wire format without schemas', () => {
  it('wraps and recognises envelopes, and nothing else', () => {
    expect(isEnvelope(wrap('worker.ping', {}))).toBe(true);
    for (const other of [null, undefined, 'x', { rg: 2, type: 'worker.ping' }, { rg: 1 }, { rg: 1, type: 5 }])
      expect(isEnvelope(other)).toBe(false);
  });

  it('unwraps a successful reply as sent', () => {
    expect(replyData('card.content', { ok: true, data: { orderRows: [] } })).toEqual({ orderRows: [] });
  });

  it('turns a failure reply into the sender’s error, keeping its code and issues', () => {
    const error = failure({ ok: false, error: { code: 'bad-response', message: 'bad', issues: ['a: b', 7] } });
    expect(error).toBeInstanceOf(MessagingError);
    expect(error.code).toBe('bad-response');
    expect(error.issues).toEqual(['a: b']);
  });

  it('reports a missing, malformed or unknown-coded reply', () => {
    expect(failure(undefined).code).toBe('no-receiver');
    for (const raw of [
      null,
      'ok',
      { ok: 'yes' },
      { ok: true },
      { ok: false },
      { ok: false, error: { code: 'teapot', message: 'x' } },
    ]) {
      expect(failure(raw).code).toBe('malformed');
    }
  });
});
