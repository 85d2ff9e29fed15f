// The live map: one panel per region, replay controls, and two sources of data: the final state and
// event log a run sends back (showRun), or a model in this page that keeps changing (follow). Loaded on
// demand by map-loader.ts or the wizard; it pulls in ELK only when it first lays something out.
import type { Locale } from '../i18n/locales.ts';
import { h, s } from './dom.ts';
import { worldToGraph, type RegionGraph, type VizGraph } from './graph.ts';
import { translator } from '../i18n/translate.ts';
import { vizStrings, type Translate } from '../i18n/viz-strings.ts';
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
interface LiveModel {
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

/** The map's fixed parts: heading, source line, legend, replay toolbar, caption, list toggle and region panels. */
interface MapParts {
  element: HTMLElement;
  source: HTMLElement;
  slider: HTMLInputElement;
  position: HTMLElement;
  toStart: HTMLButtonElement;
  back: HTMLButtonElement;
  forward: HTMLButtonElement;
  toEnd: HTMLButtonElement;
  play: HTMLButtonElement;
  toolbar: HTMLElement;
  caption: HTMLElement;
  listToggle: HTMLButtonElement;
  regions: HTMLElement;
}

function mapParts(t: Translate, headingLevel: 2 | 3 | undefined): MapParts {
  const heading = h(headingLevel === 2 ? 'h2' : 'h3', {}, t('map.title'));
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
  return { element, source, slider, position, toStart, back, forward, toEnd, play, toolbar, caption, listToggle, regions };
}

/** Sets the slider, position, buttons and caption for `step` of `replay`. */
function showStep(parts: MapParts, replay: Replay, step: number, t: Translate): void {
  const total = replay.events.length;
  parts.slider.max = String(total);
  parts.slider.value = String(step);
  parts.slider.setAttribute('aria-valuetext', t('map.step', { n: step, total }));
  parts.position.textContent = t('map.step', { n: step, total });
  parts.toolbar.hidden = total === 0;
  parts.toStart.disabled = parts.back.disabled = step === 0;
  parts.toEnd.disabled = parts.forward.disabled = step >= total;
  parts.caption.textContent = total === 0 ? '' : step === 0 ? t('map.stepStart') : describeEvent(replay.events[step - 1], t);
  parts.element.dataset.step = String(step);
  parts.element.dataset.total = String(total);
}

/** The layout of a region graph, cached by structure: the cached positions are reused, the node states are this step's. */
function layoutFor(cache: Map<string, Promise<RegionLayout>>, graph: RegionGraph): Promise<RegionLayout> {
  const key = structureKey(graph);
  let layout = cache.get(key);
  if (!layout) {
    layout = layoutRegion(graph);
    cache.set(key, layout);
    layout.catch(() => cache.delete(key));
  }
  return layout.then((l) => ({ ...l, nodes: l.nodes.map((p, i) => ({ ...p, node: graph.nodes[i] })), edges: l.edges.map((e, i) => ({ ...e, edge: graph.edges[i] })) }));
}

/** One region's panel: its heading, the graph (hidden in list mode) and the list (for screen readers otherwise). */
function regionPanel(regionGraph: RegionGraph, layout: RegionLayout, titleId: string, listMode: boolean, changed: Set<string>, t: Translate): HTMLElement {
  const scroll = h('div', { class: 'viz-scroll', hidden: listMode });
  const list = renderList(regionGraph, t);
  if (!listMode) list.classList.add('viz-sr-only');
  const panel = h('section', { class: 'viz-region', 'data-region': regionGraph.region, 'aria-labelledby': `viz-region-${titleId}` },
    h('h4', { id: `viz-region-${titleId}` }, t('map.regionPanel', { region: regionGraph.region })),
    scroll, list);
  scroll.append(renderGraph(layout, regionGraph, t, panel, changed));
  return panel;
}

/** The IDs whose state differs from the drawing before; none on the first drawing. */
function changedNodes(states: Map<string, string>, before: Map<string, string> | undefined): Set<string> {
  return new Set(before ? [...states].filter(([id, state]) => before.get(id) !== state).map(([id]) => id) : []);
}

/**
 * Follows a model: `show` gets its state and every event so far now, then once per burst of events (a launch
 * of ten instances redraws once, not ten times). Returns the unsubscribe function.
 */
function followModel(model: LiveModel, show: (state: unknown, events: unknown[]) => void): () => void {
  const events: unknown[] = model.events?.() ?? [];
  let scheduled = false;
  const off = model.subscribe((event) => {
    events.push(event);
    if (!scheduled) {
      scheduled = true;
      setTimeout(() => { scheduled = false; show(model.exportState(), events); }, 30);
    }
  });
  show(model.exportState(), events);
  return off;
}

/** The panels of every region of `graph`, or undefined when a newer drawing started meanwhile (`stale`). */
async function regionPanels(graph: VizGraph, layouts: Map<string, Promise<RegionLayout>>, view: { listMode: boolean; changed: Set<string>; idSuffix: number },
  t: Translate, stale: () => boolean): Promise<HTMLElement[] | undefined> {
  const panels: HTMLElement[] = [];
  try {
    for (const regionGraph of graph.regions) {
      const layout = await layoutFor(layouts, regionGraph);
      if (stale()) return undefined;
      panels.push(regionPanel(regionGraph, layout, `${regionGraph.region}-${view.idSuffix}`, view.listMode, view.changed, t));
    }
  } catch (error) {
    if (stale()) return undefined;
    panels.push(h('p', { class: 'viz-error', role: 'alert' }, t('map.layoutFailed', { error: String((error as Error)?.message ?? error) })));
  }
  if (panels.length === 0) panels.push(h('p', { class: 'viz-muted', 'data-map-empty': '' }, t('map.empty')));
  return panels;
}

/** Resolves once the last drawing started has finished (a redraw can start while we wait). */
async function allDrawn(latest: () => Promise<void>): Promise<void> {
  let current: Promise<void>;
  do {
    current = latest();
    await current;
  } while (current !== latest());
}

/** Where the replay is, and how to move it (for the toolbar and the player). */
interface ReplayPosition {
  step(): number;
  total(): number;
  goTo(step: number): void;
}

/** Play/Pause: one step forward every 800 ms, from the start when the replay is at its end. */
function createPlayer(button: HTMLButtonElement, t: Translate, at: ReplayPosition): { stop(): void; toggle(): void } {
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
    button.textContent = t('map.play');
  };
  const toggle = () => {
    if (timer !== undefined) return stop();
    button.textContent = t('map.pause');
    at.goTo(at.step() >= at.total() ? 0 : at.step());
    timer = setInterval(() => {
      if (at.step() >= at.total()) return stop();
      at.goTo(at.step() + 1);
    }, 800);
  };
  return { stop, toggle };
}

/** The toolbar's buttons and slider stop the player and move the replay; the list toggle switches the view. */
function wireControls(parts: MapParts, at: ReplayPosition, player: { stop(): void; toggle(): void }, toggleList: () => void): void {
  const jump = (target: () => number) => () => { player.stop(); at.goTo(target()); };
  parts.slider.addEventListener('input', jump(() => Number(parts.slider.value)));
  parts.toStart.addEventListener('click', jump(() => 0));
  parts.back.addEventListener('click', jump(() => at.step() - 1));
  parts.forward.addEventListener('click', jump(() => at.step() + 1));
  parts.toEnd.addEventListener('click', jump(() => at.total()));
  parts.play.addEventListener('click', () => player.toggle());
  parts.listToggle.addEventListener('click', toggleList);
}

export function mountLiveMap(container: HTMLElement, options: { locale: Locale; headingLevel?: 2 | 3 }): LiveMapController {
  ensureStyles(container.ownerDocument);
  const t = translator(vizStrings, options.locale);
  const layouts = new Map<string, Promise<RegionLayout>>();
  let replay: Replay = buildReplay(undefined, []);
  let step = 0;
  let renderToken = 0;
  let drawing: Promise<void> = Promise.resolve();
  let unfollow: (() => void) | undefined;
  let listMode = false;
  /** Node states of the drawing on screen: what the next drawing changed gets highlighted. */
  let drawnStates: Map<string, string> | undefined;
  const parts = mapParts(t, options.headingLevel);
  const { element, source, play, listToggle, regions } = parts;
  container.append(element);

  async function draw(): Promise<void> {
    const token = ++renderToken;
    element.setAttribute('aria-busy', 'true');
    const graph = worldToGraph(replay.worlds[step]);
    const states = new Map(graph.regions.flatMap((r) => r.nodes.map((n) => [n.id, n.state] as const)));
    const view = { listMode, changed: changedNodes(states, drawnStates), idSuffix: token };
    const panels = await regionPanels(graph, layouts, view, t, () => token !== renderToken);
    if (!panels || token !== renderToken) return;
    regions.replaceChildren(...panels);
    drawnStates = states;
    element.removeAttribute('aria-busy');
    element.dataset.drawnStep = String(step);
  }

  function redraw(): Promise<void> {
    showStep(parts, replay, step, t);
    drawing = draw();
    return drawing;
  }

  async function goTo(n: number): Promise<void> {
    step = Math.max(0, Math.min(replay.events.length, Math.round(n)));
    await redraw();
  }

  const at: ReplayPosition = { step: () => step, total: () => replay.events.length, goTo: (n) => void goTo(n) };
  const player = createPlayer(play, t, at);
  wireControls(parts, at, player, () => {
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
      player.stop();
      replay = buildReplay(model.state, model.events, resolveCatalogImage);
      step = replay.events.length;
      source.textContent = exercise ? t('map.fromRun', { exercise }) : '';
      await redraw();
    },
    follow(model) {
      unfollow?.();
      player.stop();
      source.textContent = t('map.live');
      const off = followModel(model, (state, events) => {
        const atEnd = step >= replay.events.length;
        replay = buildReplay(state, events, resolveCatalogImage);
        if (atEnd) step = replay.events.length;
        void redraw();
      });
      unfollow = () => off();
      return () => { off(); if (unfollow) unfollow = undefined; };
    },
    goTo,
    settled: () => allDrawn(() => drawing),
    destroy() {
      player.stop();
      unfollow?.();
      element.remove();
    },
  };
  void redraw();
  return controller;
}
