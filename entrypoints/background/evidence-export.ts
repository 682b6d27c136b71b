import { browser, type Browser } from 'wxt/browser';
import { BundleCancelled, BundleSourceChanged, type BundleSigner } from '../../lib/evidence';
import {
  bundleFileName,
  EXPORT_PORT,
  exportRequestSchema,
  reportable,
  type ExportReply,
} from '../../lib/evidence/export-protocol';
import type { EvidenceStore } from '../../platform/evidence-db';
import { byteChannels, chunkedPort, chunkSender } from '../../platform/export-port';
import { workerDataReady } from './data';

/** Only the extension's own pages may export (a content script's port comes from a web page's frame). */
const fromExtensionPage = (port: Browser.runtime.Port) =>
  port.sender?.id === browser.runtime.id && (port.sender.url ?? '').startsWith(browser.runtime.getURL('/'));

/**
 * Serves exports over runtime ports (lib/evidence/export-protocol.ts): the
 * store streams the bundle (platform/evidence-db/export.ts) into the port,
 * its bytes on the byte channel the page handed over when there is one.
 */
export function serveExports(
  store: () => EvidenceStore,
  signer: () => Promise<BundleSigner>,
  now: () => Date = () => new Date(),
) {
  const channels = byteChannels();
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== EXPORT_PORT) return;
    if (!fromExtensionPage(port)) return port.disconnect();
    const send = (reply: ExportReply) => port.postMessage(reply);
    let bytes: MessagePort | null = null;
    const out = chunkedPort((seq, chunk) => chunkSender(send, bytes)(seq, chunk));
    let started = false;
    port.onDisconnect.addListener(() => {
      out.disconnect();
      bytes?.close();
    });
    port.onMessage.addListener((raw: unknown) => {
      const message = exportRequestSchema.safeParse(raw);
      if (!message.success) return;
      if (message.data.type === 'ack') return out.acked(message.data.seq);
      if (message.data.type === 'cancel') return out.cancel();
      if (started) return;
      started = true;
      const { ids, locale, channel } = message.data;
      void channels.take(channel).then((found) => {
        bytes = found;
        return run(ids, locale);
      });
    });

    async function run(ids: string[] | null, locale: 'zh-CN' | 'en') {
      const at = now();
      try {
        await workerDataReady();
        const generator = { name: 'refund-guard', version: browser.runtime.getManifest().version };
        const result = await store().streamExport(
          { ids, now: at, generator, locale, signer: await signer() },
          out.write,
          {
            cancelled: out.cancelled,
            onProgress: (p) => reportable(p.done, p.total) && send({ type: 'progress', ...p }),
          },
        );
        await out.flush();
        send({ type: 'done', fileName: bundleFileName(at), ...result });
      } catch (error) {
        const reason =
          error instanceof BundleCancelled || out.cancelled()
            ? 'cancelled'
            : error instanceof BundleSourceChanged
              ? 'changed'
              : 'storage';
        if (!out.disconnected())
          send({
            type: 'failed',
            reason,
            message: (error instanceof Error ? error.message : String(error)).slice(0, 2000),
          });
      }
    }
  });
}
