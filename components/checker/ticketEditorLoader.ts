import { lazy, useEffect } from 'react';

/**
 * The ticket editor (its templates, the draft writer and the form filler) is the popup's second
 * view: nobody waits for it as the popup opens. Its code loads on demand, started once a verdict
 * is on screen (or, on a ticket form, once the popup has shown its lead), so that by the time
 * "prepare the ticket" is pressed it is usually in.
 */
let loading: Promise<typeof import('./TicketEditor')> | null = null;

/** Performance mark set when the editor's code is first asked for (read by `npm run bench`). */
export const TICKET_EDITOR_MARK = 'rg-ticket-editor-load';

export function loadTicketEditor(): Promise<typeof import('./TicketEditor')> {
  if (!loading) performance.mark(TICKET_EDITOR_MARK);
  loading ??= import('./TicketEditor').catch((error: unknown) => {
    // A failed load (e.g. the extension was updated under the open popup) is tried again next time.
    loading = null;
    throw error;
  });
  return loading;
}

export const LazyTicketEditor = lazy(() => loadTicketEditor().then((m) => ({ default: m.TicketEditor })));

/** Starts loading the ticket editor once `next` (a verdict is on screen, or the lead is "fill the draft"). */
export function usePreloadTicketEditor(next: boolean): void {
  useEffect(() => {
    if (next) void loadTicketEditor().catch(() => undefined);
  }, [next]);
}
