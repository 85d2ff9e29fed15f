// Waiting for the official grade of a hand-in: ask the server again after 0.5 s, then less and less often
// (up to every 5 s), and give up asking after about ten minutes (the grade still arrives on the server; the
// page says so). `sleep` is a parameter so the unit test needs no clock.
import type { HandIn } from './class-api.ts';

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 5000;
const GIVE_UP_AFTER_MS = 10 * 60_000;

/** The pauses between two questions, in order: 500, 750, 1125... capped at 5000, summing to the give-up time. */
export function pollDelays(): number[] {
  const delays: number[] = [];
  let total = 0;
  for (let delay = FIRST_DELAY_MS; total < GIVE_UP_AFTER_MS; delay = Math.min(MAX_DELAY_MS, Math.round(delay * 1.5))) {
    delays.push(delay);
    total += delay;
  }
  return delays;
}

const isSettled = (handIn: Pick<HandIn, 'status'>) => handIn.status === 'graded' || handIn.status === 'failed';

/** Asks for the hand-in until it is graded or failed; undefined when the page stopped asking (still grading). */
export async function waitForGrade(
  ask: () => Promise<HandIn>,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  delays: readonly number[] = pollDelays(),
): Promise<HandIn | undefined> {
  for (const delay of delays) {
    await sleep(delay);
    const handIn = await ask();
    if (isSettled(handIn)) return handIn;
  }
  return undefined;
}
