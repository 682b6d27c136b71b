import { canonicalBytes } from './canonical';
import { fromBase64, toBase64 } from './base64';
import { sha256Hex, subtle } from './hash';

/**
 * The bundle's signature (DESIGN.md contract 3). Hashes alone do not stop a
 * forger: whoever edits a file can recompute its hash and the manifest's. The
 * manifest is therefore signed with this installation's ECDSA P-256 key, whose
 * private half never leaves the browser's key store (the worker holds it,
 * non-extractable; see entrypoints/background/signing-key.ts). The public key
 * and its fingerprint travel in the bundle: a bundle edited and signed again
 * verifies only under a different key, so the fingerprint the verifiers report
 * no longer matches the one shown in the extension's settings.
 *
 * lib/ only verifies with Web Crypto and hands signing to the caller's signer.
 */
export const SIGNATURE_ALGORITHM = 'ECDSA-P256-SHA256';

const KEY_PARAMS: EcKeyImportParams = { name: 'ECDSA', namedCurve: 'P-256' };
const SIGN_PARAMS: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };

/** What the exporter signs with: the public key (SPKI, DER) and a way to sign bytes with its private half. */
export interface BundleSigner {
  publicKeySpki: Uint8Array;
  /** An ECDSA P-256 / SHA-256 signature of `data` in Web Crypto's form (r‖s, 64 bytes). */
  sign(data: Uint8Array): Promise<Uint8Array>;
}

export interface ManifestSignature {
  algorithm: typeof SIGNATURE_ALGORITHM;
  /** The public key, SPKI (DER) in base64. */
  publicKey: string;
  /** SHA-256 of the SPKI, grouped hex (`keyFingerprint`). */
  fingerprint: string;
  /** The signature over `signedPayload`, base64. */
  value: string;
}

/** SHA-256 of a public key's SPKI bytes, as 16 groups of 4 hex digits: easy to read aloud and compare. */
export async function keyFingerprint(spki: Uint8Array): Promise<string> {
  return groupHex(await sha256Hex(spki));
}

export const groupHex = (hex: string): string => hex.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * The bytes the signature covers: the canonical JSON of the whole manifest
 * with the signature's algorithm, key and fingerprint but without its value,
 * so every field, file hash and the chain are signed together with the key
 * that vouches for them.
 */
export function signedPayload(
  manifest: { signature?: unknown } & Record<string, unknown>,
  signature: Omit<ManifestSignature, 'value'>,
): Uint8Array {
  const { signature: _ignored, ...rest } = manifest;
  const { algorithm, publicKey, fingerprint } = signature;
  return canonicalBytes({ ...rest, signature: { algorithm, publicKey, fingerprint } });
}

/** Signs a manifest (without its `signature` field) and returns the field to add. */
export async function signManifest(
  manifest: Record<string, unknown>,
  signer: BundleSigner,
): Promise<ManifestSignature> {
  const unsigned = {
    algorithm: SIGNATURE_ALGORITHM,
    publicKey: toBase64(signer.publicKeySpki),
    fingerprint: await keyFingerprint(signer.publicKeySpki),
  } as const;
  const value = await signer.sign(signedPayload(manifest, unsigned));
  return { ...unsigned, value: toBase64(value) };
}

export type SignatureCheck =
  | { ok: true; fingerprint: string }
  | { ok: false; fingerprint: string | null; reason: 'bad-key' | 'fingerprint-mismatch' | 'bad-signature' };

function decode(base64: string): Uint8Array<ArrayBuffer> | null {
  try {
    return Uint8Array.from(fromBase64(base64));
  } catch {
    return null;
  }
}

/**
 * Checks a manifest's signature against the public key it carries. The
 * fingerprint reported is the one computed from that key, never the one the
 * manifest states (a mismatch between them is itself a failure).
 */
export async function verifyManifestSignature(
  manifest: { signature: ManifestSignature } & Record<string, unknown>,
): Promise<SignatureCheck> {
  const { signature } = manifest;
  const spki = decode(signature.publicKey);
  const value = decode(signature.value);
  if (!spki || !value) return { ok: false, fingerprint: null, reason: 'bad-key' };
  const fingerprint = await keyFingerprint(spki);
  let key: CryptoKey;
  try {
    key = await subtle().importKey('spki', spki, KEY_PARAMS, false, ['verify']);
  } catch {
    return { ok: false, fingerprint, reason: 'bad-key' };
  }
  if (fingerprint !== signature.fingerprint) return { ok: false, fingerprint, reason: 'fingerprint-mismatch' };
  const payload = signedPayload(manifest, signature) as Uint8Array<ArrayBuffer>;
  let valid = false;
  try {
    valid = await subtle().verify(SIGN_PARAMS, key, value, payload);
  } catch {
    valid = false;
  }
  return valid ? { ok: true, fingerprint } : { ok: false, fingerprint, reason: 'bad-signature' };
}

/**
 * A signer over a Web Crypto key pair (the worker's stored key; tests' own
 * keys). The private key may be non-extractable: only the public one is exported.
 */
export async function webCryptoSigner(pair: { privateKey: CryptoKey; publicKey: CryptoKey }): Promise<BundleSigner> {
  const publicKeySpki = new Uint8Array(await subtle().exportKey('spki', pair.publicKey));
  return {
    publicKeySpki,
    sign: async (data) =>
      new Uint8Array(await subtle().sign(SIGN_PARAMS, pair.privateKey, data as Uint8Array<ArrayBuffer>)),
  };
}

/** A fresh P-256 signing pair whose private key cannot be exported. */
export function generateSigningKey(): Promise<CryptoKeyPair> {
  return subtle().generateKey(KEY_PARAMS, false, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}
