import type { MessageKey } from './zh-CN';

// What every catalog shares: the languages, how one is chosen, and how a
// message is filled in. No catalog is imported here (the type above is erased),
// so a script that needs only some messages does not carry all of them.

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
/** What the user chose in options: a locale, or follow the browser. */
export type LocalePreference = Locale | 'auto';
export type { MessageKey };

export const DEFAULT_LOCALE: Locale = 'zh-CN';

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

type Catalog = Partial<Record<MessageKey, string>>;

/**
 * A translator over a catalog (and a fallback catalog for keys it lacks);
 * `{name}` placeholders are filled from params. A key found in neither is
 * shown as itself, which the catalog tests look for.
 */
export function translatorOver(catalog: Catalog, fallback: Catalog): Translate {
  return (key, params) => fillIn(catalog[key] ?? fallback[key] ?? key, params);
}

/** A message with its `{name}` placeholders filled from params; a placeholder params does not name stays visible. */
export function fillIn(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}
