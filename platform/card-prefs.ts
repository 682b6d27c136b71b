import { browser } from 'wxt/browser';

/**
 * Hosts where the user chose "never on this site" for the in-page card, in
 * extension storage under one key. Read and written with the storage API
 * itself: the content scripts read it on every vendor page, and a storage
 * wrapper's set-up cost more there than the read.
 */
export const HIDDEN_SITES_KEY = 'card.hiddenSites';

/** The stored list, or none when what is stored is not a list of host names (the card then shows). */
export function hostList(value: unknown): string[] | null {
  if (!Array.isArray(value) || value.length > 10_000) return null;
  return value.every((h) => typeof h === 'string' && h.length <= 253) ? (value as string[]) : null;
}

export async function hiddenCardSites(): Promise<string[]> {
  const stored = await browser.storage.local.get(HIDDEN_SITES_KEY);
  return hostList(stored[HIDDEN_SITES_KEY]) ?? [];
}

export async function hideCardOn(host: string): Promise<void> {
  const hosts = await hiddenCardSites();
  if (!hosts.includes(host)) await browser.storage.local.set({ [HIDDEN_SITES_KEY]: [...hosts, host] });
}

export async function showCardOn(host: string): Promise<string[]> {
  const hosts = (await hiddenCardSites()).filter((h) => h !== host);
  await browser.storage.local.set({ [HIDDEN_SITES_KEY]: hosts });
  return hosts;
}
