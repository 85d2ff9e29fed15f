// Lesson 6, an image lives in one region: CopyImage, called in the destination region, makes a new AMI
// with a new ID there; the source ID is unknown in that region (InvalidAMIID.NotFound).
// Sources: EC2 API Reference, CopyImage ("you call CopyImage in the destination Region"; the response is the
// new image's ID) and DescribeImages/RunInstances error codes (InvalidAMIID.NotFound, "The image id '[ami-...]'
// does not exist"); EC2 User Guide, "Copy an Amazon EC2 AMI".
import { beforeAll, expect, test } from 'vitest';
import { MiniEc2, waitUntilImageAvailable, waitUntilInstanceRunning } from 'mini-ec2';
import { expectFinished, runLearnerFunction, type LearnerRun } from '../../_kit/harness.ts';
import { describeList, imageById, listInstances, ownImages, stateOf, type Image, type Instance } from '../../_kit/ec2-read.ts';
import { inLanguage, titlesIn } from '../../_kit/lang.ts';
import manifest from '../manifest.json';
import { messages } from './messages.ts';

// Titles and messages in the learner's language; results join the manifest's points by the stable id.
const title = titlesIn(manifest.titles);
const m = inLanguage(messages);

const SOURCE_REGION = 'us-east-1';
const DESTINATION = 'eu-west-1';
const COPY_NAME = 'cat-photos-web-eu';
const SETUP_SCRIPT = '#!/bin/bash\ndnf install -y httpd\nsystemctl enable httpd\nsystemctl start httpd\n';

let model: MiniEc2;
let sourceImageId: string;
let run: LearnerRun;
let copy: Image | undefined;
let copyStateAtReturn: string | undefined;
let launched: Instance[];

/** The team's golden image in us-east-1: a web server set up by user data, then imaged. */
async function makeSourceImage(m: MiniEc2): Promise<string> {
  const ec2 = m.client(SOURCE_REGION);
  const base = (await ec2.describeImages({ Owners: ['amazon'], Filters: [{ Name: 'name', Values: ['al2023-ami-2023*-x86_64'] }] })).Images!;
  const newest = [...base].sort((a, b) => (b.CreationDate ?? '').localeCompare(a.CreationDate ?? ''))[0];
  const out = await ec2.runInstances({
    ImageId: newest.ImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1,
    UserData: Buffer.from(SETUP_SCRIPT).toString('base64'),
  });
  const builder = out.Instances![0].InstanceId!;
  await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 600 }, { InstanceIds: [builder] });
  const { ImageId } = await ec2.createImage({ InstanceId: builder, Name: 'cat-photos-web-v1' });
  await waitUntilImageAvailable({ client: ec2, maxWaitTime: 1800 }, { ImageIds: [ImageId!] });
  return ImageId!;
}

beforeAll(async () => {
  model = new MiniEc2({ seed: 61 });
  sourceImageId = await makeSourceImage(model);
  run = await runLearnerFunction({
    file: 'copy-image.ts', export: 'copyToRegion', args: [{ region: SOURCE_REGION, imageId: sourceImageId }, COPY_NAME],
    model, region: DESTINATION, main: true,
  });
  const returned = (run.value ?? {}) as { imageId?: unknown };
  copy = typeof returned.imageId === 'string' ? await imageById(model.client(DESTINATION), returned.imageId) : undefined;
  copyStateAtReturn = copy?.State;
  launched = await listInstances(model.client(DESTINATION));
});

/** A launch with the source region's ID fails in the destination: say why, in the learner's terms. */
function explainFailure(r: LearnerRun): void {
  if (r.outcome.kind === 'threw' && /InvalidAMIID\.NotFound/.test(r.outcome.error.name)) {
    throw new Error(m.wrongRegion({ destination: DESTINATION, source: SOURCE_REGION, name: r.outcome.error.name, message: r.outcome.error.message }));
  }
  expectFinished(r);
}

test(title('copies'), () => {
  explainFailure(run);
  expect(copy, m.notACopy({ value: String((run.value as { imageId?: unknown } | undefined)?.imageId), destination: DESTINATION })).toBeDefined();
  expect(copy?.SourceImageId, m.wrongSource({ image: sourceImageId })).toBe(sourceImageId);
  expect(copy?.SourceImageRegion, m.wrongSourceRegion({ source: SOURCE_REGION })).toBe(SOURCE_REGION);
  expect(copy?.Name, m.wrongName({ name: COPY_NAME })).toBe(COPY_NAME);
});

test(title('new-id'), async () => {
  explainFailure(run);
  expect(copy, m.noCopy).toBeDefined();
  expect(copy?.ImageId, m.sameId).not.toBe(sourceImageId);
  // What the learner's first try ran into: the source ID, asked for in the destination region.
  const lookup = model.client(DESTINATION).describeImages({ ImageIds: [sourceImageId] });
  await expect(lookup, m.oldIdKnown({ image: sourceImageId, destination: DESTINATION })).rejects.toMatchObject({ name: 'InvalidAMIID.NotFound' });
});

test(title('waits-available'), () => {
  explainFailure(run);
  expect(copyStateAtReturn, m.notAvailable({ state: copyStateAtReturn })).toBe('available');
});

test(title('launches-server'), () => {
  explainFailure(run);
  const fromCopy = launched.filter((i) => copy && i.ImageId === copy.ImageId);
  expect(fromCopy.length, m.oneServer({ destination: DESTINATION, found: describeList(launched) })).toBe(1);
  expect(stateOf(fromCopy[0]), m.serverRunning).toBe('running');
  expect(fromCopy[0].InstanceType, m.serverType).toBe('t3.micro');
  expect((run.value as { instanceId?: unknown }).instanceId, m.returnInstance).toBe(fromCopy[0].InstanceId);
});

test(title('copied-disk'), () => {
  explainFailure(run);
  const server = launched.find((i) => copy && i.ImageId === copy.ImageId);
  expect(server, m.noServer({ destination: DESTINATION })).toBeDefined();
  // A copy carries the image's disks (snapshots), so the software set up in us-east-1 is there too.
  expect(model.instanceDisk(DESTINATION, server!.InstanceId!)?.packages.httpd, m.noHttpd).toBeDefined();
});

test(title('source-kept'), async () => {
  explainFailure(run);
  const source = await imageById(model.client(SOURCE_REGION), sourceImageId);
  expect(source?.State, m.sourceChanged({ source: SOURCE_REGION })).toBe('available');
  expect((await ownImages(model.client(DESTINATION))).length, m.copyOnce({ destination: DESTINATION })).toBe(1);
});
