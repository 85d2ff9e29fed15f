// Lesson 6, an image lives in one region: CopyImage, called in the destination region, makes a new AMI
// with a new ID there; the source ID is unknown in that region (InvalidAMIID.NotFound).
// Sources: EC2 API Reference, CopyImage ("you call CopyImage in the destination Region"; the response is the
// new image's ID) and DescribeImages/RunInstances error codes (InvalidAMIID.NotFound, "The image id '[ami-...]'
// does not exist"); EC2 User Guide, "Copy an Amazon EC2 AMI".
import { beforeAll, expect, test } from 'vitest';
import { MiniEc2, waitUntilImageAvailable, waitUntilInstanceRunning } from 'mini-ec2';
import { expectFinished, runLearnerFunction, type LearnerRun } from '../../_kit/harness.ts';
import { describeList, imageById, listInstances, ownImages, stateOf, type Image, type Instance } from '../../_kit/ec2-read.ts';

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
    throw new Error(`EC2 in ${DESTINATION} answered ${r.outcome.error.name}: ${r.outcome.error.message}. That ID belongs to ${SOURCE_REGION}; an AMI lives in one region. Copy it with ec2.copyImage({ SourceRegion, SourceImageId, Name }) and use the new ID it gets here.`);
  }
  expectFinished(r);
}

test('copies the image into the region of the client', () => {
  explainFailure(run);
  expect(copy, `Return { imageId, instanceId } with the copy's ID; "${String((run.value as { imageId?: unknown } | undefined)?.imageId)}" is not an image in ${DESTINATION}.`).toBeDefined();
  expect(copy?.SourceImageId, `The image you returned was not copied from ${sourceImageId}.`).toBe(sourceImageId);
  expect(copy?.SourceImageRegion, `The copy should come from ${SOURCE_REGION}.`).toBe(SOURCE_REGION);
  expect(copy?.Name, `Give the copy the name you were asked for (${COPY_NAME}).`).toBe(COPY_NAME);
});

test('the copy has a new ID, and the old ID is unknown in the new region', async () => {
  explainFailure(run);
  expect(copy, 'No copy was made.').toBeDefined();
  expect(copy?.ImageId, 'A copy in another region always gets a new ID.').not.toBe(sourceImageId);
  // What the learner's first try ran into: the source ID, asked for in the destination region.
  const lookup = model.client(DESTINATION).describeImages({ ImageIds: [sourceImageId] });
  await expect(lookup, `${sourceImageId} should be unknown in ${DESTINATION}`).rejects.toMatchObject({ name: 'InvalidAMIID.NotFound' });
});

test('waits until the copy is available before returning', () => {
  explainFailure(run);
  expect(copyStateAtReturn, `When your function returned, the copy was ${copyStateAtReturn ?? 'missing'}. A new copy starts pending: wait with waitUntilImageAvailable.`).toBe('available');
});

test('launches one web server from the copy in the new region', () => {
  explainFailure(run);
  const fromCopy = launched.filter((i) => copy && i.ImageId === copy.ImageId);
  expect(fromCopy.length, `Expected one instance launched from the copy in ${DESTINATION}, found ${describeList(launched)}.`).toBe(1);
  expect(stateOf(fromCopy[0]), 'Wait until the new server is running (waitUntilInstanceRunning).').toBe('running');
  expect(fromCopy[0].InstanceType, 'Launch the web server as a t3.micro.').toBe('t3.micro');
  expect((run.value as { instanceId?: unknown }).instanceId, 'Return the new instance\'s ID as instanceId.').toBe(fromCopy[0].InstanceId);
});

test('the server in the new region has the web server from the copied disk', () => {
  explainFailure(run);
  const server = launched.find((i) => copy && i.ImageId === copy.ImageId);
  expect(server, `No instance was launched from the copy in ${DESTINATION}.`).toBeDefined();
  // A copy carries the image's disks (snapshots), so the software set up in us-east-1 is there too.
  expect(model.instanceDisk(DESTINATION, server!.InstanceId!)?.packages.httpd, 'The server launched from the copy should have httpd, installed on the original builder.').toBeDefined();
});

test('leaves the source image where it was', async () => {
  explainFailure(run);
  const source = await imageById(model.client(SOURCE_REGION), sourceImageId);
  expect(source?.State, `The image in ${SOURCE_REGION} should still be available: copying never moves or changes it.`).toBe('available');
  expect((await ownImages(model.client(DESTINATION))).length, `Copy the image once: ${DESTINATION} should hold exactly one copy.`).toBe(1);
});
