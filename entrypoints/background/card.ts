import { cardContent, type CardContent } from '../../lib/card/model';
import type { RequestOf } from '../../lib/messages';
import { loadSettings } from '../../platform/settings';

/**
 * What the in-page card says, computed here so the policy engine and the
 * holiday calendar never load into a web page. A custom pack that does not
 * validate is left out rather than leaving the card empty.
 */
export async function cardContentFor(request: RequestOf<'card.content'>, url: string | null, now: Date): Promise<CardContent> {
  const { settings } = await loadSettings();
  const at = now.toISOString();
  try {
    return cardContent(request, at, { locale: request.locale, packs: settings.customPacks, url });
  } catch {
    return cardContent(request, at, { locale: request.locale, url });
  }
}
