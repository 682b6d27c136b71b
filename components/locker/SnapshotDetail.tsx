import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { CAPTURE_LIMITS, PART_NAMES, type PartName } from '../../lib/evidence/schema';
import type { MessageKey } from '../../lib/i18n';
import { useI18n } from '../i18n-context';
import type { HeadlineWords } from '../../lib/claims/headline';
import { Headline } from '../Headline';
import type { LockerApi, SnapshotDetailData } from './api';
import { beijingTime, errorText, kindLabel, sourceLabel, vendorLabel } from './format';

interface SnapshotDetailProps {
  api: LockerApi;
  id: string;
  onClose: () => void;
  onDeleted: (id: string) => void;
  onOpen: (id: string) => void;
}

type Loaded =
  | { state: 'loading' }
  | { state: 'missing' }
  | { state: 'error'; message: string }
  | { state: 'ready'; snapshot: SnapshotDetailData };
type ChainState =
  | { state: 'checking' }
  | { state: 'ok'; length: number }
  | { state: 'broken'; problems: string[] }
  | { state: 'error'; message: string };

const PART_KEYS: Record<PartName, MessageKey> = {
  text: 'locker.detail.part.text',
  dom: 'locker.detail.part.dom',
  fields: 'locker.detail.part.fields',
  screenshot: 'locker.detail.part.screenshot',
};

/** Only web addresses become links; anything else a page claimed stays text. */
const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

// eslint-disable-next-line max-lines-per-function -- Loading, delete confirmation and export of one snapshot share its state; the markup is in `Details`.
export function SnapshotDetail({ api, id, onClose, onDeleted, onOpen }: SnapshotDetailProps) {
  const { t, locale } = useI18n();
  const formId = useId();
  const [headline, setHeadline] = useState<HeadlineWords | null>(null);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [chain, setChain] = useState<ChainState>({ state: 'checking' });
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);

  // The locker mounts one detail per snapshot (keyed by id): each starts loading, with no message and no question.
  const load = useCallback(
    () =>
      api.get(id).then(
        (snapshot) => {
          setLoaded(snapshot ? { state: 'ready', snapshot } : { state: 'missing' });
          // An order's headline, in the words of the card and the popup.
          if (snapshot?.body.kind !== 'order' || !api.headlines) return;
          return api.headlines([id], locale).then(
            (words) => setHeadline(words[id] ?? null),
            () => undefined,
          );
        },
        (error: unknown) => setLoaded({ state: 'error', message: errorText(error, t) }),
      ),
    [api, id, t, locale],
  );

  const checkChain = useCallback(
    () =>
      api.checkStore().then(
        (result) =>
          setChain(result.ok ? { state: 'ok', length: result.length } : { state: 'broken', problems: result.problems }),
        (error: unknown) => setChain({ state: 'error', message: errorText(error, t) }),
      ),
    [api, t],
  );

  useEffect(() => {
    void load();
    void checkChain();
  }, [load, checkChain]);

  // A snapshot opened (e.g. the previous version of this order): focus on its heading.
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
  }, [confirming]);

  const addNote = async (event: FormEvent) => {
    event.preventDefault();
    const text = note.trim();
    if (!text) return;
    setBusy(true);
    setFailure(null);
    try {
      const noteId = await api.addNote(id, text);
      if (!noteId) {
        setFailure(t('evidence.error.notFound'));
      } else {
        setNote('');
        setChain({ state: 'checking' });
        await Promise.all([load(), checkChain()]);
        setStatus(t('locker.detail.noteAdded', { id: noteId }));
      }
    } catch (error) {
      setFailure(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const deleted = await api.remove(id);
      if (deleted) onDeleted(id);
      else setFailure(t('evidence.error.notFound'));
    } catch (error) {
      setFailure(errorText(error, t));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <section
      className="rg-panel rg-detail"
      aria-labelledby={`${formId}-h`}
      data-testid="snapshot-detail"
      data-snapshot-id={id}
    >
      <div className="rg-detail__bar">
        <h2 id={`${formId}-h`} ref={heading} tabIndex={-1}>
          {t('locker.detail.title', { id })}
        </h2>
        <button type="button" className="rg-button" onClick={onClose}>
          {t('locker.detail.close')}
        </button>
      </div>
      {loaded.state === 'loading' && <p className="rg-muted">{t('locker.loading')}</p>}
      {loaded.state === 'missing' && (
        <p role="alert" className="rg-error">
          {t('evidence.error.notFound')}
        </p>
      )}
      {loaded.state === 'error' && (
        <p role="alert" className="rg-error">
          {loaded.message}
        </p>
      )}
      {loaded.state === 'ready' && headline && <Headline words={headline} />}
      {loaded.state === 'ready' && <Details snapshot={loaded.snapshot} chain={chain} onOpen={onOpen} />}
      {loaded.state === 'ready' && (
        <>
          <h3>{t('locker.detail.notes')}</h3>
          <NoteList snapshot={loaded.snapshot} />
          <form className="rg-note-form" onSubmit={addNote}>
            <label htmlFor={`${formId}-note`}>{t('locker.detail.noteLabel')}</label>
            <textarea
              id={`${formId}-note`}
              value={note}
              maxLength={CAPTURE_LIMITS.note}
              rows={3}
              onChange={(e) => setNote(e.target.value)}
            />
            <button type="submit" className="rg-button" disabled={busy || note.trim() === ''}>
              {t('locker.detail.addNote')}
            </button>
          </form>
          <div className="rg-danger-zone">
            {!confirming ? (
              <button
                type="button"
                ref={deleteButton}
                className="rg-button rg-button--danger"
                disabled={busy}
                onClick={() => setConfirming(true)}
              >
                {t('locker.detail.delete')}
              </button>
            ) : (
              // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- Escape closes it, as any dialog
              <div
                role="alertdialog"
                aria-labelledby={`${formId}-confirm`}
                className="rg-confirm"
                onKeyDown={(e) => {
                  if (e.key === 'Escape') {
                    setConfirming(false);
                    requestAnimationFrame(() => deleteButton.current?.focus());
                  }
                }}
              >
                <p id={`${formId}-confirm`}>{t('locker.detail.confirmDelete', { id })}</p>
                <div className="rg-actions">
                  <button type="button" ref={cancelButton} className="rg-button" onClick={() => setConfirming(false)}>
                    {t('locker.detail.cancel')}
                  </button>
                  <button
                    type="button"
                    className="rg-button rg-button--danger"
                    disabled={busy}
                    onClick={() => void remove()}
                  >
                    {t('locker.detail.confirm')}
                  </button>
                </div>
              </div>
            )}
          </div>
        </>
      )}
      <p role="status" className="rg-status">
        {status}
      </p>
      {failure && (
        <p role="alert" className="rg-error">
          {failure}
        </p>
      )}
    </section>
  );
}

// eslint-disable-next-line max-lines-per-function -- The snapshot's fields in reading order, one short block each.
function Details({
  snapshot,
  chain,
  onOpen,
}: {
  snapshot: SnapshotDetailData;
  chain: ChainState;
  onOpen: (id: string) => void;
}) {
  const { t, locale } = useI18n();
  const { body } = snapshot;
  const fields = Object.entries(body.fields);
  return (
    <>
      <table className="rg-table rg-table--meta">
        <tbody>
          <tr>
            <th scope="row">{t('locker.detail.pageTitle')}</th>
            <td data-field="title">{body.title || t('locker.list.untitled')}</td>
          </tr>
          <tr>
            <th scope="row">{t('locker.detail.url')}</th>
            <td className="rg-url" data-field="url">
              {isWebUrl(body.url) ? (
                <a href={body.url} target="_blank" rel="noreferrer noopener">
                  {body.url}
                </a>
              ) : (
                body.url
              )}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('locker.detail.capturedAt')}</th>
            <td>
              <time dateTime={body.capturedAt}>{beijingTime(body.capturedAt)}</time>{' '}
              <span className="rg-muted">{t('locker.detail.utc', { time: body.capturedAt })}</span>
            </td>
          </tr>
          <tr>
            <th scope="row">{t('locker.detail.vendorKind')}</th>
            <td>
              {vendorLabel(body.vendor, locale)} · {kindLabel(body.kind, t)}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('locker.list.source')}</th>
            <td>{sourceLabel(body.source, t)}</td>
          </tr>
          {body.previousSnapshotId && (
            <tr>
              <th scope="row">{t('locker.detail.previous')}</th>
              <td>
                <button type="button" className="rg-link" onClick={() => onOpen(body.previousSnapshotId!)}>
                  {body.previousSnapshotId}
                </button>
              </td>
            </tr>
          )}
          <tr>
            <th scope="row">{t('locker.detail.masked')}</th>
            <td>
              {t('locker.detail.redactions', body.redactions)}
              {body.redactions.frames ? (
                <div data-testid="covered-frames">
                  {t('locker.detail.coveredFrames', { frames: body.redactions.frames })}
                </div>
              ) : null}
            </td>
          </tr>
        </tbody>
      </table>

      <h3>{t('locker.detail.chainStatus')}</h3>
      <div data-testid="chain-status" data-chain={chain.state} aria-live="polite">
        {chain.state === 'checking' && <p className="rg-muted">{t('locker.detail.chainChecking')}</p>}
        {chain.state === 'ok' && <p className="rg-ok">{t('locker.chain.ok', { length: chain.length })}</p>}
        {chain.state === 'broken' && (
          <>
            <p className="rg-error">{t('locker.chain.broken', { count: chain.problems.length })}</p>
            <ul>
              {chain.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </>
        )}
        {chain.state === 'error' && <p className="rg-error">{chain.message}</p>}
      </div>

      <h3>{t('locker.detail.screenshot')}</h3>
      {snapshot.screenshot ? (
        <img
          className="rg-shot"
          src={snapshot.screenshot}
          alt={t('locker.detail.screenshotAlt', { title: body.title || body.url })}
          data-testid="screenshot"
        />
      ) : (
        <p className="rg-muted">{t('locker.detail.noScreenshot')}</p>
      )}

      <h3>{t('locker.detail.fields')}</h3>
      {fields.length > 0 ? (
        <table className="rg-table" data-testid="fields">
          <thead>
            <tr>
              <th scope="col">{t('locker.detail.field')}</th>
              <th scope="col">{t('locker.detail.value')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map(([key, value]) => (
              <tr key={key} data-field={key}>
                <th scope="row" className="rg-mono">
                  {key}
                </th>
                <td>{String(value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="rg-muted">{t('locker.detail.noFields')}</p>
      )}

      <h3>{t('locker.detail.hashes')}</h3>
      <table className="rg-table rg-table--hashes">
        <tbody>
          <tr>
            <th scope="row">{t('locker.detail.hash')}</th>
            <td className="rg-mono" data-hash="chain">
              {snapshot.chainHash}
            </td>
          </tr>
          {PART_NAMES.map((name) => {
            const part = body.parts[name];
            return part ? (
              <tr key={name}>
                <th scope="row">{t(PART_KEYS[name])}</th>
                <td className="rg-mono" data-hash={name}>
                  {part.sha256} <span className="rg-muted">{t('locker.detail.bytes', { size: part.size })}</span>
                </td>
              </tr>
            ) : null;
          })}
        </tbody>
      </table>

      <details className="rg-text">
        <summary>{t('locker.detail.text')}</summary>
        <pre>{snapshot.text}</pre>
      </details>
    </>
  );
}

function NoteList({ snapshot }: { snapshot: SnapshotDetailData }) {
  const { t } = useI18n();
  const notes = [
    ...(snapshot.body.note ? [{ key: 'capture', at: snapshot.body.capturedAt, text: snapshot.body.note }] : []),
    ...snapshot.notes.map((n) => ({ key: n.body.id, at: n.body.at, text: n.body.text })),
  ];
  if (notes.length === 0) return <p className="rg-muted">{t('locker.detail.noNotes')}</p>;
  return (
    <ul className="rg-notes" data-testid="notes">
      {notes.map((n) => (
        <li key={n.key}>
          <time dateTime={n.at}>{beijingTime(n.at)}</time> <span className="rg-note-text">{n.text}</span>
        </li>
      ))}
    </ul>
  );
}
