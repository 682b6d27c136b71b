import { useEffect, useState } from 'react';
import type { CheckoutCardModel, OrderCardModel } from '../lib/card/model';
import { isShippedVendor, type PageMatch } from '../lib/vendors/types';
import { CheckoutSummary } from './card/CheckoutSummary';
import { OrderDeadlines, type OrderRow } from './card/OrderDeadlines';
import { useI18n } from './i18n-context';

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
  /** Opens the eligibility checker for this page's order; rejects with a message on failure. */
  onOpenChecker?: () => Promise<void>;
  /** Saves the page as evidence; absent where saving is not offered. */
  onSaveEvidence?: () => Promise<EvidenceOutcome>;
  /** A button whose action needs the worker (save, open the checker) is pointed at or focused: a click may follow. */
  onActionIntent?: () => void;
  /** Reports automatic captures of this page (order pages); returns an unsubscribe function. */
  subscribeAutoCapture?: (listener: (outcome: EvidenceOutcome) => void) => () => void;
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
export function PageCard({ match, onDismiss, onNeverOnSite, checkout, order, orderRows = [], onOpenChecker, onSaveEvidence, onActionIntent, subscribeAutoCapture }: PageCardProps) {
  const { t } = useI18n();
  const [checkerError, setCheckerError] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState(false);
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
  const vendorName = isShippedVendor(match.vendor) ? t(`vendor.${match.vendor}`) : match.vendor;
  return (
    <section className="rg-card" aria-label={t('card.title')} data-collapsed={collapsed ? 'true' : 'false'}>
      <header className="rg-card__header">
        <span className="rg-card__logo" aria-hidden="true">
          ¥
        </span>
        <h2 className="rg-card__title">{t('card.title')}</h2>
        <button
          type="button"
          className="rg-card__icon"
          aria-expanded={!collapsed}
          onClick={() => setCollapsed((c) => !c)}
        >
          {collapsed ? t('card.expand') : t('card.collapse')}
        </button>
        <button type="button" className="rg-card__icon" onClick={onDismiss}>
          {t('card.dismiss')}
        </button>
      </header>
      {!collapsed && (
        <div className="rg-card__body">
          <p className="rg-card__detected">{t('card.detected', { vendor: vendorName, kind: t(`kind.${match.kind}`) })}</p>
          {isShippedVendor(match.vendor) && (
            <p className="rg-card__policy">
              <span className="rg-card__label">{t('card.policy')}</span>
              {t(`vendorSummary.${match.vendor}`)}
            </p>
          )}
          {checkout && <CheckoutSummary model={checkout} />}
          {(order || orderRows.length > 0) && <OrderDeadlines model={order ?? null} rows={orderRows} />}
          <div className="rg-card__actions">
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
                    setCheckerError(t('card.openCheckerFailed', { message: error instanceof Error ? error.message : String(error) })),
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
            <EvidenceStatus save={save} />
          </div>
        </div>
      )}
    </section>
  );
}
