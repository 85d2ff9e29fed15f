// The wizard's AMI picker: the console's four tabs (an ARIA tab list: arrow keys move between tabs),
// a search box, an architecture filter, and the images of the chosen region as radio buttons showing
// each ami- ID. Every query is a DescribeImages call on the model; its CLI line is shown under the list.
import type { Image } from '../../mini-ec2/sdk-shapes.ts';
import { h, uid } from '../dom.ts';
import type { Translate, VizKey } from '../../i18n/viz-strings.ts';
import { describeImagesCli } from './cli.ts';
import { AMI_TABS, isCommunityImage, matchesSearch, sortImages, tabRequest, tabRequestForCli, type AmiTab, type ArchChoice, type PickerQuery } from './ami-tabs.ts';
import type { WizardClient } from './wizard-api.ts';
import { cliBlock } from './cli-block.ts';

export interface ImagePicker {
  element: HTMLElement;
  /** Reloads the current tab (after a region switch, or when an image of the account changed). */
  refresh(): Promise<void>;
  selected(): Image | undefined;
  clearSelection(): void;
  showTab(tab: AmiTab): Promise<void>;
}

export interface ImagePickerDeps {
  t: Translate;
  region(): string;
  client(): WizardClient;
  quickStartIds(): string[];
  onSelect(image: Image | undefined): void;
}

/** How many Quick Start IDs the CLI line spells out. */
const SHOWN_IDS = 3;

const tabKeys: Record<AmiTab, VizKey> = {
  quickstart: 'wizard.tab.quickstart',
  mine: 'wizard.tab.mine',
  marketplace: 'wizard.tab.marketplace',
  community: 'wizard.tab.community',
};

function ownerText(image: Image, t: Translate): string {
  if (image.ImageOwnerAlias === 'amazon') return t('node.ownerAmazon');
  if (image.ImageOwnerAlias === 'aws-marketplace') return t('node.ownerMarketplace');
  return t('node.ownerOther', { account: image.OwnerId ?? '?' });
}

/** The list entry of one image: a radio button with its name, ami- ID, architecture, owner and state. */
function imageItem(image: Image, radioName: string, checked: boolean, t: Translate, onChoose: () => void): HTMLLIElement {
  const id = image.ImageId ?? '';
  const radio = h('input', { type: 'radio', name: radioName, value: id, checked, 'data-image-id': id });
  radio.addEventListener('change', onChoose);
  const pending = image.State && image.State !== 'available';
  return h('li', { 'data-image-id': id, 'data-state': image.State ?? '' },
    h('label', {},
      radio,
      h('span', {},
        h('strong', {}, image.Name ?? id),
        image.Description ? h('span', { class: 'viz-image-meta' }, ` — ${image.Description}`) : null,
        h('br'),
        h('span', { class: 'viz-ami-id' }, id),
        h('span', { class: 'viz-image-meta' },
          ` · ${image.Architecture ?? ''} · ${t('wizard.imageOwner')}: ${ownerText(image, t)}`
          + (image.CreationDate ? ` · ${t('wizard.imageCreated')} ${image.CreationDate.slice(0, 10)}` : '')),
        pending ? h('span', { class: 'viz-badge', 'data-tone': 'wait' }, ` ${image.State}: ${t('wizard.imagePending')}`) : null)));
}

/** The picker's CLI line: the tab's query; once an image is chosen, the call that describes just that image. */
function pickerCli(region: string, query: PickerQuery, quickStartIds: string[], selectedId: string | undefined, t: Translate): string {
  if (selectedId) return describeImagesCli(region, { ImageIds: [selectedId] });
  const request = tabRequestForCli(query, quickStartIds);
  const ids = request.ImageIds ?? [];
  if (ids.length <= SHOWN_IDS) return describeImagesCli(region, request);
  // The Quick Start list is dozens of IDs: show the first few and say how many more there are.
  return `${describeImagesCli(region, { ...request, ImageIds: ids.slice(0, SHOWN_IDS) })}\n# ${t('wizard.cliMoreIds', { n: ids.length - SHOWN_IDS })}`;
}

/** A tab's images as the console lists them: Quick Start in its curated order, the other tabs newest first. */
function tabImages(found: Image[], tab: AmiTab, quickStart: string[]): Image[] {
  if (tab === 'quickstart') return [...found].sort((a, b) => quickStart.indexOf(a.ImageId ?? '') - quickStart.indexOf(b.ImageId ?? ''));
  const qs = new Set(quickStart);
  return sortImages(tab === 'community' ? found.filter((image) => isCommunityImage(image, qs)) : found);
}

/** Click, arrow keys, Home and End choose among the tabs of an ARIA tab list. */
function wireTabKeys(tabs: HTMLButtonElement[], show: (index: number) => void): void {
  tabs.forEach((button, i) => {
    button.addEventListener('click', () => show(i));
    button.addEventListener('keydown', (event) => {
      const keys: Record<string, number> = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 };
      if (!(event.key in keys)) return;
      event.preventDefault();
      const next = (keys[event.key] + tabs.length) % tabs.length;
      tabs[next].focus();
      show(next);
    });
  });
}

export function createImagePicker(deps: ImagePickerDeps): ImagePicker {
  const { t } = deps;
  const query: PickerQuery = { tab: 'quickstart', search: '', arch: '' };
  let images: Image[] = [];
  let selected: Image | undefined;
  let loadToken = 0;
  /** What the list shows (IDs, states, query): a refresh that changes none of it leaves the DOM (and focus) alone. */
  let shown = '';

  const panelId = uid('viz-ami-panel');
  const tabs = AMI_TABS.map((tab) => h('button', {
    type: 'button', role: 'tab', id: `${panelId}-${tab}`, 'aria-controls': panelId, 'aria-selected': String(tab === query.tab),
    tabindex: tab === query.tab ? 0 : -1, 'data-wizard-tab': tab,
  }, t(tabKeys[tab])));
  const tabList = h('div', { role: 'tablist', 'aria-label': t('wizard.step.ami') }, ...tabs);

  const searchId = uid('viz-ami-search');
  const search = h('input', { type: 'search', id: searchId, 'data-wizard-search': '', autocomplete: 'off' });
  const archId = uid('viz-ami-arch');
  const arch = h('select', { id: archId, 'data-wizard-arch': '' },
    h('option', { value: '' }, t('wizard.archAll')), h('option', { value: 'x86_64' }, 'x86_64'), h('option', { value: 'arm64' }, 'arm64 (Graviton)'));
  const count = h('p', { class: 'viz-muted', 'aria-live': 'polite', 'data-wizard-image-count': '' });
  const list = h('ul', { class: 'viz-images', 'data-wizard-images': '', 'aria-label': t('wizard.step.ami') });
  const chosen = h('p', { 'data-wizard-selected-image': '' }, t('wizard.noImageSelected'));
  const cli = cliBlock(t, 'ami');
  const panel = h('div', { role: 'tabpanel', id: panelId, 'aria-labelledby': `${panelId}-${query.tab}` },
    h('div', { class: 'viz-row' },
      h('div', { class: 'viz-field', style: 'flex:1 1 240px' }, h('label', { for: searchId }, t('wizard.search')), search),
      h('div', { class: 'viz-field' }, h('label', { for: archId }, t('wizard.archFilter')), arch)),
    count, list, chosen, cli.element);
  const element = h('fieldset', { class: 'viz-step', 'data-wizard-step': 'ami' }, h('legend', {}, t('wizard.step.ami')), tabList, panel);

  function updateCli(): void {
    cli.set(pickerCli(deps.region(), query, deps.quickStartIds(), selected?.ImageId, t));
  }

  function renderList(): void {
    const visible = images.filter((image) => matchesSearch(image, query.search));
    const signature = `${query.tab}|${query.search}|${visible.map((i) => `${i.ImageId}:${i.State}`).join(',')}`;
    if (signature === shown) return;
    shown = signature;
    count.textContent = t('wizard.imageCount', { count: visible.length });
    if (visible.length === 0) {
      const empty = query.tab === 'mine' && !query.search && !query.arch ? t('wizard.noOwnImages', { region: deps.region() }) : t('wizard.noImages');
      list.replaceChildren(h('li', { class: 'viz-muted', style: 'padding:8px' }, empty));
      return;
    }
    const name = `${panelId}-image`;
    list.replaceChildren(...visible.map((image) => imageItem(image, name, selected?.ImageId === image.ImageId, t, () => select(image))));
  }

  function select(image: Image | undefined): void {
    selected = image;
    chosen.textContent = image ? t('wizard.selectedImage', { name: image.Name ?? '', id: image.ImageId ?? '' }) : t('wizard.noImageSelected');
    updateCli();
    deps.onSelect(image);
  }

  async function refresh(): Promise<void> {
    const token = ++loadToken;
    updateCli();
    list.setAttribute('aria-busy', 'true');
    const quickStart = deps.quickStartIds();
    const result = await deps.client().describeImages(tabRequest(query, quickStart));
    if (token !== loadToken) return;
    images = tabImages(result.Images ?? [], query.tab, quickStart);
    // Keep the selection fresh (its state may have changed), or drop it if it left the region.
    if (selected) {
      const again = images.find((i) => i.ImageId === selected?.ImageId);
      if (again) selected = again;
    }
    list.removeAttribute('aria-busy');
    renderList();
  }

  async function showTab(tab: AmiTab): Promise<void> {
    query.tab = tab;
    for (const button of tabs) {
      const on = button.dataset.wizardTab === tab;
      button.setAttribute('aria-selected', String(on));
      button.tabIndex = on ? 0 : -1;
    }
    panel.setAttribute('aria-labelledby', `${panelId}-${tab}`);
    await refresh();
  }

  wireTabKeys(tabs, (i) => void showTab(AMI_TABS[i]));
  search.addEventListener('input', () => { query.search = search.value; updateCli(); renderList(); });
  arch.addEventListener('change', () => { query.arch = arch.value as ArchChoice; void refresh(); });

  return {
    element,
    refresh,
    showTab,
    selected: () => selected,
    clearSelection: () => select(undefined),
  };
}
