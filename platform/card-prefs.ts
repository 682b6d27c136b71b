import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/** Hosts where the user chose "never on this site" for the in-page card. */
const hiddenSites = storage.defineItem<unknown>('local:card.hiddenSites', { fallback: [] });
const hostList = z.array(z.string().max(253)).max(10_000);

export async function isCardHidden(host: string): Promise<boolean> {
  const parsed = hostList.safeParse(await hiddenSites.getValue());
  return parsed.success && parsed.data.includes(host);
}

export async function hideCardOn(host: string): Promise<void> {
  const parsed = hostList.safeParse(await hiddenSites.getValue());
  const hosts = parsed.success ? parsed.data : [];
  if (!hosts.includes(host)) await hiddenSites.setValue([...hosts, host]);
}

export async function hiddenCardSites(): Promise<string[]> {
  const parsed = hostList.safeParse(await hiddenSites.getValue());
  return parsed.success ? parsed.data : [];
}

export async function showCardOn(host: string): Promise<string[]> {
  const hosts = (await hiddenCardSites()).filter((h) => h !== host);
  await hiddenSites.setValue(hosts);
  return hosts;
}
