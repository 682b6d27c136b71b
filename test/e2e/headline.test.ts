import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardQuery, waitForCard } from './card';
import { ask, fixture, launchExtension, recordedTabId, type ExtensionSession } from './harness';

/**
 * Issue 18, "done when": one stored order, the same headline on every
 * surface. The card and the popup each read the clock as a user's would (the
 * popup is opened without `now`), so both speak of the same moment; the test
 * compares their words with each other and with what the worker puts in the
 * order's reminders, and asserts no wording of its own.
 */

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

async function popupHeadline(popup: Page): Promise<{ text: string; tone: string | null }> {
  const headline = popup.locator('[data-testid="outcome"] [data-headline]').first();
  await headline.waitFor({ timeout: 15_000 });
  return { text: squash(await headline.textContent()), tone: await headline.getAttribute('data-tone') };
}

describe('one order, one headline: the card, its list row, the popup, reminders and the locker', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension({ lang: 'zh-CN' });
  });
  afterAll(async () => {
    await session?.close();
  });

  it.each(['tc-deal-detail-paid-new', 'tc-deal-detail-refunded'])(
    '%s: the same words on the order page’s card, in the popup for its tab, in its reminders, in the locker and on the order list',
    async (id) => {
      const order = fixture(id);
      const orderId = String(order.expected!.orderId);
      const page = await session.context.newPage();
      await page.goto(order.url);

      // 1. The card on the order page (read through CDP: its shadow root may be closed).
      await waitForCard(page, '[data-headline]', { timeout: 15_000 });
      const [cardHeadline] = await cardQuery(page, '[data-order-id] [data-headline]');
      expect(cardHeadline).toBeDefined();
      const card = { text: squash(cardHeadline!.text), tone: cardHeadline!.attrs['data-tone'] ?? null };
      expect(card.text.length).toBeGreaterThan(0);
      // The order is saved on its own; the popup opens on that snapshot.
      await expect
        .poll(async () => (await cardQuery(page, '[data-evidence]'))[0]?.attrs['data-evidence'], { timeout: 15_000 })
        .toBe('saved');
      await expect.poll(() => recordedTabId(session, order.url)).not.toBeNull();
      const tabId = (await recordedTabId(session, order.url))!;

      // 2. The popup for that tab.
      const popup = await session.context.newPage();
      await popup.setViewportSize({ width: 380, height: 600 });
      await popup.goto(session.extensionUrl(`popup.html?tab=${tabId}`));
      expect(await popupHeadline(popup)).toEqual(card);

      // 3. What the worker puts in the order's reminders: the headline first, in the same words.
      const { deadlines } = await ask(popup, 'reminders.sync', {});
      const mine = (
        deadlines as {
          orderId: string | null;
          headline: { line: string; deadline: string | null; tone: string } | null;
          notification: { message: string };
        }[]
      ).filter((d) => d.orderId === orderId);
      for (const d of mine) {
        expect(squash([d.headline!.line, d.headline!.deadline].filter(Boolean).join(' · '))).toBe(card.text);
        expect(d.headline!.tone).toBe(card.tone);
        expect(squash(d.notification.message.split('\n')[0])).toBe(card.text);
      }

      // 4. The locker's row for the order.
      const locker = await session.context.newPage();
      await locker.goto(session.extensionUrl('evidence.html'));
      const row = locker
        .locator('[data-snapshot-id]', { has: locker.locator('[data-field="orderId"]', { hasText: orderId }) })
        .first();
      const rowHeadline = row.locator('[data-headline]');
      await rowHeadline.waitFor({ timeout: 15_000 });
      expect(squash(await rowHeadline.textContent())).toBe(card.text);
      expect(await rowHeadline.getAttribute('data-tone')).toBe(card.tone);

      // 5. The order's row on the order list (read with the stored snapshot under what the list shows).
      const list = await session.context.newPage();
      await list.goto(fixture('tc-deal-list').url);
      await waitForCard(list, '[data-pill-headline]', { timeout: 15_000 });
      const [pillLine] = await cardQuery(list, '[data-pill-headline]');
      const rowSelector = `[data-order-row="${orderId}"] [data-headline]`;
      await waitForCard(list, rowSelector, { timeout: 15_000 });
      const [listRow] = await cardQuery(list, rowSelector);
      expect({ text: squash(listRow!.text), tone: listRow!.attrs['data-tone'] ?? null }).toEqual(card);
      // The list's pill leads with one of its rows, not with the list read as a single order (no payment time).
      const rowLines = (await cardQuery(list, '[data-order-row] [data-headline] .rg-headline__line')).map((r) =>
        squash(r.text),
      );
      expect(rowLines).toContain(squash(pillLine!.text));

      // A refunded order says so everywhere, and reminds of nothing.
      if (order.expected!.status === '已退款') {
        expect(card.text).toBe('本单已退款');
        expect(mine).toEqual([]);
      } else {
        // Its 1年 term runs to 2027-11-18: at least the expiry is ahead.
        expect(mine.length).toBeGreaterThan(0);
      }
      await Promise.all([page.close(), popup.close(), locker.close(), list.close()]);
    },
  );
});
