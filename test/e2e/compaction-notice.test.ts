import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './harness';

/**
 * The locker reads the worker's record of re-encoding old page copies from
 * session storage (platform/compaction-status.ts). Here the record is written
 * in the worker's own context, as the store's `onResume` writes it, and the
 * open locker follows it.
 */
describe('the locker follows the worker re-encoding old page copies (zh-CN browser)', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension({ lang: 'zh-CN' });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows x / N while it runs and the result when done', async () => {
    const locker = await session.context.newPage();
    await locker.goto(session.extensionUrl('evidence.html'));
    await locker.locator('.rg-locker').waitFor();
    const notice = locker.getByTestId('compaction');
    const record = (done: number, total: number) =>
      session.worker.evaluate(([d, t]) => chrome.storage.session.set({ compactionProgress: { done: d, total: t } }), [
        done,
        total,
      ] as const);

    for (const done of [0, 1, 2]) {
      await record(done, 3);
      await expect.poll(() => notice.textContent()).toBe(`正在整理 3 份旧副本（${done} / 3）`);
    }
    await record(3, 3);
    await expect
      .poll(() => notice.textContent())
      .toBe('已整理 3 份旧副本：页面副本重新编码后占用更少空间，内容与校验结果不变。');
    await locker.close();
  });
});
