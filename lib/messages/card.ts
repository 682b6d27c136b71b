import { z } from '../zod';
import { cardRequestSchema, cardResponseSchema } from '../card/schema';
import { LOCALES } from '../i18n/core';

/** Messages of the in-page card: what it says about a page, and the popup's copy of it. */
export function cardMessages() {
  return {
    /** Content script → worker: what the card says about the page, from what the script read there. */
    'card.content': {
      from: 'page',
      request: cardRequestSchema,
      response: cardResponseSchema,
    },
    /**
     * Popup → worker: what the tab's in-page card says (from the reading its content
     * script last sent), in the popup's language; null when no card has asked in that tab.
     */
    'tab.card': {
      from: 'extension',
      request: z.object({ tabId: z.number().int().nonnegative(), locale: z.enum(LOCALES) }),
      response: z.object({ content: cardResponseSchema.nullable() }),
    },
  } as const;
}
