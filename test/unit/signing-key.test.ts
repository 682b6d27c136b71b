import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { keyFingerprint, webCryptoSigner } from '../../lib/evidence';
import { installationKey } from '../../entrypoints/background/signing-key';

let counter = 0;
const name = () => `signing-test-${++counter}`;
const fingerprintOf = async (pair: CryptoKeyPair) => keyFingerprint((await webCryptoSigner(pair)).publicKeySpki);

describe('the installation signing key (worker, IndexedDB)', () => {
  it('is made on first need and the same key is read back after', async () => {
    const db = name();
    const first = await installationKey(db);
    const again = await installationKey(db);
    expect(await fingerprintOf(again)).toBe(await fingerprintOf(first));
    expect(await fingerprintOf(await installationKey(name()))).not.toBe(await fingerprintOf(first));
  });

  it('keeps its private half non-extractable: it signs, but cannot be read out', async () => {
    const pair = await installationKey(name());
    expect(pair.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', pair.privateKey)).rejects.toThrow();
    expect(pair.privateKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
  });

  it('two contexts asking at once end up with one key', async () => {
    const db = name();
    const [a, b] = await Promise.all([installationKey(db), installationKey(db)]);
    const stored = await installationKey(db);
    expect(await fingerprintOf(stored)).toBe(await fingerprintOf(a));
    expect(await fingerprintOf(stored)).toBe(await fingerprintOf(b));
  });
});
