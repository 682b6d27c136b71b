/**
 * State that every script of ours in a frame must share. The content script
 * and the card's code loaded on demand (entrypoints/card-ui.ts) are built as
 * separate scripts, each with its own copy of a module's variables; they share
 * the global object of the extension's isolated world, which no page script
 * can see. A value kept there under `key` is made once per frame.
 */
export function sharedInWorld<T>(key: string, make: () => T): T {
  const scope = globalThis as typeof globalThis & Record<string, unknown>;
  const name = `__refundGuard.${key}`;
  if (!(name in scope)) scope[name] = make();
  return scope[name] as T;
}
