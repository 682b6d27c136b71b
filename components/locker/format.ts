import { shanghaiDisplay } from '../../lib/evidence/time';
import type { Locale, MessageKey, Translate } from '../../lib/i18n';
import { errorMessageKey, MessagingError } from '../protocol';
import { PAGE_KINDS, type PageKind } from '../../lib/vendors/types';
import { vendorName } from '../../lib/vendors/registry';

export const vendorLabel = (vendor: string, locale: Locale) => vendorName(vendor, locale);

export const kindLabel = (kind: string, t: Translate) =>
  (PAGE_KINDS as readonly string[]).includes(kind) ? t(`kind.${kind as PageKind}` as MessageKey) : kind;

export const sourceLabel = (source: 'auto' | 'manual', t: Translate) =>
  t(source === 'auto' ? 'evidence.source.auto' : 'evidence.source.manual');

/** `2026-11-22 17:35:00` Beijing time, from the stored UTC instant. */
export const beijingTime = (iso: string) => shanghaiDisplay(iso);

/** A failure as the user reads it: the messaging layer's reason, or the error's own words. */
export function errorText(error: unknown, t: Translate): string {
  if (error instanceof MessagingError) return t(errorMessageKey(error.code), { message: error.message });
  return t('locker.error.unexpected', { message: error instanceof Error ? error.message : String(error) });
}
