import { z } from '../zod';
import { cardRequestSchema, cardResponseSchema } from '../card/schema';
import { LOCALES } from '../i18n/core';
import { fillFieldsObject } from './claims';

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
      request: z.object({ tabId: z.int().check(z.nonnegative()), locale: z.enum(LOCALES) }),
      response: z.object({ content: z.nullable(cardResponseSchema) }),
    },
    /**
     * Content script → worker: run the card's code beyond its pill (the opened card,
     * saving, ticket filling) in the sender's frame, in the extension's world.
     */
    'card.ui': {
      from: 'page',
      request: z.object({}),
      response: z.object({ loaded: z.boolean() }),
    },
    /**
     * Content script of a ticket form → worker: the refund ticket for the page's vendor's
     * newest saved order, as the form's values ("fill the draft" on the card); null without one.
     */
    'card.ticketDraft': {
      from: 'page',
      request: z.object({ locale: z.enum(LOCALES) }),
      response: z.object({
        draft: z.nullable(
          z.object({
            orderId: z.string().check(z.maxLength(100)),
            values: fillFieldsObject(20_000),
            hints: fillFieldsObject(100),
          }),
        ),
      }),
    },
  } as const;
}
