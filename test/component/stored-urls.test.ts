import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { noteWebmailPage } from '../../entrypoints/background/outages';
import { recordDetection, tabStatus } from '../../entrypoints/background/tabs';
import { orderPayload } from '../../lib/evidence/testing/ledger';
import { prepareCapture } from '../../lib/evidence/snapshot';

/**
 * Every URL the worker keeps (a tab's detection in session storage, a webmail
 * failure sighting, a snapshot's URL) is stored without session tokens and
 * with card numbers masked even when the page URL-encoded them.
 */

const NOW = new Date('2026-11-22T02:42:17Z');
const SID = 'Wm8sT2kL5pQ1,7';
const CARD_GROUPS = /4556.{0,3}0239/;

beforeEach(() => fakeBrowser.reset());

describe('URLs the worker stores', () => {
  it('a tab record keeps neither the webmail session nor a card in the query or title', async () => {
    const url = `http://exmail.qq.com/cgi-bin/frame_html?sid=${encodeURIComponent(SID)}&r=error&cc=4556+0239+8710+4520`;
    const reply = await recordDetection(
      {
        url,
        title: '腾讯企业邮箱 - 系统繁忙 4556 0239 8710 4520',
        match: { vendor: 'tencent-exmail', kind: 'webmail' },
      },
      { tabId: 7, url, fromExtension: false },
      NOW,
    );
    expect(reply).toEqual({ accepted: true });
    const all = JSON.stringify(await fakeBrowser.storage.session.get(null));
    expect(all).not.toContain('Wm8sT2kL5pQ1');
    expect(all).not.toMatch(CARD_GROUPS);
    expect((await tabStatus(7)).url).toBe(
      'http://exmail.qq.com/cgi-bin/frame_html?r=error&cc=****%20****%20****%204520',
    );
  });

  it('a webmail sighting keeps the failure page but not its sid', async () => {
    const url = `http://exmail.qq.com/cgi-bin/frame_html?sid=${SID}&r=error`;
    await noteWebmailPage(
      { url, title: '腾讯企业邮箱 - 系统繁忙', match: { vendor: 'tencent-exmail', kind: 'webmail' } },
      NOW,
    );
    const stored = (await fakeBrowser.storage.local.get('webmailSightings')).webmailSightings as { url: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.url).toBe('http://exmail.qq.com/cgi-bin/frame_html?r=error');
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('Wm8sT2kL5pQ1');
  });

  it('a snapshot URL is decoded before redaction and loses its session parameters', async () => {
    const prepared = await prepareCapture(
      orderPayload({
        url: 'http://console.cloud.tencent.com/expense/deal/detail?dealName=20261118105822371604&token=t0k3n-9&cc=4556%200239%208710%204520',
      }),
      null,
      NOW,
    );
    expect(prepared.url).not.toMatch(CARD_GROUPS);
    expect(prepared.url).not.toContain('t0k3n');
    expect(prepared.url).toContain('dealName=20261118105822371604');
    expect(prepared.redactions.cards).toBe(1);
  });
});
