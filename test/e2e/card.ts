import type { CDPSession, Page } from 'playwright-core';

/**
 * Reads and clicks the in-page card the way a person's browser sees it, whether
 * its shadow root is open or closed (DESIGN.md contract 2): through the Chrome
 * DevTools Protocol, which reaches closed roots (`DOM.getDocument` with
 * `pierce`), never through a hook in the shipped build. Clicks are real input
 * events (trusted), like a user's.
 */

/** The card's host element (contract 2). */
export const CARD_HOST = 'refund-guard-ui';

export interface CardElement {
  /** Lower-case tag name. */
  tag: string;
  /** Rendered text (`innerText`), or `textContent` for a non-HTML element. */
  text: string;
  attrs: Record<string, string>;
  /** Viewport box (page.mouse coordinates); null when the element has no layout box. */
  box: { x: number; y: number; width: number; height: number } | null;
}

const OBJECT_GROUP = 'refund-guard-card-test';
const sessions = new WeakMap<Page, Promise<CDPSession>>();

function cdp(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
    page.once('close', () => sessions.delete(page));
  }
  return session;
}

interface DescribedNode {
  shadowRoots?: Array<{ backendNodeId: number }>;
}

/** Per CDP session: the test's own script world in the page's main frame, for the document it was made for. */
const worlds = new WeakMap<CDPSession, { loaderId: string; contextId: number }>();

/**
 * A world of the test's own in the current document, so the page's scripts (a
 * hostile fixture patching `querySelectorAll`, say) cannot change what a test
 * reads. Made again after a navigation to another document.
 */
async function testWorld(session: CDPSession): Promise<number> {
  const { frameTree } = await session.send('Page.getFrameTree');
  const { id: frameId, loaderId } = frameTree.frame;
  const known = worlds.get(session);
  if (known?.loaderId === loaderId) return known.contextId;
  const { executionContextId } = await session.send('Page.createIsolatedWorld', {
    frameId,
    worldName: 'refund-guard-card-test',
  });
  worlds.set(session, { loaderId, contextId: executionContextId });
  return executionContextId;
}

/**
 * Runs `fn` (a function's source text, `this` bound to the shadow root, one
 * argument) on every card's shadow root, open or closed, in a script world of
 * the test's own (page script cannot see or patch it; values left on the root
 * there stay for the next call); returns its results (awaited, by value) in
 * document order. No card: an empty list.
 */
export async function onCard<T>(page: Page, fn: string, arg: unknown = null): Promise<T[]> {
  const session = await cdp(page);
  const { root } = (await session.send('DOM.getDocument', { depth: 0, pierce: true })) as { root: { nodeId: number } };
  const { nodeIds } = (await session.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: CARD_HOST })) as {
    nodeIds: number[];
  };
  const results: T[] = [];
  try {
    const executionContextId = nodeIds.length > 0 ? await testWorld(session) : 0;
    for (const nodeId of nodeIds) {
      const { node } = (await session.send('DOM.describeNode', { nodeId, depth: 1, pierce: true })) as {
        node: DescribedNode;
      };
      for (const shadow of node.shadowRoots ?? []) {
        const { object } = await session.send('DOM.resolveNode', {
          backendNodeId: shadow.backendNodeId,
          objectGroup: OBJECT_GROUP,
          executionContextId,
        });
        if (!object.objectId) continue;
        const reply = await session.send('Runtime.callFunctionOn', {
          objectId: object.objectId,
          functionDeclaration: fn,
          arguments: [{ value: arg }],
          returnByValue: true,
          awaitPromise: true,
        });
        if (reply.exceptionDetails)
          throw new Error(
            `card query failed: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`,
          );
        results.push(reply.result.value as T);
      }
    }
  } catch (error) {
    // A navigation between two calls makes the node ids or the world stale: the card is simply not there yet.
    if (
      error instanceof Error &&
      /Could not find node|No node with given id|Cannot find context|Node is detached|Execution context was destroyed/i.test(
        error.message,
      )
    )
      return [];
    throw error;
  } finally {
    await session.send('Runtime.releaseObjectGroup', { objectGroup: OBJECT_GROUP }).catch(() => undefined);
  }
  return results;
}

// Runs in the test world with `this` bound to a shadow root. Kept as source text: it must not depend on the test's bundling.
const QUERY = `function (selector) {
  return Array.from(this.querySelectorAll(selector)).map(function (el) {
    var attrs = {};
    for (var i = 0; i < el.attributes.length; i++) attrs[el.attributes[i].name] = el.attributes[i].value;
    var rect = el.getBoundingClientRect();
    var laidOut = el.getClientRects().length > 0;
    return {
      tag: el.tagName.toLowerCase(),
      text: typeof el.innerText === 'string' ? el.innerText : (el.textContent || ''),
      attrs: attrs,
      box: laidOut ? { x: rect.x, y: rect.y, width: rect.width, height: rect.height } : null,
    };
  });
}`;

const WHOLE_TEXT = `function () {
  var texts = [];
  for (var i = 0; i < this.children.length; i++) {
    var el = this.children[i];
    if (el.tagName === 'STYLE' || el.tagName === 'LINK') continue;
    texts.push(typeof el.innerText === 'string' ? el.innerText : (el.textContent || ''));
  }
  return texts.join('\\n');
}`;

const SCROLL_INTO_VIEW = `function (selector) {
  var el = this.querySelector(selector);
  if (!el) return null;
  el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  var rect = el.getBoundingClientRect();
  return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
}`;

/** Elements inside the card's shadow root (every card on the page) matching `selector`, in document order. */
export async function cardQuery(page: Page, selector: string): Promise<CardElement[]> {
  return (await onCard<CardElement[]>(page, QUERY, selector)).flat();
}

/**
 * Waits until an element matching `selector` is in the card (or, with `gone`,
 * until none is, which includes no card at all). Polls; throws after
 * `timeout` ms (30 s by default) with what it waited for. A card shown as its
 * pill carries only the pill (and its risks' `data-flag`); what the opened card
 * shows arrives when it is opened, so a wait for something the pill does not
 * hold opens the pill once, with a trusted click, as a person would to read it.
 */
export async function waitForCard(
  page: Page,
  selector: string,
  options: { timeout?: number; gone?: boolean } = {},
): Promise<void> {
  const timeout = options.timeout ?? 30_000;
  const deadline = Date.now() + timeout;
  let opened = false;
  for (;;) {
    const found = (await cardQuery(page, selector)).length > 0;
    if (found !== Boolean(options.gone)) return;
    if (!options.gone && !opened && (await onlyThePill(page))) {
      opened = true;
      await openPill(page);
    }
    if (Date.now() > deadline)
      throw new Error(`waitForCard: ${selector} ${options.gone ? 'still in' : 'not in'} the card after ${timeout} ms`);
    await page.waitForTimeout(100);
  }
}

/** True when the card shows its pill and nothing more has arrived yet (no section of the opened card). */
async function onlyThePill(page: Page): Promise<boolean> {
  return (
    (await cardQuery(page, '[data-action="expand"]')).length > 0 &&
    (await cardQuery(page, '.rg-card__body > *:not(.rg-list)')).length === 0
  );
}

/** Opens the card's pill with a trusted click at its centre. */
async function openPill(page: Page): Promise<void> {
  const [pill] = await onCard<CardElement['box']>(page, SCROLL_INTO_VIEW, '[data-action="expand"]');
  if (pill) await page.mouse.click(pill.x + pill.width / 2, pill.y + pill.height / 2);
}

/**
 * A trusted click on the first element matching `selector` in the card: waits
 * for it, scrolls it into view if needed, then presses the mouse at its centre
 * (real input, `event.isTrusted` is true as for a user's click).
 */
export async function cardClick(page: Page, selector: string, options: { timeout?: number } = {}): Promise<void> {
  await waitForCard(page, selector, options);
  let [box] = await onCard<CardElement['box']>(page, SCROLL_INTO_VIEW, selector);
  if ((!box || box.width === 0) && (await cardQuery(page, '[data-action="expand"]')).length > 0) {
    // The card shows as its pill: open it first, as a person would.
    await openPill(page);
    await waitForCard(page, '[data-collapsed="false"]', options);
    [box] = await onCard<CardElement['box']>(page, SCROLL_INTO_VIEW, selector);
  }
  if (!box || box.width === 0 || box.height === 0) throw new Error(`cardClick: ${selector} has no box to click`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/**
 * The rendered text of the first element matching `selector` in the card, or
 * of the whole card without one. Does not wait: '' when nothing matches.
 */
export async function cardText(page: Page, selector?: string): Promise<string> {
  if (selector === undefined) return (await onCard<string>(page, WHOLE_TEXT, null)).join('\n');
  return (await cardQuery(page, selector))[0]?.text ?? '';
}

/** How many card hosts the page holds (the host is in the page's light DOM). */
export async function cardHosts(page: Page): Promise<number> {
  return page.locator(CARD_HOST).count();
}
