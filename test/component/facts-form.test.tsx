import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FactsForm } from '../../components/checker/FactsForm';
import { StaticLocale } from '../../components/i18n';

/** The checker's facts form: a text box keeps what is typed until it commits, and takes a new value from outside. */
describe('facts form text boxes', () => {
  it('commit on Enter, and show a value set from outside (a snapshot opened) over an uncommitted draft', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    const form = (product: string) => (
      <StaticLocale locale="zh-CN">
        <FactsForm facts={{ product }} fromSnapshot={[]} status={null} onChange={onChange} />
      </StaticLocale>
    );
    const { rerender } = render(form('云服务器 CVM'));
    const box = () => screen.getByRole('textbox', { name: /产品/ });
    expect(box()).toHaveValue('云服务器 CVM');

    await user.clear(box());
    await user.type(box(), '轻量应用服务器');
    expect(onChange).not.toHaveBeenCalled();
    rerender(form('云数据库 MySQL'));
    expect(box()).toHaveValue('云数据库 MySQL');

    await user.type(box(), ' 高可用版{Enter}');
    expect(onChange).toHaveBeenLastCalledWith('product', '云数据库 MySQL 高可用版');
    expect(box()).toHaveValue('云数据库 MySQL 高可用版');
  });
});
