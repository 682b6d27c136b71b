import { sharedInWorld } from './world';

/**
 * What the vendor pages' script watches from the start, apart from the capture
 * code (platform/capture.ts), which arrives with the card's code on demand: a
 * module here pulls in no redaction patterns or capture limits, so every
 * vendor page loads only these few functions.
 */

/** Fields that were a password field when this script first saw them, or until the page changed their type. */
// Recorded by the content script from the start, read when the card's code (loaded on demand) saves the page.
const wasPassword = sharedInWorld('wasPassword', () => new WeakSet<Element>());

/** Whether `el` was a password field when first seen, or the page has since turned it from one. */
export const wasPasswordField = (el: Element): boolean => wasPassword.has(el);

/**
 * Remembers every field the page turns from `type=password` into something
 * else ("show PIN"): its value stays a secret. Runs for the life of the
 * content script; returns the function that stops it.
 */
export function watchFieldTypes(doc: Document = document): () => void {
  for (const input of Array.from(doc.querySelectorAll('input[type="password" i]'))) wasPassword.add(input);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const target = record.target as Element;
      if (record.oldValue?.toLowerCase() === 'password' || target.getAttribute('type')?.toLowerCase() === 'password')
        wasPassword.add(target);
    }
  });
  observer.observe(doc.documentElement, {
    subtree: true,
    attributes: true,
    attributeFilter: ['type'],
    attributeOldValue: true,
  });
  return () => observer.disconnect();
}

/**
 * Asks for two frames now, so that the masked page has been painted before the
 * worker takes its picture; the function returned waits for them, or where
 * frames do not run (a hidden tab) for 150 ms from its own call, so work done
 * in between never eats into that wait.
 */
export function paintAhead(): () => Promise<void> {
  let framed = false;
  let wake: (() => void) | null = null;
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      framed = true;
      wake?.();
    }),
  );
  return () =>
    framed
      ? Promise.resolve()
      : new Promise<void>((done) => {
          const timer = setTimeout(done, 150);
          wake = () => {
            clearTimeout(timer);
            done();
          };
        });
}

/** Two frames, so the masked page has been painted before the worker takes its picture. */
export const painted = (): Promise<void> => paintAhead()();

/** Resolves when the page has stopped changing for `quietMs` (SPA details render late), or after `maxMs`. */
export function settled(doc: Document = document, quietMs = 600, maxMs = 5000): Promise<void> {
  return new Promise((done) => {
    let timer = setTimeout(finish, quietMs);
    const limit = setTimeout(finish, maxMs);
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(finish, quietMs);
    });
    observer.observe(doc.documentElement, { subtree: true, childList: true, characterData: true, attributes: false });
    function finish() {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(limit);
      done();
    }
  });
}
