import { render, screen } from '@testing-library/react';
import { useState } from 'react';
import { options } from 'preact';
import * as compat from 'preact/compat';
import { afterEach, describe, expect, it, vi } from 'vitest';
import userEvent from '@testing-library/user-event';

/** The component tests render with the renderer the extension ships: Preact's compat layer. */

const previous = options.vnode;
afterEach(() => {
  options.vnode = previous;
});

function Counter() {
  const [count, setCount] = useState(0);
  return (
    <button type="button" onClick={() => setCount((c) => c + 1)}>
      按了 {count} 次
    </button>
  );
}

describe('component tests run what ships', () => {
  it('resolves react and react-dom to preact/compat', async () => {
    const react = await import('react');
    const reactDom = await import('react-dom');
    expect(react.useState).toBe(compat.useState);
    expect(react.createElement).toBe(compat.createElement);
    expect(reactDom.createPortal).toBe(compat.createPortal);
  });

  it('renders through Preact when a test renders with Testing Library', async () => {
    const created = vi.fn();
    options.vnode = (vnode) => {
      created(vnode.type);
      previous?.(vnode);
    };
    render(<Counter />);
    expect(created).toHaveBeenCalledWith(Counter);
    await userEvent.setup().click(screen.getByRole('button'));
    expect(screen.getByRole('button')).toHaveTextContent('按了 1 次');
  });
});
