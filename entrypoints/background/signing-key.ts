import { openDB, type DBSchema } from 'idb';
import { webCryptoSigner, generateSigningKey, type BundleSigner } from '../../lib/evidence';

/**
 * The installation's bundle signing key (DESIGN.md contract 3): an ECDSA P-256
 * pair made on first need, kept in IndexedDB in the extension's origin. The
 * private key is created non-extractable, so not even the extension can read
 * it out — it can only sign with it. It lives in its own database: wiping the
 * evidence keeps the key, so bundles exported before and after a wipe name the
 * same signer.
 */
export const SIGNING_DB = 'refund-guard-signing';
const KEY_ID = 'bundle-signing';

interface StoredKey {
  id: string;
  pair: CryptoKeyPair;
  createdAt: string;
}

interface SigningDb extends DBSchema {
  keys: { key: string; value: StoredKey };
}

const open = (name: string) =>
  openDB<SigningDb>(name, 1, {
    upgrade(db) {
      db.createObjectStore('keys', { keyPath: 'id' });
    },
  });

/**
 * The stored pair, or a new one stored first. Two contexts asking at once both
 * generate, but `add` lets only one write: the other reads the winner's.
 */
export async function installationKey(name = SIGNING_DB, now: () => Date = () => new Date()): Promise<CryptoKeyPair> {
  const db = await open(name);
  try {
    const known = await db.get('keys', KEY_ID);
    if (known) return known.pair;
    const pair = await generateSigningKey();
    try {
      await db.add('keys', { id: KEY_ID, pair, createdAt: now().toISOString() });
      return pair;
    } catch {
      const winner = await db.get('keys', KEY_ID);
      if (!winner) throw new Error('the signing key could not be stored');
      return winner.pair;
    }
  } finally {
    db.close();
  }
}

let shared: Promise<BundleSigner> | null = null;

/** The signer over the installation's key, read once per worker life. */
export function installationSigner(): Promise<BundleSigner> {
  shared ??= installationKey().then(webCryptoSigner);
  shared.catch(() => (shared = null));
  return shared;
}
