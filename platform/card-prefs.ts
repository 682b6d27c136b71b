import { storage } from 'wxt/utils/storage';

/** Hosts where the user chose "never on this site" for the in-page card. */
const hiddenSites = storage.defineItem<unknown>('local:card.hiddenSites', { fallback: [] });

/** The stored list, or none when what is stored is not a list of host names (the card then shows). */
function hostList(value: unknown): string[] | null {
  if (!Array.isArray(value) || value.length > 10_000) return null;
  return value.every((h) => typeof h === 'string' && h.length <= 253) ? (value as string[]) : null;
}

export async function isCardHidden(host: string): Promise<boolean> {
  return hostList(await hiddenSites.getValue())?.includes(host) ?? false;
}

export async function hideCardOn(host: string): Promise<void> {
  const hosts = hostList(await hiddenSites.getValue()) ?? [];
  if (!hosts.includes(host)) await hiddenSites.setValue([...hosts, host]);
}

export async function hiddenCardSites(): Promise<string[]> {
  return hostList(await hiddenSites.getValue()) ?? [];
}

export async function showCardOn(host: string): Promise<string[]> {
  const hosts = (await hiddenCardSites()).filter((h) => h !== host);
  await hiddenSites.setValue(hosts);
  return hosts;
}
