// The launch wizard: the console's "Launch an instance" page on an in-browser mini-EC2 running in scaled
// real time. Steps as the console orders them (name and tags, AMI, instance type, key pair, network,
// storage, advanced details with user data, summary), each with its AWS CLI equivalent; Launch calls
// RunInstances on the model and the instance list below follows it from pending to running. Errors are EC2's own, code and message.
// Loaded on demand by wizard-loader.ts (with the model), never with the page.
import type { Locale } from '../../i18n/locales.ts';
import type { Image, InstanceTypeInfo } from '../../mini-ec2/sdk-shapes.ts';
import { h, uid } from '../dom.ts';
import { translator } from '../../i18n/translate.ts';
import { vizStrings, type Translate } from '../../i18n/viz-strings.ts';
import { ensureStyles } from '../styles.ts';
import type { LiveMapController } from '../map-view.ts';
import { blockDeviceArgs, createKeyPairCli, describeInstanceTypesCli, describeKeyPairsCli, describeNetworkCli, runInstancesCli, tagArgs, userDataCli } from './cli.ts';
import { cliBlock, type CliBlock } from './cli-block.ts';
import { createImagePicker } from './image-picker.ts';
import { createInstancesPanel, type InstancesPanel } from './instances-panel.ts';
import { buildRunRequest, type LaunchChoices } from './launch-request.ts';
import { errorParts, type WizardEnv, type WizardModel } from './wizard-api.ts';
import { DEFAULT_TYPE, field, keyStep, nameStep, networkStep, option, step, storageStep, advancedStep, typeStep, type Feedback, type StepContext } from './wizard-steps.ts';

export interface LaunchWizard {
  element: HTMLElement;
  destroy(): void;
}

/** The box under the steps: EC2's error (code and message, with Subscribe for a Marketplace image) or a success. */
function feedbackBox(t: Translate, model: WizardModel, selectedImage: () => Image | undefined, focusLaunch: () => void): Feedback & { element: HTMLElement } {
  const element = h('div', { 'data-wizard-feedback': '' });
  const showMessage = (text: string) => {
    element.replaceChildren(h('p', { role: 'status', 'data-wizard-message': '' }, text));
  };
  const showError = (error: unknown) => {
    const { code, message } = errorParts(error);
    const box = h('div', { class: 'viz-error', role: 'alert', 'data-wizard-error': code },
      h('strong', {}, t('wizard.error')), ': ', h('code', {}, code), ' — ', message);
    // A Marketplace image needs a subscription first; the console offers it right there.
    const product = selectedImage()?.ProductCodes?.find((p) => p.ProductCodeType === 'marketplace')?.ProductCodeId;
    if (code === 'OptInRequired' && product && model.subscribeToMarketplaceProduct) {
      const subscribe = h('button', { type: 'button', 'data-wizard-subscribe': product }, t('wizard.subscribe', { code: product }));
      subscribe.addEventListener('click', () => {
        model.subscribeToMarketplaceProduct?.(product);
        showMessage(t('wizard.subscribed', { code: product }));
        focusLaunch();
      });
      box.append(h('div', { class: 'viz-actions', style: 'margin-top:6px' }, subscribe));
    }
    element.replaceChildren(box);
  };
  return { element, showError, showMessage };
}

/** 8. Summary: the instance count, the whole run-instances command, and Launch. */
function summaryStep(ctx: StepContext, feedback: Feedback & { element: HTMLElement }, instances: InstancesPanel, afterLaunch: () => void) {
  const { t, choices } = ctx;
  const countInput = h('input', { type: 'number', min: 1, max: 20, value: 1, 'data-wizard-count': '' });
  const launchButton = h('button', { type: 'button', class: 'viz-primary', 'data-wizard-launch': '' }, t('wizard.launch'));
  const cli = cliBlock(t, 'run-instances');
  countInput.addEventListener('input', () => { choices.count = Math.max(1, Math.floor(Number(countInput.value) || 1)); ctx.update(); });
  launchButton.addEventListener('click', () => {
    launchButton.disabled = true;
    launchButton.textContent = t('wizard.launching');
    feedback.element.replaceChildren();
    void ctx.client().runInstances(buildRunRequest(choices)).then(
      (result) => {
        instances.showLaunched(result.Instances ?? []);
        feedback.showMessage(t('wizard.launched', { id: (result.Instances ?? []).map((i) => i.InstanceId).join(', ') }));
      },
      (error: unknown) => feedback.showError(error),
    ).finally(() => {
      launchButton.disabled = false;
      launchButton.textContent = t('wizard.launch');
      void instances.refresh().then(afterLaunch);
    });
  });
  const element = step('summary', t('wizard.step.summary'), field(t('wizard.count'), countInput, uid('viz-count')), cli.element, h('div', { class: 'viz-actions' }, launchButton));
  return { element, cli, launchButton };
}

/** The "Show live map" button and the map of the wizard's own model, loaded on the first press. */
function wizardMap(t: Translate, locale: Locale, model: WizardModel): { button: HTMLButtonElement; host: HTMLElement; destroy(): void } {
  const host = h('div', { 'data-wizard-map': '' });
  const button = h('button', { type: 'button', 'aria-expanded': 'false', 'data-wizard-map-toggle': '' }, t('map.show'));
  let map: Promise<LiveMapController> | undefined;
  let stopFollowing: (() => void) | undefined;
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') === 'true';
    button.setAttribute('aria-expanded', String(!open));
    button.textContent = open ? t('map.show') : t('map.hide');
    host.hidden = open;
    if (open || map) return;
    host.textContent = t('map.loading');
    map = import('../map-view.ts').then(({ mountLiveMap }) => {
      host.replaceChildren();
      const controller = mountLiveMap(host, { locale });
      stopFollowing = controller.follow(model);
      return controller;
    });
    map.catch((error: unknown) => {
      map = undefined;
      host.textContent = t('map.loadFailed', { error: String(error) });
    });
  });
  host.hidden = true;
  return { button, host, destroy: () => stopFollowing?.() };
}

/** The CLI line of every step, recomputed from the current choices (the same request Launch will send). */
interface CliLines { name: CliBlock; type: CliBlock; key: CliBlock; network: CliBlock; storage: CliBlock; advanced: CliBlock; summary: CliBlock }

function updateCliLines(lines: CliLines, region: string, choices: LaunchChoices, createdKeys: Set<string>, t: Translate): void {
  const request = buildRunRequest(choices);
  const tags = tagArgs(request);
  lines.name.set(tags.length ? `# ${t('wizard.cliPartOf')}\n${tags.join(' ')}` : `# ${t('wizard.cliNoTags')}`);
  lines.type.set(describeInstanceTypesCli(region, choices.instanceType));
  lines.key.set(createdKeys.has(`${region}/${choices.keyName}`)
    ? createKeyPairCli(region, choices.keyName)
    : describeKeyPairsCli(region, choices.keyName || undefined));
  lines.network.set(describeNetworkCli(region, choices.subnetId || undefined, choices.securityGroupId || undefined));
  const storage = blockDeviceArgs(request);
  lines.storage.set(storage.length ? `# ${t('wizard.cliPartOf')}\n${storage.join(' ')}` : `# ${t('wizard.cliImageStorage')}`);
  lines.advanced.set(choices.userData?.trim() ? userDataCli(choices.userData) : `# ${t('wizard.cliNoUserData')}`);
  lines.summary.set(runInstancesCli(region, request));
}

/**
 * The model moves states on its own clock: `poll` refreshes every 300 ms while `moving()` says something is
 * in between states (a model that applies transitions only when asked still advances this way).
 */
function createPoller(refresh: () => Promise<unknown>, moving: () => boolean): { poll(): void; stop(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const poll = () => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      void refresh().then(() => { if (moving()) poll(); });
    }, 300);
  };
  return { poll, stop: () => { if (timer !== undefined) clearTimeout(timer); } };
}

function sortedTypes(types: InstanceTypeInfo[]): InstanceTypeInfo[] {
  return [...types].sort((a, b) => (a.InstanceType ?? '').localeCompare(b.InstanceType ?? '', 'en', { numeric: true }));
}

export function mountLaunchWizard(container: HTMLElement, options: { locale: Locale; env: WizardEnv }): LaunchWizard {
  const { env } = options;
  ensureStyles(container.ownerDocument);
  const t = translator(vizStrings, options.locale);
  let region = env.regions[0];
  const client = () => env.model.client(region);
  const choices: LaunchChoices = {
    name: '', tags: [], instanceType: DEFAULT_TYPE, keyName: '', subnetId: '', securityGroupId: '',
    volumeSizeGiB: 8, volumeType: 'gp3', count: 1,
  };
  let types: InstanceTypeInfo[] = [];
  const ctx: StepContext = { t, choices, region: () => region, client, update };
  const feedback = feedbackBox(t, env.model, () => picker.selected(), () => summary.launchButton.focus());
  const regionSelect = h('select', { 'data-wizard-region': '' }, ...env.regions.map((r) => option(r, r, r === region)));
  const name = nameStep(ctx);
  const picker = createImagePicker({
    t, region: () => region, client, quickStartIds: () => env.quickStartIds(region),
    onSelect: (image) => { choices.imageId = image?.ImageId; storage.useImage(image); update(); },
  });
  const type = typeStep(ctx);
  const key = keyStep(ctx, feedback);
  const network = networkStep(ctx);
  const storage = storageStep(ctx);
  const advanced = advancedStep(ctx);
  const instances = createInstancesPanel({ t, region: () => region, client, ...feedback, onImageCreated: () => { void picker.refresh(); } });
  const summary = summaryStep(ctx, feedback, instances, () => poller.poll());
  const map = wizardMap(t, options.locale, env.model);

  const titleId = uid('viz-wizard-title');
  const element = h('section', { class: 'viz-root viz-wizard', 'data-wizard': '', 'aria-labelledby': titleId },
    h('h2', { id: titleId }, t('wizard.title')),
    h('p', { class: 'viz-muted' }, t('wizard.intro'), ' ', t('wizard.clock', { speed: env.speed })),
    h('div', { class: 'viz-row' }, field(t('wizard.region'), regionSelect, uid('viz-region'))),
    name.element, picker.element, type.element, key.element, network.element, storage.element, advanced.element, summary.element,
    feedback.element, instances.element, h('div', { class: 'viz-toolbar' }, map.button), map.host);
  container.replaceChildren(element);

  function update(): void {
    const lines = { name: name.cli, type: type.cli, key: key.cli, network: network.cli, storage: storage.cli, advanced: advanced.cli, summary: summary.cli };
    updateCliLines(lines, region, choices, key.createdKeys, t);
  }

  async function loadRegion(): Promise<void> {
    const c = client();
    const [typeResult, keyResult, subnetResult, groupResult] = await Promise.all([
      types.length ? Promise.resolve({ InstanceTypes: types }) : c.describeInstanceTypes({}),
      c.describeKeyPairs({}),
      c.describeSubnets({}),
      c.describeSecurityGroups({}),
    ]);
    types = sortedTypes(typeResult.InstanceTypes ?? []);
    type.show(types);
    key.show(keyResult.KeyPairs ?? []);
    network.show(subnetResult.Subnets ?? [], groupResult.SecurityGroups ?? []);
    update();
    await Promise.all([picker.refresh(), instances.refresh()]);
  }

  regionSelect.addEventListener('change', () => {
    region = regionSelect.value;
    picker.clearSelection();
    feedback.element.replaceChildren();
    void loadRegion().catch((error: unknown) => feedback.showError(error));
  });

  const hasPendingImage = () => element.querySelector('[data-wizard-images] li[data-state="pending"]') !== null;
  const poller = createPoller(() => Promise.all([instances.refresh(), picker.refresh()]), () => instances.busy() || hasPendingImage());
  const unsubscribe = env.model.subscribe(() => poller.poll());

  void loadRegion().catch((error: unknown) => feedback.showError(error));
  return {
    element,
    destroy() {
      unsubscribe();
      map.destroy();
      poller.stop();
      element.remove();
    },
  };
}
