import type { Locale } from '../i18n';
import { lazyList } from '../lazy';
import { FACTS_TITLES, SEED_SOURCES } from './source-titles';
import { localize } from './text';
import type { Citation } from './schema';

export { SEED_SOURCES, TENCENT_DOCS } from './source-titles';

/** A human title for a citation: "《腾讯企业邮服务等级协议》 3.1". */
export function citationTitle(citation: Pick<Citation, 'source' | 'clause'>, locale: Locale): string {
  const seed = SEED_SOURCES[citation.source];
  if (seed) return `${localize(seed.title, locale)}${citation.clause ? ` ${citation.clause}` : ''}`;
  if (citation.source === 'FACTS.md') {
    const found = FACTS_TITLES.find(([prefix]) => citation.clause?.startsWith(prefix));
    if (found) return localize(found[1], locale);
  }
  return `${citation.source}${citation.clause ? ` ${citation.clause}` : ''}`;
}

/** Source names a shipped rule may cite (the meta-test holds every pack to this list). */
export const KNOWN_SOURCES: readonly string[] = lazyList(() => [...Object.keys(SEED_SOURCES), 'FACTS.md']);
