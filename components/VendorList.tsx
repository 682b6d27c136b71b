import { SHIPPED_VENDORS } from '../lib/vendors/types';
import { vendorName, vendorSummary } from '../lib/vendors/registry';
import { useI18n } from './i18n-context';

/** The vendors the product ships a policy for, each with its policy in one line. */
export function VendorList() {
  const { locale } = useI18n();
  return (
    <ul className="rg-vendor-list">
      {SHIPPED_VENDORS.map((vendor) => (
        <li key={vendor} data-vendor={vendor}>
          <strong>{vendorName(vendor, locale)}</strong>
          <span>{vendorSummary(vendor, locale)}</span>
        </li>
      ))}
    </ul>
  );
}
