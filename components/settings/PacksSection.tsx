import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n-context';
import { checkPacksText, EXAMPLE_PACKS_TEXT, type PacksCheck } from './packs';
import { errorText, Status, type StatusMessage } from './Status';

/** How long the editor waits after the last keystroke before it checks (and, when valid, saves) the text. */
export const PACKS_SAVE_DELAY_MS = 600;

/**
 * The custom-policy editor: JSON text checked against the pack schema as the
 * user types, saved as soon as it is valid, like every other section; while a
 * problem remains it is listed at its line (and column), and nothing is saved.
 */
export function PacksSection({
  packs,
  onSave,
}: {
  packs: readonly unknown[];
  onSave: (packs: unknown[]) => Promise<void>;
}) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(() => (packs.length ? JSON.stringify(packs, null, 2) : ''));
  const [problem, setProblem] = useState<Exclude<PacksCheck, { ok: true }> | null>(null);
  const [status, setStatus] = useState<StatusMessage>(null);
  /** The text last saved (or loaded): the same text again is not saved twice. */
  const saved = useRef(text);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const check = async (next: string) => {
    clearTimeout(timer.current);
    const result = checkPacksText(next);
    if (!result.ok) {
      setProblem(result);
      setStatus(null);
      return;
    }
    setProblem(null);
    if (next === saved.current) return;
    try {
      await onSave(result.packs);
      saved.current = next;
      setStatus({ kind: 'ok', text: t('settings.packs.saved', { count: result.packs.length }) });
    } catch (error) {
      setStatus({ kind: 'error', text: t('settings.packs.saveFailed', { message: errorText(error) }) });
    }
  };
  /** A change is checked once typing pauses; leaving the editor checks at once. */
  const change = (next: string, delay = PACKS_SAVE_DELAY_MS) => {
    setText(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void check(next), delay);
  };

  return (
    <section className="rg-panel" aria-labelledby={`${id}-h`} data-section="packs">
      <h2 id={`${id}-h`}>{t('settings.packs.title')}</h2>
      <p className="rg-muted">{t('settings.packs.help')}</p>
      <p className="rg-muted" data-stored-packs={packs.length}>
        {t('settings.packs.stored', { count: packs.length })}
      </p>
      <label htmlFor={`${id}-json`}>
        <strong>{t('settings.packs.label')}</strong>
      </label>
      <textarea
        id={`${id}-json`}
        className="rg-code"
        rows={16}
        spellCheck={false}
        value={text}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-err` : undefined}
        onChange={(e) => change(e.target.value)}
        onBlur={() => void check(text)}
      />
      <div className="rg-actions">
        <button type="button" className="rg-button" onClick={() => change(EXAMPLE_PACKS_TEXT, 0)}>
          {t('settings.packs.example')}
        </button>
      </div>
      {problem && <PackProblem id={`${id}-err`} problem={problem} />}
      <Status message={status} />
    </section>
  );
}

function PackProblem({ id, problem }: { id: string; problem: Exclude<PacksCheck, { ok: true }> }) {
  const { t } = useI18n();
  return (
    <div id={id} className="rg-error" role="alert" data-pack-error={problem.kind}>
      {problem.kind === 'syntax' && (
        <p>{t('settings.packs.badJson', { line: problem.line, column: problem.column, message: problem.message })}</p>
      )}
      {problem.kind === 'not-array' && <p>{t('settings.packs.notArray')}</p>}
      {problem.kind === 'schema' && (
        <>
          <p>{t('settings.packs.invalid', { count: problem.issues.length })}</p>
          <ul>
            {problem.issues.map((issue, n) => (
              <li key={n} data-line={issue.line}>
                {t('settings.packs.issue', { line: issue.line, path: issue.path, message: issue.message })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
