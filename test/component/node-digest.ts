import { beforeAll, vi } from 'vitest';

/**
 * jsdom replaces the global typed arrays, and fake-indexeddb clones through
 * them, so bytes reach Node's Web Crypto from another realm; this hands it a
 * Node copy (the browser has one realm). Call at the top of a test file.
 */
export function digestThroughNodeBuffers(): void {
  const digest = crypto.subtle.digest.bind(crypto.subtle);
  beforeAll(() => {
    vi.spyOn(crypto.subtle, 'digest').mockImplementation((algorithm, data) => {
      const view = ArrayBuffer.isView(data) ? data : new DataView(data as ArrayBuffer);
      return digest(algorithm, Buffer.from(Buffer.from(view.buffer, view.byteOffset, view.byteLength)));
    });
  });
}
