import { describe, expect, it } from 'vitest';
import { EDGE, freeSpot, PREFERRED_TOP } from './place';

const VIEW = { width: 1280, height: 720 };
const CARD = { width: 320, height: 400 };

describe('where the card may sit', () => {
  it('takes the top right when nothing is there', () => {
    expect(freeSpot(VIEW, CARD, [])).toEqual({ left: 1280 - EDGE - 320, top: PREFERRED_TOP });
  });

  it('moves off a control: down the right edge, then to the left edge', () => {
    const button = { left: 1100, top: 100, width: 120, height: 32 };
    const spot = freeSpot(VIEW, CARD, [button])!;
    expect(spot.left).toBe(1280 - EDGE - 320);
    expect(spot.top).toBeGreaterThan(button.top + button.height);
    const column = { left: 1000, top: 0, width: 200, height: 720 };
    expect(freeSpot(VIEW, CARD, [column])).toEqual({ left: EDGE, top: EDGE });
  });

  it('finds no place when controls leave none, or the viewport is too small', () => {
    const rows = Array.from({ length: 24 }, (_, i) => ({ left: 0, top: i * 30, width: 1280, height: 20 }));
    expect(freeSpot(VIEW, CARD, rows)).toBeNull();
    expect(freeSpot({ width: 300, height: 720 }, CARD, [])).toBeNull();
    // A pill (one line) fits between rows where the open card does not.
    expect(
      freeSpot(
        VIEW,
        { width: 300, height: 18 },
        rows.filter((_, i) => i % 2 === 0),
      ),
    ).not.toBeNull();
  });
});
