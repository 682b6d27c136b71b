import { z } from '../zod';
import { headlineWordsSchema } from '../card/schema';
import { LOCALES } from '../i18n/core';
import { FILL_FIELDS, type FillField } from '../tickets/fill';
import { snapshotId } from './common';

/** `{ title?, description?, … }`: one optional string per ticket field a form can take. */
export const fillFieldsObject = (max: number) =>
  z.strictObject(
    Object.fromEntries(FILL_FIELDS.map((f) => [f, z.optional(z.string().check(z.maxLength(max)))])) as Record<
      FillField,
      z.ZodMiniOptional<z.ZodMiniString>
    >,
  );

/** Messages of the eligibility checker and its tickets: filling a ticket form, orders' headlines. */
export function claimMessages() {
  return {
    /**
     * Popup → content script of a vendor ticket page: put the drafted ticket into
     * the page's form (`dryRun`: only say what would go where). Never submits.
     */
    'ticket.fill': {
      from: 'extension',
      request: z.object({
        values: fillFieldsObject(20_000),
        /** The vendor form's own field names (its ticket template), as hints. */
        hints: z._default(fillFieldsObject(100), {}),
        dryRun: z._default(z.boolean(), false),
      }),
      response: z.object({
        status: z.enum(['filled', 'preview', 'no-form', 'not-ticket-page']),
        url: z.string().check(z.maxLength(8192)),
        filled: z.array(
          z.object({ field: z.enum(FILL_FIELDS), label: z.string().check(z.maxLength(200)), truncated: z.boolean() }),
        ),
        /** Controls that already held the user's own text and were left alone. */
        kept: z.array(z.object({ field: z.enum(FILL_FIELDS), label: z.string().check(z.maxLength(200)) })),
        missing: z.array(z.enum(FILL_FIELDS)),
        /** Controls that were written but put their old value back (a page script refused it): not filled. */
        rejected: z.optional(
          z.array(z.object({ field: z.enum(FILL_FIELDS), label: z.string().check(z.maxLength(200)) })),
        ),
      }),
    },
    /**
     * Extension page → worker: the headline of each stored order snapshot, in the
     * words of the card, the popup and reminders (null for a snapshot that is no order).
     */
    'order.headlines': {
      from: 'extension',
      request: z.object({ ids: z.array(snapshotId).check(z.maxLength(100)), locale: z.enum(LOCALES) }),
      response: z.object({ headlines: z.record(z.string(), z.nullable(headlineWordsSchema)) }),
    },
  } as const;
}
