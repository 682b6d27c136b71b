import { useState } from 'react';
import { Checker, type CheckerProps } from '../../components/checker/Checker';
import { parseInstant } from '../../lib/time/zone';

/**
 * The popup's checker, loaded once its first view is on screen (Popup.tsx): the policy engine,
 * the vendor packs and the settings' validator come with it. It opens on the tab's order at its
 * first render when the settings and the order are in by then, as they usually are.
 */

/**
 * The moment to check as of (`popup.html?now=2026-11-22T12:00:00+08:00`), e.g.
 * from a reminder about a given day; otherwise the popup reads the clock.
 */
export function requestedNow(search: string): string | undefined {
  const raw = new URLSearchParams(search).get('now');
  return raw !== null && raw.length <= 40 && parseInstant(raw) !== null ? raw : undefined;
}

/** The checker as the popup shows it: as of the popup's moment, or of the clock when `?now=` cannot be read. */
export function PopupChecker(props: CheckerProps) {
  const [clock] = useState(() => new Date().toISOString());
  const now = parseInstant(props.now) !== null ? props.now : clock;
  return <Checker {...props} now={now} />;
}
