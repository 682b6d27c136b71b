import { zhCN, type MessageKey } from './zh-CN';
import { en } from './en';
import { translatorOver, type Locale, type Translate } from './core';

export * from './core';

const catalogs: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** A translator for one locale over the whole catalog. */
export function translator(locale: Locale): Translate {
  return translatorOver(catalogs[locale], zhCN);
}

export function messageKeys(locale: Locale): MessageKey[] {
  return Object.keys(catalogs[locale]) as MessageKey[];
}
