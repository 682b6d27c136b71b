import { useId, useState } from 'react';
import { useI18n } from '../i18n';
import { checkPacksText, EXAMPLE_PACKS_TEXT, type PacksCheck } from './packs';
import { Status, type StatusMessage } from './Status';

/**
 * The custom-policy editor: JSON text checked against the pack schema; every
 * problem is listed with its line, and nothing is saved until all are fixed.
 * The text is checked and saved when the user leaves the editor (or asks now).
 */
export function PacksSection({ packs, onSave }: { packs: readonly unknown[]; onSave: (packs: unknown[]) => Promise<void> }) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(() => (packs.length ? JSON.stringify(packs, null, 2) : ''));
  const [problem, setProblem] = useState<Exclude<PacksCheck, { ok: true }> | null>(null);
  const [status, setStatus] = useState<StatusMessage>(null);
  const [savedText, setSavedText] = useState(text);

  const save = async () => {
    const result = checkPacksText(text);
    if (!result.ok) {
      setProblem(result);
      setStatus(null);
      return;
    }
    setProblem(null);
    await onSave(result.packs);
    setSavedText(text);
    setStatus({ kind: 'ok', text: t('settings.packs.saved', { count: result.packs.length }) });
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
        onChange={(e) => setText(e.target.value)}
        // Leaving the editor checks and saves it, as every other setting saves on change.
        onBlur={() => {
          if (text !== savedText) void save();
        }}
      />
      <div className="rg-actions">
        <button type="button" className="rg-button" onClick={() => setText(EXAMPLE_PACKS_TEXT)}>
          {t('settings.packs.example')}
        </button>
        <button type="button" className="rg-button rg-button--primary" onClick={() => void save()}>
          {t('settings.packs.save')}
        </button>
      </div>
      {problem && (
        <div id={`${id}-err`} className="rg-error" role="alert" data-pack-error={problem.kind}>
          {problem.kind === 'syntax' && <p>{t('settings.packs.badJson', { line: problem.line, column: problem.column, message: problem.message })}</p>}
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
      )}
      <Status message={status} />
    </section>
  );
}
