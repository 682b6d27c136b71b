import { SHIPPED_VENDORS } from '../lib/vendors/types';
import { useI18n } from './i18n';

/** The vendors the product ships a policy for, each with its policy in one line. */
export function VendorList() {
  const { t } = useI18n();
  return (
    <ul className="rg-vendor-list">
      {SHIPPED_VENDORS.map((vendor) => (
        <li key={vendor} data-vendor={vendor}>
          <strong>{t(`vendor.${vendor}`)}</strong>
          <span>{t(`vendorSummary.${vendor}`)}</span>
        </li>
      ))}
    </ul>
  );
}
