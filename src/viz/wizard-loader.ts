// The only launch-wizard code a lesson page loads up front: it wires the "Open the launch wizard" button.
// The wizard view, the model (mini-EC2) and its catalog are imported when the learner presses it.
import type { Locale } from '../i18n/locales.ts';

/** Simulated time runs this many times faster than real time: pending -> running takes half a second. */
const SPEED = 10;

async function startWizard(host: HTMLElement, locale: Locale): Promise<void> {
  const [{ mountLaunchWizard }, { MiniEc2 }, { catalogEntries }, { REGION_NAMES }] = await Promise.all([
    import('./wizard/wizard-view.ts'),
    import('../mini-ec2/index.ts'),
    import('../mini-ec2/catalog.ts'),
    import('../mini-ec2/regions.ts'),
  ]);
  const model = new MiniEc2({ seed: Date.now() % 100_000, clock: { mode: 'realtime', speed: SPEED } });
  mountLaunchWizard(host, {
    locale,
    env: {
      model,
      regions: REGION_NAMES,
      quickStartIds: (region) => catalogEntries(region, 'quick-start').filter((m) => m.latest).map((m) => m.imageId),
      speed: SPEED,
    },
  });
}

function setUp(root: HTMLElement): void {
  if (root.dataset.wizardReady) return;
  root.dataset.wizardReady = 'true';
  const button = root.querySelector<HTMLButtonElement>('[data-launch-wizard-open]');
  const host = root.querySelector<HTMLElement>('[data-launch-wizard-host]');
  if (!button || !host) return;
  const raw = root.dataset.locale;
  const locale: Locale = raw === 'pt-br' || raw === 'es' ? raw : 'en';
  button.addEventListener('click', () => {
    button.disabled = true;
    host.hidden = false;
    host.setAttribute('aria-busy', 'true');
    startWizard(host, locale).then(
      () => {
        button.hidden = true;
        host.removeAttribute('aria-busy');
        host.querySelector<HTMLElement>('h2')?.setAttribute('tabindex', '-1');
        host.querySelector<HTMLElement>('h2')?.focus();
      },
      (error: unknown) => {
        button.disabled = false;
        host.removeAttribute('aria-busy');
        const message = (root.dataset.labelFailed ?? '{error}').replace('{error}', error instanceof Error ? error.message : String(error));
        host.replaceChildren(Object.assign(document.createElement('p'), { textContent: message }));
        host.firstElementChild?.setAttribute('role', 'alert');
      },
    );
  });
}

export function setUpLaunchWizards(doc: Document = document): void {
  for (const root of doc.querySelectorAll<HTMLElement>('[data-launch-wizard]')) setUp(root);
}
