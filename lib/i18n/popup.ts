import { translatorOver, type Locale, type Translate } from './core';
import { popupCatalogs } from './popup-catalogs';

/** The popup's translator: its own words only (./popup-catalogs.ts). */
export function popupTranslator(locale: Locale): Translate {
  return translatorOver(popupCatalogs[locale], popupCatalogs['zh-CN']);
}
