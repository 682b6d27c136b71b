import { z } from '../zod';

/**
 * Who may send a message. `page`: a content script, which runs beside a web page (and so may be
 * driven by it), or any extension page. `extension`: only the extension's own pages and worker;
 * the dispatcher refuses it from anywhere else before any handler runs.
 */
export type SenderRule = 'page' | 'extension';

export const snapshotId = z.string().check(z.regex(/^snap-\d{6,}$/));
