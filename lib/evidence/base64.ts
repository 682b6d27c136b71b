/** Bytes ⇄ base64, for messages between contexts (runtime messages carry JSON, not Uint8Array). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** `data:image/jpeg;base64,…` → bytes, or null when it is not a base64 data URL of that type. */
export function dataUrlBytes(dataUrl: string, mediaType: string): Uint8Array | null {
  const prefix = `data:${mediaType};base64,`;
  if (!dataUrl.startsWith(prefix)) return null;
  try {
    return fromBase64(dataUrl.slice(prefix.length));
  } catch {
    return null;
  }
}
