import '../../components/base.css';
import '../../components/checker/checker.css';
import './popup.css';
import { browserStartDeps, startPopup } from './start';

// The worker is asked about the tab first; the interface's code (React, the claims engine,
// the catalogs) loads meanwhile (preloaded from the page's head) and picks up the answers.
const start = startPopup(location.search, browserStartDeps);
void import('./app').then(({ mountPopup }) => mountPopup(start));
