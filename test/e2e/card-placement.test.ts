import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePages } from '../fixtures/catalog';
import { cardQuery } from './card';
import { launchExtension, recordedTabId, settle, type ExtensionSession } from './harness';

/**
 * Every fixture page of the catalog (new families are covered as they are
 * added), at a common laptop size and at the smallest supported one: the card
 * as first shown covers no control of the page — no link, button, field,
 * select or ARIA widget — and none of the words of a risk the page shows.
 */

const CONTROLS =
  'a[href], button, input:not([type="hidden"]), select, textarea, summary, label, [role="button"], [role="link"], [role="radio"], [role="checkbox"], [role="switch"], [role="tab"], [role="combobox"], [role="option"], [role="menuitem"], [role="textbox"], [role="slider"]';

interface Shown {
  card: { x: number; y: number; width: number; height: number } | null;
  collapsed: string | null;
}

/** The card as first shown (null: the page gets no card), after its placement settled. */
async function firstShown(session: ExtensionSession, page: Page, url: string): Promise<Shown> {
  await page.goto(url);
  await settle(page);
  // The content script tells the worker what the page is before it asks what the card says.
  for (let waited = 0; waited < 5_000 && (await recordedTabId(session, page.url())) === null; waited += 100)
    await page.waitForTimeout(100);
  let card: Shown['card'] = null;
  let collapsed: string | null = null;
  for (let waited = 0; waited < 2_500; waited += 100) {
    const [found] = await cardQuery(page, '.rg-card');
    if (found?.box) {
      // Placement runs once the card is laid out (a resize observer): two frames later it has moved.
      await page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))),
      );
      const [placed] = await cardQuery(page, '.rg-card');
      card = placed?.box ?? null;
      collapsed = placed?.attrs['data-collapsed'] ?? null;
      break;
    }
    await page.waitForTimeout(100);
  }
  return { card, collapsed };
}

/** The page's controls the box covers (described for the failure message). */
function coveredControls(page: Page, box: NonNullable<Shown['card']>): Promise<string[]> {
  return page.evaluate(
    ({ box, selector }) => {
      const out: string[] = [];
      for (const el of Array.from(document.querySelectorAll(selector))) {
        if (el.tagName === 'REFUND-GUARD-UI') continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
        if (r.left < box.x + box.width && box.x < r.right && r.top < box.y + box.height && box.y < r.bottom) {
          out.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`);
        }
      }
      return out;
    },
    { box, selector: CONTROLS },
  );
}

/** The words of the risks a fixture page shows (its promotion, renewal, reseller and digital-goods notices). */
function riskTexts(fixture: (typeof fixturePages)[number]): string[] {
  const expected = (fixture.expected ?? {}) as Record<string, unknown>;
  return ['promoText', 'renewalNotice', 'resellerPromise', 'digitalGoodsNotice'].flatMap((key) => {
    const text = expected[key];
    return typeof text === 'string' && text.trim().length >= 4 ? [text.replace(/\s+/g, ' ').trim()] : [];
  });
}

/** The risk texts whose words on the page lie under the box (laid-out lines of the text, not their whole block). */
function coveredRiskText(page: Page, box: NonNullable<Shown['card']>, quotes: string[]): Promise<string[]> {
  return page.evaluate(
    ({ box, needles }) => {
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        const text = (node.nodeValue ?? '').replace(/\s+/g, ' ');
        const needle = needles.find((n) => text.includes(n.slice(0, 12)));
        if (!needle) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of Array.from(range.getClientRects())) {
          if (
            r.width > 0 &&
            r.left < box.x + box.width &&
            box.x < r.right &&
            r.top < box.y + box.height &&
            box.y < r.bottom
          )
            out.push(needle.slice(0, 30));
        }
      }
      return [...new Set(out)];
    },
    { box, needles: quotes },
  );
}

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
]) {
  describe(`the card covers no control at ${viewport.width} × ${viewport.height}`, () => {
    let session: ExtensionSession;
    let page: Page;
    const shown = new Map<string, Shown>();

    beforeAll(async () => {
      session = await launchExtension({ lang: 'zh-CN', viewport });
      page = await session.context.newPage();
    });
    afterAll(async () => {
      await session?.close();
    });

    for (const fixture of fixturePages) {
      it(fixture.id, async () => {
        const first = await firstShown(session, page, fixture.url);
        shown.set(fixture.id, first);
        if (!first.card) return;
        expect(first.card.x + first.card.width).toBeLessThanOrEqual(viewport.width);
        expect(first.card.y + first.card.height).toBeLessThanOrEqual(viewport.height);
        expect(await coveredControls(page, first.card)).toEqual([]);
        // Nor the words of a risk it flags (a promotion's "不支持退款", a renewal's "不适用五天无理由").
        const quotes = riskTexts(fixture);
        if (quotes.length > 0) expect(await coveredRiskText(page, first.card, quotes)).toEqual([]);
      });
    }

    it('is quiet where nothing can be done and speaks where it matters', () => {
      // No card: the inbox, the login, the members list, the product page.
      for (const id of ['ex-webmail-inbox', 'ex-login', 'ex-admin-members', 'ex-product-page'])
        expect.soft(shown.get(id)?.card ?? null, id).toBeNull();
      // A card: the not-activated admin page (opened: the refund is negotiable now), the error page, a refund ticket form.
      expect.soft(shown.get('ex-admin-not-activated')?.collapsed).toBe('false');
      expect.soft(shown.get('ex-webmail-error')?.card).not.toBeNull();
      // A timeout drawn over the mail list (the title unchanged): a card that offers to save it.
      expect.soft(shown.get('ex-webmail-timeout')?.card).not.toBeNull();
      expect.soft(shown.get('tc-workorder-create-refund')?.card).not.toBeNull();
      // An ordinary order list: a pill.
      expect.soft(shown.get('tc-deal-list')?.collapsed).toBe('true');
    });
  });
}
