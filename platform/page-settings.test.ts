import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hiddenCardSites, hideCardOn, showCardOn } from './card-prefs';
import { pageSettings } from './page-settings';
import { countingReads } from './storage-testing';
import { saveSettings } from './settings';

describe('what a vendor page reads before it shows the card', () => {
  beforeEach(() => fakeBrowser.reset());

  it('defaults to the browser language and a shown card when nothing is stored', async () => {
    expect(await pageSettings('buy.cloud.tencent.com')).toEqual({ locale: 'auto', cardHidden: false });
  });

  it('reads the language the options page saved and the hosts the card was hidden on, in one read', async () => {
    await saveSettings({ locale: 'en' });
    await hideCardOn('exmail.qq.com');
    const { result, reads } = await countingReads(async () => [
      await pageSettings('exmail.qq.com'),
      await pageSettings('buy.cloud.tencent.com'),
    ]);
    expect(result).toEqual([
      { locale: 'en', cardHidden: true },
      { locale: 'en', cardHidden: false },
    ]);
    expect(reads).toBe(2);
  });

  it('hides and shows the card per host, and keeps each host once', async () => {
    await hideCardOn('exmail.qq.com');
    await hideCardOn('exmail.qq.com');
    await hideCardOn('letsvpn.world');
    expect(await hiddenCardSites()).toEqual(['exmail.qq.com', 'letsvpn.world']);
    expect(await showCardOn('exmail.qq.com')).toEqual(['letsvpn.world']);
    expect((await pageSettings('exmail.qq.com')).cardHidden).toBe(false);
  });

  it('ignores stored values of the wrong shape: the card shows, the language follows the browser', async () => {
    await fakeBrowser.storage.local.set({ settings: { locale: 'fr' }, 'card.hiddenSites': 'exmail.qq.com' });
    expect(await pageSettings('exmail.qq.com')).toEqual({ locale: 'auto', cardHidden: false });
    await fakeBrowser.storage.local.set({ 'card.hiddenSites': [42] });
    expect(await pageSettings('exmail.qq.com')).toEqual({ locale: 'auto', cardHidden: false });
  });
});
