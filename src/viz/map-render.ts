// Draws one region's panel: the laid-out graph as SVG (each node focusable, with a detail card on hover
// and focus), and the same content as a nested list for screen readers and for anyone who prefers text.
import { h, s, uid } from './dom.ts';
import { countNodes, type GraphNode, type RegionGraph } from './graph.ts';
import type { Translate } from '../i18n/viz-strings.ts';
import type { PlacedNode, RegionLayout } from './layout.ts';
import { describeNode, detailRows, graphTree, kindLabel, stateLabel, type TreeItem } from './describe.ts';
import { stateTone } from './styles.ts';

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A state's colour; a launch template has no state and is always ready to launch from. */
function toneOf(node: GraphNode) {
  return node.kind === 'template' ? 'ok' : stateTone(node.state);
}

/** The short status of a node: its state, or a template's default version. */
function statusText(node: GraphNode, t: Translate): string {
  return node.template ? t('node.defaultShort', { version: node.template.defaultVersion }) : stateLabel(node.state, t);
}

function arrowMarkers(prefix: string): SVGDefsElement {
  const marker = (id: string, cls: string) =>
    s('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
      s('path', { d: 'M0,0 L10,5 L0,10 z', class: cls }));
  return s('defs', {}, marker(`${prefix}-launched`, 'viz-arrow'), marker(`${prefix}-created`, 'viz-arrow-created'));
}

function drawNode(placed: PlacedNode, graph: RegionGraph, t: Translate, changed: boolean): SVGGElement {
  const { node, x, y, width, height } = placed;
  const kind = kindLabel(node, t);
  // Instance type or architecture on the card (a template: its ID alone); the rest is in the hover/focus
  // card and the aria-label. A template has no state: its default version takes that corner.
  const detail = node.kind === 'instance' ? node.instanceType || node.architecture : node.architecture;
  const bottom = node.id === node.label || !detail ? node.id : `${node.id} · ${detail}`;
  const corner = node.template ? statusText(node, t) : `● ${statusText(node, t)}`;
  return s('g', {
    class: 'viz-node',
    'data-id': node.id,
    'data-kind': node.kind,
    'data-state': node.state,
    'data-tone': toneOf(node),
    'data-changed': changed,
    transform: `translate(${x},${y})`,
    tabindex: 0,
    role: 'img',
    'aria-label': describeNode(node, graph, t),
  },
    s('rect', { class: 'viz-box', width, height, rx: node.kind === 'image' ? 14 : 4 }),
    s('rect', { class: 'viz-stripe', x: 0, y: 6, width: 5, height: height - 12, rx: 2 }),
    s('text', { class: 'viz-kind', x: 14, y: 16 }, kind.toUpperCase()),
    s('text', { class: 'viz-state', x: width - 10, y: 16, 'text-anchor': 'end' }, corner),
    s('text', { class: 'viz-label', x: 14, y: 34 }, truncate(node.label, 32)),
    s('text', { class: 'viz-id', x: 14, y: 52 }, truncate(node.id === node.label ? detail || node.id : bottom, 31)),
  );
}

/** "2 AMIs and 1 instance in us-east-1" (and launch templates when there are some), each count with its plural form. */
function regionSummary(graph: RegionGraph, t: Translate): string {
  const { images, instances, templates } = countNodes(graph);
  const counts = { images: t('map.images', { count: images }), instances: t('map.instances', { count: instances }), region: graph.region };
  if (!templates) return t('map.regionSummary', counts);
  return t('map.regionSummaryTemplates', { ...counts, templates: t('map.templates', { count: templates }) });
}

function pathOf(points: { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
}

function detailCard(node: GraphNode, t: Translate): HTMLElement {
  const dl = h('dl');
  for (const [label, value] of detailRows(node, t)) dl.append(h('dt', {}, label), h('dd', {}, value));
  return h('div', { class: 'viz-tip', role: 'tooltip' }, h('strong', {}, node.label), dl);
}

/** The SVG of a region; hover/focus cards go into `host` (a positioned element that does not clip). */
export function renderGraph(layout: RegionLayout, graph: RegionGraph, t: Translate, host: HTMLElement, changed: ReadonlySet<string> = new Set()): SVGSVGElement {
  const prefix = uid('viz-arrow');
  const titleId = uid('viz-graph-title');
  const svg = s('svg', {
    class: 'viz-graph',
    width: Math.max(layout.width, 1),
    height: Math.max(layout.height, 1),
    viewBox: `0 0 ${Math.max(layout.width, 1)} ${Math.max(layout.height, 1)}`,
    role: 'group',
    'aria-labelledby': titleId,
  }, s('title', { id: titleId }, regionSummary(graph, t)), arrowMarkers(prefix));

  for (const placed of layout.edges) {
    if (placed.points.length < 2) continue;
    const created = placed.edge.kind === 'created-from';
    svg.append(s('path', {
      class: 'viz-edge',
      'data-kind': placed.edge.kind,
      'data-source': placed.edge.source,
      'data-target': placed.edge.target,
      d: pathOf(placed.points),
      'marker-end': `url(#${prefix}-${created ? 'created' : 'launched'})`,
    }));
  }

  let card: HTMLElement | undefined;
  const hide = () => { card?.remove(); card = undefined; };
  for (const placed of layout.nodes) {
    const g = drawNode(placed, graph, t, changed.has(placed.node.id));
    const show = () => {
      hide();
      card = detailCard(placed.node, t);
      // Below the node, in the (non-clipping) panel's coordinates, so the card is never cut off.
      const panel = host.getBoundingClientRect();
      const box = g.getBoundingClientRect();
      card.style.left = `${Math.max(0, box.left - panel.left + 8)}px`;
      card.style.top = `${box.bottom - panel.top + 6}px`;
      host.append(card);
    };
    g.addEventListener('mouseenter', show);
    g.addEventListener('focus', show);
    g.addEventListener('mouseleave', hide);
    g.addEventListener('blur', hide);
    g.addEventListener('keydown', (e) => { if (e.key === 'Escape') hide(); });
    svg.append(g);
  }
  return svg;
}

function listItem(item: TreeItem, graph: RegionGraph, t: Translate): HTMLLIElement {
  const li = h('li', { 'data-id': item.node.id, 'data-state': item.node.state },
    h('span', { class: 'viz-badge', 'data-tone': toneOf(item.node) }, statusText(item.node, t)),
    ' ',
    describeNode(item.node, graph, t));
  if (item.children.length) li.append(h('ul', {}, ...item.children.map((c) => listItem(c, graph, t))));
  return li;
}

/** The region as nested lists: AMI > instances launched from it > AMIs created from those > ... */
export function renderList(graph: RegionGraph, t: Translate): HTMLElement {
  const headingId = uid('viz-list');
  return h('div', { class: 'viz-list', 'data-region': graph.region },
    h('h4', { id: headingId }, t('map.listHeading', { region: graph.region })),
    h('ul', { 'aria-labelledby': headingId }, ...graphTree(graph).map((item) => listItem(item, graph, t))));
}
