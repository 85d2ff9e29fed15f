// What the wizard needs from mini-EC2: the SDK-shaped client calls of the console's launch flow, the
// model's events, and the catalog's Quick Start list. Declared here (rather than importing the model
// class) so the view can be driven by any object with this shape, and the model stays in its own chunk.
import type { Ec2Api } from '../../mini-ec2/api.ts';

/** The client calls of the console's launch flow (the model's client and a real SDK client both fit). */
export type WizardClient = Pick<Ec2Api,
  | 'describeImages' | 'describeInstanceTypes' | 'describeKeyPairs' | 'createKeyPair' | 'describeSubnets'
  | 'describeSecurityGroups' | 'describeInstances' | 'runInstances' | 'createImage' | 'stopInstances'
  | 'startInstances' | 'terminateInstances'>;

export interface WizardModel {
  client(region: string): WizardClient;
  subscribe(listener: (event: unknown) => void): () => void;
  exportState(): unknown;
  events?(): unknown[];
  /** The console's "Subscribe" for an AWS Marketplace product (not an EC2 API call). */
  subscribeToMarketplaceProduct?(productCode: string): void;
}

export interface WizardEnv {
  model: WizardModel;
  regions: readonly string[];
  /** The console's Quick Start list of a region: the newest image of each family (image IDs). */
  quickStartIds(region: string): string[];
  /** Simulated seconds per real second, shown to the learner. */
  speed: number;
}

/** A thrown object without a message, shown by its fields (String() would print "[object Object]"). */
function fieldsOf(error: object): string {
  try {
    return JSON.stringify(error);
  } catch {
    return Object.prototype.toString.call(error);
  }
}

/** An EC2 error as the wizard shows it: the code and the message, exactly as the model threw them. */
export function errorParts(error: unknown): { code: string; message: string } {
  if (error && typeof error === 'object') {
    const e = error as { Code?: unknown; name?: unknown; message?: unknown };
    const code = typeof e.Code === 'string' ? e.Code : typeof e.name === 'string' ? e.name : 'Error';
    return { code, message: typeof e.message === 'string' ? e.message : fieldsOf(error) };
  }
  return { code: 'Error', message: String(error) };
}
