import { sharedInWorld } from './world';

/**
 * The card hides itself while the page is pictured as evidence. The switch is
 * held here, in the content script's own world, and flips an attribute inside
 * the card's closed shadow root: page script can neither reach it nor set it
 * (an attribute on the host element, which any page could set, used to hide
 * the card; a hostile page could switch the card off that way).
 */
// Shared with the card's code loaded on demand, which takes the picture (platform/world.ts).
const cards = sharedInWorld('cards', () => new Set<(hidden: boolean) => void>());

/** Registers a mounted card's switch; returns the function that unregisters it. */
export function registerCard(setHidden: (hidden: boolean) => void): () => void {
  cards.add(setHidden);
  return () => void cards.delete(setHidden);
}

/** Hides every card of this content script; returns the function that shows them again. */
export function hideCards(): () => void {
  const hidden = Array.from(cards);
  for (const set of hidden) set(true);
  return () => {
    for (const set of hidden) set(false);
  };
}

/** The attribute set inside the shadow root while the page is pictured (page-card.css obeys it). */
export const CAPTURING_ATTRIBUTE = 'data-rg-capturing';
