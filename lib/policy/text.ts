import type { Locale } from '../i18n';

/**
 * Text the claims engine shows to people. Shipped packs always give both
 * languages (the pack meta-test checks it); a user-defined pack may give one
 * plain string, shown in every locale.
 */
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}
export type Text = string | LocalizedText;

export type TextParams = Record<string, string | number | null | undefined>;

/** Bilingual data, as packs write it: `zhEn('中文', 'English')`. (`t` is the catalog translator: a message key in, text out.) */
export function zhEn(zh: string, en: string): LocalizedText {
  return { 'zh-CN': zh, en };
}

/** The text in `locale`, with `{name}` placeholders filled; unknown placeholders stay visible. */
export function localize(text: Text, locale: Locale, params?: TextParams): string {
  const raw = typeof text === 'string' ? text : (text[locale] ?? text['zh-CN']);
  if (!params) return raw;
  return raw.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

/*
 * The two per-language conventions below stay here rather than in the catalog: they format pack data (names and
 * amounts a pack gives in both languages) for every surface, including the page scripts, which carry only the card's
 * catalog section (lib/i18n/page.ts). The architecture test allows an inline locale branch in this file only.
 */

/** Joins list items the way each language does. */
export function joinList(items: readonly string[], locale: Locale): string {
  return items.join(locale === 'zh-CN' ? '、' : ', ');
}

/** Amounts in yuan, two decimals (CNY is what every shipped pack is priced in). */
export function formatMoney(amount: number, locale: Locale): string {
  const fixed = (Math.round(amount * 100) / 100).toFixed(2);
  return locale === 'zh-CN' ? `${fixed} 元` : `CNY ${fixed}`;
}
