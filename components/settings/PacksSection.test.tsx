import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { StaticLocale } from '../i18n';
import { EXAMPLE_PACK, EXAMPLE_PACKS_TEXT } from './packs';
import { PacksSection } from './PacksSection';

function renderEditor(
  onSave = vi.fn(async (_packs: unknown[]) => {}),
  packs: unknown[] = [],
  locale: 'zh-CN' | 'en' = 'zh-CN',
) {
  render(
    <StaticLocale locale={locale}>
      <PacksSection packs={packs} onSave={onSave} />
    </StaticLocale>,
  );
  return { onSave, editor: screen.getByLabelText(locale === 'zh-CN' ? '政策包 JSON' : 'Policy packs (JSON)') };
}

/** The section's alert or status, once the editor has checked what was typed (it waits for a pause). */
const settled = (role: 'alert' | 'status') => screen.findByRole(role, {}, { timeout: 3000 });

describe('custom policy editor: saves as you change, only valid JSON', () => {
  it('has no save button: a valid edit is saved by itself, an invalid one shows its line and column and saves nothing', async () => {
    const user = userEvent.setup();
    const { onSave, editor } = renderEditor();
    expect(screen.queryByRole('button', { name: /保存/ })).toBeNull();

    await user.click(editor);
    await user.paste('[\n  {\n    "id": "acme-drive",\n    "name": "Acme"\n    "covers": "x"\n  }\n]');
    const alert = await settled('alert');
    expect(alert).toHaveAttribute('data-pack-error', 'syntax');
    expect(alert).toHaveTextContent('第 5 行第 5 列：JSON 格式错误');
    expect(editor).toHaveAttribute('aria-invalid', 'true');
    expect(onSave).not.toHaveBeenCalled();

    await user.clear(editor);
    await user.paste(EXAMPLE_PACKS_TEXT);
    expect(await settled('status')).toHaveTextContent('已保存 1 个自定义政策包');
    expect(onSave).toHaveBeenLastCalledWith([EXAMPLE_PACK]);
    // Every save was of valid packs: the broken text and the half-typed states never reached the settings.
    for (const [packs] of onSave.mock.calls) expect(packs).toEqual([EXAMPLE_PACK]);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(editor).toHaveAttribute('aria-invalid', 'false');
  });

  it('schema problems are listed at their lines; fixing them saves', async () => {
    const user = userEvent.setup();
    const { onSave, editor } = renderEditor();
    await user.click(editor);
    await user.paste(
      '[\n  {\n    "id": "Acme Drive",\n    "name": "Acme",\n    "lastChecked": "2026-11-01",\n    "covers": "x",\n    "rules": []\n  }\n]',
    );
    const alert = await settled('alert');
    expect(alert).toHaveAttribute('data-pack-error', 'schema');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.dataset.line),
    ).toEqual(expect.arrayContaining(['3', '7']));
    expect(onSave).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: '插入示例' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith([EXAMPLE_PACK]));
  });

  it('the same text is not saved twice, and leaving the editor checks at once', async () => {
    const user = userEvent.setup();
    const { onSave, editor } = renderEditor(undefined, [EXAMPLE_PACK]);
    await user.click(editor);
    await user.tab();
    // Loaded text left unchanged: nothing to save.
    expect(onSave).not.toHaveBeenCalled();
    await user.click(editor);
    await user.keyboard('{Control>}a{/Control}{Delete}');
    await user.paste('{}');
    await user.tab();
    expect(await settled('alert')).toHaveTextContent('第 1 行：内容必须是政策包的数组');
    expect(onSave).not.toHaveBeenCalled();
  });

  it("a save that fails says so in the user's language", async () => {
    const user = userEvent.setup();
    const { editor } = renderEditor(
      vi.fn(async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'))),
      [],
      'en',
    );
    await user.click(editor);
    await user.paste(EXAMPLE_PACKS_TEXT);
    expect(await settled('alert')).toHaveTextContent('Could not save: QUOTA_BYTES quota exceeded');
  });
});
