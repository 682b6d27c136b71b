import type { TabVerdictWords } from '../../lib/evidence/tab-verdict';
import { useI18n } from '../i18n-context';
import type { Step } from './session';
import { Steps } from './Steps';
import { VerdictSummary } from './VerdictSummary';

export interface FirstVerdictProps {
  /** The tab's saved order (its vendor and number), when the worker found one. */
  order: { vendor: string; orderId: string } | null;
  /** The worker's first verdict on it, in the popup's language (null: none to show, or not known yet). */
  words: TabVerdictWords | null;
  /** Called when the verdict is on screen. */
  onShown?: () => void;
}

/**
 * The checker's first view while its code loads: the tab's order and the verdict the worker worked
 * out for it (`tab.order`), laid out as the checker lays out its top (subject, steps, heading,
 * headline), so nothing moves when the checker takes over. It loads no policy engine, no vendor
 * pack and no schema; without a verdict to show it says the checker is loading, as the checker does.
 */
export function FirstVerdict({ order, words, onShown }: FirstVerdictProps) {
  const { t } = useI18n();
  if (!order || !words) {
    return (
      <div className="rg-checker" data-state="choose" data-first="">
        <p className="rg-muted" role="status">
          {t('checker.loading')}
        </p>
      </div>
    );
  }
  const shown: Step = words.openQuestions === 0 ? 'verdict' : 'questions';
  return (
    <div className="rg-checker" data-state={shown} data-vendor={order.vendor} data-first="">
      <div className="rg-subject">
        <span>
          {t('checker.subject', {
            vendor: words.vendorName,
            order: t('checker.source.orderLine', { orderId: order.orderId }),
          })}
        </span>
      </div>
      <Steps shown={shown} />
      <h2>{t(shown === 'verdict' ? 'checker.verdict.title' : 'checker.title')}</h2>
      <VerdictSummary verdict={words} words={words.words} openQuestions={words.openQuestions} onShown={onShown} />
    </div>
  );
}
