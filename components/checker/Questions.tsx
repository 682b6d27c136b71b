import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { FACT_QUESTIONS } from '../../lib/claims/facts';
import { localize } from '../../lib/policy/text';
import type { Question } from '../../lib/claims/eligibility';
import { useI18n } from '../i18n-context';
import { fromLocalInput } from '../datetime';
import { parseLooseAnswer } from './format';

export interface QuestionsProps {
  questions: readonly Question[];
  onAnswer: (fact: string, value: unknown) => void;
  onSkip: (fact: string) => void;
}

/** The engine's open questions, each answerable from the keyboard; "not sure" leaves the fact unknown. */
export function Questions({ questions, onAnswer, onSkip }: QuestionsProps) {
  const { t } = useI18n();
  const list = useRef<HTMLOListElement>(null);
  const answered = useRef(false);
  // The answered question leaves; the keyboard goes on to the next one.
  useEffect(() => {
    if (!answered.current) return;
    answered.current = false;
    list.current?.querySelector<HTMLElement>('button, input, select')?.focus();
  }, [questions]);
  if (questions.length === 0)
    return (
      <p className="rg-muted" data-testid="no-questions">
        {t('checker.questions.done')}
      </p>
    );
  return (
    <section aria-labelledby="rg-questions-title" data-testid="questions">
      <h3 id="rg-questions-title">{t('checker.questions.title', { count: questions.length })}</h3>
      <ol className="rg-questions" ref={list}>
        {questions.map((q) => (
          <li key={q.fact}>
            <QuestionField
              question={q}
              onAnswer={(v) => {
                answered.current = true;
                onAnswer(q.fact, v);
              }}
              onSkip={() => {
                answered.current = true;
                onSkip(q.fact);
              }}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}

// eslint-disable-next-line max-lines-per-function -- One input per question type sharing one submit and its validation; each branch is a few lines of markup.
function QuestionField({
  question: q,
  onAnswer,
  onSkip,
}: {
  question: Question;
  onAnswer: (value: unknown) => void;
  onSkip: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [days, setDays] = useState('');
  const [written, setWritten] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const options = q.options ?? [];
  const buttons = q.type === 'boolean' || (q.type === 'enum' && options.length <= 4);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let value: unknown = null;
    if (q.type === 'number')
      value = text.trim() !== '' && Number.isFinite(Number(text)) && Number(text) >= 0 ? Number(text) : null;
    else if (q.type === 'enum') value = options.some((o) => o.value === text) ? text : null;
    else if (q.type === 'date') value = fromLocalInput(text);
    else if (q.type === 'month') value = /^\d{4}-(0[1-9]|1[0-2])$/.test(text) ? text : null;
    else if (q.fact === 'resellerPromise')
      value = Number.isInteger(Number(days)) && Number(days) > 0 ? { days: Number(days), written } : null;
    else value = parseLooseAnswer(text);
    if (value === null) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onAnswer(value);
  };

  const skip = (
    <button type="button" className="rg-button rg-button--quiet" onClick={onSkip}>
      {t('checker.questions.skip')}
    </button>
  );
  const ok = (
    <button type="submit" className="rg-button rg-button--primary">
      {t('checker.questions.ok')}
    </button>
  );

  return (
    <form onSubmit={submit} noValidate>
      <fieldset className="rg-question" data-fact={q.fact} data-type={q.type}>
        <legend>{q.text}</legend>
        {q.type === 'boolean' && (
          <div className="rg-row">
            <button type="button" className="rg-button" onClick={() => onAnswer(true)}>
              {t('checker.questions.yes')}
            </button>
            <button type="button" className="rg-button" onClick={() => onAnswer(false)}>
              {t('checker.questions.no')}
            </button>
            {skip}
          </div>
        )}
        {q.type === 'enum' && buttons && (
          <div className="rg-row rg-row--wrap">
            {options.map((o) => (
              <button
                key={o.value}
                type="button"
                className="rg-button"
                data-value={o.value}
                onClick={() => onAnswer(o.value)}
              >
                {o.label}
              </button>
            ))}
            {skip}
          </div>
        )}
        {q.type === 'enum' && !buttons && (
          <div className="rg-row rg-row--wrap">
            <select aria-label={q.text} value={text} onChange={(e) => setText(e.target.value)}>
              <option value="">—</option>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            {ok}
            {skip}
          </div>
        )}
        {(q.type === 'number' || q.type === 'date' || q.type === 'month') && (
          <div className="rg-row">
            <input
              id={id}
              aria-label={q.text}
              type={q.type === 'number' ? 'number' : q.type === 'date' ? 'datetime-local' : 'month'}
              min={q.type === 'number' ? 0 : undefined}
              step={q.type === 'number' ? 'any' : q.type === 'date' ? 1 : undefined}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            {ok}
            {skip}
          </div>
        )}
        {q.type === 'object' && q.fact === 'resellerPromise' && (
          <div className="rg-stack">
            <div className="rg-row">
              <button type="button" className="rg-button" onClick={() => onAnswer(false)}>
                {t('checker.questions.promiseNone')}
              </button>
            </div>
            <div className="rg-row rg-row--wrap">
              <label>
                {t('checker.questions.promiseDays')}{' '}
                <input
                  type="number"
                  min={1}
                  step={1}
                  value={days}
                  onChange={(e) => setDays(e.target.value)}
                  className="rg-input--short"
                />
              </label>
              <label>
                <input type="checkbox" checked={written} onChange={(e) => setWritten(e.target.checked)} />{' '}
                {t('checker.questions.promiseWritten')}
              </label>
            </div>
            <div className="rg-row">
              {ok}
              {skip}
            </div>
          </div>
        )}
        {q.type === 'object' && q.fact === 'sla' && (
          <div className="rg-stack">
            <p className="rg-muted">{t('checker.questions.slaElsewhere')}</p>
            <div className="rg-row">{skip}</div>
          </div>
        )}
        {q.type === 'object' && q.fact !== 'resellerPromise' && q.fact !== 'sla' && (
          <div className="rg-row">
            <input aria-label={q.text} type="text" value={text} onChange={(e) => setText(e.target.value)} />
            {ok}
            {skip}
          </div>
        )}
        {invalid && (
          <p className="rg-error" role="alert">
            {t('checker.questions.invalid')}
          </p>
        )}
      </fieldset>
    </form>
  );
}

/** Facts the base form shows; everything else answered is listed here. */
const FORM_FACTS = new Set(['vendor', 'purchasedAt', 'channel', 'amountPaid', 'orderId', 'product']);

/**
 * What is known beyond the base form — answers given and facts read from the
 * snapshot (e.g. 新购 → not a renewal) — each with a way to take it back; the
 * engine then asks again if it still needs it.
 */
export function AnsweredList({
  facts,
  answered,
  onClear,
}: {
  facts: Record<string, unknown>;
  answered: readonly string[];
  onClear: (fact: string) => void;
}) {
  const { t, locale } = useI18n();
  const entries = Object.entries(facts).filter(
    ([fact, v]) =>
      !FORM_FACTS.has(fact) && v !== undefined && (FACT_QUESTIONS[fact] !== undefined || answered.includes(fact)),
  );
  if (entries.length === 0) return null;
  const show = (fact: string, value: unknown): string => {
    if (value === true) return t('checker.questions.yes');
    if (value === false)
      return fact === 'resellerPromise' ? t('checker.questions.promiseNone') : t('checker.questions.no');
    const option = FACT_QUESTIONS[fact]?.options?.find((o) => o.value === value);
    if (option) return localize(option.label, locale);
    if (typeof value === 'object' && value !== null && 'days' in value) {
      const p = value as { days: number; written: boolean };
      return `${p.days} · ${p.written ? t('checker.questions.promiseWritten') : t('checker.questions.no')}`;
    }
    return String(value);
  };
  return (
    <details className="rg-answered" data-testid="answered">
      <summary>{t('checker.answered', { count: entries.length })}</summary>
      <ul>
        {entries.map(([fact, value]) => (
          <li key={fact} data-fact={fact}>
            <span>{FACT_QUESTIONS[fact] ? localize(FACT_QUESTIONS[fact].text, locale) : fact}</span>{' '}
            <strong>{show(fact, value)}</strong>{' '}
            <button type="button" className="rg-link" onClick={() => onClear(fact)}>
              {t('checker.questions.change')}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
