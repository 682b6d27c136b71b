import { Locker } from '../../components/locker/Locker';
import { downloadFile, type LockerApi } from '../../components/locker/api';
import { verifyBundle } from '../../lib/evidence/verify';
import { watchCompaction } from '../../platform/compaction-status';
import { exportOverPort } from '../../platform/export-port';
import { sendMessage } from '../../platform/messaging';

/** The locker talks to the worker through the typed messages; bundles are verified in the page. */
export const messagingLockerApi: LockerApi = {
  list: (query) => sendMessage('evidence.list', query),
  get: async (id) => (await sendMessage('evidence.get', { id })).snapshot,
  remove: async (id) => (await sendMessage('evidence.delete', { id })).deleted,
  addNote: async (id, text) => (await sendMessage('evidence.note', { id, text })).noteId,
  exportBundle: (ids, locale, watch) => exportOverPort(ids, locale, watch),
  checkStore: () => sendMessage('evidence.verify', {}),
  verifyBundle,
  signingKey: () => sendMessage('evidence.signingKey', {}),
  download: (fileName, file) => downloadFile(fileName, file),
  headlines: async (ids, locale) => (await sendMessage('order.headlines', { ids, locale })).headlines,
  watchCompaction,
};

export function EvidenceLocker() {
  return <Locker api={messagingLockerApi} />;
}
