import { browser } from 'wxt/browser';
import type { CheckerServices } from '../../components/checker/services';
import { loadClaimDraft, saveClaimDraft } from '../../platform/claim-drafts';
import { sendMessage } from '../../platform/page-messaging';

/**
 * The settings' validator loads with the checker, not with the popup's first view (which shows the
 * worker's words): every use of the settings item goes through this import.
 */
const settingsModule = () => import('../../platform/settings');

/** The checker's browser side: messages to the worker and to ticket pages, tabs, clipboard. */
export const browserCheckerServices: CheckerServices = {
  listSnapshots: (query) => sendMessage('evidence.list', query),
  getBodies: (ids) => sendMessage('evidence.bodies', { ids }),
  captureTab: (tabId) => sendMessage('evidence.captureTab', { tabId }),
  evidenceHead: async () => (await sendMessage('evidence.signingKey', {})).headHash,
  tabCard: async (tabId, locale) => (await sendMessage('tab.card', { tabId, locale })).content,
  loadSettings: async () => (await (await settingsModule()).loadSettings()).settings,
  watchSettings: (onChange) => {
    let stop: (() => void) | null = null;
    let stopped = false;
    void settingsModule().then(({ watchSettings }) => {
      if (!stopped) stop = watchSettings(onChange);
    });
    return () => {
      stopped = true;
      stop?.();
    };
  },
  async findTicketTabs() {
    // Tab URLs are not ours to read; the worker knows which tabs it recognised.
    const tabs = await browser.tabs.query({});
    const known = await Promise.all(
      tabs.map(async (tab) => {
        if (tab.id === undefined) return null;
        try {
          const status = await sendMessage('tab.status', { tabId: tab.id });
          return status.match?.kind === 'ticket' && status.url
            ? { tabId: tab.id, title: status.title ?? status.url, url: status.url, match: status.match }
            : null;
        } catch {
          return null;
        }
      }),
    );
    return known.filter((k): k is NonNullable<typeof k> => k !== null);
  },
  // A ticket page's reply is validated against the message schemas, which load only when a ticket
  // is filled: the popup's first verdict does not wait for them.
  fillTicket: async (tabId, request) =>
    (await import('../../platform/messaging')).sendToTab(tabId, 'ticket.fill', request),
  async focusTab(tabId) {
    const tab = await browser.tabs.update(tabId, { active: true });
    if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
  },
  openUrl: (url) => void browser.tabs.create({ url }),
  async downloadScreenshotPng(snapshotId) {
    const { snapshot } = await sendMessage('evidence.get', { id: snapshotId });
    if (!snapshot?.screenshot) return false;
    // The stored screenshot is a JPEG; forms take PNG: redrawn on a canvas and saved as a file.
    const image = new Image();
    image.src = snapshot.screenshot;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    canvas.getContext('2d')!.drawImage(image, 0, 0);
    const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/png'));
    if (!blob) return false;
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `refund-guard-${snapshotId}.png`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return true;
  },
  openReport: (ids) => void browser.tabs.create({ url: browser.runtime.getURL(`/report.html?ids=${ids.join(',')}`) }),
  openLocker: () => void browser.tabs.create({ url: browser.runtime.getURL('/evidence.html') }),
  copyText: (text) => navigator.clipboard.writeText(text),
  loadDraft: loadClaimDraft,
  saveDraft: saveClaimDraft,
};
