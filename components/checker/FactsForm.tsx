import { useState } from 'react';
import { FACT_QUESTIONS } from '../../lib/claims/facts';
import { localize } from '../../lib/policy/text';
import { useI18n } from '../i18n-context';
import { fromLocalInput, toLocalInput } from '../datetime';

export interface FactsFormProps {
  facts: Record<string, unknown>;
  /** Keys that came from a saved snapshot. */
  fromSnapshot: readonly string[];
  status: string | null;
  onChange: (fact: string, value: unknown) => void;
}

/**
 * The facts every claim rests on, whatever the vendor: when it was bought,
 * where, for how much, which order. Pre-filled from the snapshot, editable.
 */
export function FactsForm({ facts, fromSnapshot, status, onChange }: FactsFormProps) {
  const { t, locale } = useI18n();
  const channel = FACT_QUESTIONS.channel!;
  const mark = (key: string) =>
    fromSnapshot.includes(key) ? (
      <span className="rg-badge" title={t('checker.facts.fromSnapshot')}>
        ✓
      </span>
    ) : null;
  return (
    <details className="rg-facts" open={typeof facts.purchasedAt !== 'string'} data-testid="facts">
      <summary>{t('checker.facts.title')}</summary>
      {fromSnapshot.length > 0 && <p className="rg-muted rg-small">✓ {t('checker.facts.fromSnapshot')}</p>}
      {status && (
        <p className="rg-small" data-testid="order-status">
          {t('checker.facts.status', { status })}
        </p>
      )}
      <div className="rg-grid">
        <label>
          <span>
            {t('checker.facts.purchasedAt')} {mark('purchasedAt')}
          </span>
          <DateTimeField value={facts.purchasedAt} onCommit={(v) => onChange('purchasedAt', v)} />
        </label>
        <label>
          <span>
            {localize(channel.text, locale)} {mark('channel')}
          </span>
          <select
            value={typeof facts.channel === 'string' ? facts.channel : ''}
            onChange={(e) => onChange('channel', e.target.value || undefined)}
          >
            <option value="">—</option>
            {channel.options!.map((o) => (
              <option key={o.value} value={o.value}>
                {localize(o.label, locale)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>
            {t('checker.facts.amountPaid')} {mark('amountPaid')}
          </span>
          <TextField
            type="number"
            value={typeof facts.amountPaid === 'number' ? String(facts.amountPaid) : ''}
            onCommit={(v) => onChange('amountPaid', v.trim() !== '' && Number(v) >= 0 ? Number(v) : undefined)}
          />
        </label>
        <label>
          <span>
            {t('checker.facts.orderId')} {mark('orderId')}
          </span>
          <TextField
            value={typeof facts.orderId === 'string' ? facts.orderId : ''}
            onCommit={(v) => onChange('orderId', v.trim() || undefined)}
          />
        </label>
        <label>
          <span>
            {t('checker.facts.product')} {mark('product')}
          </span>
          <TextField
            value={typeof facts.product === 'string' ? facts.product : ''}
            onCommit={(v) => onChange('product', v.trim() || undefined)}
          />
        </label>
      </div>
    </details>
  );
}

/** A text box that reports its value when it loses focus or on Enter (not on every key, which would re-run the engine mid-word). */
function TextField({
  value,
  onCommit,
  type = 'text',
}: {
  value: string;
  onCommit: (v: string) => void;
  type?: string;
}) {
  // A new value from outside (another answer, a snapshot's facts) replaces the draft in the same render.
  const [typed, setTyped] = useState({ draft: value, value });
  let draft = typed.draft;
  if (typed.value !== value) {
    draft = value;
    setTyped({ draft, value });
  }
  const setDraft = (next: string) => setTyped({ draft: next, value });
  const commit = () => draft !== value && onCommit(draft);
  return (
    <input
      type={type}
      step={type === 'number' ? 'any' : type === 'datetime-local' ? 1 : undefined}
      min={type === 'number' ? 0 : undefined}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        }
      }}
    />
  );
}

function DateTimeField({ value, onCommit }: { value: unknown; onCommit: (v: string | undefined) => void }) {
  const shown = toLocalInput(value);
  return (
    <TextField
      type="datetime-local"
      value={shown}
      onCommit={(v) => {
        if (v.trim() === '') return onCommit(undefined);
        const iso = fromLocalInput(v);
        if (iso) onCommit(iso);
      }}
    />
  );
}
