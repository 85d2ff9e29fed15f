// The wizard's pure helpers: what each AMI tab asks DescribeImages, search and community rules, and the
// RunInstances request built from the learner's choices.
import { describe, expect, it } from 'vitest';
import { isCommunityImage, matchesSearch, sortImages, tabRequest, tabRequestForCli } from '../../src/viz/wizard/ami-tabs.ts';
import { buildRunRequest, type LaunchChoices } from '../../src/viz/wizard/launch-request.ts';
import { createKeyPairCli, runInstancesCli } from '../../src/viz/wizard/cli.ts';

const choices = (over: Partial<LaunchChoices> = {}): LaunchChoices => ({
  name: '', tags: [], imageId: 'ami-0123456789abcdef0', instanceType: 't3.micro', keyName: '', subnetId: '', securityGroupId: '',
  volumeSizeGiB: 8, volumeType: 'gp3', count: 1, ...over,
});

describe('AMI tabs', () => {
  it('asks DescribeImages what the console tab shows', () => {
    expect(tabRequest({ tab: 'quickstart', search: '', arch: '' }, ['ami-1'])).toEqual({ ImageIds: ['ami-1'] });
    expect(tabRequest({ tab: 'mine', search: 'x', arch: 'arm64' })).toEqual({ Owners: ['self'], Filters: [{ Name: 'architecture', Values: ['arm64'] }] });
    expect(tabRequest({ tab: 'marketplace', search: '', arch: '' })).toEqual({ Owners: ['aws-marketplace'] });
    expect(tabRequest({ tab: 'community', search: '', arch: '' })).toEqual({ ExecutableUsers: ['all'] });
    expect(tabRequestForCli({ tab: 'mine', search: ' web ', arch: '' }).Filters).toEqual([{ Name: 'name', Values: ['*web*'] }]);
  });

  it('searches name, description and ID without case, and lists newest first', () => {
    const a = { ImageId: 'ami-aaa', Name: 'Ubuntu 24.04', CreationDate: '2026-01-01T00:00:00.000Z' };
    const b = { ImageId: 'ami-bbb', Name: 'debian-12', Description: 'Debian Bookworm', CreationDate: '2026-02-01T00:00:00.000Z' };
    expect(matchesSearch(a, 'UBUNTU')).toBe(true);
    expect(matchesSearch(b, 'bookworm')).toBe(true);
    expect(matchesSearch(b, 'ami-bb')).toBe(true);
    expect(matchesSearch(a, 'debian')).toBe(false);
    expect(sortImages([a, b]).map((i) => i.ImageId)).toEqual(['ami-bbb', 'ami-aaa']);
  });

  it('keeps Quick Start and Marketplace images out of Community AMIs', () => {
    const qs = new Set(['ami-qs']);
    expect(isCommunityImage({ ImageId: 'ami-x', Public: true }, qs)).toBe(true);
    expect(isCommunityImage({ ImageId: 'ami-qs', Public: true }, qs)).toBe(false);
    expect(isCommunityImage({ ImageId: 'ami-m', Public: true, ProductCodes: [{ ProductCodeId: 'p', ProductCodeType: 'marketplace' }] }, qs)).toBe(false);
    expect(isCommunityImage({ ImageId: 'ami-own', Public: false }, qs)).toBe(false);
  });
});

describe('the launch request', () => {
  it('sends only what was chosen: defaults stay out, as in the console', () => {
    expect(buildRunRequest(choices())).toEqual({ ImageId: 'ami-0123456789abcdef0', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 });
  });

  it('tags instance and volumes, ignores empty tag rows, and maps the root volume', () => {
    const request = buildRunRequest(choices({
      name: ' web ', tags: [{ key: 'team', value: 'blue' }, { key: ' ', value: 'ignored' }], keyName: 'lab', subnetId: 'subnet-1',
      securityGroupId: 'sg-1', rootDeviceName: '/dev/xvda', volumeSizeGiB: 20, volumeType: 'gp2', count: 3,
    }));
    expect(request).toMatchObject({
      MinCount: 3, MaxCount: 3, KeyName: 'lab', SubnetId: 'subnet-1', SecurityGroupIds: ['sg-1'],
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 20, VolumeType: 'gp2', DeleteOnTermination: true } }],
    });
    const tags = [{ Key: 'Name', Value: 'web' }, { Key: 'team', Value: 'blue' }];
    expect(request.TagSpecifications).toEqual([{ ResourceType: 'instance', Tags: tags }, { ResourceType: 'volume', Tags: tags }]);
    const cli = runInstancesCli('sa-east-1', request);
    expect(cli).toMatch(/^aws ec2 run-instances \\\n {4}--region sa-east-1/);
    expect(cli).toContain('--count 3');
    expect(cli).toContain('--security-group-ids sg-1');
  });

  it('prints the key pair command that saves the private key', () => {
    expect(createKeyPairCli('us-east-1', 'lab key')).toBe("aws ec2 create-key-pair \\\n    --region us-east-1 \\\n    --key-name 'lab key' \\\n    --query KeyMaterial \\\n    --output text > 'lab key.pem'");
  });
});
