import type { HeadlineWords } from '../lib/claims/headline';
import { HEADLINE_SEPARATOR } from '../lib/headline-text';

/**
 * The headline of a verdict or an order, as every surface shows it: the card,
 * its order-list rows, the popup and the evidence locker. Its text is
 * `headlineText(words)` (lib/headline-text), the words notifications carry.
 * `data-headline` and `data-tone` let tests compare surfaces.
 */
export function Headline({
  words,
  className,
  inline = false,
}: {
  words: HeadlineWords;
  className?: string;
  inline?: boolean;
}) {
  // Inside a button (a saved order's row) only phrasing content may stand: a span, laid out as a block.
  const Tag = inline ? 'span' : 'p';
  return (
    <Tag
      className={`rg-headline rg-headline--${words.tone}${inline ? ' rg-headline--inline' : ''}${className ? ` ${className}` : ''}`}
      data-headline=""
      data-tone={words.tone}
      data-confirmed={words.confirmed ? 'true' : 'false'}
      data-deadline={words.deadlineDate ?? ''}
    >
      <strong className="rg-headline__line">{words.line}</strong>
      {words.deadline && (
        <>
          {HEADLINE_SEPARATOR}
          <span className="rg-headline__deadline">{words.deadline}</span>
        </>
      )}
    </Tag>
  );
}
