import { en, zhCN } from './sections/card';
import { en as timelineEn, zhCN as timelineZh } from './sections/timeline';
import { translatorOver, type Locale, type MessageKey, type Translate } from './core';

/**
 * The words the in-page card and the content scripts show: the card section
 * alone. Content scripts run on every vendor page, so they carry these
 * messages and not the whole catalog (the popup, checker, locker and options
 * words are most of it). The architecture test checks that every key the
 * content scripts use is here.
 */
const pageCatalogs: Partial<Record<Locale, Partial<Record<MessageKey, string>>>> = {};

export function pageTranslator(locale: Locale): Translate {
  // Joined on first use: the worker reads the sections after its script has loaded (lib/worker-data.ts).
  pageCatalogs[locale] ??= locale === 'en' ? { ...en, ...timelineEn } : { ...zhCN, ...timelineZh };
  return translatorOver(pageCatalogs[locale], zhCN);
}

export function pageMessageKeys(): MessageKey[] {
  return Object.keys({ ...zhCN, ...timelineZh }) as MessageKey[];
}
