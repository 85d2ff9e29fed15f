// The live map: one panel per region, replay controls, and two sources of data: the final state and
// event log a run sends back (showRun), or a model in this page that keeps changing (follow). Loaded on
// demand by map-loader.ts or the wizard; it pulls in ELK only when it first lays something out.
import type { Locale } from '../i18n/locales.ts';
import { h, s } from './dom.ts';
import { worldToGraph, type RegionGraph } from './graph.ts';
import { translator } from '../i18n/translate.ts';
import { vizStrings, type Translate } from './i18n.ts';
import { layoutRegion, type RegionLayout } from './layout.ts';
import { renderGraph, renderList } from './map-render.ts';
import { describeEvent } from './describe.ts';
import { buildReplay, type Replay } from './replay.ts';
import { resolveCatalogImage } from './catalog-lookup.ts';
import { ensureStyles } from './styles.ts';

/** What a run sends back for the map (GradeResult.model). */
export interface RunModel {
  state: unknown;
  events: readonly unknown[];
}

/** The part of MiniEc2 the map needs to follow a model live. */
export interface LiveModel {
  subscribe(listener: (event: unknown) => void): () => void;
  exportState(): unknown;
  /** The events so far (MiniEc2.events()): lets the map replay what happened before it was opened. */
  events?(): unknown[];
}

export interface LiveMapController {
  readonly element: HTMLElement;
  /** Shows a finished run, at its last step. */
  showRun(model: RunModel, exercise?: string): Promise<void>;
  /** Follows a model in this page: redraws on every event; returns a function that stops following. */
  follow(model: LiveModel): () => void;
  /** Moves the replay to step n (0 = before the first event) and redraws. */
  goTo(step: number): Promise<void>;
  /** Resolves when the drawing on screen matches the current step (for tests and callers that wait). */
  settled(): Promise<void>;
  destroy(): void;
}

/** Layout depends only on which nodes and arrows exist, not on states: cache it by that structure. */
function structureKey(graph: RegionGraph): string {
  return `${graph.region}|${graph.nodes.map((n) => n.id).join(',')}|${graph.edges.map((e) => e.id).join(',')}`;
}

function legend(t: Translate): HTMLElement {
  const sample = (kind: 'launched-from' | 'created-from') =>
    s('svg', { width: 36, height: 10, 'aria-hidden': 'true' },
      s('line', { x1: 0, y1: 5, x2: 34, y2: 5, class: 'viz-edge', 'data-kind': kind }));
  return h('p', { class: 'viz-legend' },
    h('span', {}, sample('launched-from'), ' AMI → ', t('node.instance'), `: ${t('map.launchedFrom')}`),
    h('span', {}, sample('created-from'), ` ${t('node.instance')} → AMI: ${t('map.createdFrom')}`));
}

export function mountLiveMap(container: HTMLElement, options: { locale: Locale; headingLevel?: 2 | 3 }): LiveMapController {
  ensureStyles(container.ownerDocument);
  const t = translator(vizStrings, options.locale);
  const layouts = new Map<string, Promise<RegionLayout>>();

  let replay: Replay = buildReplay(undefined, []);
  let step = 0;
  let renderToken = 0;
  let drawing: Promise<void> = Promise.resolve();
  let playTimer: ReturnType<typeof setInterval> | undefined;
  let unfollow: (() => void) | undefined;
  let listMode = false;
  /** Node states of the drawing on screen: what the next drawing changed gets highlighted. */
  let drawnStates: Map<string, string> | undefined;

  const heading = h(options.headingLevel === 2 ? 'h2' : 'h3', {}, t('map.title'));
  const source = h('p', { class: 'viz-muted', 'data-map-source': '' });
  const slider = h('input', { type: 'range', min: 0, max: 0, value: 0, step: 1, 'aria-label': t('map.replay'), 'data-map-slider': '' });
  const position = h('span', { 'data-map-position': '' });
  const toStart = h('button', { type: 'button', 'aria-label': t('map.toStart'), title: t('map.toStart'), 'data-map-first': '' }, '|◀');
  const back = h('button', { type: 'button', 'data-map-back': '' }, `◀ ${t('map.stepBack')}`);
  const forward = h('button', { type: 'button', 'data-map-forward': '' }, `${t('map.stepForward')} ▶`);
  const toEnd = h('button', { type: 'button', 'aria-label': t('map.toEnd'), title: t('map.toEnd'), 'data-map-last': '' }, '▶|');
  const play = h('button', { type: 'button', 'data-map-play': '' }, t('map.play'));
  const toolbar = h('div', { class: 'viz-toolbar', role: 'group', 'aria-label': t('map.replay') }, toStart, back, slider, forward, toEnd, play, position);
  const caption = h('p', { class: 'viz-caption', 'aria-live': 'polite', 'data-map-caption': '' });
  const listToggle = h('button', { type: 'button', 'aria-pressed': 'false', 'data-map-list-toggle': '' }, t('map.asList'));
  const regions = h('div', { 'data-map-regions': '' });
  const element = h('section', { class: 'viz-root viz-map', 'data-viz-map': '', 'data-step': 0, 'aria-label': t('map.title') },
    heading, source, legend(t), toolbar, caption, h('div', { class: 'viz-toolbar' }, listToggle), regions);
  container.append(element);

  function layoutFor(graph: RegionGraph): Promise<RegionLayout> {
    const key = structureKey(graph);
    let layout = layouts.get(key);
    if (!layout) {
      layout = layoutRegion(graph);
      layouts.set(key, layout);
      layout.catch(() => layouts.delete(key));
    }
    // The cached positions are reused, the node states are this step's.
    return layout.then((l) => ({ ...l, nodes: l.nodes.map((p, i) => ({ ...p, node: graph.nodes[i] })), edges: l.edges.map((e, i) => ({ ...e, edge: graph.edges[i] })) }));
  }

  function updateControls(): void {
    const total = replay.events.length;
    slider.max = String(total);
    slider.value = String(step);
    slider.setAttribute('aria-valuetext', t('map.step', { n: step, total }));
    position.textContent = t('map.step', { n: step, total });
    toolbar.hidden = total === 0;
    toStart.disabled = back.disabled = step === 0;
    toEnd.disabled = forward.disabled = step >= total;
    caption.textContent = total === 0 ? '' : step === 0 ? t('map.stepStart') : describeEvent(replay.events[step - 1], t);
    element.dataset.step = String(step);
    element.dataset.total = String(total);
  }

  async function draw(): Promise<void> {
    const token = ++renderToken;
    element.setAttribute('aria-busy', 'true');
    const graph = worldToGraph(replay.worlds[step]);
    const states = new Map(graph.regions.flatMap((r) => r.nodes.map((n) => [n.id, n.state] as const)));
    // Nothing is "new" on the first drawing: highlights start with the first step the learner takes.
    const before = drawnStates;
    const changed = new Set(before ? [...states].filter(([id, state]) => before.get(id) !== state).map(([id]) => id) : []);
    const panels: HTMLElement[] = [];
    try {
      for (const regionGraph of graph.regions) {
        const layout = await layoutFor(regionGraph);
        if (token !== renderToken) return;
        const titleId = `${regionGraph.region}-${token}`;
        const scroll = h('div', { class: 'viz-scroll', hidden: listMode });
        const list = renderList(regionGraph, t);
        if (!listMode) list.classList.add('viz-sr-only');
        const panel = h('section', { class: 'viz-region', 'data-region': regionGraph.region, 'aria-labelledby': `viz-region-${titleId}` },
          h('h4', { id: `viz-region-${titleId}` }, t('map.regionPanel', { region: regionGraph.region })),
          scroll, list);
        scroll.append(renderGraph(layout, regionGraph, t, panel, changed));
        panels.push(panel);
      }
    } catch (error) {
      if (token !== renderToken) return;
      panels.push(h('p', { class: 'viz-error', role: 'alert' }, t('map.layoutFailed', { error: String((error as Error)?.message ?? error) })));
    }
    if (token !== renderToken) return;
    if (panels.length === 0) panels.push(h('p', { class: 'viz-muted', 'data-map-empty': '' }, t('map.empty')));
    regions.replaceChildren(...panels);
    drawnStates = states;
    element.removeAttribute('aria-busy');
    element.dataset.drawnStep = String(step);
  }

  function redraw(): Promise<void> {
    updateControls();
    drawing = draw();
    return drawing;
  }

  function stopPlaying(): void {
    if (playTimer !== undefined) clearInterval(playTimer);
    playTimer = undefined;
    play.textContent = t('map.play');
  }

  async function goTo(n: number): Promise<void> {
    step = Math.max(0, Math.min(replay.events.length, Math.round(n)));
    await redraw();
  }

  slider.addEventListener('input', () => { stopPlaying(); void goTo(Number(slider.value)); });
  toStart.addEventListener('click', () => { stopPlaying(); void goTo(0); });
  back.addEventListener('click', () => { stopPlaying(); void goTo(step - 1); });
  forward.addEventListener('click', () => { stopPlaying(); void goTo(step + 1); });
  toEnd.addEventListener('click', () => { stopPlaying(); void goTo(replay.events.length); });
  play.addEventListener('click', () => {
    if (playTimer !== undefined) return stopPlaying();
    if (step >= replay.events.length) step = 0;
    play.textContent = t('map.pause');
    void goTo(step);
    playTimer = setInterval(() => {
      if (step >= replay.events.length) return stopPlaying();
      void goTo(step + 1);
    }, 800);
  });
  listToggle.addEventListener('click', () => {
    listMode = !listMode;
    listToggle.setAttribute('aria-pressed', String(listMode));
    listToggle.textContent = listMode ? t('map.asGraph') : t('map.asList');
    void redraw();
  });

  const controller: LiveMapController = {
    element,
    async showRun(model, exercise) {
      unfollow?.();
      unfollow = undefined;
      stopPlaying();
      replay = buildReplay(model.state, model.events, resolveCatalogImage);
      step = replay.events.length;
      source.textContent = exercise ? t('map.fromRun', { exercise }) : '';
      await redraw();
    },
    follow(model) {
      unfollow?.();
      stopPlaying();
      const events: unknown[] = model.events?.() ?? [];
      let scheduled = false;
      const rebuild = () => {
        scheduled = false;
        const atEnd = step >= replay.events.length;
        replay = buildReplay(model.exportState(), events, resolveCatalogImage);
        if (atEnd) step = replay.events.length;
        void redraw();
      };
      const off = model.subscribe((event) => {
        events.push(event);
        // Many events can arrive in one tick (a launch of ten instances): redraw once for all of them.
        if (!scheduled) {
          scheduled = true;
          setTimeout(rebuild, 30);
        }
      });
      source.textContent = t('map.live');
      rebuild();
      unfollow = () => off();
      return () => { off(); if (unfollow) unfollow = undefined; };
    },
    goTo,
    settled: async () => {
      // A redraw can start while we wait: wait until the last one started has finished.
      let current: Promise<void>;
      do {
        current = drawing;
        await current;
      } while (current !== drawing);
    },
    destroy() {
      stopPlaying();
      unfollow?.();
      element.remove();
    },
  };
  void redraw();
  return controller;
}
