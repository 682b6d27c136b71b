/**
 * The SLA tiers' look in the pictures: a colour of at least 4.5:1 against
 * white per tier, and a fill pattern of its own (solid, stripes, dots,
 * cross-hatch), so the tier reads without colour; the words say it too.
 */
export type TierLevel = 'met' | 'low' | 'mid' | 'high';

export const TIER_COLOUR: Record<TierLevel, string> = {
  met: '#1a7f37',
  low: '#9a6700',
  mid: '#bc4c00',
  high: '#cf222e',
};

/** Darker still, for words in a tier's colour on a tinted background (≥ 4.5:1 on #eef5fc too). */
export const TIER_TEXT: Record<TierLevel, string> = {
  met: '#116329',
  low: '#7d4e00',
  mid: '#953800',
  high: '#a40e26',
};

export const COUNTED = '#cf222e';
export const EXCLUDED = '#0550ae';

/** The pattern ids under `id`: `${id}-met` … `${id}-high`, `${id}-excluded`. */
export function TierPatterns({ id }: { id: string }) {
  const c = TIER_COLOUR;
  return (
    <defs>
      <pattern id={`${id}-met`} width="4" height="4" patternUnits="userSpaceOnUse">
        <rect width="4" height="4" fill={c.met} />
      </pattern>
      <pattern id={`${id}-low`} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="5" height="5" fill="#fff" />
        <rect width="2.4" height="5" fill={c.low} />
      </pattern>
      <pattern id={`${id}-mid`} width="4" height="4" patternUnits="userSpaceOnUse">
        <rect width="4" height="4" fill="#fff" />
        <circle cx="2" cy="2" r="1.3" fill={c.mid} />
      </pattern>
      <pattern id={`${id}-high`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#fff" />
        <path d="M0 0L6 6M6 0L0 6" stroke={c.high} strokeWidth="1.4" />
      </pattern>
      <pattern id={`${id}-excluded`} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
        <rect width="5" height="5" fill="#fff" />
        <rect width="1.6" height="5" fill={EXCLUDED} />
      </pattern>
    </defs>
  );
}
