// The only sandbox code a lesson page loads up front (a few hundred bytes): it waits until a sandbox is
// about to be seen, is focused or clicked, and only then imports the sandbox (Monaco, xterm, backends).
const ACTIVATED = 'sandboxActivated';

function activate(root: HTMLElement): void {
  if (root.dataset[ACTIVATED]) return;
  root.dataset[ACTIVATED] = 'true';
  import('./sandbox.ts')
    .then(({ startSandbox }) => startSandbox(root))
    .catch((error: unknown) => {
      root.dataset.sandboxError = error instanceof Error ? error.message : String(error);
      const status = root.querySelector<HTMLElement>('[data-role="backend"]');
      if (status) status.textContent = root.dataset.loadFailedMessage?.replace('{error}', root.dataset.sandboxError) ?? root.dataset.sandboxError;
    });
}

/**
 * Runs `task` once the page has loaded and the browser is idle: a sandbox already in view at load time
 * must not compete with the lesson's own loading.
 */
function whenPageSettled(task: () => void): void {
  const idle = () => ('requestIdleCallback' in window ? window.requestIdleCallback(task, { timeout: 1500 }) : setTimeout(task, 200));
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}

export function watchSandboxes(): void {
  const roots = [...document.querySelectorAll<HTMLElement>('[data-sandbox-root]')];
  const observer = 'IntersectionObserver' in window
    ? new IntersectionObserver((entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          observer?.unobserve(entry.target);
          whenPageSettled(() => activate(entry.target as HTMLElement));
        }
      }, { rootMargin: '0px 0px 200px 0px' })
    : undefined;
  for (const root of roots) {
    if (observer) observer.observe(root);
    else activate(root);
    // Keyboard users tabbing in and a click on the run button wake it up too.
    root.addEventListener('focusin', () => activate(root), { once: true });
    root.addEventListener('pointerdown', () => activate(root), { once: true });
    // A Run click before the sandbox finished loading is remembered and honoured once it has.
    root.addEventListener('click', (event) => {
      const run = (event.target as Element | null)?.closest('[data-action="run"]');
      if (run && !root.dataset.sandboxReady) root.dataset.pendingRun = 'true';
      activate(root);
    });
  }
}
