import { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * The running copies of our content scripts in this frame, by script name. It
 * lives on the global object of the extension's isolated world, which every
 * copy of our scripts in the frame shares and no page script can see.
 */
const RUNNING = '__refundGuardRunningScripts';
type Registry = Map<string, ContentScriptContext>;

function registry(): Registry {
  const scope = globalThis as typeof globalThis & { [RUNNING]?: Registry };
  return (scope[RUNNING] ??= new Map());
}

/**
 * A content script's context that only the extension can end.
 *
 * WXT's context stops an older copy of a script when a newer one dispatches a
 * "content script started" DOM event; that event is visible to the page and
 * its name is public (it holds the extension id), so any page could dispatch
 * it too: that removed the card and stopped the automatic snapshot (issue 19).
 * This context neither sends nor hears that event. A newer copy injected into
 * the same frame ends the older one directly through the isolated world's
 * registry; a copy left behind by an update or reload of the extension ends
 * itself when it finds its runtime gone (`isInvalid`, as in WXT).
 */
export class PageScriptContext extends ContentScriptContext {
  constructor(name: string) {
    super(name);
    const running = registry();
    running.get(name)?.notifyInvalidated();
    running.set(name, this);
    this.onInvalidated(() => {
      if (running.get(name) === this) running.delete(name);
    });
  }

  // The DOM event both ways is what a page can forge: neither sent nor heard.
  override stopOldScripts(): void {}
  override listenForNewerScripts(): void {}
}
