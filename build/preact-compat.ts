/**
 * The shipped UI renders with Preact's React-compatible layer: the same components at a fraction
 * of the runtime. The build (wxt.config.ts) and the component tests (vitest.config.ts) both resolve
 * React's module names to it through this one list, so the tests run the renderer that ships.
 */
export interface ModuleAlias {
  find: RegExp;
  replacement: string;
}

export const preactCompatAliases: ModuleAlias[] = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
];
