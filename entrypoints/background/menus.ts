import { browser, type Browser } from 'wxt/browser';
import { afterData } from './data';
import { translator, type Translate } from '../../lib/i18n';
import { captureFailureMessage } from '../../lib/evidence/capture-failure';
import { currentLocale } from '../../platform/locale';
import { loadSettings, watchSettings } from '../../platform/settings';
import type { Handlers } from '../../lib/messages';
import type { CaptureTabReply } from '../../platform/manual-capture';
import { captureTabNow } from './evidence';

/**
 * "Save this page as evidence" on any page: a context-menu item and a keyboard
 * command (manifest `commands`). Both are user gestures, so activeTab lets the
 * worker inject the capture script into that tab and take its screenshot. The
 * outcome is shown on the tab's toolbar badge and in a notification.
 */
export const SAVE_PAGE_MENU = 'refund-guard-save-page';
/** The manifest command name (wxt.config.ts). */
export const SAVE_PAGE_COMMAND = 'save-page-evidence';

async function workerTranslator(): Promise<Translate> {
  return translator(currentLocale((await loadSettings()).settings.locale));
}

/** (Re)creates only this item, so other features' menu items are left alone. */
async function installMenu(): Promise<void> {
  const t = await workerTranslator();
  await browser.contextMenus.remove(SAVE_PAGE_MENU).catch(() => undefined);
  browser.contextMenus.create(
    {
      id: SAVE_PAGE_MENU,
      title: t('capture.menu'),
      contexts: ['page', 'frame', 'selection', 'link', 'image'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    },
    () => void browser.runtime.lastError, // a concurrent install already made it
  );
}

async function retitleMenu(): Promise<void> {
  const t = await workerTranslator();
  await browser.contextMenus.update(SAVE_PAGE_MENU, { title: t('capture.menu') }).catch(() => installMenu());
}

const BADGE: Record<CaptureTabReply['status'], { text: string; color: string }> = {
  saved: { text: '✓', color: '#15803d' },
  duplicate: { text: '=', color: '#0a6ebd' },
  failed: { text: '!', color: '#b91c1c' },
};

/** One line for the notification, in the user's language. */
export function describeTabCapture(reply: CaptureTabReply, t: Translate): { title: string; message: string } {
  if (reply.status === 'saved') {
    return {
      title: t('capture.done.title'),
      message: t(reply.screenshot ? 'capture.done.saved' : 'capture.done.savedNoShot', { id: reply.id }),
    };
  }
  if (reply.status === 'duplicate')
    return { title: t('capture.done.title'), message: t('capture.done.duplicate', { id: reply.id }) };
  return {
    title: t('capture.error.title'),
    message: captureFailureMessage(reply, t, { 'not-allowed': 'capture.error.noAccess' }),
  };
}

/** Shows a capture's outcome on the tab's badge (cleared by the next navigation) and as a notification. */
export async function announceCapture(tabId: number, reply: CaptureTabReply, notify: boolean): Promise<void> {
  const badge = BADGE[reply.status];
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
    await browser.action.setBadgeText({ tabId, text: badge.text });
  } catch {
    // The tab may have closed meanwhile.
  }
  if (!notify) return;
  const { title, message } = describeTabCapture(reply, await workerTranslator());
  try {
    await browser.notifications.create(`refund-guard-capture-${Date.now()}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title,
      message,
    });
  } catch {
    // Notifications can be turned off for the browser; the badge still shows the outcome.
  }
}

/** The menu's and the shortcut's shared path: capture the tab, then show the outcome. */
export async function savePageFromGesture(tabId: number): Promise<CaptureTabReply> {
  const reply = await captureTabNow(tabId);
  await announceCapture(tabId, reply, true);
  return reply;
}

/**
 * `evidence.captureTab`: the popup's "save this page" runs the same capture and
 * badge as the menu and the shortcut (the popup shows the outcome itself).
 */
export function captureTabHandlers(): Handlers {
  return {
    'evidence.captureTab': async ({ tabId }) => {
      const reply = await captureTabNow(tabId);
      await announceCapture(tabId, reply, false);
      return reply;
    },
  };
}

/** Registers the menu item and the command listener (called from the worker's main). */
export function registerCaptureGestures(): void {
  browser.runtime.onInstalled.addListener(afterData(installMenu));
  browser.runtime.onStartup.addListener(afterData(installMenu));
  // The item's title follows the language chosen in options.
  watchSettings(afterData(retitleMenu));
  browser.contextMenus.onClicked.addListener(
    afterData((info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab) => {
      if (info.menuItemId === SAVE_PAGE_MENU && tab?.id !== undefined && tab.id >= 0) void savePageFromGesture(tab.id);
    }),
  );
  browser.commands.onCommand.addListener(
    afterData(async (command: string, tab?: Browser.tabs.Tab) => {
      if (command !== SAVE_PAGE_COMMAND) return;
      const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (id !== undefined && id >= 0) await savePageFromGesture(id);
    }),
  );
}
