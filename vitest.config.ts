import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { preactCompatAliases } from './build/preact-compat';

// Four layers, one runner: `unit` (pure lib/ in Node), `component` (the components in a DOM,
// rendered by Preact's compat layer as the build ships them), `e2e` (the built extension in
// headless Chromium; `npm run test:e2e` builds first), `firefox` (a smoke layer on the Firefox
// build in Firefox ESR). Each layer is its own project so they can run separately.

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['lib/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/reliability/**/*.test.ts'],
          // Reliability checks that need Chromium run in the e2e project.
          exclude: ['test/reliability/**/*.browser.test.ts', '**/node_modules/**'],
          // Property tests and long user-event sequences take seconds on a busy 2-core machine; a hang
          // still fails, a slow run does not.
          testTimeout: 20_000,
        },
      },
      {
        plugins: [WxtVitest(), react()],
        // `module` first: Testing Library's ES build imports react-dom/client and react-dom/test-utils by
        // name (so the aliases apply); its CommonJS build would require React itself.
        resolve: { alias: preactCompatAliases, mainFields: ['module', 'main'] },
        test: {
          name: 'component',
          // Inlined so that its own `react` and `react-dom` imports resolve to Preact as well.
          server: { deps: { inline: ['@testing-library/react'] } },
          environment: 'jsdom',
          include: [
            'components/**/*.test.tsx',
            'entrypoints/**/*.test.tsx',
            'platform/**/*.test.ts',
            'test/component/**/*.test.{ts,tsx}',
          ],
          setupFiles: ['test/component/setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts', 'test/reliability/**/*.browser.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // The Firefox build in Firefox ESR over WebDriver BiDi (`npm run test:firefox` builds first).
        test: {
          name: 'firefox',
          environment: 'node',
          include: ['test/firefox/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
