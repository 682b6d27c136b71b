import { z } from '../zod';
import { pageMatchSchema } from '../vendors/schema';
import { snapshotBodySchema } from '../evidence/schema';
import { SNAPSHOTS_READ } from '../evidence/tab-order';
import { headlineWordsSchema } from '../card/schema';
import { CLAIM_WITH, OUTCOMES } from '../policy/schema';

/** Messages about tabs and the worker itself: what a page is, what the popup's tab shows. */
export function tabMessages() {
  const tabStatusSchema = z.object({
    match: z.nullable(pageMatchSchema),
    url: z.nullable(z.string()),
    title: z.nullable(z.string()),
    detectedAt: z.nullable(z.string()),
  });

  /** lib/evidence/tab-order.ts `TabOrder`. */
  const tabOrderSchema = z.object({
    ref: z.nullable(
      z.object({
        vendor: z.string(),
        orderId: z.string(),
        capturedAt: z.string(),
        status: z.nullable(z.string()),
        title: z.string(),
      }),
    ),
    bodies: z.array(snapshotBodySchema).check(z.maxLength(SNAPSHOTS_READ)),
  });

  /** lib/evidence/tab-verdict.ts `TabVerdictWords`: the checker's top in one language. */
  const tabVerdictWords = z.object({
    vendorName: z.string().check(z.maxLength(200)),
    outcome: z.enum(OUTCOMES),
    claimWith: z.enum(CLAIM_WITH),
    openQuestions: z.int().check(z.nonnegative()),
    words: headlineWordsSchema,
  });

  return {
    /** Content script → worker: what this tab shows now (null: no vendor page, e.g. after SPA navigation). */
    'page.detected': {
      from: 'page',
      request: z.object({
        url: z.url().check(z.maxLength(8192)),
        title: z.string().check(z.maxLength(2000)),
        match: z.nullable(pageMatchSchema),
      }),
      response: z.object({ accepted: z.boolean() }),
    },
    /** Popup → worker: what is known about a tab. */
    'tab.status': {
      from: 'extension',
      request: z.object({ tabId: z.int().check(z.nonnegative()) }),
      response: tabStatusSchema,
    },
    /**
     * Popup → worker, as it opens: the tab's status and the saved order it shows
     * (with that order's latest snapshot bodies), in one round trip, with the
     * order's first verdict in the words of either language (`verdict`, null
     * when there is none to show), as of `now` (the popup's moment; else the worker's clock).
     */
    'tab.order': {
      from: 'extension',
      request: z.object({
        tabId: z.int().check(z.nonnegative()),
        now: z.optional(z.string().check(z.maxLength(40))),
      }),
      response: z.object({
        status: tabStatusSchema,
        order: tabOrderSchema,
        verdict: z.optional(z.nullable(z.object({ 'zh-CN': tabVerdictWords, en: tabVerdictWords }))),
      }),
    },
    /** Content script → worker: open the eligibility checker (the popup page, in a tab) about the sender's tab. */
    'ui.openChecker': {
      from: 'page',
      request: z.object({}),
      response: z.object({ opened: z.boolean() }),
    },
    /** Any context → worker: liveness and version. */
    'worker.ping': {
      from: 'page',
      request: z.object({}),
      response: z.object({ version: z.string(), startedAt: z.string() }),
    },
  } as const;
}
