// The judge worker's entry. It first tells the kit's harness that the judge registers the reporting hook
// for each test file itself (as _kit/setup.ts does under vitest), and only then loads the judge: a static
// import would evaluate the harness (in a shared chunk) before this line.
import '../../exercises/_kit/setup-flag.ts';
import './node-globals.ts';

const messages: MessageEvent[] = [];
const early = (event: MessageEvent) => messages.push(event);
self.addEventListener('message', early);
const { serveJudge } = await import('./judge.ts');
self.removeEventListener('message', early);
serveJudge();
// A `start` sent while the judge was loading is served now.
for (const event of messages) self.dispatchEvent(new MessageEvent('message', { data: event.data as unknown }));
