// The only live-map code a lesson page loads up front (a few hundred bytes): it remembers the latest run
// result of each sandbox and turns the sandbox's `<div data-live-map>` into a "Show live map" button.
// The map itself (map-view.ts) and ELK are imported when the learner presses it.
import type { LiveMapController, RunModel } from './map-view.ts';

import { RUN_RESULT_EVENT } from '../results/sandbox-events.ts';

interface RunDetail {
  exercise?: string;
  model?: RunModel;
}

/** The button and panel markup (already translated) from the page's <template data-live-map-template>. */
function fillFromTemplate(mount: HTMLElement): void {
  if (mount.querySelector('[data-live-map-toggle]')) return;
  const template = document.querySelector<HTMLTemplateElement>('template[data-live-map-template]');
  if (template) mount.append(template.content.cloneNode(true));
}

function setUp(mount: HTMLElement): void {
  if (mount.dataset.liveMapReady) return;
  mount.dataset.liveMapReady = 'true';
  fillFromTemplate(mount);
  const button = mount.querySelector<HTMLButtonElement>('[data-live-map-toggle]');
  const panel = mount.querySelector<HTMLElement>('[data-live-map-panel]');
  if (!button || !panel) return;
  const locale = (mount.closest<HTMLElement>('[data-locale]')?.dataset.locale ?? document.documentElement.lang ?? 'en').toLowerCase();
  const labels = { show: button.dataset.labelShow ?? button.textContent ?? '', hide: button.dataset.labelHide ?? '' };
  let lastRun: RunDetail | undefined;
  let map: Promise<LiveMapController> | undefined;

  const show = (detail: RunDetail) => map?.then((m) => detail.model && m.showRun(detail.model, detail.exercise));
  const root = mount.closest('[data-exercise]') ?? document;
  root.addEventListener(RUN_RESULT_EVENT, (event) => {
    const detail = (event as CustomEvent<RunDetail>).detail;
    if (!detail || typeof detail !== 'object' || !detail.model) return;
    lastRun = { exercise: detail.exercise, model: detail.model };
    mount.dataset.hasRun = 'true';
    void show(lastRun);
  });

  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') === 'true';
    button.setAttribute('aria-expanded', String(!open));
    button.textContent = open ? labels.show : labels.hide || labels.show;
    panel.hidden = open;
    if (open || map) return;
    panel.setAttribute('aria-busy', 'true');
    map = import('./map-view.ts').then(({ mountLiveMap }) => {
      panel.replaceChildren();
      panel.removeAttribute('aria-busy');
      const controller = mountLiveMap(panel, { locale: locale === 'pt-br' || locale === 'es' ? locale : 'en' });
      return controller;
    });
    map.then(() => lastRun && show(lastRun)).catch((error: unknown) => {
      map = undefined;
      panel.removeAttribute('aria-busy');
      const message = panel.dataset.labelFailed ?? '{error}';
      panel.replaceChildren(Object.assign(document.createElement('p'), { role: 'alert', textContent: message.replace('{error}', String(error)) }));
    });
  });
}

/** Upgrades every live-map mount on the page (called once by LiveMap.astro's script). */
export function setUpLiveMaps(doc: Document = document): void {
  for (const mount of doc.querySelectorAll<HTMLElement>('[data-live-map]')) setUp(mount);
}
