import { useState } from 'react';
import type { PageMatch } from '../lib/vendors/types';
import { SHIPPED_VENDORS, type ShippedVendorId } from '../lib/vendors/types';
import { useI18n } from './i18n';

function isShipped(vendor: string): vendor is ShippedVendorId {
  return (SHIPPED_VENDORS as readonly string[]).includes(vendor);
}

interface PageCardProps {
  match: PageMatch;
  onDismiss: () => void;
}

/**
 * The in-page card (rendered inside the `refund-guard-ui` shadow root). It
 * names what the page is and the policy that applies; later it carries the
 * deadlines, risk flags and the save-as-evidence action.
 */
export function PageCard({ match, onDismiss }: PageCardProps) {
  const { t } = useI18n();
  const [collapsed, setCollapsed] = useState(false);
  const vendorName = isShipped(match.vendor) ? t(`vendor.${match.vendor}`) : match.vendor;
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
          {isShipped(match.vendor) && (
            <p className="rg-card__policy">
              <span className="rg-card__label">{t('card.policy')}</span>
              {t(`vendorSummary.${match.vendor}`)}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
