import { z } from '../zod';
import { MAX_CARD_ROWS } from './limits';
import { LOCALES } from '../i18n/core';
import { pageMatchSchema } from '../vendors/schema';
import { checkoutFieldsSchema, orderFieldsSchema } from '../extract/schema';
import { RISK_FLAGS } from './flags';
import { ORDER_STATES } from '../claims/order-facts';
import { timelineInputSchema } from '../pictures/schema';

/**
 * The in-page card's messages: the content script sends what it read from the
 * page, the worker answers with what the card says (the policy engine stays
 * out of every page). Page text is bounded and stays text.
 */
const outcome = z.enum(['eligible', 'negotiable', 'compensation', 'not-eligible', 'expired']);
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export { MAX_CARD_ROWS };

export const cardRequestSchema = z.object({
  match: pageMatchSchema,
  locale: z.enum(LOCALES),
  checkout: z._default(z.nullable(checkoutFieldsSchema), null),
  order: z._default(z.nullable(orderFieldsSchema), null),
  rows: z._default(z.array(orderFieldsSchema).check(z.maxLength(MAX_CARD_ROWS)), []),
  /** What else the page shows (lib/card/presence): booleans only. */
  page: z._default(
    z.object({
      notActivated: z._default(z.boolean(), false),
      ticketForm: z._default(z.boolean(), false),
      /** A webmail page's title: the worker reads a failure from it as it logs the outage (entrypoints/background/outages.ts). */
      title: z._default(z.string().check(z.maxLength(200)), ''),
      failureShown: z._default(z.boolean(), false),
    }),
    { notActivated: false, ticketForm: false, title: '', failureShown: false },
  ),
});
export type CardRequest = z.infer<typeof cardRequestSchema>;

const citation = z.object({ title: z.string(), source: z.string(), clause: z.optional(z.string()) });
const clock = z.object({
  rule: z.string(),
  label: z.string(),
  date: z.nullable(isoDate),
  estimated: z.boolean(),
  state: z.enum(['open', 'lapsed', 'unknown']),
  conditional: z.boolean(),
  outcome,
  summary: z.string(),
  note: z.nullable(z.string()),
  citations: z.array(citation),
});
/** The headline's words (lib/claims/headline): the same on every surface. */
export const headlineWordsSchema = z.object({
  tone: z.enum(['good', 'warn', 'bad', 'neutral']),
  line: z.string(),
  deadline: z.nullable(z.string()),
  deadlineDate: z.nullable(isoDate),
  estimated: z.boolean(),
  confirmed: z.boolean(),
});
const flag = z.object({
  id: z.enum(RISK_FLAGS),
  title: z.string(),
  advice: z.string(),
  evidence: z.nullable(z.string()),
  citations: z.array(citation),
});

export const checkoutCardSchema = z.object({
  vendor: z.string(),
  words: headlineWordsSchema,
  headline: z.object({
    outcome,
    refund: z.nullable(z.enum(['full', 'partial', 'difference', 'voucher'])),
    rule: z.string(),
    basis: z.array(z.object({ text: z.string(), citation: z.string() })),
  }),
  clocks: z.array(clock),
  exceptions: z.array(z.object({ rule: z.string(), outcome, summary: z.string(), citations: z.array(citation) })),
  flags: z.array(flag),
  timeline: z._default(z.nullable(timelineInputSchema), null),
});

const slaWindow = z.object({
  month: z.string(),
  opensAfter: isoDate,
  closesOn: isoDate,
  estimated: z.boolean(),
  open: z.boolean(),
});

export const orderCardSchema = z.object({
  vendor: z.string(),
  orderId: z.nullable(z.string()),
  purchasedAt: z.nullable(z.string()),
  status: z.nullable(z.string()),
  state: z.enum(ORDER_STATES),
  words: headlineWordsSchema,
  clocks: z.array(clock),
  sla: z.nullable(slaWindow),
  timeline: z._default(z.nullable(timelineInputSchema), null),
});

export const cardResponseSchema = z.object({
  checkout: z.nullable(checkoutCardSchema),
  order: z.nullable(orderCardSchema),
  orderRows: z.array(
    z.object({
      orderId: z.string(),
      status: z.nullable(z.string()),
      words: headlineWordsSchema,
      clock: z.nullable(clock),
    }),
  ),
  presence: z.enum(['none', 'pill', 'expanded']),
  notice: z.nullable(
    z.object({
      kind: z.enum(['not-activated', 'outage-logged', 'outage-seen', 'ticket-draft']),
      title: z.string(),
      lines: z.array(z.string()),
      citation: z.nullable(citation),
    }),
  ),
  pill: z.object({
    line: z.string(),
    tone: headlineWordsSchema.shape.tone,
    deadline: z.nullable(z.string()),
    rows: z.nullable(z.string()),
    risks: z.nullable(z.string()),
    riskCount: z.int().check(z.nonnegative()),
    title: z.string(),
    expand: z.string(),
    dismiss: z.string(),
  }),
});
export type CardResponse = z.infer<typeof cardResponseSchema>;
