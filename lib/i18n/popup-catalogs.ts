import { en } from './en';
import { surfaceCatalog } from './surfaces';
import type { Locale, MessageKey } from './core';
import { zhCN } from './zh-CN';

/**
 * The popup's words (lib/i18n/surfaces.ts). The extension's pages are built
 * together, so the cut for one of them is made on this module: the build
 * replaces it by its value (wxt.config.ts), and the popup imports no other
 * catalog (architecture test). Tests and `wxt dev` run it as written.
 */
export const popupCatalogs: Record<Locale, Partial<Record<MessageKey, string>>> = {
  'zh-CN': surfaceCatalog(zhCN, 'popup'),
  en: surfaceCatalog(en, 'popup'),
};
