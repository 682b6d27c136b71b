/**
 * Where the in-page card may sit: pure geometry over the viewport, the card's
 * size and the boxes it must not cover (the page's controls and the text of
 * the risks it flags). The content script measures; this decides.
 */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Spot {
  left: number;
  top: number;
}

/** Gap kept from the viewport's edges and from every box. */
export const EDGE = 16;
const GAP = 4;
const STEP = 8;
/** The card's first choice: top right, under a console's usual top bar. */
export const PREFERRED_TOP = 88;

const clear = (spot: Spot, size: { width: number; height: number }, boxes: readonly Box[]) =>
  !boxes.some(
    (b) =>
      b.width > 0 &&
      b.height > 0 &&
      spot.left < b.left + b.width + GAP &&
      b.left - GAP < spot.left + size.width &&
      spot.top < b.top + b.height + GAP &&
      b.top - GAP < spot.top + size.height,
  );

/**
 * The first spot, in order of preference, where a card of `size` covers none
 * of `boxes` and stays inside the viewport: the top right, then down the right
 * edge, then down the left edge, then along the bottom. Null when there is none.
 */
export function freeSpot(
  viewport: { width: number; height: number },
  size: { width: number; height: number },
  boxes: readonly Box[],
): Spot | null {
  const right = viewport.width - EDGE - size.width;
  const bottom = viewport.height - EDGE - size.height;
  if (right < EDGE || bottom < EDGE) return null;
  const candidates: Spot[] = [{ left: right, top: Math.min(PREFERRED_TOP, bottom) }];
  for (let top = EDGE; top <= bottom; top += STEP) candidates.push({ left: right, top });
  for (let top = EDGE; top <= bottom; top += STEP) candidates.push({ left: EDGE, top });
  for (let left = EDGE; left <= right; left += STEP) candidates.push({ left, top: bottom });
  return candidates.find((spot) => clear(spot, size, boxes)) ?? null;
}
