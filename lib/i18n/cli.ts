import { en, zhCN } from './sections/cli';
import { fillIn, type Locale, type MessageParams } from './core';

/**
 * The admin command line's words (lib/claims/cli.ts): their own section, outside the extension's catalog, so that no
 * page or worker of the extension carries the usage and help texts.
 */
export type CliKey = keyof typeof zhCN;

const cliCatalogs: Record<Locale, Record<CliKey, string>> = { 'zh-CN': zhCN, en };

/** A command-line word in `locale`, with `{name}` placeholders filled. */
export function cliText(key: CliKey, locale: Locale, params?: MessageParams): string {
  return fillIn(cliCatalogs[locale][key], params);
}
