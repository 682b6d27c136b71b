import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadClaimDraft, saveClaimDraft } from './claim-drafts';

describe('the answers kept for the session, per claim', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps and forgets one claim without touching the others', async () => {
    await saveClaimDraft('tencent-cloud:1', { answers: { billing: 'prepaid' }, skipped: ['reason'] });
    await saveClaimDraft('letsvpn:2', { answers: { channel: 'app-store' }, skipped: [] });
    expect(await loadClaimDraft('tencent-cloud:1')).toEqual({ answers: { billing: 'prepaid' }, skipped: ['reason'] });
    await saveClaimDraft('tencent-cloud:1', null);
    expect(await loadClaimDraft('tencent-cloud:1')).toBeNull();
    expect(await loadClaimDraft('letsvpn:2')).toEqual({ answers: { channel: 'app-store' }, skipped: [] });
    // Only in session storage: nothing is written to disk.
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('keeps the 20 latest claims, and quick saves one after another all land', async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => saveClaimDraft(`generic-software:${i}`, { answers: { n: i }, skipped: [] })),
    );
    expect(await loadClaimDraft('generic-software:4')).toBeNull();
    expect(await loadClaimDraft('generic-software:5')).toEqual({ answers: { n: 5 }, skipped: [] });
    expect(await loadClaimDraft('generic-software:24')).toEqual({ answers: { n: 24 }, skipped: [] });
  });

  it('reads stored values of the wrong shape as nothing kept', async () => {
    await fakeBrowser.storage.session.set({
      claimDrafts: { 'a:1': { answers: [], skipped: [] }, 'a:2': { answers: {}, skipped: [3] }, 'a:3': 'x' },
    });
    expect(await loadClaimDraft('a:1')).toBeNull();
    expect(await loadClaimDraft('a:2')).toBeNull();
    expect(await loadClaimDraft('a:3')).toBeNull();
    await fakeBrowser.storage.session.set({ claimDrafts: 'broken' });
    await saveClaimDraft('a:4', { answers: { x: 1 }, skipped: [] });
    expect(await loadClaimDraft('a:4')).toEqual({ answers: { x: 1 }, skipped: [] });
  });
});
