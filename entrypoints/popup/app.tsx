import { renderPage } from '../../platform/page';
import { Popup, requestedNow } from './Popup';
import { browserCheckerServices } from './services';
import type { PopupStart } from './start';

export function mountPopup(start: PopupStart): void {
  // The one place the popup reads the clock: every verdict, deadline and countdown below uses this `now`.
  const now = requestedNow(location.search) ?? new Date().toISOString();
  renderPage(<Popup now={now} services={browserCheckerServices} start={start} />);
}
