// The launch wizard's form steps (name and tags, instance type, key pair, network, storage): each builds its
// fieldset, writes what the learner picks into the shared LaunchChoices and asks the wizard to update the CLI
// lines. wizard-view.ts puts them together with the AMI picker, the Launch button and the instance list.
import type { Image, InstanceTypeInfo, KeyPairInfo, SecurityGroup, Subnet, VolumeType } from '../../mini-ec2/sdk-shapes.ts';
import { h, uid } from '../dom.ts';
import type { Translate } from '../../i18n/viz-strings.ts';
import { createKeyPairCli } from './cli.ts';
import { cliBlock, type CliBlock } from './cli-block.ts';
import type { LaunchChoices } from './launch-request.ts';
import type { WizardClient } from './wizard-api.ts';

export const DEFAULT_TYPE = 't3.micro';
const VOLUME_TYPES: VolumeType[] = ['gp3', 'gp2', 'io1', 'io2', 'st1', 'sc1', 'standard'];

/** What every step shares: the strings, the choices Launch will send, the region and its client. */
export interface StepContext {
  t: Translate;
  choices: LaunchChoices;
  region(): string;
  client(): WizardClient;
  /** Recomputes every CLI line from the choices (after any change). */
  update(): void;
}

/** How a step reports EC2's errors and its successes (the wizard's feedback box). */
export interface Feedback {
  showError(error: unknown): void;
  showMessage(text: string): void;
}

export interface Step {
  element: HTMLFieldSetElement;
  cli: CliBlock;
}

export function field(label: string, control: HTMLElement, id: string, extra?: HTMLElement): HTMLElement {
  control.id = id;
  return h('div', { class: 'viz-field' }, h('label', { for: id }, label), control, extra ?? null);
}

export function step(name: string, legend: string, ...children: (HTMLElement | null)[]): HTMLFieldSetElement {
  return h('fieldset', { class: 'viz-step', 'data-wizard-step': name }, h('legend', {}, legend), ...children);
}

export function option(value: string, label: string, selected = false): HTMLOptionElement {
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

/** 1. Name and tags: the Name field and any number of key/value rows. */
export function nameStep(ctx: StepContext): Step {
  const { t, choices } = ctx;
  const nameInput = h('input', { 'data-wizard-name': '', placeholder: t('wizard.namePlaceholder'), autocomplete: 'off' });
  const tagRows = h('div', { 'data-wizard-tags': '' });
  const addTag = h('button', { type: 'button', 'data-wizard-add-tag': '' }, t('wizard.addTag'));
  const cli = cliBlock(t, 'name');
  const renderTags = () => {
    tagRows.replaceChildren(...choices.tags.map((tag, i) => {
      const key = h('input', { value: tag.key, 'data-wizard-tag-key': i, autocomplete: 'off' });
      const value = h('input', { value: tag.value, 'data-wizard-tag-value': i, autocomplete: 'off' });
      key.addEventListener('input', () => { tag.key = key.value; ctx.update(); });
      value.addEventListener('input', () => { tag.value = value.value; ctx.update(); });
      const remove = h('button', { type: 'button', 'aria-label': t('wizard.removeTag', { n: i + 1 }) }, '✕');
      remove.addEventListener('click', () => { choices.tags.splice(i, 1); renderTags(); ctx.update(); addTag.focus(); });
      return h('div', { class: 'viz-row' }, field(t('wizard.tagKey'), key, uid('viz-tag-key')), field(t('wizard.tagValue'), value, uid('viz-tag-value')), remove);
    }));
  };
  addTag.addEventListener('click', () => {
    choices.tags.push({ key: '', value: '' });
    renderTags();
    tagRows.querySelector<HTMLInputElement>(`[data-wizard-tag-key="${choices.tags.length - 1}"]`)?.focus();
  });
  nameInput.addEventListener('input', () => { choices.name = nameInput.value; ctx.update(); });
  const element = step('name', t('wizard.step.name'), field(t('wizard.name'), nameInput, uid('viz-name')), tagRows, addTag, cli.element);
  return { element, cli };
}

/** 3. Instance type: the region's types, each with vCPUs, memory and architectures. */
export function typeStep(ctx: StepContext): Step & { show(types: InstanceTypeInfo[]): void } {
  const { t, choices } = ctx;
  const select = h('select', { 'data-wizard-type': '' });
  const cli = cliBlock(t, 'type');
  select.addEventListener('change', () => { choices.instanceType = select.value; ctx.update(); });
  const element = step('type', t('wizard.step.type'), field(t('wizard.step.type'), select, uid('viz-type')), cli.element);
  const show = (types: InstanceTypeInfo[]) => {
    select.replaceChildren(...types.map((info) => option(info.InstanceType ?? '', typeLabel(info, t), info.InstanceType === choices.instanceType)));
    if (!types.some((i) => i.InstanceType === choices.instanceType) && types[0]) choices.instanceType = types[0].InstanceType ?? DEFAULT_TYPE;
  };
  return { element, cli, show };
}

export interface KeyStep extends Step {
  /** Key pairs made in this wizard ("region/name"): their step shows the create-key-pair command. */
  createdKeys: Set<string>;
  show(keys: KeyPairInfo[]): void;
}

/** 4. Key pair: choose one of the region's, or create a new one on the model. */
export function keyStep(ctx: StepContext, feedback: Feedback): KeyStep {
  const { t, choices } = ctx;
  const select = h('select', { 'data-wizard-key': '' });
  const cli = cliBlock(t, 'key');
  select.addEventListener('change', () => { choices.keyName = select.value; ctx.update(); });
  const createdKeys = new Set<string>();
  const newKeyName = h('input', { 'data-wizard-new-key': '', autocomplete: 'off' });
  const createKey = h('button', { type: 'button', 'data-wizard-create-key': '' }, t('wizard.keyCreate'));
  const show = (keys: KeyPairInfo[]) => {
    choices.keyName = keys.some((k) => k.KeyName === choices.keyName) ? choices.keyName : '';
    select.replaceChildren(option('', t('wizard.keyNone'), choices.keyName === ''), ...keys.map((k) => option(k.KeyName ?? '', k.KeyName ?? '', k.KeyName === choices.keyName)));
    ctx.update();
  };
  createKey.addEventListener('click', () => {
    const name = newKeyName.value.trim();
    cli.set(createKeyPairCli(ctx.region(), name));
    void ctx.client().createKeyPair({ KeyName: name }).then(async () => {
      createdKeys.add(`${ctx.region()}/${name}`);
      choices.keyName = name;
      newKeyName.value = '';
      show((await ctx.client().describeKeyPairs({})).KeyPairs ?? []);
      feedback.showMessage(t('wizard.keyCreated', { name }));
    }, (error: unknown) => feedback.showError(error));
  });
  const element = step('key', t('wizard.step.key'), field(t('wizard.step.key'), select, uid('viz-key')),
    h('div', { class: 'viz-row' }, field(t('wizard.keyName'), newKeyName, uid('viz-new-key')), createKey), cli.element);
  return { element, cli, createdKeys, show };
}

/** 5. Network: subnet and security group, the default of each unless the learner picks one. */
export function networkStep(ctx: StepContext): Step & { show(subnets: Subnet[], groups: SecurityGroup[]): void } {
  const { t, choices } = ctx;
  const subnetSelect = h('select', { 'data-wizard-subnet': '' });
  const groupSelect = h('select', { 'data-wizard-sg': '' });
  const cli = cliBlock(t, 'network');
  subnetSelect.addEventListener('change', () => { choices.subnetId = subnetSelect.value; ctx.update(); });
  groupSelect.addEventListener('change', () => { choices.securityGroupId = groupSelect.value; ctx.update(); });
  const element = step('network', t('wizard.step.network'),
    h('div', { class: 'viz-row' }, field(t('wizard.subnet'), subnetSelect, uid('viz-subnet')), field(t('wizard.securityGroup'), groupSelect, uid('viz-sg'))),
    cli.element);
  const show = (subnets: Subnet[], groups: SecurityGroup[]) => {
    choices.subnetId = '';
    subnetSelect.replaceChildren(option('', t('wizard.subnetDefault'), true),
      ...subnets.map((s) => option(s.SubnetId ?? '', `${s.SubnetId} · ${s.AvailabilityZone} · ${s.CidrBlock}${s.DefaultForAz ? ` (${t('wizard.subnetIsDefault')})` : ''}`)));
    choices.securityGroupId = '';
    groupSelect.replaceChildren(option('', t('wizard.sgDefault'), true),
      ...groups.map((g) => option(g.GroupId ?? '', `${g.GroupId} · ${g.GroupName}`)));
  };
  return { element, cli, show };
}

/** 6. Storage: the root volume's size and type, starting from what the chosen image's root device has. */
export function storageStep(ctx: StepContext): Step & { useImage(image: Image | undefined): void } {
  const { t, choices } = ctx;
  const sizeInput = h('input', { type: 'number', min: 1, max: 16384, value: choices.volumeSizeGiB, 'data-wizard-size': '' });
  const volumeTypeSelect = h('select', { 'data-wizard-volume-type': '' }, ...VOLUME_TYPES.map((v) => option(v, v, v === choices.volumeType)));
  const cli = cliBlock(t, 'storage');
  sizeInput.addEventListener('input', () => { choices.volumeSizeGiB = Number(sizeInput.value) || 0; ctx.update(); });
  volumeTypeSelect.addEventListener('change', () => { choices.volumeType = volumeTypeSelect.value as VolumeType; ctx.update(); });
  const element = step('storage', t('wizard.step.storage'),
    h('div', { class: 'viz-row' }, field(t('wizard.volumeSize'), sizeInput, uid('viz-size')), field(t('wizard.volumeType'), volumeTypeSelect, uid('viz-voltype'))),
    cli.element);
  const useImage = (image: Image | undefined) => {
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
  };
  return { element, cli, useImage };
}

/** 7. Advanced details: user data, the script the instance runs once at its first boot. */
export function advancedStep(ctx: StepContext): Step {
  const { t, choices } = ctx;
  const userDataInput = h('textarea', { rows: 4, spellcheck: 'false', placeholder: '#!/bin/bash\ndnf install -y httpd\nsystemctl enable --now httpd', 'data-wizard-user-data': '' });
  const cli = cliBlock(t, 'user-data');
  userDataInput.addEventListener('input', () => { choices.userData = userDataInput.value; ctx.update(); });
  const element = step('advanced', t('wizard.step.advanced'), field(t('wizard.userData'), userDataInput, uid('viz-user-data')),
    h('p', { class: 'viz-muted' }, t('wizard.userDataHint')), cli.element);
  return { element, cli };
}
