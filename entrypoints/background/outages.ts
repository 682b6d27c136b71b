import { storedItem } from '../../platform/storage-item';
import { z } from '../../lib/zod';
import { redactText, redactUrl } from '../../lib/evidence/redact';
import { addSighting, recognizeWebmailFailure, webmailSightingSchema, type WebmailSighting } from '../../lib/outages';
import type { Handlers, RequestOf } from '../../lib/messages';
import { shanghaiDateTime } from '../../lib/time/zone';
import { SLA_POLICIES } from '../../lib/sla/registry';
import type { EvidenceStore } from '../../platform/evidence-db';

/**
 * Exmail webmail failure pages the browser saw: from `page.detected` (the
 * title says 系统繁忙 …) and from saved snapshots of webmail pages (their text
 * says 连接超时 … and when). The SLA page offers them as an outage's start or end.
 */
/** The vendor whose webmail pages count as outage evidence: the one publishing the mail SLA. */
const webmailVendor = () => SLA_POLICIES.exmail.vendor;

const sightingsItem = storedItem<unknown>('webmailSightings', { fallback: [] });

async function stored(): Promise<WebmailSighting[]> {
  const parsed = z.array(webmailSightingSchema()).safeParse(await sightingsItem.getValue());
  // Sightings kept before URLs were cleaned lose their session token on the next write.
  return parsed.success ? parsed.data.map((s) => ({ ...s, url: redactUrl(s.url), title: redactText(s.title) })) : [];
}

let queue: Promise<unknown> = Promise.resolve();

/** Called for every accepted `page.detected`; records nothing for other pages. */
export function noteWebmailPage(data: RequestOf<'page.detected'>, now: Date): Promise<void> {
  if (data.match?.vendor !== webmailVendor() || data.match.kind !== 'webmail') return Promise.resolve();
  const failure = recognizeWebmailFailure(data.title);
  if (!failure) return Promise.resolve();
  const run = queue.then(async () => {
    const seenAt = shanghaiDateTime(now.getTime());
    const sighting: WebmailSighting = {
      id: `seen-${now.getTime()}`,
      seenAt,
      shownAt: failure.shownAt,
      failure: failure.failure,
      code: failure.code,
      url: redactUrl(data.url),
      title: redactText(data.title),
      snapshotId: null,
    };
    await sightingsItem.setValue(addSighting(await stored(), sighting));
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Sightings from saved webmail snapshots (newest 100), with the time the page states. */
async function fromSnapshots(store: EvidenceStore): Promise<WebmailSighting[]> {
  const { items } = await store.list({ vendor: webmailVendor(), offset: 0, limit: 100 });
  const out: WebmailSighting[] = [];
  for (const item of items.filter((i) => i.kind === 'webmail')) {
    const detail = await store.get(item.id);
    const failure = detail && recognizeWebmailFailure(item.title, detail.text);
    if (!failure) continue;
    out.push({
      id: item.id,
      seenAt: item.capturedAtShanghai,
      shownAt: failure.shownAt,
      failure: failure.failure,
      code: failure.code,
      url: item.url,
      title: item.title,
      snapshotId: item.id,
    });
  }
  return out;
}

export function outageHandlers(store: () => EvidenceStore): Handlers {
  return {
    'outage.sightings': async () => {
      let list = await stored();
      for (const s of await fromSnapshots(store()).catch(() => [])) list = addSighting(list, s);
      return { sightings: list };
    },
  };
}

export async function clearSightings(): Promise<void> {
  await sightingsItem.removeValue();
}
