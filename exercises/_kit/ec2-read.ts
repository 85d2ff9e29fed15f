// Small readers the exercise tests use to look at the model's state through its own client (in the test
// process, never through the learner's code): instances, images, tags.
import { kitMessages } from './kit-messages.ts';
import { currentLanguage, inLanguage, plural } from './lang.ts';

/** The few client methods the readers need (the model's client has them all). */
interface ReadClient {
  describeInstances(input?: object): Promise<{ Reservations?: { Instances?: Instance[] }[]; NextToken?: string }>;
  describeImages(input?: object): Promise<{ Images?: Image[]; NextToken?: string }>;
}

export interface Tag {
  Key?: string;
  Value?: string;
}
export interface Instance {
  InstanceId?: string;
  ImageId?: string;
  InstanceType?: string;
  KeyName?: string;
  State?: { Name?: string };
  SecurityGroups?: { GroupId?: string; GroupName?: string }[];
  SubnetId?: string;
  Tags?: Tag[];
  BlockDeviceMappings?: { DeviceName?: string; Ebs?: { VolumeId?: string } }[];
  Architecture?: string;
  LaunchTime?: Date;
}
export interface Image {
  ImageId?: string;
  Name?: string;
  State?: string;
  OwnerId?: string;
  ImageOwnerAlias?: string;
  Architecture?: string;
  CreationDate?: string;
  SourceInstanceId?: string;
  SourceImageId?: string;
  SourceImageRegion?: string;
  RootDeviceName?: string;
  BlockDeviceMappings?: { DeviceName?: string; Ebs?: { VolumeSize?: number; VolumeType?: string; SnapshotId?: string } }[];
  Tags?: Tag[];
}

/** Every instance of the client's region, terminated ones included unless `live` is set. */
export async function listInstances(ec2: ReadClient, options: { live?: boolean } = {}): Promise<Instance[]> {
  const out = await ec2.describeInstances({});
  const all = (out.Reservations ?? []).flatMap((r) => r.Instances ?? []);
  return options.live ? all.filter((i) => !['shutting-down', 'terminated'].includes(i.State?.Name ?? '')) : all;
}

/** The account's own images in the client's region. */
export async function ownImages(ec2: ReadClient): Promise<Image[]> {
  const out = await ec2.describeImages({ Owners: ['self'] });
  return out.Images ?? [];
}

export async function imageById(ec2: ReadClient, imageId: string): Promise<Image | undefined> {
  try {
    const out = await ec2.describeImages({ ImageIds: [imageId] });
    return out.Images?.[0];
  } catch {
    return undefined;
  }
}

export function tagMap(tags: Tag[] | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
}

export const stateOf = (i: Instance) => i.State?.Name ?? 'unknown';

/** "3 instances: i-1 (running), i-2 (pending)" — for failure messages, in the test file's language. */
export function describeList(instances: Instance[]): string {
  const m = inLanguage(kitMessages);
  if (instances.length === 0) return m.noInstances;
  const count = plural(currentLanguage(), instances.length, m.instances).replace('{count}', String(instances.length));
  return `${count}: ${instances.map((i) => `${i.InstanceId} (${stateOf(i)})`).join(', ')}`;
}
