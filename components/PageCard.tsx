import { useEffect, useState } from 'react';
import { isShippedVendor, type PageMatch } from '../lib/vendors/types';
import { useI18n } from './i18n';

/** What saving the page as evidence came to (reported only once the worker acknowledged the write). */
export type EvidenceOutcome =
  | { kind: 'saved'; id: string; screenshot?: boolean }
  | { kind: 'duplicate'; id: string }
  | { kind: 'error'; message: string };

interface PageCardProps {
  match: PageMatch;
  onDismiss: () => void;
  /** Saves the page as evidence; absent where saving is not offered. */
  onSaveEvidence?: () => Promise<EvidenceOutcome>;
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
export function PageCard({ match, onDismiss, onSaveEvidence, subscribeAutoCapture }: PageCardProps) {
  const { t } = useI18n();
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
          {onSaveEvidence && (
            <div className="rg-card__actions">
              <button type="button" className="rg-card__button" data-action="save-evidence" onClick={() => void onSave()} disabled={save.state === 'saving'}>
                {t('card.saveEvidence')}
              </button>
            </div>
          )}
          <div aria-live="polite">
            <EvidenceStatus save={save} />
          </div>
        </div>
      )}
    </section>
  );
}
