import { z } from '../zod';
import { pageMatchSchema } from '../vendors/schema';
import { snapshotBodySchema } from '../evidence/schema';
import { SNAPSHOTS_READ } from '../evidence/tab-order';

/** Messages about tabs and the worker itself: what a page is, what the popup's tab shows. */
export function tabMessages() {
  const tabStatusSchema = z.object({
    match: pageMatchSchema.nullable(),
    url: z.string().nullable(),
    title: z.string().nullable(),
    detectedAt: z.string().nullable(),
  });

  /** lib/evidence/tab-order.ts `TabOrder`. */
  const tabOrderSchema = z.object({
    ref: z
      .object({
        vendor: z.string(),
        orderId: z.string(),
        capturedAt: z.string(),
        status: z.string().nullable(),
        title: z.string(),
      })
      .nullable(),
    bodies: z.array(snapshotBodySchema).max(SNAPSHOTS_READ),
  });

  return {
    /** Content script → worker: what this tab shows now (null: no vendor page, e.g. after SPA navigation). */
    'page.detected': {
      from: 'page',
      request: z.object({
        url: z.string().url().max(8192),
        title: z.string().max(2000),
        match: pageMatchSchema.nullable(),
      }),
      response: z.object({ accepted: z.boolean() }),
    },
    /** Popup → worker: what is known about a tab. */
    'tab.status': {
      from: 'extension',
      request: z.object({ tabId: z.number().int().nonnegative() }),
      response: tabStatusSchema,
    },
    /**
     * Popup → worker, as it opens: the tab's status and the saved order it shows
     * (with that order's latest snapshot bodies), in one round trip.
     */
    'tab.order': {
      from: 'extension',
      request: z.object({ tabId: z.number().int().nonnegative() }),
      response: z.object({ status: tabStatusSchema, order: tabOrderSchema }),
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
