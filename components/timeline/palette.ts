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
