import { browserStartDeps, startPopup } from './start';

/**
 * The popup page's script. The worker is asked about the tab first; the interface's code
 * (the UI, the claims engine, the catalogs) is evaluated meanwhile and picks up the answers.
 * The script loads `async`, so it asks without waiting for the style sheets; the interface
 * mounts once the document is parsed.
 */
export function openPopup(): void {
  const start = startPopup(location.search, browserStartDeps);
  const parsed = document.readyState === 'loading' ? new Promise((done) => document.addEventListener('DOMContentLoaded', done, { once: true })) : null;
  void Promise.all([import('./app'), parsed]).then(([{ mountPopup }]) => mountPopup(start));
}
