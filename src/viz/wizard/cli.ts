// The AWS CLI command equivalent to each step of the wizard. Built from the same request objects the
// wizard sends to the model, so what the learner reads is what ran. Pure functions: tested in
// tests/viz/wizard-cli.test.ts.
import type { CreateImageRequest, DescribeImagesRequest, Filter, RunInstancesRequest } from '../../mini-ec2/sdk-shapes.ts';

/** Quotes a value for a POSIX shell only when it needs it. */
export function shellQuote(value: string): string {
  if (value !== '' && /^[A-Za-z0-9_./:=,@+%-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function filtersArgs(filters: readonly Filter[] | undefined): string[] {
  if (!filters?.length) return [];
  return ['--filters', ...filters.map((f) => shellQuote(`Name=${f.Name ?? ''},Values=${(f.Values ?? []).join(',')}`))];
}

/** Joins `aws ec2 <command>` and its arguments; long commands break across lines with a backslash. */
function command(name: string, region: string, args: string[]): string {
  const parts = [`aws ec2 ${name}`, `--region ${region}`];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('--')) parts.push(arg);
    else parts[parts.length - 1] += ` ${arg}`;
  }
  return parts.join(' \\\n    ');
}

export function describeImagesCli(region: string, request: DescribeImagesRequest): string {
  const args: string[] = [];
  if (request.ImageIds?.length) args.push('--image-ids', ...request.ImageIds);
  if (request.Owners?.length) args.push('--owners', ...request.Owners);
  if (request.ExecutableUsers?.length) args.push('--executable-users', ...request.ExecutableUsers);
  args.push(...filtersArgs(request.Filters));
  return command('describe-images', region, args);
}

export function describeInstanceTypesCli(region: string, instanceType: string): string {
  return command('describe-instance-types', region, [
    '--instance-types', instanceType,
    '--query', shellQuote('InstanceTypes[].[InstanceType,VCpuInfo.DefaultVCpus,MemoryInfo.SizeInMiB,ProcessorInfo.SupportedArchitectures]'),
  ]);
}

export function describeKeyPairsCli(region: string, keyName?: string): string {
  return command('describe-key-pairs', region, keyName ? ['--key-names', shellQuote(keyName)] : []);
}

export function createKeyPairCli(region: string, keyName: string): string {
  // The private key is printed once: the CLI user saves it to a .pem file.
  return `${command('create-key-pair', region, ['--key-name', shellQuote(keyName), '--query', 'KeyMaterial', '--output', 'text'])} > ${shellQuote(`${keyName}.pem`)}`;
}

export function describeNetworkCli(region: string, subnetId?: string, groupId?: string): string {
  const subnets = command('describe-subnets', region, subnetId ? ['--subnet-ids', subnetId] : ['--filters', shellQuote('Name=default-for-az,Values=true')]);
  const groups = command('describe-security-groups', region, groupId ? ['--group-ids', groupId] : ['--filters', shellQuote('Name=group-name,Values=default')]);
  return `${subnets}\n${groups}`;
}

/** The JSON the CLI takes for structured options, compact. */
function json(value: unknown): string {
  return shellQuote(JSON.stringify(value));
}

/** Tag specifications in the CLI's shorthand: ResourceType=instance,Tags=[{Key=Name,Value=web}] */
function tagSpecShorthand(spec: NonNullable<RunInstancesRequest['TagSpecifications']>[number]): string {
  const tags = (spec.Tags ?? []).map((t) => `{Key=${t.Key ?? ''},Value=${t.Value ?? ''}}`).join(',');
  return `ResourceType=${spec.ResourceType ?? ''},Tags=[${tags}]`;
}

export function blockDeviceArgs(request: Pick<RunInstancesRequest, 'BlockDeviceMappings'>): string[] {
  return request.BlockDeviceMappings?.length ? ['--block-device-mappings', json(request.BlockDeviceMappings)] : [];
}

export function tagArgs(request: Pick<RunInstancesRequest, 'TagSpecifications'>): string[] {
  return request.TagSpecifications?.length ? ['--tag-specifications', ...request.TagSpecifications.map((s) => shellQuote(tagSpecShorthand(s)))] : [];
}

export function runInstancesCli(region: string, request: RunInstancesRequest): string {
  const args: string[] = ['--image-id', request.ImageId ?? '<ami-id>'];
  if (request.InstanceType) args.push('--instance-type', request.InstanceType);
  const count = request.MinCount === request.MaxCount ? String(request.MaxCount ?? 1) : `${request.MinCount}:${request.MaxCount}`;
  args.push('--count', count);
  if (request.KeyName) args.push('--key-name', shellQuote(request.KeyName));
  if (request.SubnetId) args.push('--subnet-id', request.SubnetId);
  if (request.SecurityGroupIds?.length) args.push('--security-group-ids', ...request.SecurityGroupIds);
  // The CLI reads the script from a file and base64-encodes it itself (userDataCli writes that file).
  if (request.UserData) args.push('--user-data', `file://${USER_DATA_FILE}`);
  args.push(...blockDeviceArgs(request), ...tagArgs(request));
  return command('run-instances', region, args);
}

const USER_DATA_FILE = 'user-data.sh';

/** The shell lines that write the user data script to the file run-instances reads. */
export function userDataCli(script: string): string {
  const body = script.endsWith('\n') ? script : `${script}\n`;
  return `cat > ${USER_DATA_FILE} <<'EOF'\n${body}EOF`;
}

export function createImageCli(region: string, request: CreateImageRequest): string {
  const args = ['--instance-id', request.InstanceId ?? '<instance-id>', '--name', shellQuote(request.Name ?? '')];
  if (request.Description) args.push('--description', shellQuote(request.Description));
  if (request.NoReboot) args.push('--no-reboot');
  return command('create-image', region, args);
}

export function instanceActionCli(region: string, action: 'stop' | 'start' | 'terminate', instanceId: string): string {
  return command(`${action}-instances`, region, ['--instance-ids', instanceId]);
}
