// The generic Query parser and XML writer, checked against the real SDK: whatever @aws-sdk/client-ec2
// serializes, the adapter must read back as the same input; whatever the model returns, the SDK must
// parse back as the same output. A capturing fake stands in for the model here (the model's own
// behaviour is tested elsewhere); the generated wire table must match the installed SDK.
import { readFileSync } from 'node:fs';
import * as sdk from '@aws-sdk/client-ec2';
import { NormalizedSchema } from '@smithy/core/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildWireSchemaSource } from '../../scripts/ec2-wire-schema-builder.ts';
import { createQueryAdapter } from '../../src/mini-ec2/protocol/adapter.ts';
import { createSdkClient } from '../../src/mini-ec2/protocol/sdk-client.ts';
import { outputToXml } from '../../src/mini-ec2/protocol/xml-output.ts';
import { queryToInput } from '../../src/mini-ec2/protocol/query-input.ts';
import { parseForm } from '../../src/mini-ec2/protocol/form.ts';
import { wireSchema } from '../../src/mini-ec2/protocol/wire-schema.generated.ts';
import { ROOT } from './helpers.ts';

/** A stand-in model whose client records each input and answers with a given output. */
function echoModel(answer: () => unknown) {
  const inputs: unknown[] = [];
  const client = new Proxy({}, { get: () => async (input: unknown) => (inputs.push(input), answer()) });
  return { inputs, model: { client: () => client } };
}

function strip<T>(value: T): T {
  const copy = JSON.parse(JSON.stringify(value)) as T & { $metadata?: unknown; ClientToken?: unknown };
  delete copy.$metadata;
  delete copy.ClientToken; // the SDK adds an idempotency token to RunInstances by itself
  return copy;
}

const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s);
const tags = fc.array(fc.record({ Key: text, Value: fc.string({ maxLength: 12 }) }), { minLength: 1, maxLength: 3 });

describe('the generated wire table', () => {
  it('is what the installed SDK schema gives (regenerate with npx tsx scripts/generate-ec2-wire-schema.ts)', () => {
    const { version } = JSON.parse(readFileSync(`${ROOT}node_modules/@aws-sdk/client-ec2/package.json`, 'utf8')) as { version: string };
    // The SDK version lines aside: a new SDK that leaves the served shapes alone does not make the table stale.
    const withoutVersion = (source: string) => source.split('\n').filter((line) => !/GENERATED|sdkVersion/.test(line)).join('\n');
    const fresh = buildWireSchemaSource(sdk, NormalizedSchema, version);
    const committed = readFileSync(`${ROOT}src/mini-ec2/protocol/wire-schema.generated.ts`, 'utf8');
    expect(withoutVersion(committed) === withoutVersion(fresh)).toBe(true);
    expect(committed.length).toBeGreaterThan(50_000);
  });
});

describe('request parsing', () => {
  it('reads singular, 1-indexed, nested Query names into the SDK input shape with types', () => {
    const params = parseForm(
      'ImageId=ami-0abc&MinCount=1&MaxCount=2&InstanceType=t3.micro&DryRun=false&SecurityGroupId.1=sg-1&SecurityGroupId.2=sg-2' +
        '&BlockDeviceMapping.1.DeviceName=%2Fdev%2Fxvda&BlockDeviceMapping.1.Ebs.VolumeSize=20&BlockDeviceMapping.1.Ebs.DeleteOnTermination=true' +
        '&TagSpecification.1.ResourceType=instance&TagSpecification.1.Tag.1.Key=Name&TagSpecification.1.Tag.1.Value=web+1' +
        '&Placement.AvailabilityZone=us-east-1a',
    );
    expect(queryToInput(params, 'RunInstancesRequest', wireSchema)).toEqual({
      ImageId: 'ami-0abc',
      MinCount: 1,
      MaxCount: 2,
      InstanceType: 't3.micro',
      DryRun: false,
      SecurityGroupIds: ['sg-1', 'sg-2'],
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 20, DeleteOnTermination: true } }],
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web 1' }] }],
      Placement: { AvailabilityZone: 'us-east-1a' },
    });
  });

  it('orders list items by index, not by arrival', () => {
    const input = queryToInput(parseForm('Filter.2.Name=b&Filter.1.Name=a&Filter.1.Value.2=y&Filter.1.Value.1=x'), 'DescribeImagesRequest', wireSchema);
    expect(input).toEqual({ Filters: [{ Name: 'a', Values: ['x', 'y'] }, { Name: 'b' }] });
  });

  it('reads back exactly what the real SDK sends (property)', async () => {
    const { inputs, model } = echoModel(() => ({}));
    const ec2 = createSdkClient(model);
    // (An empty structure such as `Ebs: {}` sends no parameter at all in the Query protocol, so it
    // cannot come back: generated structures always carry a member.)
    const runInput = fc.record(
      {
        ImageId: text,
        MinCount: fc.integer({ min: 0, max: 50 }),
        MaxCount: fc.integer({ min: 0, max: 50 }),
        InstanceType: fc.constantFrom('t3.micro', 'm7i.large'),
        DryRun: fc.boolean(),
        SecurityGroupIds: fc.array(text, { minLength: 1, maxLength: 3 }),
        UserData: fc.base64String({ maxLength: 40 }),
        TagSpecifications: fc.array(fc.record({ ResourceType: fc.constantFrom('instance', 'volume'), Tags: tags }), { minLength: 1, maxLength: 2 }),
        BlockDeviceMappings: fc.array(
          fc.record({ DeviceName: text, Ebs: fc.record({ VolumeSize: fc.integer({ min: 1, max: 16384 }), VolumeType: fc.constantFrom('gp3', 'gp2'), DeleteOnTermination: fc.boolean() }, { requiredKeys: ['VolumeSize'] }) }),
          { minLength: 1, maxLength: 2 },
        ),
      },
      { requiredKeys: ['MinCount', 'MaxCount'] },
    );
    await fc.assert(
      fc.asyncProperty(runInput, async (input) => {
        inputs.length = 0;
        await ec2.runInstances(input);
        expect(strip(inputs[0])).toEqual(strip(input));
      }),
      { numRuns: 60 },
    );
    const describeInput = fc.record(
      {
        ImageIds: fc.array(text, { minLength: 1, maxLength: 3 }),
        Owners: fc.array(fc.constantFrom('self', 'amazon', '123456789012'), { minLength: 1, maxLength: 2 }),
        Filters: fc.array(fc.record({ Name: text, Values: fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 3 }),
        IncludeDeprecated: fc.boolean(),
        MaxResults: fc.integer({ min: 5, max: 1000 }),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(describeInput, async (input) => {
        inputs.length = 0;
        await ec2.describeImages(input);
        expect(strip(inputs[0])).toEqual(strip(input));
      }),
      { numRuns: 60 },
    );
  });
});

describe('response writing', () => {
  it("uses the API model's wire names: instancesSet, item, instanceState, tagSet, requestId", () => {
    const xml = outputToXml(
      'RunInstances',
      { ReservationId: 'r-1', OwnerId: '123456789012', Instances: [{ InstanceId: 'i-1', State: { Code: 0, Name: 'pending' }, Tags: [{ Key: 'a', Value: '<&>' }], LaunchTime: new Date(Date.UTC(2026, 0, 15)), NotInTheApi: 'x' }] },
      'Reservation',
      'req-1',
      wireSchema,
    );
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<RunInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>req-1</requestId>' +
        '<reservationId>r-1</reservationId><ownerId>123456789012</ownerId><instancesSet><item>' +
        '<tagSet><item><key>a</key><value>&lt;&amp;&gt;</value></item></tagSet><instanceId>i-1</instanceId>' +
        '<instanceState><code>0</code><name>pending</name></instanceState><launchTime>2026-01-15T00:00:00.000Z</launchTime>' +
        '</item></instancesSet></RunInstancesResponse>',
    );
    const images = outputToXml('DescribeImages', { Images: [{ ImageId: 'ami-1', State: 'available' }] }, 'DescribeImagesResult', 'r', wireSchema);
    expect(images).toContain('<imagesSet><item><imageId>ami-1</imageId><imageState>available</imageState></item></imagesSet>');
  });

  it('is parsed back by the real SDK into the same output (property)', async () => {
    let answer: unknown;
    const { model } = echoModel(() => answer);
    const ec2 = createSdkClient(model);
    const instance = fc.record(
      {
        InstanceId: text,
        ImageId: text,
        State: fc.record({ Code: fc.constantFrom(0, 16, 32, 48, 64, 80), Name: fc.constantFrom('pending', 'running', 'stopped') }),
        LaunchTime: fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }),
        AmiLaunchIndex: fc.integer({ min: 0, max: 100 }),
        EbsOptimized: fc.boolean(),
        Tags: tags,
        SecurityGroups: fc.array(fc.record({ GroupId: text, GroupName: text }), { minLength: 1, maxLength: 2 }),
        BlockDeviceMappings: fc.array(fc.record({ DeviceName: text, Ebs: fc.record({ VolumeId: text, DeleteOnTermination: fc.boolean(), Status: fc.constant('attached') }) }), { minLength: 1, maxLength: 2 }),
      },
      { requiredKeys: ['InstanceId'] },
    );
    const reservation = fc.record({ ReservationId: text, OwnerId: fc.constant('123456789012'), Instances: fc.array(instance, { minLength: 1, maxLength: 3 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(reservation, { minLength: 1, maxLength: 2 }), async (reservations) => {
        answer = { Reservations: reservations };
        const got = await ec2.describeInstances({});
        expect(strip(got)).toEqual(strip({ Reservations: reservations }));
      }),
      { numRuns: 60 },
    );
  });
});

describe('a model that fails', () => {
  it('turns a bug (anything but an EC2 error) into 500 InternalError, reported to the host, and keeps serving', async () => {
    const reported: unknown[] = [];
    const model = {
      client: () => ({
        describeRegions: async () => {
          throw new TypeError('boom');
        },
        describeImages: async () => ({ Images: [] }),
      }),
    };
    const adapter = createQueryAdapter(model, { onInternalError: (error, action) => reported.push([action, (error as Error).message]) });
    const request = (body: string) => adapter.handle({ method: 'POST', query: '', headers: {}, body });
    const failed = await request('Action=DescribeRegions&Version=2016-11-15');
    expect(failed.status).toBe(500);
    expect(failed.body).toContain('<Code>InternalError</Code>');
    expect(failed.body).not.toContain('boom'); // internals stay out of the answer
    expect(reported).toEqual([['DescribeRegions', 'boom']]);
    const next = await request('Action=DescribeImages&Version=2016-11-15');
    expect([next.status, next.body]).toEqual([200, expect.stringContaining('<imagesSet></imagesSet>')]);
  });
});
