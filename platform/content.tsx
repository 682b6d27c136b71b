import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { StaticLocale } from '../components/i18n';
import { PageCard } from '../components/PageCard';
import { detectPage, DETECT_TEXT_LIMIT } from '../lib/detect';
import type { PageMatch } from '../lib/vendors/types';
import { currentLocale } from './locale';
import { sendMessage } from './messaging';
import { loadSettings } from './settings';

/** The element name and attributes are contract 2 in DESIGN.md. */
export const UI_ELEMENT = 'refund-guard-ui';

function pageText(): string {
  // textContent does not force layout (innerText would); bounded by the detector.
  return (document.body?.textContent ?? '').slice(0, DETECT_TEXT_LIMIT);
}

const sameMatch = (a: PageMatch | null, b: PageMatch | null) => a?.vendor === b?.vendor && a?.kind === b?.kind;

/**
 * Recognises the page, tells the worker, and shows the card. Consoles are
 * single-page apps: on every location change the page is detected again, the
 * previous card is removed and at most one card is mounted.
 */
export async function runPageScript(ctx: ContentScriptContext, css: string): Promise<void> {
  const { settings } = await loadSettings();
  const locale = currentLocale(settings.locale);
  let ui: ShadowRootContentScriptUi<Root> | null = null;
  let shown: PageMatch | null = null;
  let dismissed = false;

  const update = async () => {
    const match = detectPage(location.href, pageText());
    void sendMessage('page.detected', { url: location.href, title: document.title.slice(0, 2000), match }).catch(() => {
      // The worker is restarted by the next event; the popup asks again then.
    });
    if (ui && sameMatch(match, shown)) return;
    ui?.remove();
    ui = null;
    shown = match;
    if (!match || dismissed || ctx.isInvalid) return;
    const created = await createShadowRootUi<Root>(ctx, {
      name: UI_ELEMENT,
      css,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container, _shadow, host) {
        host.setAttribute('data-kind', match.kind);
        host.setAttribute('data-vendor', match.vendor);
        const root = createRoot(container);
        root.render(
          <StaticLocale locale={locale}>
            <PageCard
              match={match}
              onDismiss={() => {
                dismissed = true;
                ui?.remove();
                ui = null;
              }}
            />
          </StaticLocale>,
        );
        return root;
      },
      onRemove(root) {
        root?.unmount();
      },
    });
    // A newer navigation may have mounted its own card while this one loaded.
    if (!sameMatch(shown, match) || ui) {
      created.remove();
      return;
    }
    ui = created;
    ui.mount();
  };

  await update();
  ctx.addEventListener(window, 'wxt:locationchange', () => void update());
}
