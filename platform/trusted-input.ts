/**
 * Input the card's controls react to. A page script can dispatch any of these
 * (or call `click()`), and before the card's root was closed it could reach the
 * buttons: it saved "manual" evidence and opened checker tabs (issue 19).
 */
const INPUT_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'pointerover',
  'pointerenter',
  'mouseover',
  'mouseenter',
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'change',
  'submit',
] as const;

/**
 * Lets only the browser's own (trusted) input events reach the controls under
 * `root`: a capture listener on the root sees every event on its way down and
 * stops a synthetic one, and cancels its default action (a synthetic click on
 * a button or summary would still activate it). Returns a function that removes it.
 */
export function acceptTrustedInputOnly(root: EventTarget): () => void {
  const stop = (event: Event) => {
    if (event.isTrusted) return;
    event.stopImmediatePropagation();
    event.preventDefault();
  };
  for (const type of INPUT_EVENTS) root.addEventListener(type, stop, { capture: true });
  return () => {
    for (const type of INPUT_EVENTS) root.removeEventListener(type, stop, { capture: true });
  };
}
