import type { CheckerServices, CheckerSettings } from '../../components/checker/services';
import { renderPage } from '../../components/render-page';
import { popupTranslator } from '../../lib/i18n/popup';
import { localeIn } from '../../platform/page-settings';
import { PERF, Popup, type PopupReady } from './Popup';
import { browserCheckerServices } from './services';
import { requestedMoment, type PopupStart } from './start';

/**
 * How long the interface waits for the answers the start script asked for before it
 * first renders. They are usually in by the time this code has loaded; when
 * they are, the first render already shows the order's verdict, in the worker's
 * words. A slow worker (one that was asleep) gets the popup's loading state instead.
 */
const ANSWERS_WAIT_MS = 120;

/**
 * The popup's interface. Its first view (the tab, the tab's lead, the worker's verdict on the tab's
 * order) loads no policy engine, vendor pack or validator: those come with the checker (Popup.tsx,
 * `./checker`), and the settings are validated as it loads.
 */
export async function mountPopup(start: PopupStart): Promise<void> {
  // Every verdict, deadline and countdown below is as of the one moment the start script sent the worker.
  const now = requestedMoment(location.search) ?? start.clock;
  // The settings the start script read as the popup opened serve the language (read as stored) and
  // the checker's first verdict (validated: the settings module loads beside the first view).
  const settings = Promise.all([import('../../platform/settings'), start.settings]).then(
    async ([{ settingsFrom, loadSettings }, stored]) => (stored ? settingsFrom(stored) : await loadSettings()).settings,
  );
  let first: Promise<CheckerSettings> | null = settings;
  const services: CheckerServices = {
    ...browserCheckerServices,
    loadSettings: () => {
      const read = first ?? browserCheckerServices.loadSettings();
      first = null;
      return read;
    },
  };
  const answers = Promise.all([start.tab, start.order, start.verdict, start.settings]).then(
    ([tab, order, verdict, stored]) => ({ ready: { tab, order, verdict } satisfies PopupReady, stored }),
  );
  const early = await Promise.race([
    answers.catch(() => undefined),
    new Promise<undefined>((done) => setTimeout(done, ANSWERS_WAIT_MS)),
  ]);
  const locale = start.settings.then((stored) => localeIn(stored?.value));
  performance.mark(PERF.render);
  renderPage(
    <Popup now={now} services={services} start={start} ready={early?.ready} settings={settings} />,
    popupTranslator,
    {
      locale,
      known: early ? localeIn(early.stored?.value) : undefined,
    },
  );
}
