import { browser } from 'wxt/browser';
import { keyFingerprint, SIGNATURE_ALGORITHM, toBase64, type BundleSigner } from '../../lib/evidence';
import type { ListQuery } from '../../lib/evidence/query';
import type { Handler, Handlers } from '../../lib/messages';
import { findTabOrder } from '../../lib/evidence/tab-order';
import { tabVerdict, usableSettings } from '../../lib/evidence/tab-verdict';
import { parseInstant } from '../../lib/time/zone';
import { loadSettings } from '../../platform/settings';
import type { EvidenceStore } from '../../platform/evidence-db';
import { captureWholeTab } from '../../platform/manual-capture';
import { takeTicketedShot } from '../../platform/screenshot-tickets';
import { captureHandler } from '../../platform/evidence-capture';
import { captureTextHandler } from '../../platform/capture-text';
import { installationSigner } from './signing-key';
import { workerDataReady } from './data';
import { evidenceStore } from './store';
import { cardRequestOf, tabStatus } from './tabs';

/**
 * Evidence messages: captures from content scripts, the locker's queries and
 * commands. Content scripts may only capture their own tab's page; everything
 * else is for the extension's own pages.
 */

export function evidenceHandlers(
  store: () => EvidenceStore = evidenceStore,
  now: () => Date = () => new Date(),
  signer: () => Promise<BundleSigner> = installationSigner,
): Handlers {
  return {
    'evidence.screenshot': async ({ ticket }, sender) =>
      sender.tabId === undefined ? { taken: false } : takeTicketedShot(ticket, sender.tabId, now().getTime()),

    'evidence.captureText': captureTextHandler(now),

    'evidence.capture': captureHandler(store, now),

    'evidence.list': async (query) => {
      return store().list(query);
    },

    'evidence.get': async ({ id }) => {
      const detail = await store().get(id);
      if (!detail) return { snapshot: null };
      const { screenshot, ...rest } = detail;
      return {
        snapshot: { ...rest, screenshot: screenshot ? `data:image/jpeg;base64,${toBase64(screenshot)}` : null },
      };
    },

    'evidence.bodies': async ({ ids }) => {
      return { bodies: await store().bodies(ids) };
    },

    'tab.order': tabOrderHandler(store, now),

    'evidence.delete': async ({ id }) => {
      return { deleted: await store().remove(id, now()) };
    },

    'evidence.note': async ({ id, text }) => {
      const note = await store().addNote(id, text, now());
      return { noteId: note?.id ?? null };
    },

    'evidence.export': async ({ ids, locale }) => {
      const at = now();
      const manifest = browser.runtime.getManifest();
      const { zip, count, headHash } = await store().exportBundle(
        ids,
        at,
        { name: 'refund-guard', version: manifest.version },
        locale,
        await signer(),
      );
      const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
      return {
        fileName: `refund-guard-evidence-${stamp}.zip`,
        base64: toBase64(zip),
        count,
        size: zip.length,
        headHash,
      };
    },

    'evidence.signingKey': async () => {
      const [key, head] = await Promise.all([signer(), store().head()]);
      return {
        algorithm: SIGNATURE_ALGORITHM,
        fingerprint: await keyFingerprint(key.publicKeySpki),
        headHash: head.hash,
      };
    },

    'evidence.verify': async () => {
      return store().verify();
    },

    /** Options' "wipe all data" (typed confirmation in the page; `confirm: true` here). */
    'evidence.wipe': async () => {
      return { wiped: await store().wipe() };
    },
  };
}

/**
 * `tab.order`: the tab's status, the saved order it shows, and that order's first verdict in both
 * languages (the popup's first view draws it before loading the engine).
 */
function tabOrderHandler(store: () => EvidenceStore, now: () => Date): Handler<'tab.order'> {
  return async ({ tabId, now: asOf }) => {
    const [status, card, settings] = await Promise.all([
      tabStatus(tabId),
      cardRequestOf(tabId).catch(() => null),
      loadSettings().then(
        (read) => read.settings,
        () => null,
      ),
    ]);
    const reader = {
      listSnapshots: (query: ListQuery) => store().list(query),
      getBodies: async (ids: string[]) => ({ bodies: await store().bodies(ids) }),
    };
    // The order number the tab's card read finds an order saved long ago (not among the newest snapshots).
    const tab = { vendor: status.match?.vendor ?? null, url: status.url, orderId: card?.order?.orderId ?? null };
    const order = await findTabOrder(reader, tab);
    // The popup's first view reads this verdict's words: it loads no policy engine before it shows them.
    const at = asOf !== undefined && parseInstant(asOf) !== null ? asOf : now().toISOString();
    const verdict = order.ref && settings ? tabVerdict(order, at, usableSettings(settings)) : null;
    return { status, order, verdict };
  };
}

/** Saves the page in `tabId` as a manual snapshot (platform/manual-capture.ts) into the worker's store. */
export const captureTabNow = (tabId: number) => captureWholeTab(tabId, evidenceStore, () => new Date());

/**
 * The store's bulk path (platform/evidence-db `seed`) for the bench and the
 * browser tests, which reach it through the DevTools protocol in this
 * worker's own context; no message, page or content script can call it.
 */
export function exposeBulkSeeding(): void {
  (globalThis as { refundGuardSeed?: unknown }).refundGuardSeed = async (payloads: unknown[], at: string) => {
    await workerDataReady();
    const results = await evidenceStore().seed(payloads, new Date(at));
    return results.map((r) => r.id);
  };
}
