import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LocaleProvider } from '../../components/i18n';
import { resolveLocale } from '../../lib/i18n';
import { loadSettings, watchSettings } from '../../platform/settings';
import { Options } from './Options';

function renderOptions(browserLanguages: string[]) {
  return render(
    <LocaleProvider
      resolve={(p) => resolveLocale(p, browserLanguages)}
      load={async () => (await loadSettings()).settings.locale}
      subscribe={(onChange) => watchSettings((s) => onChange(s.locale))}
    >
      <Options />
    </LocaleProvider>,
  );
}

describe('Options', () => {
  it('stores the chosen language and switches the page to it', async () => {
    const user = userEvent.setup();
    renderOptions(['zh-CN']);
    const select = await screen.findByLabelText('界面语言');
    expect(select).toHaveValue('auto');
    await user.selectOptions(select, 'en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Refund Guard · Settings' })).toBeInTheDocument();
    expect(await fakeBrowser.storage.local.get('settings')).toMatchObject({ settings: { locale: 'en' } });
    expect(screen.getByRole('status')).toHaveTextContent('Saved');
  });

  it('follows an English browser until the user overrides it', async () => {
    renderOptions(['en-US']);
    expect(await screen.findByLabelText('Language')).toHaveValue('auto');
  });

  it('warns about unreadable stored settings and keeps them until the user saves', async () => {
    await fakeBrowser.storage.local.set({ settings: { locale: 42 } });
    renderOptions(['zh-CN']);
    expect(await screen.findByRole('alert')).toHaveTextContent('设置数据无法读取');
    await waitFor(() => expect(screen.getByLabelText('界面语言')).toHaveValue('auto'));
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({ settings: { locale: 42 } });
  });
});
