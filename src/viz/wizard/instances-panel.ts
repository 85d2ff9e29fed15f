// The wizard's list of instances in the chosen region, kept current from the model: state as colour and
// text, and the console's actions (Create image, Stop, Start, Terminate), each with its CLI line.
import type { DescribeInstancesResult, Instance } from '../../mini-ec2/sdk-shapes.ts';
import { h, uid } from '../dom.ts';
import type { Translate } from '../../i18n/viz-strings.ts';
import { stateText } from '../describe.ts';
import { stateTone } from '../styles.ts';
import { createImageCli, instanceActionCli } from './cli.ts';
import { cliBlock } from './cli-block.ts';
import type { WizardClient } from './wizard-api.ts';

export interface InstancesPanel {
  element: HTMLElement;
  refresh(): Promise<void>;
  /** Shows instances straight from a RunInstances answer (pending), before the next describe call. */
  showLaunched(launched: Instance[]): void;
  /** True while an instance is between states (the wizard polls the model until none is). */
  busy(): boolean;
}

export interface InstancesPanelDeps {
  t: Translate;
  region(): string;
  client(): WizardClient;
  showError(error: unknown): void;
  showMessage(text: string): void;
  /** Called after an image was created (the picker refreshes My AMIs). */
  onImageCreated(imageId: string): void;
}

const TRANSITIONAL = new Set(['pending', 'stopping', 'shutting-down']);

function launched(instance: Instance): number {
  return instance.LaunchTime ? new Date(instance.LaunchTime).getTime() : 0;
}

function nameOf(instance: Instance): string {
  return instance.Tags?.find((tag) => tag.Key === 'Name')?.Value ?? '';
}

type InstanceAction = 'stop' | 'start' | 'terminate';

/** What a row's buttons do: open the create-image form under the row, or stop/start/terminate the instance. */
interface RowActions {
  openImageForm(id: string): void;
  act(kind: InstanceAction, id: string): void;
}

/** The create-image form of one instance, with its CLI line; `close` removes it (Cancel, or the image was created). */
function imageForm(instance: Instance, deps: InstancesPanelDeps, close: () => void): HTMLFormElement {
  const { t } = deps;
  const id = instance.InstanceId ?? '';
  const nameId = uid('viz-image-name');
  const descId = uid('viz-image-desc');
  const name = h('input', { id: nameId, value: `${nameOf(instance) || id}-image`, 'data-wizard-image-name': '', required: true });
  const description = h('input', { id: descId, 'data-wizard-image-description': '' });
  const cli = cliBlock(t, 'create-image');
  const update = () => cli.set(createImageCli(deps.region(), { InstanceId: id, Name: name.value, Description: description.value || undefined }));
  name.addEventListener('input', update);
  description.addEventListener('input', update);
  update();
  const submit = h('button', { type: 'submit', class: 'viz-primary', 'data-wizard-create-image-submit': '' }, t('wizard.createImageSubmit'));
  const cancel = h('button', { type: 'button' }, t('wizard.cancel'));
  const form = h('form', { 'data-wizard-image-form': id, 'aria-label': t('wizard.createImageOf', { id }) },
    h('p', {}, h('strong', {}, t('wizard.createImageOf', { id }))),
    h('div', { class: 'viz-row' },
      h('div', { class: 'viz-field' }, h('label', { for: nameId }, t('wizard.imageName')), name),
      h('div', { class: 'viz-field', style: 'flex:1 1 200px' }, h('label', { for: descId }, t('wizard.imageDescription')), description)),
    h('div', { class: 'viz-actions' }, submit, cancel),
    cli.element);
  cancel.addEventListener('click', close);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    void deps.client().createImage({ InstanceId: id, Name: name.value, Description: description.value || undefined }).then(
      (result) => {
        deps.showMessage(t('wizard.imageCreatedMsg', { id: result.ImageId ?? '' }));
        deps.onImageCreated(result.ImageId ?? '');
        close();
      },
      (error: unknown) => { submit.disabled = false; deps.showError(error); },
    );
  });
  setTimeout(() => name.focus(), 0);
  return form;
}

/** The console's actions for an instance in `state`: Create image, Stop or Start, Terminate. */
function actionButtons(id: string, state: string, t: Translate, on: RowActions): HTMLElement {
  const button = (label: string, onClick: () => void, attr: string) => {
    const b = h('button', { type: 'button', [attr]: id }, label);
    b.addEventListener('click', onClick);
    return b;
  };
  const actions = h('div', { class: 'viz-actions' });
  if (['running', 'stopping', 'stopped'].includes(state)) {
    actions.append(button(t('wizard.createImage'), () => on.openImageForm(id), 'data-wizard-create-image'));
  }
  if (state === 'running') actions.append(button(t('wizard.stop'), () => on.act('stop', id), 'data-wizard-stop'));
  if (state === 'stopped') actions.append(button(t('wizard.start'), () => on.act('start', id), 'data-wizard-start'));
  if (state !== 'terminated' && state !== 'shutting-down') actions.append(button(t('wizard.terminate'), () => on.act('terminate', id), 'data-wizard-terminate'));
  return actions;
}

/** One instance's table row: name, ID, state badge, type, AMI and actions. */
function instanceRow(instance: Instance, t: Translate, on: RowActions): HTMLTableRowElement {
  const id = instance.InstanceId ?? '';
  const state = instance.State?.Name ?? 'unknown';
  return h('tr', { 'data-instance-id': id, 'data-state': state },
    h('td', {}, nameOf(instance) || '—'),
    h('td', {}, h('code', {}, id)),
    h('td', {}, h('span', { class: 'viz-badge', 'data-tone': stateTone(state), 'data-wizard-state': state }, stateText(state, t))),
    h('td', {}, instance.InstanceType ?? ''),
    h('td', {}, h('code', {}, instance.ImageId ?? '')),
    h('td', {}, actionButtons(id, state, t, on)));
}

/** Updates state badges in place while a create-image form is open (so typing is never interrupted). */
function patchStates(body: HTMLElement, instances: Instance[], t: Translate): void {
  for (const instance of instances) {
    const tr = body.querySelector<HTMLTableRowElement>(`tr[data-instance-id="${instance.InstanceId}"]`);
    const badge = tr?.querySelector<HTMLElement>('[data-wizard-state]');
    const state = instance.State?.Name ?? 'unknown';
    if (!tr || !badge || tr.dataset.state === state) continue;
    tr.dataset.state = state;
    badge.dataset.wizardState = state;
    badge.dataset.tone = stateTone(state);
    badge.textContent = stateText(state, t);
  }
}

/** The instances of a region as the describe call returns them, oldest launch first. */
function sortedInstances(result: DescribeInstancesResult): Instance[] {
  return (result.Reservations ?? []).flatMap((r) => r.Instances ?? [])
    .sort((a, b) => launched(a) - launched(b) || (a.InstanceId ?? '').localeCompare(b.InstanceId ?? ''));
}

export function createInstancesPanel(deps: InstancesPanelDeps): InstancesPanel {
  const { t } = deps;
  let instances: Instance[] = [];
  let imageFormFor: string | undefined;
  let loadToken = 0;
  const headingId = uid('viz-instances');
  const heading = h('h3', { id: headingId });
  const body = h('div', { 'data-wizard-instances': '' });
  const actionCli = cliBlock(t, 'instance-action');
  actionCli.element.hidden = true;
  const element = h('section', { 'aria-labelledby': headingId }, heading, body, actionCli.element);

  async function act(kind: InstanceAction, id: string): Promise<void> {
    actionCli.set(instanceActionCli(deps.region(), kind, id));
    actionCli.element.hidden = false;
    try {
      const client = deps.client();
      if (kind === 'stop') await client.stopInstances({ InstanceIds: [id] });
      else if (kind === 'start') await client.startInstances({ InstanceIds: [id] });
      else await client.terminateInstances({ InstanceIds: [id] });
    } catch (error) {
      deps.showError(error);
    }
    await refresh();
  }

  const showForm = (id: string | undefined) => { imageFormFor = id; render(); };
  const rowActions: RowActions = { openImageForm: showForm, act: (kind, id) => void act(kind, id) };

  function rows(instance: Instance): HTMLTableRowElement[] {
    const form = imageFormFor === (instance.InstanceId ?? '') ? [h('tr', {}, h('td', { colspan: 6 }, imageForm(instance, deps, () => showForm(undefined))))] : [];
    return [instanceRow(instance, t, rowActions), ...form];
  }

  function render(): void {
    heading.textContent = t('wizard.instances', { region: deps.region() });
    if (instances.length === 0) {
      body.replaceChildren(h('p', { class: 'viz-muted' }, t('wizard.noInstances', { region: deps.region() })));
      return;
    }
    // Keep focus inside the form across refreshes: only rebuild the table when no form is open.
    const table = h('table', { class: 'viz-table' },
      h('thead', {}, h('tr', {}, ...(['name', 'id', 'state', 'type', 'ami', 'actions'] as const).map((c) => h('th', { scope: 'col' }, t(`wizard.col.${c}`))))),
      h('tbody', {}, ...instances.flatMap(rows)));
    body.replaceChildren(h('div', { class: 'viz-table-wrap' }, table));
  }

  async function refresh(): Promise<void> {
    const token = ++loadToken;
    try {
      const result = await deps.client().describeInstances({});
      if (token !== loadToken) return;
      instances = sortedInstances(result);
    } catch (error) {
      deps.showError(error);
      return;
    }
    const known = new Set(instances.map((i) => i.InstanceId));
    const sameRows = [...body.querySelectorAll<HTMLElement>('tr[data-instance-id]')].map((tr) => tr.dataset.instanceId);
    if (imageFormFor && sameRows.length === known.size && sameRows.every((id) => known.has(id))) patchStates(body, instances, t);
    else render();
  }

  function showLaunched(launched: Instance[]): void {
    const ids = new Set(launched.map((i) => i.InstanceId));
    instances = [...instances.filter((i) => !ids.has(i.InstanceId)), ...launched];
    render();
  }

  return {
    element,
    refresh,
    showLaunched,
    busy: () => instances.some((i) => TRANSITIONAL.has(i.State?.Name ?? '')),
  };
}
