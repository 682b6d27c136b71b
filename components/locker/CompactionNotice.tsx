import { useEffect, useState } from 'react';
import { useI18n } from '../i18n-context';
import type { LockerApi } from './api';

type Seen = { state: 'running'; done: number; total: number } | { state: 'done'; total: number } | null;

/**
 * Re-encoding the page copies an earlier worker left (after the worker was
 * stopped mid-work): how far it is while it runs, then the result. A run that
 * finished before the locker opened is not news and shows nothing.
 */
export function CompactionNotice({ api }: { api: Pick<LockerApi, 'watchCompaction'> }) {
  const { t } = useI18n();
  const [seen, setSeen] = useState<Seen>(null);

  useEffect(
    () =>
      api.watchCompaction?.((status) =>
        setSeen((before) => {
          if (!status) return null;
          if (status.done < status.total) return { state: 'running', done: status.done, total: status.total };
          return before?.state === 'running' || before?.state === 'done'
            ? { state: 'done', total: status.total }
            : null;
        }),
      ),
    [api],
  );

  if (!seen) return null;
  if (seen.state === 'done')
    return (
      <p className="rg-status" role="status" data-testid="compaction" data-state="done">
        {t('locker.compaction.done', { total: seen.total })}
      </p>
    );
  return (
    <div className="rg-progress" data-testid="compaction" data-state="running">
      <p className="rg-status" role="status">
        {t('locker.compaction.running', { done: seen.done, total: seen.total })}
      </p>
      <progress value={seen.done} max={seen.total} aria-label={t('locker.compaction.progress')} />
    </div>
  );
}
