/**
 * ModifyInstanceAttribute for the two attributes the course changes: the instance type and the user
 * data. EC2 changes either only while the instance is stopped (the EC2 user guide, "Change the instance
 * type" and "Work with instance user data"); both forms of the call are accepted: the SDK's
 * `InstanceType: { Value }` / `UserData: { Value }` and the older `Attribute` + `Value`.
 */
import type { Ctx } from '../context.ts';
import { Errors } from '../errors.ts';
import type { ModifyInstanceAttributeRequest } from '../sdk-shapes.ts';
import { instanceTypeSpec } from './instance-types.ts';
import { checkUserData, requireInstances } from './instances.ts';

type Change = { attribute: 'instanceType'; value: string } | { attribute: 'userData'; value: string };

/** Raw bytes as base64 text, without Node's Buffer (the model also runs in the browser). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
  return btoa(binary);
}

/** The one change a call asks for; EC2 modifies one attribute per call. */
function requestedChange(input: ModifyInstanceAttributeRequest): Change {
  const changes: Change[] = [];
  if (input.InstanceType?.Value !== undefined) changes.push({ attribute: 'instanceType', value: input.InstanceType.Value });
  if (input.UserData?.Value !== undefined) {
    const v = input.UserData.Value;
    changes.push({ attribute: 'userData', value: typeof v === 'string' ? v : toBase64(v) });
  }
  if (input.Attribute !== undefined) {
    if (input.Attribute !== 'instanceType' && input.Attribute !== 'userData') {
      throw Errors.invalidParameterValue(`The attribute '${input.Attribute.slice(0, 64)}' cannot be modified in mini-EC2 (only instanceType and userData are modelled).`);
    }
    if (input.Value === undefined) throw Errors.missingParameter('Value');
    changes.push({ attribute: input.Attribute, value: input.Value });
  }
  // "No attributes specified." is EC2's answer quoted in ansible-collections/amazon.aws#470.
  if (changes.length === 0) throw Errors.invalidParameterCombination('No attributes specified.');
  if (changes.length > 1) throw Errors.invalidParameterCombination('Only one attribute can be modified at a time.');
  return changes[0];
}

export function modifyInstanceAttribute(ctx: Ctx, input: ModifyInstanceAttributeRequest, dryRun: boolean): void {
  if (input.InstanceId === undefined) throw Errors.missingParameter('InstanceId');
  const change = requestedChange(input);
  const [instance] = requireInstances(ctx.region, [input.InstanceId]);
  if (change.attribute === 'instanceType') {
    const spec = instanceTypeSpec(change.value);
    if (!spec) throw Errors.invalidValue(change.value, 'InstanceType');
    if (!(spec.architectures as string[]).includes(instance.architecture)) {
      throw Errors.archMismatch(spec.architectures.includes('arm64') ? 'arm64' : 'x86_64', instance.architecture);
    }
  } else {
    checkUserData(change.value);
  }
  if (instance.state !== 'stopped') throw Errors.notStopped(instance.id);
  if (dryRun) throw Errors.dryRun();
  if (change.attribute === 'instanceType') instance.instanceType = instanceTypeSpec(change.value)!.name;
  else instance.userData = change.value;
  ctx.emit({ type: 'instance-attribute-changed', resourceId: instance.id, instanceId: instance.id, attribute: change.attribute });
}
