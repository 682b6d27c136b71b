import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, parseInstant, shanghaiDate } from '../../lib/time/zone';
import { en } from '../../lib/i18n/en';
import { zhCN } from '../../lib/i18n/zh-CN';
import { fixturePages, type FixturePage } from '../fixtures/catalog';
import { CARD_HOST, cardClick, cardQuery, cardText, onCard, waitForCard } from './card';
import { launchExtension, settle, watchExtensionContexts, type ExtensionSession } from './harness';

const fixture = (id: string): FixturePage => {
  const page = fixturePages.find((p) => p.id === id);
  if (!page) throw new Error(`no fixture ${id}`);
  return page;
};

interface CardState {
  hosts: number;
  kind: string | null;
  vendor: string | null;
  flags: string[];
  clocks: { rule: string; date: string; state: string }[];
  rows: { id: string; date: string; state: string }[];
  slaMonth: string | null;
  orderId: string | null;
  outcome: string | null;
  text: string;
  images: number;
  scripts: number;
}

/** What the card shows now, read from its shadow root (open or closed) through CDP. */
async function card(page: Page): Promise<CardState> {
  const host = page.locator(CARD_HOST);
  const hosts = await host.count();
  const first = hosts > 0 ? host.first() : null;
  const all = (selector: string) => cardQuery(page, selector);
  const one = async (selector: string, attr: string) => (await all(selector))[0]?.attrs[attr] ?? null;
  return {
    hosts,
    kind: (await first?.getAttribute('data-kind')) ?? null,
    vendor: (await first?.getAttribute('data-vendor')) ?? null,
    flags: (await all('[data-flag]')).map((el) => el.attrs['data-flag']!),
    clocks: (await all('[data-clock]')).map((el) => ({
      rule: el.attrs['data-clock']!,
      date: el.attrs['data-date']!,
      state: el.attrs['data-state']!,
    })),
    rows: (await all('[data-order-row]')).map((el) => ({
      id: el.attrs['data-order-row']!,
      date: el.attrs['data-date']!,
      state: el.attrs['data-state']!,
    })),
    slaMonth: await one('[data-sla-month]', 'data-sla-month'),
    orderId: await one('[data-order-id]', 'data-order-id'),
    outcome: await one('[data-outcome]', 'data-outcome'),
    text: await shownText(page),
    images: (await all('img, iframe, object')).length,
    scripts: (await all('script')).length,
  };
}

/**
 * The card's rendered text. An order page's automatic snapshot hides the card
 * for the moment its picture is taken (hidden text has no rendered text): read
 * again after it, for up to 5 s.
 */
async function shownText(page: Page): Promise<string> {
  let text = await cardText(page, '.rg-card');
  for (let i = 0; i < 50 && !text; i++) {
    await page.waitForTimeout(100);
    text = await cardText(page, '.rg-card');
  }
  return text;
}

/** Waits until the card carries what the worker computed for the page. */
async function cardWith(page: Page, test: string): Promise<CardState> {
  await waitForCard(page, test, { timeout: 15_000 });
  await shownText(page);
  // A card shown as its pill is opened first, as a person would, so its whole text is read.
  if ((await cardQuery(page, '[data-action="expand"]')).length > 0) {
    await cardClick(page, '[data-action="expand"]');
    await waitForCard(page, '[data-collapsed="false"]');
  }
  return card(page);
}

async function open(page: Page, id: string): Promise<void> {
  await page.goto(fixture(id).url);
  await settle(page);
}

/** Today's date in Asia/Shanghai as the browser sees it (time is read from the browser, not the test's machine). */
async function browserToday(page: Page): Promise<string> {
  const now = await page.evaluate(() => new Date().toISOString());
  return shanghaiDate(parseInstant(now)!);
}

describe('content scripts on the vendor fixture sites', () => {
  let session: ExtensionSession;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    session = await launchExtension({ lang: 'zh-CN' });
    page = await session.context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });
  afterAll(async () => {
    await session?.close();
  });

  // The card carries only its own messages (lib/i18n/page): a message it lacks would show as its key.
  const messageKeys = [...new Set([...Object.keys(zhCN), ...Object.keys(en)])];

  it('recognises every page kind of every shipped vendor and mounts exactly one card, every message in words', async () => {
    const vendorPages = fixturePages.filter((p) => p.vendor && p.kind && p.vendor !== 'generic-software');
    expect(new Set(vendorPages.map((p) => `${p.vendor}/${p.kind}`)).size).toBeGreaterThanOrEqual(9);
    // Pages with nothing to act on get no card (the toolbar badge is enough): lib/card/presence.
    const QUIET = new Set([
      'tc-expense-overview',
      'tc-cvm-instances',
      'tc-workorder-list',
      'tc-workorder-category',
      'ex-product-page',
      'ex-admin-activated',
      'ex-admin-members',
      'ex-webmail-inbox',
      'ex-webmail-readmail',
      'ex-login',
    ]);
    for (const fixturePage of vendorPages) {
      await page.goto(fixturePage.url);
      await settle(page);
      if (QUIET.has(fixturePage.id)) {
        await page.waitForTimeout(1_500);
        expect({ id: fixturePage.id, hosts: await page.locator(CARD_HOST).count() }).toEqual({
          id: fixturePage.id,
          hosts: 0,
        });
        continue;
      }
      await page.waitForSelector(`refund-guard-ui[data-kind="${fixturePage.kind}"]`, {
        state: 'attached',
        timeout: 10_000,
      });
      const state = await cardWith(page, '.rg-card__detected');
      expect({ id: fixturePage.id, hosts: state.hosts, kind: state.kind, vendor: state.vendor }).toEqual({
        id: fixturePage.id,
        hosts: 1,
        kind: fixturePage.kind,
        vendor: fixturePage.vendor,
      });
      expect(state.text.length, fixturePage.id).toBeGreaterThan(20);
      expect(
        messageKeys.filter((key) => state.text.includes(key)),
        fixturePage.id,
      ).toEqual([]);
    }
    // Every page of every vendor, each card opened as a person would (its code arrives then).
  }, 150_000);

  // The risks each purchase page shows (catalog `expected`: promotion, auto-renew, term, channel).
  const FLAGS: Record<string, string[]> = {
    'tc-cvm-checkout-1y-autorenew': ['auto-renew'],
    'tc-cvm-checkout-3y-promo': ['non-refundable-promo', 'multi-year'],
    'tc-cvm-renew-1y': ['renewal-no-five-day'],
    'tc-lighthouse-checkout-1m': ['auto-renew'],
    'ex-buy-standard-1y': ['no-refund-after-activation'],
    'ex-buy-premium-3y-autorenew': ['auto-renew', 'multi-year', 'no-refund-after-activation'],
    'lv-checkout-annual': ['auto-renew'],
    'lv-checkout-biennial-promo': ['non-refundable-promo', 'auto-renew', 'multi-year'],
    'lv-appstore-cn': ['auto-renew', 'third-party-store'],
    // Rendered live by tea-component: term by ARIA radios, auto-renew by the library's Checkbox.
    'tea-cvm-checkout-1y-autorenew': ['auto-renew'],
    'tea-cvm-checkout-3y-promo': ['non-refundable-promo', 'multi-year'],
  };

  it.each(Object.entries(FLAGS))('shows the risks of %s with their data-flag ids', async (id, flags) => {
    await open(page, id);
    const state = await cardWith(page, '[data-outcome]');
    expect(state.flags).toEqual(flags);
    if (flags.length === 0) expect(await cardQuery(page, '[data-flags="none"]')).toHaveLength(1);
  });

  // How each checkout's own controls are used: native inputs, and the console's Checkbox and Segment (role="radio").
  const FORM_ACTIONS: Record<string, { untickAutoRenew: string; chooseThreeYears: string }> = {
    'tc-cvm-checkout-1y-autorenew': {
      untickAutoRenew: '#auto-renew',
      chooseThreeYears: 'label:has(> input[name="period"][value="36"])',
    },
    'tea-cvm-checkout-1y-autorenew': {
      untickAutoRenew: 'label.tea-form-check:has-text("自动续费")',
      chooseThreeYears: '.tea-segment button[role="radio"]:text-is("3年")',
    },
  };

  it.each(Object.entries(FORM_ACTIONS))(
    'follows the form of %s: unticking auto-renew and choosing three years change the flags and keep the clock',
    async (id, actions) => {
      await open(page, id);
      let state = await cardWith(page, '[data-flag="auto-renew"]');
      const today = await browserToday(page);
      // Five calendar days after today, day 5 included (FACTS.md, Tencent Cloud refunds).
      expect(state.clocks).toContainEqual({
        rule: 'five-day-no-reason',
        date: addCalendarDays(today, 5),
        state: 'open',
      });
      expect(state.outcome).toBe('eligible');

      // The card was opened to be read; a person folds it back before using the form under it.
      if ((await cardQuery(page, '[data-action="collapse"]')).length > 0)
        await cardClick(page, '[data-action="collapse"]');
      await page.click(actions.untickAutoRenew);
      await page.click(actions.chooseThreeYears);
      await waitForCard(page, '[data-flag="auto-renew"]', { gone: true });
      state = await cardWith(page, '[data-flag="multi-year"]');
      expect(state.flags).toEqual(['multi-year']);
    },
  );

  it.each(['tc-cvm-checkout-3y-promo', 'tea-cvm-checkout-3y-promo'])(
    'a promotion marked non-refundable turns the answer to "not refundable" and stops the five-day clock (%s)',
    async (id) => {
      await open(page, id);
      const state = await cardWith(page, '[data-outcome]');
      expect(state.outcome).toBe('not-eligible');
      expect(state.clocks).toEqual([]);
      expect(state.text).toContain('活动价，活动购买的资源不支持退款');
    },
  );

  it('never hides the buy button', async () => {
    const buttons: Record<string, string> = {
      'tc-cvm-checkout-1y-autorenew': '#buy-now',
      'ex-buy-premium-3y-autorenew': 'button[type="submit"]',
      'lv-checkout-biennial-promo': 'button[type="submit"]',
      'tc-lighthouse-checkout-1m': 'button[type="submit"]',
    };
    for (const [id, selector] of Object.entries(buttons)) {
      await open(page, id);
      await cardWith(page, '[data-outcome]');
      const [cardElement] = await cardQuery(page, '.rg-card');
      const cardBox = cardElement!.box!;
      const overlap = await page.evaluate(
        ({ sel, cardBox }) => {
          const button = document.querySelector(sel)!.getBoundingClientRect();
          const cardRight = cardBox.x + cardBox.width;
          const cardBottom = cardBox.y + cardBox.height;
          const x = Math.max(0, Math.min(button.right, cardRight) - Math.max(button.left, cardBox.x));
          const y = Math.max(0, Math.min(button.bottom, cardBottom) - Math.max(button.top, cardBox.y));
          return { area: x * y, button: button.width * button.height };
        },
        { sel: selector, cardBox },
      );
      expect(overlap.button, `${id}: ${selector} is on the page`).toBeGreaterThan(0);
      expect(overlap.area, `${id}: the card covers the buy button`).toBe(0);
    }
  });

  it('sits in the browser top layer, over the page, and keeps its own box there', async () => {
    await open(page, 'tc-deal-list');
    await cardWith(page, '[data-order-row]');
    const box = (await cardQuery(page, '.rg-card'))[0]!.box!;
    const layer = await page.evaluate((box) => {
      const host = document.querySelector<HTMLElement>('refund-guard-ui')!;
      const style = getComputedStyle(host);
      return {
        open: host.matches(':popover-open'),
        onTop: document.elementFromPoint(box.x + box.width / 2, box.y + 20) === host,
        host: [
          style.position,
          style.top,
          style.left,
          style.width,
          style.height,
          style.marginTop,
          style.borderTopWidth,
        ].join(' '),
        inside:
          box.x >= 0 &&
          box.y >= 0 &&
          box.x + box.width <= window.innerWidth &&
          box.y + box.height <= window.innerHeight,
      };
    }, box);
    expect(layer).toEqual({ open: true, onTop: true, host: 'fixed 0px 0px 0px 0px 0px 0px', inside: true });
  });

  it('hides itself from evidence screenshots while the page is captured', async () => {
    await open(page, 'tc-cvm-checkout-1y-autorenew');
    await cardWith(page, '[data-outcome]');
    // Watched from the test's own world inside the closed root: what the card looked like while it was hidden for the picture.
    await onCard(
      page,
      `function () {
        const root = this;
        root.__seen = [];
        new MutationObserver(() => {
          const card = root.querySelector('.rg-card');
          root.__seen.push(getComputedStyle(card).visibility);
        }).observe(root, { subtree: true, attributes: true, attributeFilter: ['data-rg-capturing'] });
      }`,
    );
    await cardClick(page, '[data-action="save-evidence"]');
    await waitForCard(page, '[data-evidence]', { timeout: 15_000 });
    const [seen] = await onCard<string[]>(page, 'function () { return this.__seen; }');
    expect(seen?.[0]).toBe('hidden');
    expect(seen?.at(-1)).toBe('visible');
  });

  it.each(['tc-deal-detail-paid-new', 'tea-deal-detail-paid-new'])(
    'shows the deadlines of an order, counted from its payment time (%s)',
    async (id) => {
      const paid = fixture(id);
      await open(page, paid.id);
      const state = await cardWith(page, '[data-order-id]');
      expect(state.orderId).toBe(paid.expected!.orderId);
      const paidDate = String(paid.expected!.paidAt).slice(0, 10);
      expect(state.clocks.find((c) => c.rule === 'five-day-no-reason')?.date).toBe(addCalendarDays(paidDate, 5));
      const today = await browserToday(page);
      const [y, m] = today.split('-').map(Number) as [number, number];
      expect(state.slaMonth).toBe(m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`);

      await open(page, 'tc-deal-detail-renewal');
      const renewal = await cardWith(page, '[data-order-id]');
      expect(renewal.clocks.map((c) => c.rule)).not.toContain('five-day-no-reason');

      await open(page, 'tc-deal-detail-refunded');
      expect((await cardWith(page, '[data-order-id]')).clocks).toEqual([]);
    },
  );

  // The card's rows (at most 8) of each list: the unpaid first row, and a paid new purchase.
  const LISTS = [
    { id: 'tc-deal-list', rows: 8, unpaid: '20261122093344810257', paid: '20261118105822371604' },
    { id: 'tea-deal-list', rows: 5, unpaid: '20261124101522330871', paid: '20261120143311872905' },
  ];

  it.each(LISTS.map((l) => [l.id, l] as const))(
    'lists the next deadline of each order on an order list, none for unpaid orders (%s)',
    async (id, list) => {
      await open(page, id);
      const state = await cardWith(page, '[data-order-row]');
      expect(state.rows.length).toBe(list.rows);
      expect(state.rows[0]).toMatchObject({ id: list.unpaid, state: 'none' }); // 待支付
      const paid = state.rows.find((r) => r.id === list.paid);
      expect(paid?.date).toBe(
        addCalendarDays(`${list.paid.slice(0, 4)}-${list.paid.slice(4, 6)}-${list.paid.slice(6, 8)}`, 5),
      );
      // A list is not snapshotted on its own (each order's page is); saving it stays a click away.
      await page.waitForTimeout(1500);
      expect(await cardQuery(page, '[data-evidence]')).toEqual([]);
    },
  );

  it('shows last month’s SLA claim window on a console page', async () => {
    // The admin page of a service not set up yet: the card speaks there (an activated one gets no card).
    await open(page, 'ex-admin-not-activated');
    const state = await cardWith(page, '[data-sla-month]');
    expect(state.slaMonth).toMatch(/^\d{4}-\d{2}$/);
    expect(state.text).toContain('SLA 赔偿');
  });

  it('follows single-page navigation: one card, re-read after each route change', async () => {
    await open(page, 'tc-deal-spa');
    await cardWith(page, '[data-order-row]');
    // Opened by the user over a full list, the card is folded back before they click an order behind it.
    await cardClick(page, '[data-action="collapse"]');
    await page.click('a.deal-link[data-deal="20261118105822371604"]');
    await page.waitForURL(/dealName=20261118105822371604/);
    let state = await cardWith(page, '[data-order-id="20261118105822371604"]');
    expect(state.hosts).toBe(1);
    expect(state.rows).toEqual([]);
    await page.goBack();
    state = await cardWith(page, '[data-order-row]');
    expect(state.hosts).toBe(1);
    expect(state.orderId === null || state.orderId === '').toBe(true);
  });

  it('treats a hostile page as data: no dialog, no injected element, markup shown as text', async () => {
    dialogs.length = 0;
    await open(page, 'tc-deal-detail-hostile');
    const state = await cardWith(page, '.rg-section');
    expect(state.hosts).toBe(1);
    expect(state.images).toBe(0);
    expect(state.scripts).toBe(0);
    expect(dialogs).toEqual([]);
    // The page stays responsive.
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
  });

  it('injects nothing on an unrelated site', async () => {
    const watcher = await watchExtensionContexts(page, session.extensionId);
    await open(page, 'unrelated-news-article');
    await page.waitForTimeout(300);
    expect(watcher.count()).toBe(0);
    expect((await card(page)).hosts).toBe(0);
    await watcher.detach();
  });

  it.each(['tc-workorder-create-refund', 'tea-workorder-create-refund'])(
    'fills the refund ticket draft into the ticket form from the card, marking what it filled (%s)',
    async (id) => {
      // A saved order of the vendor: its own page is saved automatically.
      await open(page, 'tc-deal-detail-paid-new');
      await waitForCard(page, '[data-evidence="saved"], [data-evidence="duplicate"]', { timeout: 20_000 });
      await open(page, id);
      await cardWith(page, '[data-action="fill-draft"]');
      await cardClick(page, '[data-action="fill-draft"]');
      await waitForCard(page, '[data-fill-filled]', { timeout: 15_000 });
      const said = await cardText(page, '[data-fill-filled]');
      const filled = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('[data-refund-guard-filled]')).map(
          (el) => [el.getAttribute('data-refund-guard-filled'), el.value],
        ),
      );
      const fields = Object.fromEntries(filled);
      expect(fields['orderId']).toBe('20261118105822371604');
      expect(fields['description']).toContain('20261118105822371604');
      expect(said).toMatch(/^已填入：/);
      // Nothing is submitted: the form is still there, unsent.
      expect(page.url()).toBe(fixture(id).url);
    },
    60_000,
  );

  it('opens the eligibility checker for this tab from the card', async () => {
    await open(page, 'tc-deal-detail-paid-new');
    await cardWith(page, '[data-action="open-checker"]');
    const opened = session.context.waitForEvent('page');
    await cardClick(page, '[data-action="open-checker"]');
    const checker = await opened;
    expect(checker.url()).toMatch(new RegExp(`^chrome-extension://${session.extensionId}/popup\\.html\\?tab=\\d+$`));
    await checker.close();
  });

  it('"never on this site" hides the card there for good, and only there', async () => {
    await open(page, 'tc-lighthouse-checkout-1m');
    await cardWith(page, '[data-action="never-on-site"]');
    await cardClick(page, '[data-action="never-on-site"]');
    await page.waitForFunction(() => !document.querySelector('refund-guard-ui'));
    await page.reload();
    await settle(page);
    await page.waitForTimeout(500);
    expect((await card(page)).hosts).toBe(0);
    await open(page, 'lv-checkout-annual');
    expect((await cardWith(page, '[data-outcome]')).hosts).toBe(1);

    // Undone from the options page.
    const options = await session.context.newPage();
    await options.goto(session.extensionUrl('options.html'));
    const row = options.locator('[data-hidden-host="buy.cloud.tencent.com"]');
    await row.getByRole('button', { name: '重新显示' }).click();
    await row.waitFor({ state: 'detached' });
    await options.close();
    await open(page, 'tc-lighthouse-checkout-1m');
    expect((await cardWith(page, '[data-outcome]')).hosts).toBe(1);
  });
});

describe('generic checkouts on a site the user enabled, in English', () => {
  let session: ExtensionSession;
  let page: Page;

  beforeAll(async () => {
    // <all_urls> stands in for the host permission a user grants when enabling a site.
    session = await launchExtension({ lang: 'en-US', grantAllUrls: true });
    await session.worker.evaluate(async () => {
      await chrome.scripting.registerContentScripts([
        {
          id: 'e2e-generic-sites',
          matches: ['*://course.example.com/*', '*://store.example.net/*', '*://mail-reseller.example.com/*'],
          js: ['content-scripts/generic-checkout.js'],
          runAt: 'document_idle',
        },
      ]);
    });
    page = await session.context.newPage();
  });
  afterAll(async () => {
    await session?.close();
  });

  it.each([
    ['generic-reseller-exmail', ['reseller-verbal-promise']],
    ['generic-software-license-checkout', ['no-refund-after-activation']],
    ['generic-course-checkout', []],
  ] as const)('%s shows its risks', async (id, flags) => {
    await open(page, id);
    const state = await cardWith(page, '[data-outcome]');
    expect(state.kind).toBe('checkout');
    expect(state.vendor).toBe('generic-software');
    expect(state.flags).toEqual(flags);
    expect(state.text).toContain('Risks on this page');
  });

  it('shows the seven-day clock of the generic policy, counted from today', async () => {
    await open(page, 'generic-course-checkout');
    const state = await cardWith(page, '[data-clock]');
    const today = await browserToday(page);
    expect(state.clocks).toContainEqual(
      expect.objectContaining({ rule: 'seven-day-no-reason', date: addCalendarDays(today, 7) }),
    );
  });

  it('the popup checks a page of another site once, then enables the site for good', async () => {
    const saas = fixture('generic-saas-checkout-en');
    await open(page, saas.id);
    await page.waitForTimeout(300);
    expect((await card(page)).hosts).toBe(0); // not enabled: nothing runs there

    const tabId = await session.worker.evaluate(
      async (url) => (await chrome.tabs.query({ url }))[0]?.id ?? null,
      saas.url,
    );
    const popup = await session.context.newPage();
    await popup.goto(session.extensionUrl(`popup.html?tab=${tabId}`));
    await popup.click('[data-action="check-once"]');
    await popup.waitForSelector('[data-generic-status="ok"]');
    expect(await popup.textContent('[data-generic-status]')).toContain('recognised as a checkout');
    await page.bringToFront();
    expect((await cardWith(page, '[data-flag]')).flags).toEqual(['auto-renew']);

    // Checked once only: a reload reads nothing.
    await page.reload();
    await settle(page);
    await page.waitForTimeout(300);
    expect((await card(page)).hosts).toBe(0);

    await popup.reload();
    await popup.click('[data-action="enable-site"]');
    await popup.waitForSelector('[data-generic-status="ok"]');
    const stored = await session.worker.evaluate(
      async () => ((await chrome.storage.local.get('settings')).settings as { genericSites: string[] }).genericSites,
    );
    expect(stored).toContain('http://app.example.com/*');
    await page.reload();
    await settle(page);
    expect((await cardWith(page, '[data-flag]')).hosts).toBe(1);
    await popup.close();
  });
});
