import { describe, expect, it } from 'vitest';
import { workerWithoutZodMessages } from '../../build/worker-zod';

type Hook = (this: unknown, ...args: unknown[]) => unknown;

describe("the worker's build without zod's English messages", () => {
  const plugin = workerWithoutZodMessages();
  const resolveId = plugin.resolveId as Hook;
  const load = plugin.load as Hook;

  it('replaces the messages lib/zod.ts loads, and nothing else', () => {
    const stub = resolveId.call({}, 'zod/v4/locales/en.js', '/repo/lib/zod.ts');
    expect(typeof stub).toBe('string');
    expect(resolveId.call({}, 'zod/v4/locales/en.js', '/repo/lib/other.ts')).toBeNull();
    expect(resolveId.call({}, 'zod/mini', '/repo/lib/zod.ts')).toBeNull();
    expect(load.call({}, stub)).toBe('export default () => ({});');
    expect(load.call({}, '/repo/lib/zod.ts')).toBeNull();
  });
});
