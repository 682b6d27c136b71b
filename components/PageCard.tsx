import { useEffect, useState } from 'react';
import type { CheckoutCardModel, OrderCardModel } from '../lib/card/model';
import type { CardNotice } from '../lib/card/presence';
import { Citation } from './card/Clock';
import type { PageMatch } from '../lib/vendors/types';
import { vendorName as nameOf, vendorSummary } from '../lib/vendors/registry';
import { CheckoutSummary } from './card/CheckoutSummary';
import { OrderDeadlines, type OrderRow } from './card/OrderDeadlines';
import { useI18n } from './i18n-context';
import { pillLead } from '../lib/card/pill';

/** What saving the page as evidence came to (reported only once the worker acknowledged the write). */
export type EvidenceOutcome =
  | { kind: 'saved'; id: string; screenshot?: boolean }
  | { kind: 'duplicate'; id: string }
  | { kind: 'error'; message: string };

interface PageCardProps {
  match: PageMatch;
  onDismiss: () => void;
  /** Hides the card on this site from now on; absent where not offered. */
  onNeverOnSite?: () => void;
  /** What the card says on a purchase page. */
  checkout?: CheckoutCardModel | null;
  /** The deadlines of the order on an order page (and of each row of a list). */
  order?: OrderCardModel | null;
  orderRows?: readonly OrderRow[];
  /** How the card first shows: a one-line pill (the default) or opened; the user's click opens or closes it after that. */
  presence?: 'pill' | 'expanded';
  /** What a page where the moment matters calls for (lib/card/presence). */
  notice?: CardNotice | null;
  /** Opens the eligibility checker for this page's order; rejects with a message on failure. */
  onOpenChecker?: () => Promise<void>;
  /** Saves the page as evidence; absent where saving is not offered. */
  onSaveEvidence?: () => Promise<EvidenceOutcome>;
  /** A button whose action needs the worker (save, open the checker) is pointed at or focused: a click may follow. */
  onActionIntent?: () => void;
  /** The ticket form's card: puts the drafted ticket into the page's form (never submits). */
  onFillDraft?: () => Promise<DraftFillOutcome>;
  /** Reports automatic captures of this page (order pages); returns an unsubscribe function. */
  subscribeAutoCapture?: (listener: (outcome: EvidenceOutcome) => void) => () => void;
}

/** What filling the ticket form came to: the labels of the fields filled, refused by the page, or left as the user typed them. */
export type DraftFillOutcome =
  { kind: 'filled'; filled: string[]; rejected: string[]; kept: string[] } | { kind: 'error'; message: string };

type FillState = { state: 'idle' } | { state: 'busy' } | { state: 'done'; outcome: DraftFillOutcome };

function FillStatus({ fill }: { fill: FillState }) {
  const { t } = useI18n();
  if (fill.state === 'busy') return <p className="rg-card__status">{t('card.fillDraft.busy')}</p>;
  if (fill.state !== 'done') return null;
  const { outcome } = fill;
  if (outcome.kind === 'error') {
    return (
      <p className="rg-card__status rg-card__status--error" role="alert" data-fill="error">
        {outcome.message}
      </p>
    );
  }
  const list = (labels: string[]) => labels.join('、');
  return (
    <div className="rg-card__status" data-fill="filled">
      {outcome.filled.length > 0 && (
        <p data-fill-filled="">{t('card.fillDraft.filled', { fields: list(outcome.filled) })}</p>
      )}
      {outcome.rejected.length > 0 && (
        <p className="rg-card__status--error" data-fill-rejected="">
          {t('card.fillDraft.rejected', { fields: list(outcome.rejected) })}
        </p>
      )}
      {outcome.kept.length > 0 && <p data-fill-kept="">{t('card.fillDraft.kept', { fields: list(outcome.kept) })}</p>}
    </div>
  );
}

type SaveState = { state: 'idle' } | { state: 'saving' } | { state: 'done'; outcome: EvidenceOutcome; auto: boolean };

function EvidenceStatus({ save }: { save: SaveState }) {
  const { t } = useI18n();
  if (save.state === 'saving') return <p className="rg-card__status">{t('card.saving')}</p>;
  if (save.state !== 'done') return null;
  const { outcome } = save;
  if (outcome.kind === 'error') {
    return (
      <p className="rg-card__status rg-card__status--error" role="alert" data-evidence="error">
        {outcome.message}
      </p>
    );
  }
  const key = outcome.kind === 'duplicate' ? 'card.savedDuplicate' : save.auto ? 'card.autoSaved' : 'card.saved';
  return (
    <p className="rg-card__status" data-evidence={outcome.kind} data-snapshot-id={outcome.id}>
      {t(key, { id: outcome.id })}
    </p>
  );
}

/**
 * The in-page card (rendered inside the `refund-guard-ui` shadow root). It
 * names what the page is and the policy that applies; later it carries the
 * deadlines, risk flags and the save-as-evidence action.
 */
function NoticeSection({ notice }: { notice: CardNotice }) {
  return (
    <div className="rg-section rg-notice" data-notice={notice.kind}>
      <strong className="rg-notice__title">{notice.title}</strong>
      <ol className="rg-notice__steps">
        {notice.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ol>
      {notice.citation && <Citation citation={notice.citation} />}
    </div>
  );
}

/**
 * The pill's one line: the headline (the words the popup shows), the nearest
 * deadline and the count of risks. The body below stays in the DOM (hidden),
 * so every risk's `data-flag` is there whether the card is open or not (contract 2).
 */
function PillLine({
  checkout,
  order,
  orderRows,
  notice,
}: Pick<PageCardProps, 'checkout' | 'order' | 'orderRows' | 'notice'>) {
  const { t } = useI18n();
  const flags = checkout?.flags ?? [];
  // The same choice as the page script's own pill (lib/card/pill): the card never changes its lead as it opens.
  const { words, deadline } = pillLead({
    checkout: checkout ?? null,
    order: order ?? null,
    orderRows: orderRows ?? [],
    notice: notice ?? null,
  });
  const line = notice?.title ?? words?.line ?? '';
  return (
    <span className={`rg-pill__line rg-headline--${notice ? 'warn' : (words?.tone ?? 'neutral')}`} data-pill="">
      <strong className="rg-headline__line" data-pill-headline="">
        {line}
      </strong>
      {deadline && <span className="rg-pill__part rg-date">{deadline}</span>}
      {orderRows && orderRows.length > 1 && !checkout && (
        <span className="rg-pill__part">{t('card.pill.rows', { count: orderRows.length })}</span>
      )}
      {flags.length > 0 && (
        <span className="rg-pill__part rg-pill__risks" data-risk-count={flags.length}>
          {t('card.pill.risks', { count: flags.length })}
        </span>
      )}
    </span>
  );
}

// eslint-disable-next-line max-lines-per-function -- One component for the card's header, pill and body: splitting it would pass the same dozen props around.
export function PageCard({
  match,
  onDismiss,
  onNeverOnSite,
  checkout,
  order,
  orderRows = [],
  presence = 'pill',
  notice = null,
  onOpenChecker,
  onSaveEvidence,
  onActionIntent,
  onFillDraft,
  subscribeAutoCapture,
}: PageCardProps) {
  const { t, locale } = useI18n();
  const [fill, setFill] = useState<FillState>({ state: 'idle' });
  const onFill = async () => {
    if (!onFillDraft || fill.state === 'busy') return;
    setFill({ state: 'busy' });
    let outcome: DraftFillOutcome;
    try {
      outcome = await onFillDraft();
    } catch (error) {
      outcome = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    }
    setFill({ state: 'done', outcome });
  };
  const [checkerError, setCheckerError] = useState<string | null>(null);
  // Placement may ask for the pill (no free place for the open card); the user's own click decides after that.
  // The presence it last saw is kept beside it, so a new one is taken in the same render (no effect, no second paint).
  const [shown, setShown] = useState({ collapsed: presence !== 'expanded', presence });
  let collapsed = shown.collapsed;
  if (shown.presence !== presence) {
    collapsed = presence === 'pill' || shown.collapsed;
    setShown({ collapsed, presence });
  }
  const setCollapsed = (next: boolean) => setShown({ collapsed: next, presence });
  const [save, setSave] = useState<SaveState>({ state: 'idle' });
  useEffect(
    () =>
      subscribeAutoCapture?.((outcome) =>
        setSave((current) => (current.state === 'saving' ? current : { state: 'done', outcome, auto: true })),
      ),
    [subscribeAutoCapture],
  );
  const onSave = async () => {
    if (!onSaveEvidence || save.state === 'saving') return;
    setSave({ state: 'saving' });
    let outcome: EvidenceOutcome;
    try {
      outcome = await onSaveEvidence();
    } catch (error) {
      outcome = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    }
    setSave({ state: 'done', outcome, auto: false });
  };
  const vendorName = nameOf(match.vendor, locale);
  const summary = vendorSummary(match.vendor, locale);
  return (
    <section className="rg-card" aria-label={t('card.title')} data-collapsed={collapsed ? 'true' : 'false'}>
      <header className="rg-card__header">
        <span className="rg-card__logo" aria-hidden="true">
          ¥
        </span>
        {collapsed ? (
          <button
            type="button"
            className="rg-pill"
            data-action="expand"
            aria-expanded="false"
            title={t('card.expand')}
            onClick={() => setCollapsed(false)}
          >
            <PillLine checkout={checkout} order={order} orderRows={orderRows} notice={notice} />
          </button>
        ) : (
          <h2 className="rg-card__title">{t('card.title')}</h2>
        )}
        {!collapsed && (
          <button
            type="button"
            className="rg-card__icon"
            data-action="collapse"
            aria-expanded="true"
            onClick={() => setCollapsed(true)}
          >
            {t('card.collapse')}
          </button>
        )}
        <button
          type="button"
          className="rg-card__icon rg-card__close"
          data-action="dismiss"
          aria-label={t('card.dismiss')}
          title={t('card.dismiss')}
          onClick={onDismiss}
        >
          ×
        </button>
      </header>
      {
        <div className="rg-card__body" hidden={collapsed}>
          {notice && <NoticeSection notice={notice} />}
          <p className="rg-card__detected">
            {t('card.detected', { vendor: vendorName, kind: t(`kind.${match.kind}`) })}
          </p>
          {summary && (
            <p className="rg-card__policy">
              <span className="rg-card__label">{t('card.policy')}</span>
              {summary}
            </p>
          )}
          {checkout && <CheckoutSummary model={checkout} />}
          {(order || orderRows.length > 0) && <OrderDeadlines model={order ?? null} rows={orderRows} />}
          <div className="rg-card__actions">
            {onFillDraft && (
              <button
                type="button"
                className="rg-card__button"
                data-action="fill-draft"
                onPointerEnter={onActionIntent}
                onFocus={onActionIntent}
                onClick={() => void onFill()}
                disabled={fill.state === 'busy'}
              >
                {t('card.fillDraft')}
              </button>
            )}
            {onSaveEvidence && (
              <button
                type="button"
                className="rg-card__button"
                data-action="save-evidence"
                onPointerEnter={onActionIntent}
                onFocus={onActionIntent}
                onClick={() => void onSave()}
                disabled={save.state === 'saving'}
              >
                {t('card.saveEvidence')}
              </button>
            )}
            {onOpenChecker && (
              <button
                type="button"
                className="rg-card__button rg-card__button--quiet"
                data-action="open-checker"
                onPointerEnter={onActionIntent}
                onFocus={onActionIntent}
                onClick={() => {
                  setCheckerError(null);
                  onOpenChecker().catch((error: unknown) =>
                    setCheckerError(
                      t('card.openCheckerFailed', { message: error instanceof Error ? error.message : String(error) }),
                    ),
                  );
                }}
              >
                {t('card.openChecker')}
              </button>
            )}
            {onNeverOnSite && (
              <button type="button" className="rg-card__link" data-action="never-on-site" onClick={onNeverOnSite}>
                {t('card.neverOnSite')}
              </button>
            )}
          </div>
          {checkerError && (
            <p className="rg-card__status rg-card__status--error" role="alert">
              {checkerError}
            </p>
          )}
          <div aria-live="polite">
            <FillStatus fill={fill} />
            <EvidenceStatus save={save} />
          </div>
        </div>
      }
    </section>
  );
}
