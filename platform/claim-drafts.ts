import { browser } from 'wxt/browser';

/** A claim's answers in progress: the facts the user gave and the questions they skipped. */
export interface ClaimDraft {
  answers: Record<string, unknown>;
  skipped: string[];
}

/**
 * The checker's answers per claim, kept while the browser runs: a popup closes
 * as soon as the user clicks the page (to look up a date, say), and opening it
 * again brings the answers back. Session storage: in memory, never written to
 * disk, gone when the browser quits; at most `KEEP` claims, the latest kept.
 */
const KEY = 'claimDrafts';
const KEEP = 20;

type Drafts = Record<string, ClaimDraft>;

function readDrafts(stored: unknown): Drafts {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  const drafts: Drafts = {};
  for (const [key, value] of Object.entries(stored)) {
    const draft = value as Partial<ClaimDraft> | null;
    const answers = draft?.answers;
    const skipped = draft?.skipped;
    if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) continue;
    if (!Array.isArray(skipped) || !skipped.every((s) => typeof s === 'string')) continue;
    drafts[key] = { answers: answers as Record<string, unknown>, skipped };
  }
  return drafts;
}

const area = () => browser.storage.session;

export async function loadClaimDraft(key: string): Promise<ClaimDraft | null> {
  const stored: Record<string, unknown> = await area().get(KEY);
  return readDrafts(stored[KEY])[key] ?? null;
}

let writes: Promise<void> = Promise.resolve();

/**
 * Keeps (or, with null, forgets) the answers of one claim; the newest claim
 * goes last, the oldest beyond `KEEP` go. Writes run one after another, so
 * quick answers are not lost to each other.
 */
export function saveClaimDraft(key: string, draft: ClaimDraft | null): Promise<void> {
  const write = writes.then(() => writeDraft(key, draft));
  writes = write.catch(() => undefined);
  return write;
}

async function writeDraft(key: string, draft: ClaimDraft | null): Promise<void> {
  const stored: Record<string, unknown> = await area().get(KEY);
  const drafts = readDrafts(stored[KEY]);
  delete drafts[key];
  if (draft) drafts[key] = draft;
  const keys = Object.keys(drafts);
  for (const old of keys.slice(0, Math.max(0, keys.length - KEEP))) delete drafts[old];
  await area().set({ [KEY]: drafts });
}
