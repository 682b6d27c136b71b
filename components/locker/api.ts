import type { BundleReport, VerifyOptions } from '../../lib/evidence';
import type { HeadlineWords } from '../../lib/claims/headline';
import type { ExportedFile, ExportWatch } from '../../lib/evidence/export-protocol';
import type { Locale } from '../../lib/i18n';
import type { RequestOf, ResponseOf } from '../protocol';

/**
 * What the locker needs from the worker. The page wires it to runtime
 * messages; tests hand in a fake. Every method may throw a MessagingError.
 */
export interface LockerApi {
  list(query: RequestOf<'evidence.list'>): Promise<ResponseOf<'evidence.list'>>;
  get(id: string): Promise<ResponseOf<'evidence.get'>['snapshot']>;
  remove(id: string): Promise<boolean>;
  addNote(id: string, text: string): Promise<string | null>;
  /** Streams a bundle from the worker with progress; rejects when cancelled through `watch.signal`. */
  exportBundle(ids: string[] | null, locale: Locale, watch?: ExportWatch): Promise<ExportedFile>;
  checkStore(): Promise<ResponseOf<'evidence.verify'>>;
  /** Verifies a bundle in the page itself (lib/evidence verifyBundle). */
  verifyBundle(bytes: Uint8Array, options?: VerifyOptions): Promise<BundleReport>;
  /** The fingerprint of this browser's bundle signing key, to say whether a bundle was signed here. */
  signingKey(): Promise<{ fingerprint: string }>;
  /** Hands a file to the browser's downloads. */
  download(fileName: string, file: Blob): void;
  /** The headline of each stored order (null for other snapshots), in the words of the card and the popup. */
  headlines?(ids: string[], locale: Locale): Promise<Record<string, HeadlineWords | null>>;
  /** Re-encoding of the copies an earlier worker left: the progress now and at each change; returns the unsubscribe. */
  watchCompaction?(listener: (status: { done: number; total: number } | null) => void): () => void;
}

export type SnapshotDetailData = NonNullable<ResponseOf<'evidence.get'>['snapshot']>;
export type SnapshotSummary = ResponseOf<'evidence.list'>['items'][number];
export type ListFilters = Pick<RequestOf<'evidence.list'>, 'vendor' | 'orderId' | 'from' | 'to' | 'search'>;

export const PAGE_SIZE = 20;

/** Saves a file through a temporary object URL and an anchor with `download`. */
export function downloadFile(fileName: string, blob: Blob, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const anchor = doc.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  doc.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoked after the browser has taken the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
