import { z } from '../zod';
import { headlineWordsSchema } from '../card/schema';
import { pageMatchSchema } from '../vendors/schema';

/** Messages of the settings: generic checkout sites, reminders. */
export function settingsMessages() {
  return {
    /** Options → worker: register the generic checkout script for exactly the enabled sites that have their permission. */
    'sites.sync': {
      from: 'extension',
      request: z.object({}),
      response: z.object({ registered: z.array(z.string()), missingPermission: z.array(z.string()) }),
    },
    /**
     * Popup → worker: run checkout detection in this tab once (the activeTab grant
     * from opening the popup covers it); answers what the page was recognised as.
     */
    'sites.checkOnce': {
      from: 'extension',
      request: z.object({ tabId: z.int().check(z.nonnegative()) }),
      response: z.object({ match: z.nullable(pageMatchSchema) }),
    },
    /** Any extension page → worker: recompute deadlines, alarms and the badge from stored data now. */
    'reminders.sync': {
      from: 'extension',
      request: z.object({}),
      response: z.object({
        alarms: z.array(z.object({ name: z.string(), fireAt: z.number() })),
        badge: z.int().check(z.nonnegative()),
        /** The deadlines still ahead, soonest first (in the user's language). */
        deadlines: z.array(
          z.object({
            id: z.string(),
            kind: z.enum(['refund-window', 'sla-opens', 'sla-closes', 'service-expiry']),
            date: z.string(),
            label: z.string(),
            estimated: z.boolean(),
            conditional: z.boolean(),
            orderId: z.nullable(z.string()),
            product: z.nullable(z.string()),
            dataDeletionWarning: z.boolean(),
            /** What the vendor may do once the service ends, from its SLA definition. */
            afterEnd: z.nullable(z.string()),
            /** The order's headline, in the words of the card and the popup (null for SLA months). */
            headline: z.nullable(headlineWordsSchema),
            /** The notification a reminder of this deadline shows now. */
            notification: z.object({ title: z.string(), message: z.string() }),
          }),
        ),
      }),
    },
  } as const;
}
