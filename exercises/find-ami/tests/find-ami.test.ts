// Lesson 6, finding AMIs: the newest image of the right family and architecture, from a trusted owner,
// with the ID of the region asked about.
import { beforeAll, expect, test } from 'vitest';
import { MiniEc2 } from 'mini-ec2';
import { expectFinished, runLearnerFunction, type LearnerRun } from '../../_kit/harness.ts';
import { imageById, listInstances, ownImages, type Image } from '../../_kit/ec2-read.ts';
import { inLanguage, titlesIn } from '../../_kit/lang.ts';
import manifest from '../manifest.json';
import { messages } from './messages.ts';

// Titles and messages in the learner's language; results join the manifest's points by the stable id.
const title = titlesIn(manifest.titles);
const m = inLanguage(messages);

type Arch = 'x86_64' | 'arm64';

/** The right answer, computed from the model: Amazon's newest standard AL2023 image of that architecture. */
async function expected(model: MiniEc2, region: string, architecture: Arch): Promise<Image> {
  const out = await model.client(region).describeImages({
    Owners: ['amazon'],
    Filters: [{ Name: 'name', Values: ['al2023-ami-2023*'] }, { Name: 'architecture', Values: [architecture] }],
  });
  return [...(out.Images ?? [])].sort((a, b) => (b.CreationDate ?? '').localeCompare(a.CreationDate ?? ''))[0];
}

const find = (model: MiniEc2, region: string, architecture: Arch, main = false) =>
  runLearnerFunction({ file: 'find-ami.ts', export: 'findLatestAmazonLinux', args: [architecture], model, region, main, label: `${architecture} in ${region}` });

let model: MiniEc2;
let x86: LearnerRun;
let chosen: Image | undefined;

beforeAll(async () => {
  model = new MiniEc2({ seed: 6 });
  x86 = await find(model, 'us-east-1', 'x86_64', true);
  chosen = typeof x86.value === 'string' ? await imageById(model.client('us-east-1'), x86.value) : undefined;
});

test(title('existing-al2023'), () => {
  expectFinished(x86);
  expect(typeof x86.value, m.returnString).toBe('string');
  expect(chosen, m.notAnImage({ value: String(x86.value) })).toBeDefined();
  expect(chosen?.Name ?? '', m.notAl2023({ name: chosen?.Name })).toMatch(/^al2023-ami-2023/);
  expect(chosen?.Architecture, m.wrongArch({ architecture: chosen?.Architecture })).toBe('x86_64');
});

test(title('amazon-owner'), () => {
  expectFinished(x86);
  expect(chosen, m.noImage).toBeDefined();
  expect(chosen?.ImageOwnerAlias, m.notAmazon({ name: chosen?.Name, owner: chosen?.OwnerId })).toBe('amazon');
});

test(title('newest'), async () => {
  expectFinished(x86);
  const best = await expected(model, 'us-east-1', 'x86_64');
  expect(x86.value, m.notNewest({ best: best.Name, bestDate: best.CreationDate, chosen: chosen?.Name ?? String(x86.value), chosenDate: chosen?.CreationDate ?? '?' })).toBe(best.ImageId);
});

test(title('arm64'), async () => {
  const arm = await find(model, 'us-east-1', 'arm64');
  expectFinished(arm);
  const best = await expected(model, 'us-east-1', 'arm64');
  expect(arm.value, m.arm64({ id: best.ImageId, name: best.Name })).toBe(best.ImageId);
});

test(title('region-id'), async () => {
  const eu = await find(model, 'eu-west-1', 'x86_64');
  expectFinished(eu);
  const best = await expected(model, 'eu-west-1', 'x86_64');
  expect(eu.value, m.region({ id: best.ImageId })).toBe(best.ImageId);
});

test(title('only-looks'), async () => {
  expectFinished(x86);
  expect(chosen, m.findFirst).toBeDefined();
  const ec2 = model.client('us-east-1');
  expect((await listInstances(ec2)).length, m.launched).toBe(0);
  expect((await ownImages(ec2)).length, m.created).toBe(0);
});
