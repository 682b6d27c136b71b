import '../../components/base.css';
import '../../components/checker/checker.css';
import './popup.css';
import { browserStartDeps, startPopup } from './start';

// The worker is asked about the tab first; the interface's code (React, the claims engine,
// the catalogs) loads meanwhile (preloaded from the page's head) and picks up the answers.
// The script is async, so it asks without waiting for the style sheets; the interface
// mounts once the document is parsed.
const start = startPopup(location.search, browserStartDeps);
const parsed = document.readyState === 'loading' ? new Promise((done) => document.addEventListener('DOMContentLoaded', done, { once: true })) : null;
void Promise.all([import('./app'), parsed]).then(([{ mountPopup }]) => mountPopup(start));
