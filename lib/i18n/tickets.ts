import { en, zhCN } from './sections/tickets';
import { translatorOver, type Locale, type MessageKey, type Translate } from './core';

/**
 * The words of a ticket or complaint draft (lib/tickets): the tickets section
 * alone. Drafts are written in the popup and, for the card, in the worker;
 * neither then needs the whole catalog for them. The architecture test checks
 * that every key the drafts use is in this section.
 */
const ticketCatalogs: Record<Locale, Partial<Record<MessageKey, string>>> = { 'zh-CN': zhCN, en };

export function ticketTranslator(locale: Locale): Translate {
  return translatorOver(ticketCatalogs[locale], zhCN);
}
