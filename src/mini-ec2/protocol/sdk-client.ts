// A real @aws-sdk/client-ec2 `EC2` client wired to a model in process (no network), for tests and graders
// that check code written against the real SDK. Kept apart from the rest of protocol/ because it imports
// the SDK, which nothing else here needs.
import { EC2, type EC2ClientConfig } from '@aws-sdk/client-ec2';
import type { ServableModel } from './adapter.ts';
import { MiniEc2RequestHandler } from './request-handler.ts';

/** Dummy credentials: the SDK insists on signing, mini-EC2 does not check signatures. */
const DUMMY_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

/** Model waiters advance the model's clock instead of sleeping when a client has this method (contract). */
const SLEEP = Symbol.for('mini-ec2.sleep');

type ModelWithClock = ServableModel & { clock?: { advance(ms: number): unknown } };

export function createSdkClient(model: ModelWithClock, region = 'us-east-1', config: Partial<EC2ClientConfig> = {}): EC2 {
  const client = new EC2({
    region,
    credentials: DUMMY_CREDENTIALS,
    requestHandler: new MiniEc2RequestHandler(model),
    ...config,
  });
  // Let mini-EC2's own waiters (import { waitUntilInstanceRunning } from 'mini-ec2') drive the model
  // clock for this client too, as they do for a model client, instead of waiting in real time.
  const clock = model.clock;
  if (clock) {
    Object.defineProperty(client, SLEEP, {
      value: async (ms: number) => {
        clock.advance(ms);
      },
    });
  }
  return client;
}
