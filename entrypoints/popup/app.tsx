import type { CheckerServices } from '../../components/checker/services';
import { renderPage } from '../../components/render-page';
import { popupTranslator } from '../../lib/i18n/popup';
import type { Settings } from '../../lib/settings';
import { loadSettings, settingsFrom } from '../../platform/settings';
import { PERF, Popup, requestedNow, type PopupReady } from './Popup';
import { browserCheckerServices } from './services';
import type { PopupStart } from './start';

/**
 * How long the interface waits for the answers the start script asked for before it
 * first renders. They are usually in by the time this code has loaded; when
 * they are, the first render already shows the order's verdict. A slow worker
 * (one that was asleep) gets the popup's loading state instead.
 */
const ANSWERS_WAIT_MS = 120;

export async function mountPopup(start: PopupStart): Promise<void> {
  // The one place the popup reads the clock: every verdict, deadline and countdown below uses this `now`.
  const now = requestedNow(location.search) ?? new Date().toISOString();
  // The settings the start script read as the popup opened serve the language and the checker's first
  // verdict; later reads and changes go through the settings item.
  const settings = start.settings
    .then((stored) => (stored ? settingsFrom(stored) : loadSettings()))
    .then((read) => read.settings);
  let first: Promise<Settings> | null = settings;
  const services: CheckerServices = {
    ...browserCheckerServices,
    loadSettings: () => {
      const read = first ?? loadSettings().then((r) => r.settings);
      first = null;
      return read;
    },
  };
  const answers = Promise.all([start.tab, start.order, settings]).then(([tab, order, settings]): PopupReady => ({
    tab,
    order,
    settings,
  }));
  const ready = await Promise.race([
    answers.catch(() => undefined),
    new Promise<undefined>((done) => setTimeout(done, ANSWERS_WAIT_MS)),
  ]);
  performance.mark(PERF.render);
  renderPage(<Popup now={now} services={services} start={start} ready={ready} />, popupTranslator, {
    settings,
    known: ready?.settings,
  });
}
