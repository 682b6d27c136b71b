import { zhCN, type MessageKey } from './zh-CN';
import { en } from './en';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
/** What the user chose in options: a locale, or follow the browser. */
export type LocalePreference = Locale | 'auto';
export type { MessageKey };

export const DEFAULT_LOCALE: Locale = 'zh-CN';

const catalogs: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/**
 * The UI language: the user's choice, else the browser's first language we
 * speak. Chinese of any region reads the zh-CN text; anything we do not
 * speak falls back to the product's default, zh-CN.
 */
export function resolveLocale(preference: LocalePreference | undefined, browserLanguages: readonly string[]): Locale {
  if (preference === 'zh-CN' || preference === 'en') return preference;
  for (const tag of browserLanguages) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return DEFAULT_LOCALE;
}

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** A translator for one locale; `{name}` placeholders are filled from params. */
export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  return (key, params) => {
    const template = catalog[key] ?? zhCN[key];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
    );
  };
}

export function messageKeys(locale: Locale): MessageKey[] {
  return Object.keys(catalogs[locale]) as MessageKey[];
}
