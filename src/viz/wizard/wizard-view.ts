// The launch wizard: the console's "Launch an instance" page on an in-browser mini-EC2 running in scaled
// real time. Steps as the console orders them (name and tags, AMI, instance type, key pair, network,
// storage, summary), each with its AWS CLI equivalent; Launch calls RunInstances on the model and the
// instance list below follows it from pending to running. Errors are EC2's own, code and message.
// Loaded on demand by wizard-loader.ts (with the model), never with the page.
import type { Locale } from '../../i18n/locales.ts';
import type { InstanceTypeInfo, KeyPairInfo, SecurityGroup, Subnet, VolumeType } from '../../mini-ec2/sdk-shapes.ts';
import { h, uid } from '../dom.ts';
import { translator, type Translate } from '../i18n.ts';
import { ensureStyles } from '../styles.ts';
import type { LiveMapController } from '../map-view.ts';
import { blockDeviceArgs, createKeyPairCli, describeInstanceTypesCli, describeKeyPairsCli, describeNetworkCli, runInstancesCli, tagArgs, userDataCli } from './cli.ts';
import { cliBlock } from './cli-block.ts';
import { createImagePicker } from './image-picker.ts';
import { createInstancesPanel } from './instances-panel.ts';
import { buildRunRequest, type LaunchChoices } from './launch-request.ts';
import { errorParts, type WizardEnv } from './wizard-api.ts';

export interface LaunchWizard {
  element: HTMLElement;
  destroy(): void;
}

const VOLUME_TYPES: VolumeType[] = ['gp3', 'gp2', 'io1', 'io2', 'st1', 'sc1', 'standard'];
const DEFAULT_TYPE = 't3.micro';

function field(label: string, control: HTMLElement, id: string, extra?: HTMLElement): HTMLElement {
  control.id = id;
  return h('div', { class: 'viz-field' }, h('label', { for: id }, label), control, extra ?? null);
}

function step(name: string, legend: string, ...children: (HTMLElement | null)[]): HTMLFieldSetElement {
  return h('fieldset', { class: 'viz-step', 'data-wizard-step': name }, h('legend', {}, legend), ...children);
}

function option(value: string, label: string, selected = false): HTMLOptionElement {
  return h('option', { value, selected }, label);
}

function typeLabel(info: InstanceTypeInfo, t: Translate): string {
  const gib = (info.MemoryInfo?.SizeInMiB ?? 0) / 1024;
  const detail = t('wizard.typeDetail', {
    vcpus: info.VCpuInfo?.DefaultVCpus ?? '?',
    memory: Number.isInteger(gib) ? gib : gib.toFixed(1),
    arch: (info.ProcessorInfo?.SupportedArchitectures ?? []).join(', '),
  });
  return `${info.InstanceType} — ${detail}${info.FreeTierEligible ? ` · ${t('wizard.freeTier')}` : ''}`;
}

export function mountLaunchWizard(container: HTMLElement, options: { locale: Locale; env: WizardEnv }): LaunchWizard {
  const { env } = options;
  ensureStyles(container.ownerDocument);
  const t = translator(options.locale);
  let region = env.regions[0];
  const client = () => env.model.client(region);
  const choices: LaunchChoices = {
    name: '', tags: [], instanceType: DEFAULT_TYPE, keyName: '', subnetId: '', securityGroupId: '',
    volumeSizeGiB: 8, volumeType: 'gp3', count: 1,
  };
  let types: InstanceTypeInfo[] = [];

  // --- feedback: EC2's errors and success messages ---
  const feedback = h('div', { 'data-wizard-feedback': '' });
  const showError = (error: unknown) => {
    const { code, message } = errorParts(error);
    const box = h('div', { class: 'viz-error', role: 'alert', 'data-wizard-error': code },
      h('strong', {}, t('wizard.error')), ': ', h('code', {}, code), ' — ', message);
    // A Marketplace image needs a subscription first; the console offers it right there.
    const product = picker.selected()?.ProductCodes?.find((p) => p.ProductCodeType === 'marketplace')?.ProductCodeId;
    if (code === 'OptInRequired' && product && env.model.subscribeToMarketplaceProduct) {
      const subscribe = h('button', { type: 'button', 'data-wizard-subscribe': product }, t('wizard.subscribe', { code: product }));
      subscribe.addEventListener('click', () => {
        env.model.subscribeToMarketplaceProduct?.(product);
        showMessage(t('wizard.subscribed', { code: product }));
        launchButton.focus();
      });
      box.append(h('div', { class: 'viz-actions', style: 'margin-top:6px' }, subscribe));
    }
    feedback.replaceChildren(box);
  };
  const showMessage = (text: string) => {
    feedback.replaceChildren(h('p', { role: 'status', 'data-wizard-message': '' }, text));
  };

  // --- region ---
  const regionSelect = h('select', { 'data-wizard-region': '' }, ...env.regions.map((r) => option(r, r, r === region)));

  // --- 1. name and tags ---
  const nameInput = h('input', { 'data-wizard-name': '', placeholder: t('wizard.namePlaceholder'), autocomplete: 'off' });
  const tagRows = h('div', { 'data-wizard-tags': '' });
  const addTag = h('button', { type: 'button', 'data-wizard-add-tag': '' }, t('wizard.addTag'));
  const nameCli = cliBlock(t, 'name');
  const renderTags = () => {
    tagRows.replaceChildren(...choices.tags.map((tag, i) => {
      const key = h('input', { value: tag.key, 'data-wizard-tag-key': i, autocomplete: 'off' });
      const value = h('input', { value: tag.value, 'data-wizard-tag-value': i, autocomplete: 'off' });
      key.addEventListener('input', () => { tag.key = key.value; update(); });
      value.addEventListener('input', () => { tag.value = value.value; update(); });
      const remove = h('button', { type: 'button', 'aria-label': t('wizard.removeTag', { n: i + 1 }) }, '✕');
      remove.addEventListener('click', () => { choices.tags.splice(i, 1); renderTags(); update(); addTag.focus(); });
      return h('div', { class: 'viz-row' }, field(t('wizard.tagKey'), key, uid('viz-tag-key')), field(t('wizard.tagValue'), value, uid('viz-tag-value')), remove);
    }));
  };
  addTag.addEventListener('click', () => {
    choices.tags.push({ key: '', value: '' });
    renderTags();
    tagRows.querySelector<HTMLInputElement>(`[data-wizard-tag-key="${choices.tags.length - 1}"]`)?.focus();
  });
  nameInput.addEventListener('input', () => { choices.name = nameInput.value; update(); });

  // --- 2. AMI ---
  const picker = createImagePicker({
    t,
    region: () => region,
    client,
    quickStartIds: () => env.quickStartIds(region),
    onSelect: (image) => {
      choices.imageId = image?.ImageId;
      const root = image?.BlockDeviceMappings?.find((m) => m.DeviceName === image.RootDeviceName) ?? image?.BlockDeviceMappings?.[0];
      choices.rootDeviceName = image?.RootDeviceName ?? root?.DeviceName;
      if (root?.Ebs?.VolumeSize) {
        choices.volumeSizeGiB = root.Ebs.VolumeSize;
        sizeInput.value = String(root.Ebs.VolumeSize);
        sizeInput.min = String(root.Ebs.VolumeSize);
      }
      if (root?.Ebs?.VolumeType) {
        choices.volumeType = root.Ebs.VolumeType;
        volumeTypeSelect.value = root.Ebs.VolumeType;
      }
      update();
    },
  });

  // --- 3. instance type ---
  const typeSelect = h('select', { 'data-wizard-type': '' });
  const typeCli = cliBlock(t, 'type');
  typeSelect.addEventListener('change', () => { choices.instanceType = typeSelect.value; update(); });

  // --- 4. key pair ---
  const keySelect = h('select', { 'data-wizard-key': '' });
  const keyCli = cliBlock(t, 'key');
  keySelect.addEventListener('change', () => { choices.keyName = keySelect.value; update(); });
  /** Key pairs made in this wizard: their step shows the create-key-pair command. */
  const createdKeys = new Set<string>();
  const newKeyName = h('input', { 'data-wizard-new-key': '', autocomplete: 'off' });
  const createKey = h('button', { type: 'button', 'data-wizard-create-key': '' }, t('wizard.keyCreate'));
  createKey.addEventListener('click', () => {
    const name = newKeyName.value.trim();
    keyCli.set(createKeyPairCli(region, name));
    void client().createKeyPair({ KeyName: name }).then(async () => {
      createdKeys.add(`${region}/${name}`);
      choices.keyName = name;
      newKeyName.value = '';
      await loadKeys();
      showMessage(t('wizard.keyCreated', { name }));
    }, showError);
  });

  // --- 5. network ---
  const subnetSelect = h('select', { 'data-wizard-subnet': '' });
  const groupSelect = h('select', { 'data-wizard-sg': '' });
  const networkCli = cliBlock(t, 'network');
  subnetSelect.addEventListener('change', () => { choices.subnetId = subnetSelect.value; update(); });
  groupSelect.addEventListener('change', () => { choices.securityGroupId = groupSelect.value; update(); });

  // --- 6. storage ---
  const sizeInput = h('input', { type: 'number', min: 1, max: 16384, value: choices.volumeSizeGiB, 'data-wizard-size': '' });
  const volumeTypeSelect = h('select', { 'data-wizard-volume-type': '' }, ...VOLUME_TYPES.map((v) => option(v, v, v === choices.volumeType)));
  const storageCli = cliBlock(t, 'storage');
  sizeInput.addEventListener('input', () => { choices.volumeSizeGiB = Number(sizeInput.value) || 0; update(); });
  volumeTypeSelect.addEventListener('change', () => { choices.volumeType = volumeTypeSelect.value as VolumeType; update(); });

  // --- 7. advanced details: user data, run once at the first boot ---
  const userDataInput = h('textarea', { rows: 4, spellcheck: 'false', placeholder: '#!/bin/bash\ndnf install -y httpd\nsystemctl enable --now httpd', 'data-wizard-user-data': '' });
  const userDataCliBlock = cliBlock(t, 'user-data');
  userDataInput.addEventListener('input', () => { choices.userData = userDataInput.value; update(); });

  // --- 8. summary and launch ---
  const countInput = h('input', { type: 'number', min: 1, max: 20, value: 1, 'data-wizard-count': '' });
  const launchButton = h('button', { type: 'button', class: 'viz-primary', 'data-wizard-launch': '' }, t('wizard.launch'));
  const summaryCli = cliBlock(t, 'run-instances');
  countInput.addEventListener('input', () => { choices.count = Math.max(1, Math.floor(Number(countInput.value) || 1)); update(); });

  const instances = createInstancesPanel({
    t, region: () => region, client, showError, showMessage,
    onImageCreated: () => { void picker.refresh(); },
  });

  launchButton.addEventListener('click', () => {
    launchButton.disabled = true;
    launchButton.textContent = t('wizard.launching');
    feedback.replaceChildren();
    void client().runInstances(buildRunRequest(choices)).then(
      (result) => {
        instances.showLaunched(result.Instances ?? []);
        showMessage(t('wizard.launched', { id: (result.Instances ?? []).map((i) => i.InstanceId).join(', ') }));
      },
      showError,
    ).finally(() => {
      launchButton.disabled = false;
      launchButton.textContent = t('wizard.launch');
      void instances.refresh().then(poll);
    });
  });

  // --- live map of this model ---
  const mapHost = h('div', { 'data-wizard-map': '' });
  const mapButton = h('button', { type: 'button', 'aria-expanded': 'false', 'data-wizard-map-toggle': '' }, t('map.show'));
  let map: Promise<LiveMapController> | undefined;
  let stopFollowing: (() => void) | undefined;
  mapButton.addEventListener('click', () => {
    const open = mapButton.getAttribute('aria-expanded') === 'true';
    mapButton.setAttribute('aria-expanded', String(!open));
    mapButton.textContent = open ? t('map.show') : t('map.hide');
    mapHost.hidden = open;
    if (open || map) return;
    mapHost.textContent = t('map.loading');
    map = import('../map-view.ts').then(({ mountLiveMap }) => {
      mapHost.replaceChildren();
      const controller = mountLiveMap(mapHost, { locale: options.locale });
      stopFollowing = controller.follow(env.model);
      return controller;
    });
    map.catch((error: unknown) => {
      map = undefined;
      mapHost.textContent = t('map.loadFailed', { error: String(error) });
    });
  });

  const titleId = uid('viz-wizard-title');
  const element = h('section', { class: 'viz-root viz-wizard', 'data-wizard': '', 'aria-labelledby': titleId },
    h('h2', { id: titleId }, t('wizard.title')),
    h('p', { class: 'viz-muted' }, t('wizard.intro'), ' ', t('wizard.clock', { speed: env.speed })),
    h('div', { class: 'viz-row' }, field(t('wizard.region'), regionSelect, uid('viz-region'))),
    step('name', t('wizard.step.name'), field(t('wizard.name'), nameInput, uid('viz-name')), tagRows, addTag, nameCli.element),
    picker.element,
    step('type', t('wizard.step.type'), field(t('wizard.step.type'), typeSelect, uid('viz-type')), typeCli.element),
    step('key', t('wizard.step.key'), field(t('wizard.step.key'), keySelect, uid('viz-key')),
      h('div', { class: 'viz-row' }, field(t('wizard.keyName'), newKeyName, uid('viz-new-key')), createKey), keyCli.element),
    step('network', t('wizard.step.network'),
      h('div', { class: 'viz-row' }, field(t('wizard.subnet'), subnetSelect, uid('viz-subnet')), field(t('wizard.securityGroup'), groupSelect, uid('viz-sg'))),
      networkCli.element),
    step('storage', t('wizard.step.storage'),
      h('div', { class: 'viz-row' }, field(t('wizard.volumeSize'), sizeInput, uid('viz-size')), field(t('wizard.volumeType'), volumeTypeSelect, uid('viz-voltype'))),
      storageCli.element),
    step('advanced', t('wizard.step.advanced'), field(t('wizard.userData'), userDataInput, uid('viz-user-data')),
      h('p', { class: 'viz-muted' }, t('wizard.userDataHint')), userDataCliBlock.element),
    step('summary', t('wizard.step.summary'), field(t('wizard.count'), countInput, uid('viz-count')), summaryCli.element, h('div', { class: 'viz-actions' }, launchButton)),
    feedback,
    instances.element,
    h('div', { class: 'viz-toolbar' }, mapButton),
    mapHost);
  mapHost.hidden = true;
  container.replaceChildren(element);

  /** Recomputes every CLI line from the current choices (the same request Launch will send). */
  function update(): void {
    const request = buildRunRequest(choices);
    const tags = tagArgs(request);
    nameCli.set(tags.length ? `# ${t('wizard.cliPartOf')}\n${tags.join(' ')}` : `# ${t('wizard.cliNoTags')}`);
    typeCli.set(describeInstanceTypesCli(region, choices.instanceType));
    keyCli.set(createdKeys.has(`${region}/${choices.keyName}`)
      ? createKeyPairCli(region, choices.keyName)
      : describeKeyPairsCli(region, choices.keyName || undefined));
    networkCli.set(describeNetworkCli(region, choices.subnetId || undefined, choices.securityGroupId || undefined));
    const storage = blockDeviceArgs(request);
    storageCli.set(storage.length ? `# ${t('wizard.cliPartOf')}\n${storage.join(' ')}` : `# ${t('wizard.cliImageStorage')}`);
    userDataCliBlock.set(choices.userData?.trim() ? userDataCli(choices.userData) : `# ${t('wizard.cliNoUserData')}`);
    summaryCli.set(runInstancesCli(region, request));
  }

  function showKeys(keys: KeyPairInfo[]): void {
    choices.keyName = keys.some((k) => k.KeyName === choices.keyName) ? choices.keyName : '';
    keySelect.replaceChildren(option('', t('wizard.keyNone'), choices.keyName === ''), ...keys.map((k) => option(k.KeyName ?? '', k.KeyName ?? '', k.KeyName === choices.keyName)));
    update();
  }

  async function loadKeys(): Promise<void> {
    showKeys((await client().describeKeyPairs({})).KeyPairs ?? []);
  }

  async function loadRegion(): Promise<void> {
    const c = client();
    const [typeResult, keyResult, subnetResult, groupResult] = await Promise.all([
      types.length ? Promise.resolve({ InstanceTypes: types }) : c.describeInstanceTypes({}),
      c.describeKeyPairs({}),
      c.describeSubnets({}),
      c.describeSecurityGroups({}),
    ]);
    types = [...(typeResult.InstanceTypes ?? [])].sort((a, b) => (a.InstanceType ?? '').localeCompare(b.InstanceType ?? '', 'en', { numeric: true }));
    typeSelect.replaceChildren(...types.map((info) => option(info.InstanceType ?? '', typeLabel(info, t), info.InstanceType === choices.instanceType)));
    if (!types.some((i) => i.InstanceType === choices.instanceType) && types[0]) choices.instanceType = types[0].InstanceType ?? DEFAULT_TYPE;
    showKeys(keyResult.KeyPairs ?? []);
    const subnets: Subnet[] = subnetResult.Subnets ?? [];
    choices.subnetId = '';
    subnetSelect.replaceChildren(option('', t('wizard.subnetDefault'), true),
      ...subnets.map((s) => option(s.SubnetId ?? '', `${s.SubnetId} · ${s.AvailabilityZone} · ${s.CidrBlock}${s.DefaultForAz ? ` (${t('wizard.subnetIsDefault')})` : ''}`)));
    const groups: SecurityGroup[] = groupResult.SecurityGroups ?? [];
    choices.securityGroupId = '';
    groupSelect.replaceChildren(option('', t('wizard.sgDefault'), true),
      ...groups.map((g) => option(g.GroupId ?? '', `${g.GroupId} · ${g.GroupName}`)));
    update();
    await Promise.all([picker.refresh(), instances.refresh()]);
  }

  regionSelect.addEventListener('change', () => {
    region = regionSelect.value;
    picker.clearSelection();
    feedback.replaceChildren();
    void loadRegion().catch(showError);
  });

  // The model moves states on its own clock: follow its events, and poll while something is in between
  // states (a model that applies transitions when asked still advances this way).
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  function poll(): void {
    if (pollTimer !== undefined) return;
    pollTimer = setTimeout(() => {
      pollTimer = undefined;
      void Promise.all([instances.refresh(), picker.refresh()]).then(() => {
        if (instances.busy() || hasPendingImage()) poll();
      });
    }, 300);
  }
  const hasPendingImage = () => element.querySelector('[data-wizard-images] li[data-state="pending"]') !== null;
  const unsubscribe = env.model.subscribe(() => poll());

  void loadRegion().catch(showError);
  return {
    element,
    destroy() {
      unsubscribe();
      stopFollowing?.();
      if (pollTimer !== undefined) clearTimeout(pollTimer);
      element.remove();
    },
  };
}
