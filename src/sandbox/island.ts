// The only sandbox code a lesson page loads up front (about 1 KB): it imports the real sandbox (Monaco, xterm,
// backends: megabytes) only when the learner reaches for it:
// - the sandbox scrolls into view (it was out of view when the page loaded), or
// - the pointer enters it, it gets focus, or it is clicked (a sandbox already in view at load, e.g. beside
//   the text on a wide screen, waits for one of these: "never on page load").
const ACTIVATED = 'sandboxActivated';

function activate(root: HTMLElement): void {
  if (root.dataset[ACTIVATED]) return;
  root.dataset[ACTIVATED] = 'true';
  import('./sandbox.ts')
    .then(({ startSandbox }) => startSandbox(root))
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      root.dataset.sandboxError = message;
      const status = root.querySelector<HTMLElement>('[data-role="backend"]');
      if (status) status.textContent = (root.dataset.loadFailedMessage ?? '{error}').replace('{error}', message);
    });
}

export function watchSandboxes(): void {
  const roots = [...document.querySelectorAll<HTMLElement>('[data-sandbox-root]')];
  const observed = new WeakSet<Element>();
  const observer = 'IntersectionObserver' in window
    ? new IntersectionObserver((entries) => {
        for (const entry of entries) {
          const firstReport = !observed.has(entry.target);
          observed.add(entry.target);
          // The first report tells where the sandbox was at load; only a later one means "scrolled into view".
          if (firstReport || !entry.isIntersecting) continue;
          observer?.unobserve(entry.target);
          activate(entry.target as HTMLElement);
        }
      }, { rootMargin: '0px 0px 200px 0px' })
    : undefined;
  for (const root of roots) {
    if (observer) observer.observe(root);
    else activate(root);
    for (const type of ['pointerenter', 'focusin', 'pointerdown'] as const) {
      root.addEventListener(type, () => activate(root), { once: true });
    }
    // A Run click before the sandbox finished loading is remembered and honoured once it has.
    root.addEventListener('click', (event) => {
      const run = (event.target as Element | null)?.closest('[data-action="run"]');
      if (run && !root.dataset.sandboxReady) root.dataset.pendingRun = 'true';
      activate(root);
    });
  }
}
