import type { Page } from 'puppeteer-core';
import { CARD_HOST } from '../e2e/card';

/**
 * Reads the in-page card in Firefox. Its shadow root is closed, so page script
 * cannot reach it; WebDriver BiDi serialises an element's shadow root, open or
 * closed, as a node reference, and a function called in a sandbox realm of the
 * test's own (page script cannot patch it) gets that root as its argument —
 * the Firefox counterpart of test/e2e/card.ts, never a hook in the shipped build.
 */

interface BidiHandle {
  remoteValue(): { value?: { shadowRoot?: { sharedId?: string } | null } };
}
interface BidiRealmCore {
  callFunction(
    fn: string,
    awaitPromise: boolean,
    options: { arguments: unknown[] },
  ): Promise<{ type: string; result?: { type: string; value?: unknown }; exceptionDetails?: { text: string } }>;
}

export interface FirefoxCardElement {
  tag: string;
  text: string;
  attrs: Record<string, string>;
}

const QUERY = `function (root, selector) {
  return JSON.stringify(Array.from(root.querySelectorAll(selector)).map(function (el) {
    var attrs = {};
    for (var i = 0; i < el.attributes.length; i++) attrs[el.attributes[i].name] = el.attributes[i].value;
    return { tag: el.tagName.toLowerCase(), text: el.innerText, attrs: attrs };
  }));
}`;

/** Elements matching `selector` inside every card's shadow root, in document order. */
export async function firefoxCardQuery(page: Page, selector: string): Promise<FirefoxCardElement[]> {
  const hosts = await page.$$(CARD_HOST);
  const realm = (page.mainFrame() as unknown as { isolatedRealm(): { realm: BidiRealmCore } }).isolatedRealm().realm;
  const found: FirefoxCardElement[] = [];
  for (const host of hosts) {
    const sharedId = (host as unknown as BidiHandle).remoteValue().value?.shadowRoot?.sharedId;
    if (!sharedId) continue;
    const reply = await realm.callFunction(QUERY, true, {
      arguments: [{ sharedId }, { type: 'string', value: selector }],
    });
    if (reply.type !== 'success' || reply.result?.type !== 'string')
      throw new Error(`card query failed: ${reply.exceptionDetails?.text ?? reply.type}`);
    found.push(...(JSON.parse(String(reply.result.value)) as FirefoxCardElement[]));
  }
  return found;
}

/** Polls until an element matching `selector` is in the card; returns the matches. */
export async function firefoxWaitForCard(
  page: Page,
  selector: string,
  timeout = 15_000,
): Promise<FirefoxCardElement[]> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = await firefoxCardQuery(page, selector).catch(() => []);
    if (found.length > 0) return found;
    if (Date.now() > deadline) throw new Error(`Firefox: ${selector} not in the card after ${timeout} ms`);
    await new Promise((ok) => setTimeout(ok, 150));
  }
}
