import { en, zhCN } from './sections/engine';
import { translatorOver, type Locale, type MessageKey, type Translate } from './core';

/**
 * The engines' words (input problems, the command line's joins): the engine section alone, so the worker and the
 * popup, which both evaluate claims, need no whole catalog for them.
 */
const engineCatalogs: Record<Locale, Partial<Record<MessageKey, string>>> = { 'zh-CN': zhCN, en };

export function engineTranslator(locale: Locale): Translate {
  return translatorOver(engineCatalogs[locale], zhCN);
}
