import type { CSSProperties } from 'react';
import type { TimelineStatus } from '../../lib/pictures/timeline';

/**
 * The colours of the pictures, each at least 4.5:1 against white (WCAG AA for
 * text, so also for graphics at 3:1), and never alone: every status also has
 * its own fill pattern, an icon and a word.
 */
export const INK = '#1d2733';
export const MUTED = '#5b6775';
export const TODAY = '#0550ae';

export const STATUS_COLOUR: Record<TimelineStatus, string> = {
  open: '#1a7f37',
  'needs-answers': '#9a6700',
  closed: '#57606a',
  'ruled-out': '#cf222e',
};

/** Text over lines and bars stays legible: a white halo drawn under it. */
export const HALO = { stroke: '#fff', strokeWidth: 3, paintOrder: 'stroke', strokeLinejoin: 'round' } as const;

/**
 * Visually hidden, still read: a picture's text equivalent. Inline, because the
 * timeline is also drawn inside the card's shadow root, where page styles do not reach.
 */
export const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};
