import './popup.css';
import { browserStartDeps, START_MARKS, startPopup } from './start';

/**
 * The popup's script. Its own imports are light (no UI framework, no schemas), so the worker is
 * asked about the tab (`tab.order`) and the settings are read the moment it runs; the interface's
 * code loads while they are answered, and mounts once the document is parsed.
 */
performance.mark(START_MARKS.script);
const start = startPopup(location.search, browserStartDeps);
const parsed =
  document.readyState === 'loading'
    ? new Promise<void>((done) => document.addEventListener('DOMContentLoaded', () => done(), { once: true }))
    : Promise.resolve();

void Promise.all([import('./app'), parsed]).then(([{ mountPopup }]) => mountPopup(start));
