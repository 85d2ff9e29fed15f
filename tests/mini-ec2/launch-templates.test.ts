// Launch templates (src/mini-ec2/BEHAVIOUR.md, "Launch templates"; spec section 14). Codes and messages:
// the EC2 API reference and the real answers quoted in the threads named at each test.
import { describe, expect, test } from 'vitest';
import { expectEc2Error, expectNoChange, newestAl2023, setup } from './helpers.ts';

async function withTemplate() {
  const { model, ec2 } = setup();
  const ImageId = await newestAl2023(ec2);
  await ec2.createKeyPair({ KeyName: 'builder' });
  await ec2.createKeyPair({ KeyName: 'ops' });
  const created = await ec2.createLaunchTemplate({
    LaunchTemplateName: 'web-server',
    VersionDescription: 'first',
    LaunchTemplateData: {
      ImageId,
      InstanceType: 't3.micro',
      KeyName: 'builder',
      UserData: btoa('#!/bin/bash\necho v1\n'),
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Role', Value: 'web' }] }],
    },
    TagSpecifications: [{ ResourceType: 'launch-template', Tags: [{ Key: 'team', Value: 'a' }] }],
  });
  return { model, ec2, ImageId, template: created.LaunchTemplate! };
}

const instanceOf = async (ec2: Awaited<ReturnType<typeof withTemplate>>['ec2'], id: string) =>
  (await ec2.describeInstances({ InstanceIds: [id] })).Reservations![0].Instances![0];

describe('Launch templates', () => {
  test('CreateLaunchTemplate answers the template: lt- ID, version 1 default and latest, tags', async () => {
    const { template } = await withTemplate();
    expect(template).toEqual({
      LaunchTemplateId: expect.stringMatching(/^lt-[0-9a-f]{17}$/) as unknown,
      LaunchTemplateName: 'web-server',
      CreateTime: expect.any(Date) as unknown,
      CreatedBy: 'arn:aws:iam::123456789012:root',
      DefaultVersionNumber: 1,
      LatestVersionNumber: 1,
      Tags: [{ Key: 'team', Value: 'a' }],
    });
  });

  // Real answer quoted in getmoto/moto#5726 and hashicorp/packer#7817:
  // "InvalidLaunchTemplateName.AlreadyExistsException: Launch template name already in use."
  test('a name already in use is InvalidLaunchTemplateName.AlreadyExistsException; after delete it is free again', async () => {
    const { model, ec2, template } = await withTemplate();
    await expectNoChange(model, () => ec2.createLaunchTemplate({ LaunchTemplateName: 'web-server', LaunchTemplateData: {} }), 'InvalidLaunchTemplateName.AlreadyExistsException');
    await expectEc2Error(ec2.createLaunchTemplate({ LaunchTemplateName: 'web-server', LaunchTemplateData: {} }), 'InvalidLaunchTemplateName.AlreadyExistsException', 'Launch template name already in use.');
    const deleted = await ec2.deleteLaunchTemplate({ LaunchTemplateName: 'web-server' });
    expect(deleted.LaunchTemplate?.LaunchTemplateId).toBe(template.LaunchTemplateId);
    await ec2.createLaunchTemplate({ LaunchTemplateName: 'web-server', LaunchTemplateData: {} });
  });

  // Real answer quoted in github-aws-runners/terraform-aws-github-runner#932 (InvalidLaunchTemplateName.MalformedException
  // in awsdocs/aws-cloudformation-user-guide#132); no data: MissingParameter (awsdocs/aws-cloudformation-user-guide#453).
  test('a malformed name and missing data are refused', async () => {
    const { ec2 } = setup();
    await expectEc2Error(
      ec2.createLaunchTemplate({ LaunchTemplateName: 'a b', LaunchTemplateData: {} }),
      'InvalidLaunchTemplateName.MalformedException',
      'A launch template name must be between 3 and 128 characters, and may contain letters, numbers, and the following characters: - ( ) . / _.',
    );
    await expectEc2Error(ec2.createLaunchTemplate({ LaunchTemplateName: 'ok-name' }), 'MissingParameter', /No launch template data was provided/);
    await expectEc2Error(ec2.createLaunchTemplate({ LaunchTemplateName: 'ok-name', LaunchTemplateData: { UserData: 'not base64!' } }), 'InvalidParameterValue');
  });

  // Real answers quoted in aws/karpenter-provider-aws#5665, getmoto/moto#5477 and eksctl-io/eksctl#7786.
  test('unknown templates and versions: InvalidLaunchTemplateId.NotFound, InvalidLaunchTemplateName.NotFoundException, InvalidLaunchTemplateId.VersionNotFound', async () => {
    const { ec2, template } = await withTemplate();
    await expectEc2Error(
      ec2.describeLaunchTemplates({ LaunchTemplateIds: ['lt-0123456789abcdef0'] }),
      'InvalidLaunchTemplateId.NotFound',
      'The specified launch template, with template ID lt-0123456789abcdef0, does not exist.',
    );
    await expectEc2Error(
      ec2.describeLaunchTemplateVersions({ LaunchTemplateName: 'timski' }),
      'InvalidLaunchTemplateName.NotFoundException',
      'The specified launch template, with template name timski, does not exist.',
    );
    await expectEc2Error(
      ec2.describeLaunchTemplateVersions({ LaunchTemplateId: template.LaunchTemplateId, Versions: ['4'] }),
      'InvalidLaunchTemplateId.VersionNotFound',
      `Could not find the specified version 4 for the launch template with ID ${template.LaunchTemplateId}.`,
    );
    await expectEc2Error(ec2.modifyLaunchTemplate({ LaunchTemplateId: template.LaunchTemplateId, DefaultVersion: '2' }), 'InvalidLaunchTemplateId.VersionNotFound');
    await expectEc2Error(ec2.deleteLaunchTemplate({ LaunchTemplateId: 'lt-bogus' }), 'InvalidLaunchTemplateId.Malformed');
  });

  test('versions: SourceVersion copies and overrides; $Latest and $Default; ModifyLaunchTemplate moves the default', async () => {
    const { ec2, template, ImageId } = await withTemplate();
    const id = template.LaunchTemplateId!;
    const v2 = await ec2.createLaunchTemplateVersion({ LaunchTemplateId: id, SourceVersion: '1', VersionDescription: 'bigger', LaunchTemplateData: { InstanceType: 't3.small' } });
    expect(v2.LaunchTemplateVersion).toMatchObject({ LaunchTemplateId: id, VersionNumber: 2, DefaultVersion: false, VersionDescription: 'bigger' });
    expect(v2.LaunchTemplateVersion!.LaunchTemplateData).toMatchObject({ ImageId, InstanceType: 't3.small', KeyName: 'builder' });
    const v3 = await ec2.createLaunchTemplateVersion({ LaunchTemplateName: 'web-server', LaunchTemplateData: { InstanceType: 't3.medium' } });
    expect(v3.LaunchTemplateVersion!.LaunchTemplateData).toEqual({ InstanceType: 't3.medium' }); // no SourceVersion: only what was given
    const listed = await ec2.describeLaunchTemplateVersions({ LaunchTemplateId: id, Versions: ['$Latest', '$Default'] });
    expect(listed.LaunchTemplateVersions!.map((v) => [v.VersionNumber, v.DefaultVersion])).toEqual([[1, true], [3, false]]);
    const modified = await ec2.modifyLaunchTemplate({ LaunchTemplateId: id, DefaultVersion: '2' });
    expect(modified.LaunchTemplate).toMatchObject({ DefaultVersionNumber: 2, LatestVersionNumber: 3 });
    const all = await ec2.describeLaunchTemplateVersions({ LaunchTemplateName: 'web-server' });
    expect(all.LaunchTemplateVersions!.map((v) => v.VersionNumber)).toEqual([1, 2, 3]);
    const defaults = await ec2.describeLaunchTemplateVersions({ LaunchTemplateName: 'web-server', Filters: [{ Name: 'is-default-version', Values: ['true'] }] });
    expect(defaults.LaunchTemplateVersions!.map((v) => v.VersionNumber)).toEqual([2]);
    const described = await ec2.describeLaunchTemplates({ Filters: [{ Name: 'tag:team', Values: ['a'] }] });
    expect(described.LaunchTemplates!.map((t) => [t.LaunchTemplateName, t.DefaultVersionNumber, t.LatestVersionNumber])).toEqual([['web-server', 2, 3]]);
  });

  // EC2 user guide, "Launch an instance from a launch template": parameters given on the call override the template's;
  // instances launched from a template carry the tags aws:ec2launchtemplate:id and aws:ec2launchtemplate:version.
  test('RunInstances from a template ($Default when no version): the template fills in, the call overrides', async () => {
    const { model, ec2, template } = await withTemplate();
    const id = template.LaunchTemplateId!;
    await ec2.createLaunchTemplateVersion({ LaunchTemplateId: id, SourceVersion: '1', LaunchTemplateData: { InstanceType: 't3.small' } });
    const r = await ec2.runInstances({ LaunchTemplate: { LaunchTemplateName: 'web-server' }, MinCount: 1, MaxCount: 1, KeyName: 'ops' });
    const i = await instanceOf(ec2, r.Instances![0].InstanceId!);
    expect(i.InstanceType).toBe('t3.micro'); // version 1, the default
    expect(i.KeyName).toBe('ops'); // the call wins
    expect(i.Tags).toEqual(
      expect.arrayContaining([
        { Key: 'Role', Value: 'web' },
        { Key: 'aws:ec2launchtemplate:id', Value: id },
        { Key: 'aws:ec2launchtemplate:version', Value: '1' },
      ]),
    );
    const attr = await ec2.describeInstanceAttribute({ InstanceId: i.InstanceId!, Attribute: 'userData' });
    expect(atob(attr.UserData!.Value!)).toBe('#!/bin/bash\necho v1\n');

    const latest = await ec2.runInstances({
      LaunchTemplate: { LaunchTemplateId: id, Version: '$Latest' },
      MinCount: 1,
      MaxCount: 1,
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Role', Value: 'canary' }] }],
    });
    const j = await instanceOf(ec2, latest.Instances![0].InstanceId!);
    expect(j.InstanceType).toBe('t3.small');
    expect(j.Tags).toContainEqual({ Key: 'Role', Value: 'canary' });
    expect(j.Tags).not.toContainEqual({ Key: 'Role', Value: 'web' });
    expect(j.Tags).toContainEqual({ Key: 'aws:ec2launchtemplate:version', Value: '2' });
    await expectNoChange(model, () => ec2.runInstances({ LaunchTemplate: { LaunchTemplateId: id, Version: '9' }, MinCount: 1, MaxCount: 1 }), 'InvalidLaunchTemplateId.VersionNotFound');
  });

  test('a template without an image still needs ImageId on the call', async () => {
    const { ec2 } = setup();
    await ec2.createLaunchTemplate({ LaunchTemplateName: 'no-image', LaunchTemplateData: { InstanceType: 't3.micro' } });
    await expectEc2Error(ec2.runInstances({ LaunchTemplate: { LaunchTemplateName: 'no-image' }, MinCount: 1, MaxCount: 1 }), 'MissingParameter', 'The request must contain the parameter ImageId');
    const r = await ec2.runInstances({ LaunchTemplate: { LaunchTemplateName: 'no-image' }, ImageId: await newestAl2023(ec2), MinCount: 1, MaxCount: 1 });
    expect(r.Instances![0].InstanceType).toBe('t3.micro');
  });

  test('DescribeTags shows the template tags; the state survives export and load', async () => {
    const { model, ec2, template } = await withTemplate();
    const tags = await ec2.describeTags({ Filters: [{ Name: 'resource-type', Values: ['launch-template'] }] });
    expect(tags.Tags).toEqual([{ Key: 'team', ResourceId: template.LaunchTemplateId, ResourceType: 'launch-template', Value: 'a' }]);
    const copy = model.clone();
    const again = await copy.client('us-east-1').describeLaunchTemplates();
    expect(again.LaunchTemplates!.map((t) => t.LaunchTemplateId)).toEqual([template.LaunchTemplateId]);
  });
});
