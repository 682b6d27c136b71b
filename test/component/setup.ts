import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// `findBy…`/`waitFor` wait for what a user would see; on a busy 2-core CI machine a re-render after a
// store query can take longer than Testing Library's 1 s default. Waiting longer changes no assertion.
configure({ asyncUtilTimeout: 4000 });

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  cleanup();
});
