import { browser } from 'wxt/browser';
import { z } from '../../lib/zod';
import { isPlausibleDetection } from '../../lib/detect';
import type { RequestOf, ResponseOf, SenderInfo } from '../../lib/messages';
import { pageMatchSchema } from '../../lib/vendors/schema';
import { redactText, redactUrl } from '../../lib/evidence/redact';
import { cardRequestSchema, type CardRequest } from '../../lib/card/schema';

// What each open tab shows, kept in session storage so it survives the worker
// being stopped but not the browser being closed. Its URL and title are stored
// as evidence stores them: session parameters dropped, card and ID numbers
// masked (DESIGN.md "Privacy").
const tabRecord = z.object({
  url: z.string(),
  title: z.string(),
  match: pageMatchSchema,
  detectedAt: z.string(),
});

const key = (tabId: number) => `tab.${tabId}`;
/** What the tab's card last asked about (the page's reading), so the popup can show the same assessment. */
const cardKey = (tabId: number) => `tab.${tabId}.card`;
const session = () => browser.storage.session;
const read = async (name: string): Promise<unknown> => ((await session().get(name)) as Record<string, unknown>)[name];

export async function recordDetection(
  data: RequestOf<'page.detected'>,
  sender: SenderInfo,
  now: Date,
): Promise<ResponseOf<'page.detected'>> {
  if (sender.tabId === undefined) return { accepted: false };
  if (data.match === null) {
    await session().remove(key(sender.tabId));
    return { accepted: true };
  }
  if (!isPlausibleDetection(data.match, sender.url)) return { accepted: false };
  await session().set({
    [key(sender.tabId)]: {
      url: redactUrl(sender.url ?? data.url),
      title: redactText(data.title),
      match: data.match,
      detectedAt: now.toISOString(),
    },
  });
  return { accepted: true };
}

export async function tabStatus(tabId: number): Promise<ResponseOf<'tab.status'>> {
  const parsed = tabRecord.safeParse(await read(key(tabId)));
  if (!parsed.success) return { match: null, url: null, title: null, detectedAt: null };
  return parsed.data;
}

export async function forgetTab(tabId: number): Promise<void> {
  await session().remove([key(tabId), cardKey(tabId)]);
}

/** Keeps what a tab's card asked about (already validated by the `card.content` receiver). */
export async function rememberCardRequest(tabId: number | undefined, request: CardRequest): Promise<void> {
  if (tabId === undefined) return;
  await session().set({ [cardKey(tabId)]: request });
}

/** What the tab's card last asked about, or null (no card in that tab since it loaded). */
export async function cardRequestOf(tabId: number): Promise<CardRequest | null> {
  const parsed = cardRequestSchema.safeParse(await read(cardKey(tabId)));
  return parsed.success ? parsed.data : null;
}
