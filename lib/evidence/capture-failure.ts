import type { MessageKey, Translate } from '../i18n/core';

/** Why a capture was not saved, as every capture reply names it (lib/messages.ts). */
export type CaptureFailureReason = 'quota' | 'storage' | 'too-large' | 'invalid' | 'not-allowed';

const KEYS: Record<CaptureFailureReason, MessageKey> = {
  quota: 'evidence.error.quota',
  storage: 'evidence.error.storage',
  'too-large': 'evidence.error.tooLarge',
  invalid: 'evidence.error.invalid',
  'not-allowed': 'evidence.error.notAllowed',
};

/**
 * The sentence a user reads when a capture failed, in their language, with
 * the store's detail. A caller may word a reason its own way (the menu's
 * save of a page the extension may not read: `notAllowed`); the key is named
 * there, so a content script carries only the keys it can show.
 */
export function captureFailureMessage(
  failure: { reason: CaptureFailureReason; message: string },
  t: Translate,
  own: Partial<Record<CaptureFailureReason, MessageKey>> = {},
): string {
  return t(own[failure.reason] ?? KEYS[failure.reason], { message: failure.message });
}
