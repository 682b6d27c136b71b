import { describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PageScriptContext } from './script-context';

/** The "content script started" event as a page can forge it: its name is public (it holds the extension id). */
function forgeStartEvent(name: string) {
  const type = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
  document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: name, messageId: 'from-the-page' } }));
}

describe('PageScriptContext', () => {
  it('is not ended by a start event the page dispatches (WXT’s own context is: the check can fail)', () => {
    const wxt = new ContentScriptContext('vendor-pages');
    const ours = new PageScriptContext('vendor-pages');
    forgeStartEvent('vendor-pages');
    expect(wxt.isInvalid).toBe(true);
    expect(ours.isInvalid).toBe(false);
    ours.notifyInvalidated();
  });

  it('a newer copy of the same script ends the older one, and only that script', () => {
    const older = new PageScriptContext('generic-checkout');
    const other = new PageScriptContext('vendor-pages');
    let ended = 0;
    older.onInvalidated(() => ended++);
    const newer = new PageScriptContext('generic-checkout');
    expect(older.isInvalid).toBe(true);
    expect(ended).toBe(1);
    expect(newer.isInvalid).toBe(false);
    expect(other.isInvalid).toBe(false);
    // Ending the newer one does not bring the older one back, and a third copy still ends the newer.
    const third = new PageScriptContext('generic-checkout');
    expect(newer.isInvalid).toBe(true);
    expect(third.isInvalid).toBe(false);
    for (const ctx of [other, third]) ctx.notifyInvalidated();
  });
});
