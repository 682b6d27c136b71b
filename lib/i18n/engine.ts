import { en, zhCN } from './sections/engine';
import { translatorOver, type Locale, type MessageKey, type Translate } from './core';

/**
 * The engines' words (input problems, headlines, deadlines, questions, evidence items): the engine section alone, so the worker and the
 * popup, which both evaluate claims, need no whole catalog for them.
 */
const engineCatalogs: Record<Locale, Partial<Record<MessageKey, string>>> = { 'zh-CN': zhCN, en };

export function engineTranslator(locale: Locale): Translate {
  return translatorOver(engineCatalogs[locale], zhCN);
}

/**
 * An engine word in `locale`, with `{name}` placeholders filled. A placeholder given null or undefined stays visible,
 * as pack text does (lib/policy/text.ts `localize`).
 */
export function engineText(
  key: MessageKey,
  locale: Locale,
  params?: Record<string, string | number | null | undefined>,
): string {
  const given: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params ?? {}))
    if (value !== undefined && value !== null) given[name] = value;
  return engineTranslator(locale)(key, params ? given : undefined);
}

/**
 * An engine word in both languages, for data that carries its text as a pair, as pack data does (a fact's question, an
 * evidence item's label): shipped and pack-defined entries then read the same way.
 */
export function engineWords(
  key: MessageKey,
  params?: Record<string, string | number | null | undefined>,
): Record<Locale, string> {
  return { 'zh-CN': engineText(key, 'zh-CN', params), en: engineText(key, 'en', params) };
}
