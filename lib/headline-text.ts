import type { HeadlineWords } from './claims/headline';

/**
 * The headline as one line of text, the way every surface prints it: the
 * card, the popup, the order-list rows and the locker render the same two
 * parts, and a notification (plain text) joins them with this. Loads nothing,
 * so scripts inside web pages may use it.
 */
export const HEADLINE_SEPARATOR = ' · ';

export function headlineText(words: Pick<HeadlineWords, 'line' | 'deadline'>): string {
  return words.deadline ? `${words.line}${HEADLINE_SEPARATOR}${words.deadline}` : words.line;
}
