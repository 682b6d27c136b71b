/**
 * Text measured without a browser: the pictures place their labels in pure
 * functions (so tests can check that nothing overlaps at 380 px), which needs
 * an estimate of how wide a label renders. The estimate errs wide, so a label
 * that fits here fits on screen.
 */

/** Approximate advance of one character, in em, for the UI's sans-serif fonts (Noto Sans CJK, system UI). */
function charEm(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  // CJK ideographs, kana, full-width forms and CJK punctuation: one em each.
  if (code >= 0x2e80) return 1;
  if (/[0-9]/.test(ch)) return 0.6;
  if (ch === ' ') return 0.3;
  if (/[.,:;'|!il]/.test(ch)) return 0.3;
  if (/[-–()[\]/]/.test(ch)) return 0.4;
  if (/[A-Z%@WMmw]/.test(ch)) return 0.72;
  return 0.56;
}

/** Estimated rendered width of `text` at `fontSize` px. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * fontSize;
}

/** `text`, cut with "…" so that it fits `maxWidth` px (the whole text when it fits; '' when not even "…" does). */
export function fitText(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  const ellipsis = textWidth('…', fontSize);
  if (ellipsis > maxWidth) return '';
  let width = ellipsis;
  let out = '';
  for (const ch of chars) {
    const w = charEm(ch) * fontSize;
    if (width + w > maxWidth) break;
    width += w;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

/** "2026-11-23" → "11-23": the short form a crowded row uses (the axis and the text list keep the year). */
export function shortDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date.slice(5) : date;
}

/** A text placed in a picture: its anchor point and how it hangs from it. */
export interface PlacedText {
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'middle' | 'end';
}

/** Left and right edges of a placed text (estimated). */
export function extentOf(label: PlacedText, fontSize: number): [number, number] {
  const w = textWidth(label.text, fontSize);
  if (label.anchor === 'start') return [label.x, label.x + w];
  if (label.anchor === 'end') return [label.x - w, label.x];
  return [label.x - w / 2, label.x + w / 2];
}

/** Two placed texts on the same line overlap (with `gap` px of air between them required). */
export function overlaps(a: PlacedText, b: PlacedText, fontSize: number, gap = 4): boolean {
  if (a.y !== b.y) return false;
  const [a0, a1] = extentOf(a, fontSize);
  const [b0, b1] = extentOf(b, fontSize);
  return a0 < b1 + gap && b0 < a1 + gap;
}
