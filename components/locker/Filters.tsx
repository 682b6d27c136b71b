import { useId, useState, type FormEvent } from 'react';
import { SHIPPED_VENDORS } from '../../lib/vendors/types';
import { useI18n } from '../i18n-context';
import type { ListFilters } from './api';
import { vendorLabel } from './format';

interface FiltersProps {
  value: ListFilters;
  onApply: (filters: ListFilters) => void;
}

const EMPTY = { vendor: '', orderId: '', from: '', to: '', search: '' };

/** Filters are applied on submit (Enter in any field, or the button), not on each keystroke. */
export function Filters({ value, onApply }: FiltersProps) {
  const { t, locale } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState({ ...EMPTY, ...value });
  // The form shows what is applied: it starts from `value` (the locker remounts it after a detail) and takes the
  // applied filters at once on submit or clear, so a choice made right after is never overwritten.

  const field = (name: keyof typeof EMPTY) => ({
    id: `${id}-${name}`,
    name,
    value: draft[name],
    onChange: (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [name]: event.target.value })),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: ListFilters = {};
    if (draft.vendor) next.vendor = draft.vendor;
    if (draft.orderId.trim()) next.orderId = draft.orderId.trim();
    if (draft.from) next.from = draft.from;
    if (draft.to) next.to = draft.to;
    if (draft.search.trim()) next.search = draft.search.trim();
    setDraft({ ...EMPTY, ...next });
    onApply(next);
  };

  return (
    <form className="rg-panel rg-filters" role="search" aria-label={t('locker.filter.title')} onSubmit={submit}>
      <div className="rg-filters__grid">
        <label htmlFor={`${id}-vendor`}>{t('locker.filter.vendor')}</label>
        <select {...field('vendor')}>
          <option value="">{t('locker.filter.allVendors')}</option>
          {SHIPPED_VENDORS.map((v) => (
            <option key={v} value={v}>
              {vendorLabel(v, locale)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-orderId`}>{t('locker.filter.order')}</label>
        <input type="text" inputMode="text" maxLength={100} autoComplete="off" {...field('orderId')} />
        <label htmlFor={`${id}-from`}>{t('locker.filter.from')}</label>
        <input type="date" {...field('from')} />
        <label htmlFor={`${id}-to`}>{t('locker.filter.to')}</label>
        <input type="date" {...field('to')} />
        <label htmlFor={`${id}-search`}>{t('locker.filter.search')}</label>
        <input type="search" maxLength={200} autoComplete="off" {...field('search')} />
      </div>
      <div className="rg-actions">
        <button type="submit" className="rg-button rg-button--primary">
          {t('locker.filter.apply')}
        </button>
        <button
          type="button"
          className="rg-button"
          onClick={() => {
            setDraft(EMPTY);
            onApply({});
          }}
        >
          {t('locker.filter.reset')}
        </button>
      </div>
    </form>
  );
}
