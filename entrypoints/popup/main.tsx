import { mountPopup } from './app';
import { pageStart } from './start';

/**
 * The interface's script. The worker has usually been asked about the tab already (by
 * popup-start.js); the interface mounts once the document is parsed and picks up the answers.
 */
export function openPopup(): void {
  const start = pageStart();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void mountPopup(start), { once: true });
  else void mountPopup(start);
}
